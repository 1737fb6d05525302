//! Personal weights: the FSRS optimizer fits the model to the learner's own
//! review history, and the crate's evaluation says whether the fit predicts
//! that history better than the weights in use.

use super::{Rating, SrsParams, validate_weights};
use crate::ValidationError;
use chrono::{DateTime, Utc};
use fsrs::{ComputeParametersInput, FSRS, FSRSError, FSRSItem, FSRSReview, compute_parameters};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use ts_rs::TS;

/// Fewer reviews than this are refused: the fit would mostly be noise.
pub const MIN_REVIEWS_TO_OPTIMIZE: usize = 400;

/// One review from the log, as the optimizer reads it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ReviewEntry {
    /// Which card was reviewed; entries with the same key form its history.
    pub card_key: String,
    /// The rating given.
    pub rating: Rating,
    /// When.
    pub at: DateTime<Utc>,
    /// Whole days since the card's previous review, as [`super::Scheduled`]
    /// reported it (ignored on a card's first review).
    pub elapsed_days: u32,
}

/// The outcome of [`optimize`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Optimized {
    /// The weights to use from now on: the fitted ones, or the current ones
    /// unchanged when the fit does not predict the history better.
    pub weights: Vec<f32>,
    /// How badly the current weights predict the history (log loss; lower is better).
    pub log_loss_before: f64,
    /// How badly [`Optimized::weights`] predict it.
    pub log_loss_after: f64,
    /// How many reviews the history held.
    pub reviews: usize,
}

/// Why the weights could not be optimized.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SrsError {
    /// The history is too short.
    #[error("optimizing needs at least {needed} reviews; there are {reviews} so far")]
    NotEnoughReviews {
        /// Reviews in the history.
        reviews: usize,
        /// Reviews needed.
        needed: usize,
    },
    /// No card was reviewed again on a later day, so there is nothing to fit.
    #[error("no card has been reviewed again on a later day yet, so there is nothing to learn from")]
    NoRepeatedReviews,
    /// The current parameters are invalid.
    #[error(transparent)]
    Invalid(#[from] ValidationError),
    /// The optimizer or the evaluation failed.
    #[error("the FSRS optimizer failed: {0}")]
    Optimizer(String),
}

impl From<FSRSError> for SrsError {
    fn from(error: FSRSError) -> Self {
        let reason = match error {
            FSRSError::NotEnoughData => "too few usable reviews once outliers are set aside".to_string(),
            FSRSError::InvalidInput => "the history holds reviews it cannot read".to_string(),
            FSRSError::InvalidParameters => "the weights are not a valid FSRS set".to_string(),
            other => format!("{other:?}"),
        };
        SrsError::Optimizer(reason)
    }
}

/// Fits FSRS weights to `history` (any order, several cards mixed) and
/// compares them with `current.weights` on the same history. Refuses fewer
/// than [`MIN_REVIEWS_TO_OPTIMIZE`] reviews. Runs the optimizer in the calling
/// thread and may take seconds on a large history.
pub fn optimize(history: &[ReviewEntry], current: &SrsParams) -> Result<Optimized, SrsError> {
    if history.len() < MIN_REVIEWS_TO_OPTIMIZE {
        return Err(SrsError::NotEnoughReviews { reviews: history.len(), needed: MIN_REVIEWS_TO_OPTIMIZE });
    }
    let weights = validate_weights(&current.weights)?;
    let (items, card_ids) = training_items(history);
    if items.is_empty() {
        return Err(SrsError::NoRepeatedReviews);
    }
    let log_loss_before = log_loss(&weights, &items, &card_ids)?;
    let fitted = compute_parameters(ComputeParametersInput {
        train_set: items.clone(),
        card_ids: Some(card_ids.clone()),
        num_relearning_steps: Some(1),
        ..Default::default()
    })?;
    let log_loss_fitted = log_loss(&fitted, &items, &card_ids)?;
    let (weights, log_loss_after) =
        if log_loss_fitted < log_loss_before { (fitted, log_loss_fitted) } else { (weights, log_loss_before) };
    Ok(Optimized { weights, log_loss_before, log_loss_after, reviews: history.len() })
}

/// The crate's training items, built as Anki builds them: for every review on a
/// later day than the card's previous one, the card's history up to it (a
/// same-day review says nothing about the forgetting curve), ordered by the time
/// of that review (the optimizer weighs recent items more), with the card index
/// of each item.
fn training_items(history: &[ReviewEntry]) -> (Vec<FSRSItem>, Vec<i64>) {
    let mut cards: Vec<Vec<&ReviewEntry>> = Vec::new();
    let mut index: HashMap<&str, usize> = HashMap::new();
    for entry in history {
        let card = *index.entry(entry.card_key.as_str()).or_insert_with(|| {
            cards.push(Vec::new());
            cards.len() - 1
        });
        cards[card].push(entry);
    }
    let mut items = Vec::new();
    for (card_id, entries) in (0_i64..).zip(cards.iter_mut()) {
        entries.sort_by_key(|entry| entry.at);
        let reviews: Vec<FSRSReview> = entries
            .iter()
            .enumerate()
            .map(|(i, entry)| FSRSReview {
                rating: u32::from(entry.rating.number()),
                delta_t: if i == 0 { 0 } else { entry.elapsed_days },
            })
            .collect();
        for end in 2..=reviews.len() {
            if reviews[end - 1].delta_t > 0 {
                items.push((entries[end - 1].at, card_id, FSRSItem { reviews: reviews[..end].to_vec() }));
            }
        }
    }
    items.sort_by_key(|(at, _, _)| *at);
    items.into_iter().map(|(_, card_id, item)| (item, card_id)).unzip()
}

