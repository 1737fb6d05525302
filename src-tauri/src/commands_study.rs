//! Tauri commands of the study features: questions, the daily test, reviews.

use crate::desktop::Shared;
use chrono::{DateTime, Utc};
use tauri::State;
use waymark_app::study_views::{CardImport, CardView, GoalStudy, RatedCard, TodayTest};
use waymark_app::{AppResult, SettingsView};
use waymark_core::card::TestAttempt;
use waymark_core::question::{Answer, Checked, QuestionInput};
use waymark_core::srs::Optimized;

type S<'a> = State<'a, Shared>;

#[tauri::command]
pub fn add_question(state: S<'_>, goal_id: String, input: QuestionInput) -> AppResult<CardView> {
    state.with(|app| app.add_question(&goal_id, input))
}

#[tauri::command]
pub fn update_question(state: S<'_>, card_id: String, input: QuestionInput) -> AppResult<CardView> {
    state.with(|app| app.update_question(&card_id, input))
}

#[tauri::command]
pub fn delete_question(state: S<'_>, card_id: String) -> AppResult<()> {
    state.with(|app| app.delete_question(&card_id))
}

#[tauri::command]
pub fn goal_study(state: S<'_>, goal_id: String) -> AppResult<GoalStudy> {
    state.with(|app| app.goal_study(&goal_id))
}

#[tauri::command]
pub fn import_cards(state: S<'_>, text: String, goal_id: Option<String>, confirm: bool) -> AppResult<CardImport> {
    state.with(|app| app.import_cards(&text, goal_id.as_deref(), confirm))
}

#[tauri::command]
pub fn due_cards(state: S<'_>) -> AppResult<Vec<CardView>> {
    state.with(|app| app.due_cards(None))
}

#[tauri::command]
pub fn rate_card(state: S<'_>, card_id: String, rating: u8, duration_ms: Option<u32>) -> AppResult<RatedCard> {
    state.with(|app| app.rate_card(&card_id, rating, None::<DateTime<Utc>>, duration_ms))
}

#[tauri::command]
pub fn optimize_fsrs(state: S<'_>) -> AppResult<Optimized> {
    state.with(|app| app.optimize_fsrs())
}

#[tauri::command]
pub fn today_test(state: S<'_>) -> AppResult<TodayTest> {
    state.with(|app| app.today_test())
}

#[tauri::command]
pub fn check_answer(state: S<'_>, question_id: String, answer: Answer) -> AppResult<Checked> {
    state.with(|app| app.check_answer(&question_id, &answer))
}

#[tauri::command]
pub fn submit_test(state: S<'_>, answers: Vec<(String, Answer)>) -> AppResult<TestAttempt> {
    state.with(|app| app.submit_test(answers))
}

#[tauri::command]
pub fn update_study_settings(state: S<'_>, pass_mark: f64, desired_retention: f64) -> AppResult<SettingsView> {
    state.with(|app| app.update_study_settings(pass_mark, desired_retention))
}
