//! What the study use cases return: cards, the review queue, the daily test
//! and its statistics. TypeScript twins are generated (see `bindings`).

use crate::words::WeakStepView;
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use waymark_core::card::{Card, TestAttempt};
use waymark_core::cards_csv::LineError;
use waymark_core::ids::{GoalId, QuestionId, StepId};
use waymark_core::question::{Question, QuestionBody};
use waymark_core::quiz::TestStats;
use waymark_core::srs::CardState;

/// A card with what the Review screen and `waymark review` show.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct CardView {
    /// Its id.
    pub id: QuestionId,
    /// The question.
    pub question: Question,
    /// The goal's title.
    pub goal_title: String,
    /// When it is due.
    pub due: DateTime<Utc>,
    /// FSRS stability in days (`None` for a new card).
    pub stability: Option<f64>,
    /// FSRS difficulty 1–10 (`None` for a new card).
    pub difficulty: Option<f64>,
    /// New, learning, review or relearning.
    pub state: CardState,
    /// Reviews so far.
    pub reps: u32,
    /// Times forgotten.
    pub lapses: u32,
    /// The next interval in days for Again, Hard, Good, Easy (filled for the
    /// card shown next, to label the rating buttons).
    pub next_intervals: Option<[f64; 4]>,
}

/// The card after a rating (`waymark review rate`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct RatedCard {
    /// Its id.
    pub id: QuestionId,
    /// When it is due next.
    pub due: DateTime<Utc>,
    /// New stability in days.
    pub stability: f64,
    /// New difficulty.
    pub difficulty: f64,
    /// Reviews so far.
    pub reps: u32,
    /// Times forgotten.
    pub lapses: u32,
    /// Days until due (a fraction for a same-day re-show).
    pub interval_days: f64,
    /// Its state now.
    pub state: CardState,
}

/// A question as the test shows it: no answer given away.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct TestQuestion {
    /// Its id.
    pub id: QuestionId,
    /// Its step.
    pub step_id: Option<StepId>,
    /// What is asked.
    pub prompt: String,
    /// The kind of answer expected.
    pub kind: QuestionKind,
    /// The choices of a multiple-choice question (texts only).
    pub choices: Vec<String>,
    /// The back of a recall card, shown after the learner tried.
    pub back: Option<String>,
}

/// The four kinds of question.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum QuestionKind {
    /// Pick one of several choices.
    MultipleChoice,
    /// True or false.
    TrueFalse,
    /// Type a short answer.
    ShortAnswer,
    /// Recall the back, then grade yourself.
    Recall,
}

impl TestQuestion {
    /// The learner-facing form of a question.
    pub fn of(q: &Question) -> Self {
        let (kind, choices, back) = match &q.body {
            QuestionBody::MultipleChoice { choices } => {
                (QuestionKind::MultipleChoice, choices.iter().map(|c| c.text.clone()).collect(), None)
            }
            QuestionBody::TrueFalse { .. } => (QuestionKind::TrueFalse, Vec::new(), None),
            QuestionBody::ShortAnswer { .. } => (QuestionKind::ShortAnswer, Vec::new(), None),
            QuestionBody::Recall { back } => (QuestionKind::Recall, Vec::new(), Some(back.clone())),
        };
        Self { id: q.id.clone(), step_id: q.step_id.clone(), prompt: q.prompt.clone(), kind, choices, back }
    }
}

/// Where the day's verification test stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum TestState {
    /// No task is done yet today, so there is nothing to test.
    NothingToTest,
    /// Tasks are done but their steps have no questions yet.
    NoQuestions,
    /// Ready to take.
    Ready,
    /// Taken; the best attempt passed.
    Passed,
    /// Taken; no attempt passed yet (retakes allowed).
    Failed,
}

/// The day's test: its state, questions and attempts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct TodayTest {
    /// The learner's date.
    pub date: NaiveDate,
    /// Where it stands.
    pub state: TestState,
    /// The questions of the next attempt (3–10 when enough exist).
    pub questions: Vec<TestQuestion>,
    /// The pass mark.
    pub pass_mark: f64,
    /// Attempts made today, oldest first.
    pub attempts: Vec<TestAttempt>,
    /// The best score today.
    pub best_score: Option<f64>,
}

/// A goal's test statistics and weak topics.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct GoalStudy {
    /// The goal.
    pub goal_id: GoalId,
    /// Test totals (each day counted by its best attempt).
    pub stats: TestStats,
    /// Pass rate per week (Monday), oldest first.
    pub pass_rate_by_week: Vec<(NaiveDate, f64)>,
    /// Steps that need attention.
    pub weak_steps: Vec<WeakStepView>,
    /// Its cards.
    pub cards: Vec<Card>,
    /// Cards due now.
    pub due_now: u32,
}

/// What a card import did, or would do.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct CardImport {
    /// Cards written (0 when the learner still has to confirm).
    pub imported: u32,
    /// Valid rows in the file.
    pub valid: u32,
    /// Rows that could not be read.
    pub errors: Vec<LineError>,
    /// True when nothing was written because some rows failed and the import
    /// was not confirmed.
    pub needs_confirmation: bool,
}