fn log_loss(weights: &[f32], items: &[FSRSItem], card_ids: &[i64]) -> Result<f64, SrsError> {
    let evaluation = FSRS::new(weights)?.evaluate_with_card_ids(items.to_vec(), card_ids.to_vec(), |_| true)?;
    Ok(f64::from(evaluation.log_loss))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::srs::{SrsCard, retrievability, schedule};
    use chrono::TimeDelta;

    fn start() -> DateTime<Utc> {
        DateTime::parse_from_rfc3339("2026-01-05T08:00:00Z").unwrap().to_utc()
    }

    /// A learner who forgets faster than the FSRS defaults assume, reviewing
    /// `cards` cards `per_card` times each when due. Recall is drawn from a
    /// seeded generator against the learner's true memory.
    fn synthetic_history(cards: usize, per_card: usize) -> Vec<ReviewEntry> {
        let scheduler = SrsParams::default();
        let mut truth_weights = fsrs::DEFAULT_PARAMETERS.to_vec();
        truth_weights[2] = 0.8;
        truth_weights[8] = 1.2;
        let truth = SrsParams { weights: truth_weights, ..SrsParams::default() };
        let mut seed = 0x2545_f491_4f6c_dd1d_u64;
        let mut draw = move || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed >> 11) as f64 / (1_u64 << 53) as f64
        };
        let mut history = Vec::new();
        for card in 0..cards {
            let mut now = start() + TimeDelta::minutes(card as i64);
            let (mut shown, mut known) = (SrsCard::new(now), SrsCard::new(now));
            for _ in 0..per_card {
                let recall = retrievability(&known, now, &truth).unwrap_or(1.0);
                let rating = match draw() {
                    _ if shown.memory.is_none() => Rating::Good,
                    roll if roll >= recall => Rating::Again,
                    roll if roll < 0.1 => Rating::Hard,
                    roll if roll > 0.95 * recall => Rating::Easy,
                    _ => Rating::Good,
                };
                let outcome = schedule(&shown, rating, now, &scheduler);
                let key = format!("card-{card}");
                history.push(ReviewEntry { card_key: key, rating, at: now, elapsed_days: outcome.elapsed_days });
                known = schedule(&known, rating, now, &truth).card;
                shown = outcome.card;
                now = shown.due;
            }
        }
        history
    }

    #[test]
    fn refuses_a_short_history() {
        let history = synthetic_history(57, 7);
        assert_eq!(history.len(), 399);
        let error = optimize(&history, &SrsParams::default()).unwrap_err();
        assert_eq!(error, SrsError::NotEnoughReviews { reviews: 399, needed: 400 });
        assert_eq!(error.to_string(), "optimizing needs at least 400 reviews; there are 399 so far");
    }

    #[test]
    fn refuses_invalid_current_weights_and_histories_without_repeats() {
        let history = synthetic_history(100, 6);
        let bad = SrsParams { weights: vec![1.0; 3], ..SrsParams::default() };
        assert!(matches!(optimize(&history, &bad), Err(SrsError::Invalid(_))));
        let first_only: Vec<ReviewEntry> =
            (0..400).map(|i| ReviewEntry { card_key: format!("c{i}"), ..history[0].clone() }).collect();
        assert_eq!(optimize(&first_only, &SrsParams::default()), Err(SrsError::NoRepeatedReviews));
    }

    #[test]
    fn items_are_card_prefixes_in_review_order() {
        let t = start();
        let entry = |key: &str, rating, hours: i64, elapsed_days| ReviewEntry {
            card_key: key.to_string(),
            rating,
            at: t + TimeDelta::hours(hours),
            elapsed_days,
        };
        let history = [
            entry("b", Rating::Good, 72, 2),
            entry("a", Rating::Good, 0, 9),
            entry("b", Rating::Again, 24, 0),
            entry("b", Rating::Good, 73, 0),
            entry("a", Rating::Easy, 48, 2),
            entry("b", Rating::Good, 25, 0),
        ];
        let (items, card_ids) = training_items(&history);
        let shape: Vec<Vec<(u32, u32)>> =
            items.iter().map(|item| item.reviews.iter().map(|r| (r.rating, r.delta_t)).collect()).collect();
        assert_eq!(shape, [vec![(3, 0), (4, 2)], vec![(1, 0), (3, 0), (3, 2)]]);
        assert_eq!(card_ids, [1, 0]);
    }

    #[test]
    fn fits_a_synthetic_history() {
        let history = synthetic_history(100, 6);
        assert_eq!(history.len(), 600);
        let optimized = optimize(&history, &SrsParams::default()).unwrap();
        assert_eq!(optimized.reviews, 600);
        assert_eq!(optimized.weights.len(), 21);
        assert!(optimized.log_loss_after < optimized.log_loss_before, "{optimized:?}");
        assert!(validate_weights(&optimized.weights).is_ok());
        let again = optimize(&history, &SrsParams { weights: optimized.weights.clone(), ..SrsParams::default() });
        let again = again.unwrap();
        assert!(again.log_loss_after <= again.log_loss_before);
    }
}
