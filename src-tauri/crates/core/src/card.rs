//! Revision cards and what happens to them: every question is also a card with
//! an FSRS memory state; each rating is appended to the review log; each daily
//! verification test is stored as an attempt.

use crate::ids::{GoalId, QuestionId, ReviewId, StepId, TestId};
use crate::question::{Answer, Question};
use crate::srs::{CardState, Rating, SrsCard};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// A question with its revision schedule. Its id is the question's.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Card {
    /// The question (its fields appear at the top level).
    #[serde(flatten)]
    pub question: Question,
    /// Its FSRS schedule.
    pub srs: SrsCard,
}

impl Card {
    /// The card's id.
    pub fn id(&self) -> &QuestionId {
        &self.question.id
    }

    /// Whether the card is due at `now`.
    pub fn is_due(&self, now: DateTime<Utc>) -> bool {
        self.srs.due <= now
    }

    /// Its state (new, learning, review, relearning).
    pub fn state(&self) -> CardState {
        self.srs.state
    }
}

/// One rating of a card, as it happened. Append-only.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Review {
    /// Its id.
    pub id: ReviewId,
    /// The card.
    pub card_id: QuestionId,
    /// The card's goal.
    pub goal_id: GoalId,
    /// Again, Hard, Good or Easy.
    pub rating: Rating,
    /// When it was rated.
    pub at: DateTime<Utc>,
    /// The card's state before the rating.
    pub state_before: CardState,
    /// Whole days since the card's previous review.
    pub elapsed_days: u32,
    /// Days until the card is due again.
    pub scheduled_days: u32,
    /// How long the learner took, when measured.
    pub duration_ms: Option<u32>,
}

/// One answered question of a test.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct AnsweredQuestion {
    /// The question.
    pub question_id: QuestionId,
    /// Its step, if any.
    pub step_id: Option<StepId>,
    /// The learner's answer.
    pub answer: Answer,
    /// Whether it was right.
    pub correct: bool,
}

/// One attempt at a day's verification test. Append-only; retakes are new attempts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct TestAttempt {
    /// Its id.
    pub id: TestId,
    /// The learner's date it verifies.
    pub date: NaiveDate,
    /// The goals whose material it covered.
    pub goal_ids: Vec<GoalId>,
    /// The questions asked, in order.
    pub question_ids: Vec<QuestionId>,
    /// The answers given.
    pub answers: Vec<AnsweredQuestion>,
    /// Share right, 0..=1.
    pub score: f64,
    /// Whether the score reached the pass mark.
    pub passed: bool,
    /// The pass mark in effect.
    pub pass_mark: f64,
    /// When it was handed in.
    pub completed_at: DateTime<Utc>,
}
