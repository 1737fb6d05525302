//! Spaced repetition for revision cards: when to show a card again so that it is
//! still remembered, using FSRS-6 (the scheduler Anki ships) through the `fsrs`
//! crate. Everything here is a pure function of the card's memory state, the
//! rating, the time passed in, the weights and the desired retention.
//!
//! # The rule
//!
//! FSRS tracks a memory state per card (stability in days and difficulty 1–10)
//! and updates it on every review, same-day reviews included. Around it:
//!
//! - **Again** keeps the card in the session: it is shown again
//!   [`RESHOW_MINUTES`] later. A new card becomes [`CardState::Learning`]; a
//!   review card becomes [`CardState::Relearning`] and counts a lapse; a
//!   (re)learning card stays where it is.
//! - **Hard, Good and Easy** move any card to [`CardState::Review`], due after
//!   the FSRS interval for the desired retention, rounded to whole days (at least
//!   one, at most [`MAX_INTERVAL_DAYS`]). As in Anki, Good is at least a day
//!   longer than Hard and Easy at least a day longer than Good, so the four
//!   buttons always differ.
//! - Elapsed time is counted in whole 24-hour periods since the last review; a
//!   review less than a day after the previous one is a same-day review.
//! - There is no random fuzz: the same inputs always give the same due time.
//!
//! [`optimize`] fits the weights to the learner's own review history with the
//! crate's optimizer.

mod optimize;
mod schedule;

pub use optimize::{MIN_REVIEWS_TO_OPTIMIZE, Optimized, ReviewEntry, SrsError, optimize};
pub use schedule::{MAX_INTERVAL_DAYS, RESHOW_MINUTES, Scheduled, preview, retrievability, schedule};

use crate::{ValidationError, ValidationResult};
use chrono::{DateTime, Utc};
use fsrs::{FSRS, MemoryState};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// The retention FSRS aims for unless the learner picks another.
pub const DEFAULT_RETENTION: f64 = 0.90;

/// The lowest desired retention accepted.
pub const MIN_RETENTION: f64 = 0.70;

/// The highest desired retention accepted.
pub const MAX_RETENTION: f64 = 0.97;

/// How well the learner recalled a card.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Rating {
    /// Forgotten.
    Again = 1,
    /// Recalled with serious difficulty.
    Hard = 2,
    /// Recalled after some thought.
    Good = 3,
    /// Recalled at once.
    Easy = 4,
}

impl Rating {
    /// The four ratings in button order.
    pub const ALL: [Rating; 4] = [Rating::Again, Rating::Hard, Rating::Good, Rating::Easy];

    /// The rating for its button number, 1 (Again) to 4 (Easy).
    pub fn from_number(number: u8) -> ValidationResult<Rating> {
        match number {
            1 => Ok(Rating::Again),
            2 => Ok(Rating::Hard),
            3 => Ok(Rating::Good),
            4 => Ok(Rating::Easy),
            _ => Err(ValidationError::new("rating", format!("must be 1 (Again) to 4 (Easy); got {number}"))),
        }
    }

    /// Its button number, 1 (Again) to 4 (Easy).
    pub fn number(self) -> u8 {
        self as u8
    }
}

/// Where a card is in its life.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum CardState {
    /// Never reviewed.
    #[default]
    New,
    /// Failed on its first reviews; shown again within the session.
    Learning,
    /// Remembered; due after an interval of days.
    Review,
    /// Forgotten after it had been remembered; shown again within the session.
    Relearning,
}

/// The FSRS memory state of a card.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, TS)]
pub struct Memory {
    /// Days until the chance of recall falls to 90%.
    pub stability: f64,
    /// How hard the card is to remember, from 1 (easy) to 10 (hard).
    pub difficulty: f64,
}

impl Memory {
    fn from_fsrs(state: MemoryState) -> Self {
        Self { stability: f64::from(state.stability), difficulty: f64::from(state.difficulty) }
    }

    /// Finite with a positive stability; anything else is treated as unknown.
    fn to_fsrs(self) -> Option<MemoryState> {
        let usable = self.stability.is_finite() && self.stability > 0.0 && self.difficulty.is_finite();
        usable.then_some(MemoryState { stability: self.stability as f32, difficulty: self.difficulty as f32 })
    }
}

/// A revision card's scheduling state.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct SrsCard {
    /// Where it is in its life.
    pub state: CardState,
    /// Its memory state; `None` until the first review.
    pub memory: Option<Memory>,
    /// When it should be shown next.
    pub due: DateTime<Utc>,
    /// When it was last reviewed.
    pub last_review: Option<DateTime<Utc>>,
    /// How many times it was reviewed.
    pub reps: u32,
    /// How many times it was forgotten after it had been remembered.
    pub lapses: u32,
}

impl SrsCard {
    /// A card never reviewed, due at `now`.
    pub fn new(now: DateTime<Utc>) -> Self {
        Self { state: CardState::New, memory: None, due: now, last_review: None, reps: 0, lapses: 0 }
    }
}

/// The learner's scheduling settings.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct SrsParams {
    /// FSRS weights: empty for the FSRS-6 defaults, or 21 numbers from
    /// [`optimize`] (17 or 19 from older FSRS versions are also read).
    pub weights: Vec<f32>,
    /// The chance of recall to aim for when a card comes due, 0.70 to 0.97.
    pub desired_retention: f64,
}

