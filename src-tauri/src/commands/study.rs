//! Study commands: questions, revision cards, reviews and the daily test.

use super::AppState;
use chrono::{DateTime, Utc};
use waymark_app::study_views::{CardImport, CardView, GoalStudy, RatedCard, TodayTest};
use waymark_app::{AppResult, SettingsView};
use waymark_core::card::TestAttempt;
use waymark_core::question::{Answer, Checked, QuestionInput};
use waymark_core::srs::Optimized;

/// Adds a question (with its revision card) to a goal.
#[tauri::command]
pub fn add_question(state: AppState<'_>, goal_id: String, input: QuestionInput) -> AppResult<CardView> {
    state.with(|app| app.add_question(&goal_id, input))
}

/// Changes a question.
#[tauri::command]
pub fn update_question(state: AppState<'_>, card_id: String, input: QuestionInput) -> AppResult<CardView> {
    state.with(|app| app.update_question(&card_id, input))
}

/// Deletes a question with its card and reviews.
#[tauri::command]
pub fn delete_question(state: AppState<'_>, card_id: String) -> AppResult<()> {
    state.with(|app| app.delete_question(&card_id))
}

/// A goal's questions, cards and weak steps.
#[tauri::command]
pub fn goal_study(state: AppState<'_>, goal_id: String) -> AppResult<GoalStudy> {
    state.with(|app| app.goal_study(&goal_id))
}

/// Imports recall cards from an Anki-style text export. Without `confirm`,
/// nothing is written when some rows fail (`needs_confirmation`).
#[tauri::command]
pub fn import_cards(
    state: AppState<'_>,
    text: String,
    goal_id: Option<String>,
    confirm: bool,
) -> AppResult<CardImport> {
    state.with(|app| app.import_cards(&text, goal_id.as_deref(), confirm))
}

/// Due cards, earliest first; only the first carries `next_intervals`.
#[tauri::command]
pub fn due_cards(state: AppState<'_>) -> AppResult<Vec<CardView>> {
    state.with(|app| app.due_cards(None))
}

/// Rates a card: 1 (Again) … 4 (Easy).
#[tauri::command]
pub fn rate_card(state: AppState<'_>, card_id: String, rating: u8, duration_ms: Option<u32>) -> AppResult<RatedCard> {
    state.with(|app| app.rate_card(&card_id, rating, None::<DateTime<Utc>>, duration_ms))
}

/// Fits FSRS to the review log.
#[tauri::command]
pub fn optimize_fsrs(state: AppState<'_>) -> AppResult<Optimized> {
    state.with(|app| app.optimize_fsrs())
}

/// Today's verification test: state, questions, attempts.
#[tauri::command]
pub fn today_test(state: AppState<'_>) -> AppResult<TodayTest> {
    state.with(|app| app.today_test())
}

/// Checks one answer without recording it.
#[tauri::command]
pub fn check_answer(state: AppState<'_>, question_id: String, answer: Answer) -> AppResult<Checked> {
    state.with(|app| app.check_answer(&question_id, &answer))
}

/// Submits today's test answers, as (question id, answer) pairs.
#[tauri::command]
pub fn submit_test(state: AppState<'_>, answers: Vec<(String, Answer)>) -> AppResult<TestAttempt> {
    state.with(|app| app.submit_test(answers))
}

/// Sets the test pass mark and the desired retention.
#[tauri::command]
pub fn update_study_settings(state: AppState<'_>, pass_mark: f64, desired_retention: f64) -> AppResult<SettingsView> {
    state.with(|app| app.update_study_settings(pass_mark, desired_retention))
}