impl Default for SrsParams {
    fn default() -> Self {
        Self { weights: Vec::new(), desired_retention: DEFAULT_RETENTION }
    }
}

/// Checks a desired retention: 0.70 to 0.97.
pub fn validate_retention(retention: f64) -> ValidationResult<f64> {
    if (MIN_RETENTION..=MAX_RETENTION).contains(&retention) {
        Ok(retention)
    } else {
        Err(ValidationError::new("desired_retention", format!("must be between 0.70 and 0.97; got {retention}")))
    }
}

/// Checks FSRS weights: none (the defaults), or 17, 19 or 21 finite numbers.
/// Values outside the ranges FSRS allows are clamped by FSRS, not refused.
pub fn validate_weights(weights: &[f32]) -> ValidationResult<Vec<f32>> {
    if !matches!(weights.len(), 0 | 17 | 19 | 21) {
        return Err(ValidationError::new(
            "weights",
            format!("must be empty (the FSRS-6 defaults) or hold 17, 19 or 21 numbers; got {}", weights.len()),
        ));
    }
    if weights.iter().any(|w| !w.is_finite()) {
        return Err(ValidationError::new("weights", "must all be finite numbers"));
    }
    Ok(weights.to_vec())
}

/// The FSRS model for a set of parameters. Invalid weights fall back to the
/// defaults and an out-of-range retention is clamped, so scheduling never fails;
/// callers refuse bad input earlier with [`validate_weights`] and
/// [`validate_retention`].
struct Model {
    fsrs: FSRS,
    decay: f32,
    retention: f32,
}

impl Model {
    fn new(params: &SrsParams) -> Self {
        let weights = validate_weights(&params.weights).unwrap_or_default();
        let filled = fsrs::check_and_fill_parameters(&weights).unwrap_or_else(|_| fsrs::DEFAULT_PARAMETERS.to_vec());
        let fsrs = FSRS::new(&filled).unwrap_or_default();
        let decay = filled.get(20).copied().unwrap_or(fsrs::FSRS6_DEFAULT_DECAY).clamp(0.1, 0.8);
        let retention = if params.desired_retention.is_nan() {
            DEFAULT_RETENTION
        } else {
            params.desired_retention.clamp(MIN_RETENTION, MAX_RETENTION)
        };
        Self { fsrs, decay, retention: retention as f32 }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ratings_come_from_button_numbers() {
        for rating in Rating::ALL {
            assert_eq!(Rating::from_number(rating.number()), Ok(rating));
        }
        let error = Rating::from_number(7).unwrap_err();
        assert_eq!(error.field, "rating");
        assert_eq!(error.message, "must be 1 (Again) to 4 (Easy); got 7");
        assert!(Rating::from_number(0).is_err());
    }

    #[test]
    fn enums_are_snake_case_strings() {
        assert_eq!(serde_json::to_string(&Rating::Again).unwrap(), "\"again\"");
        assert_eq!(serde_json::to_string(&CardState::Relearning).unwrap(), "\"relearning\"");
        let ts = <Rating as TS>::decl(&ts_rs::Config::new());
        assert!(ts.contains("\"again\" | \"hard\" | \"good\" | \"easy\""), "{ts}");
    }

    #[test]
    fn retention_must_be_between_70_and_97_percent() {
        assert_eq!(validate_retention(DEFAULT_RETENTION), Ok(0.90));
        assert_eq!(validate_retention(0.70), Ok(0.70));
        assert_eq!(validate_retention(0.97), Ok(0.97));
        let error = validate_retention(0.98).unwrap_err();
        assert_eq!(error.field, "desired_retention");
        assert_eq!(error.message, "must be between 0.70 and 0.97; got 0.98");
        assert!(validate_retention(0.5).is_err());
        assert!(validate_retention(f64::NAN).is_err());
    }

    #[test]
    fn weights_are_empty_or_a_full_fsrs_set() {
        assert_eq!(validate_weights(&[]), Ok(vec![]));
        assert!(validate_weights(&fsrs::DEFAULT_PARAMETERS).is_ok());
        let error = validate_weights(&[1.0; 5]).unwrap_err();
        assert_eq!(error.field, "weights");
        assert_eq!(error.message, "must be empty (the FSRS-6 defaults) or hold 17, 19 or 21 numbers; got 5");
        let mut broken = fsrs::DEFAULT_PARAMETERS.to_vec();
        broken[3] = f32::NAN;
        assert!(validate_weights(&broken).is_err());
    }

    #[test]
    fn bad_params_fall_back_instead_of_failing() {
        let params = SrsParams { weights: vec![1.0; 5], desired_retention: 2.0 };
        let model = Model::new(&params);
        assert_eq!(model.retention, MAX_RETENTION as f32);
        assert_eq!(model.decay, fsrs::FSRS6_DEFAULT_DECAY);
        let nan = Model::new(&SrsParams { weights: vec![], desired_retention: f64::NAN });
        assert_eq!(nan.retention, DEFAULT_RETENTION as f32);
    }

    #[test]
    fn new_cards_are_due_at_once() {
        let now = DateTime::parse_from_rfc3339("2026-03-01T09:00:00Z").unwrap().to_utc();
        let card = SrsCard::new(now);
        assert_eq!(card.due, now);
        assert_eq!((card.state, card.memory, card.reps, card.lapses), (CardState::New, None, 0, 0));
    }
}
