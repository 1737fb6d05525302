//! One review: the card's next state and due time for a rating, the four
//! outcomes the answer buttons show, and the chance of recall right now.

use super::{CardState, Memory, Model, Rating, SrsCard, SrsParams};
use chrono::{DateTime, TimeDelta, Utc};
use fsrs::ItemState;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Minutes until a card rated Again is shown again.
pub const RESHOW_MINUTES: u32 = 10;

/// The longest interval, in days (100 years, as in Anki).
pub const MAX_INTERVAL_DAYS: u32 = 36_500;

const MINUTES_PER_DAY: f64 = 1_440.0;
const MILLIS_PER_DAY: f64 = 86_400_000.0;

/// A card after a review, and how long until it is due.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Scheduled {
    /// The rating given.
    pub rating: Rating,
    /// The card after the review.
    pub card: SrsCard,
    /// Days from the review until the card is due: whole days for a review
    /// card, a fraction of a day ([`RESHOW_MINUTES`]) for a card shown again.
    pub interval_days: f64,
    /// Whole days since the previous review (0 for a first or same-day review).
    pub elapsed_days: u32,
    /// Whole days until the card is due; 0 when it is shown again the same day.
    pub scheduled_days: u32,
}

/// Reviews `card` at `now` with `rating` (see the module rule in [`crate::srs`]).
pub fn schedule(card: &SrsCard, rating: Rating, now: DateTime<Utc>, params: &SrsParams) -> Scheduled {
    let [again, hard, good, easy] = preview(card, now, params);
    match rating {
        Rating::Again => again,
        Rating::Hard => hard,
        Rating::Good => good,
        Rating::Easy => easy,
    }
}

/// What each of Again, Hard, Good and Easy would do to `card` at `now`, in
/// button order; [`schedule`] picks one of these.
pub fn preview(card: &SrsCard, now: DateTime<Utc>, params: &SrsParams) -> [Scheduled; 4] {
    let model = Model::new(params);
    let elapsed_days = elapsed_days(card.last_review, now);
    let current = card.memory.and_then(Memory::to_fsrs);
    let next = model
        .fsrs
        .next_states(current, model.retention, elapsed_days)
        .or_else(|_| model.fsrs.next_states(None, model.retention, 0))
        .expect("FSRS schedules a new card with valid parameters");
    let hard = whole_days(next.hard.interval, 1);
    let good = whole_days(next.good.interval, hard + 1);
    let easy = whole_days(next.easy.interval, good + 1);
    let outcome = |rating, state: ItemState, days| Scheduled {
        rating,
        card: reviewed(card, rating, Memory::from_fsrs(state.memory), now, days),
        interval_days: days.map_or(f64::from(RESHOW_MINUTES) / MINUTES_PER_DAY, f64::from),
        elapsed_days,
        scheduled_days: days.unwrap_or(0),
    };
    [
        outcome(Rating::Again, next.again, None),
        outcome(Rating::Hard, next.hard, Some(hard)),
        outcome(Rating::Good, next.good, Some(good)),
        outcome(Rating::Easy, next.easy, Some(easy)),
    ]
}

/// The chance, 0 to 1, that the learner recalls `card` at `now`; `None` before
/// its first review. Uses the exact time since the last review, not whole days.
pub fn retrievability(card: &SrsCard, now: DateTime<Utc>, params: &SrsParams) -> Option<f64> {
    let memory = card.memory.and_then(Memory::to_fsrs)?;
    let last_review = card.last_review?;
    let days = (now - last_review).num_milliseconds().max(0) as f64 / MILLIS_PER_DAY;
    let decay = Model::new(params).decay;
    Some(f64::from(fsrs::current_retrievability(memory, days as f32, decay)))
}

/// The card after a review; `days` is `None` when it is shown again today.
fn reviewed(card: &SrsCard, rating: Rating, memory: Memory, now: DateTime<Utc>, days: Option<u32>) -> SrsCard {
    let lapsed = rating == Rating::Again && card.state == CardState::Review;
    let (state, due) = match days {
        Some(days) => (CardState::Review, now + TimeDelta::days(i64::from(days))),
        None => {
            let state = match card.state {
                CardState::New | CardState::Learning => CardState::Learning,
                CardState::Review | CardState::Relearning => CardState::Relearning,
            };
            (state, now + TimeDelta::minutes(i64::from(RESHOW_MINUTES)))
        }
    };
    SrsCard {
        state,
        memory: Some(memory),
        due,
        last_review: Some(now),
        reps: card.reps.saturating_add(1),
        lapses: card.lapses.saturating_add(u32::from(lapsed)),
    }
}

/// Whole 24-hour periods from the last review to `now`; 0 for a new card or a
/// clock that went back.
fn elapsed_days(last_review: Option<DateTime<Utc>>, now: DateTime<Utc>) -> u32 {
    last_review.map_or(0, |last| u32::try_from((now - last).num_days().max(0)).unwrap_or(u32::MAX))
}

/// An FSRS interval rounded to whole days, at least `floor`, at most
/// [`MAX_INTERVAL_DAYS`].
fn whole_days(interval: f32, floor: u32) -> u32 {
    let max = MAX_INTERVAL_DAYS as f32;
    let rounded = if interval.is_nan() { max } else { interval.round().clamp(1.0, max) };
    (rounded as u32).max(floor).min(MAX_INTERVAL_DAYS)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(text).unwrap().to_utc()
    }

    fn defaults() -> SrsParams {
        SrsParams::default()
    }

    fn review_card(stability: f64, difficulty: f64, last_review: DateTime<Utc>, days: u32) -> SrsCard {
        SrsCard {
            state: CardState::Review,
            memory: Some(Memory { stability, difficulty }),
            due: last_review + TimeDelta::days(i64::from(days)),
            last_review: Some(last_review),
            reps: 3,
            lapses: 0,
        }
    }

    fn close(actual: f64, expected: f64) -> bool {
        (actual - expected).abs() < 1e-4
    }

    #[test]
    fn first_rating_sets_the_default_initial_stabilities() {
        // fsrs 6.6.2: model.rs `test_init_stability` (initial stability = w[0..4]) and the
        // `FSRS::next_states` doc example (new card, default parameters): stability
        // 0.212 / 1.2931 / 2.3065 / 8.2956, difficulty 6.4133 / 5.1121707 / 2.118104 / 1.0.
        let now = at("2026-03-01T09:00:00Z");
        let outcomes = preview(&SrsCard::new(now), now, &defaults());
        let expected = [(0.212, 6.4133), (1.2931, 5.1121707), (2.3065, 2.118104), (8.2956, 1.0)];
        for ((outcome, (stability, difficulty)), weight) in outcomes.iter().zip(expected).zip(fsrs::DEFAULT_PARAMETERS)
        {
            let memory = outcome.card.memory.unwrap();
            assert!(close(memory.stability, stability), "{:?}: {memory:?}", outcome.rating);
            assert!(close(memory.difficulty, difficulty), "{:?}: {memory:?}", outcome.rating);
            assert_eq!(memory.stability, f64::from(weight));
        }
        let days: Vec<u32> = outcomes.iter().map(|o| o.scheduled_days).collect();
        assert_eq!(days, [0, 1, 2, 8]);
    }

    #[test]
    fn memory_follows_the_crate_reference_sequence() {
        // fsrs 6.6.2: inference.rs `test_memory_state` — ratings Again, Good, Good, Good,
        // Good, Good after 0, 0, 1, 3, 8 and 21 days with the default parameters end at
        // stability 53.62691 and difficulty 6.3574867.
        let mut now = at("2026-03-01T09:00:00Z");
        let mut card = SrsCard::new(now);
        for (rating, days) in [(1, 0), (3, 0), (3, 1), (3, 3), (3, 8), (3, 21)] {
            now += TimeDelta::days(days);
            let outcome = schedule(&card, Rating::from_number(rating).unwrap(), now, &defaults());
            assert_eq!(outcome.elapsed_days, days as u32);
            card = outcome.card;
        }
        let memory = card.memory.unwrap();
        assert!(close(memory.stability, 53.62691), "{memory:?}");
        assert!(close(memory.difficulty, 6.3574867), "{memory:?}");
        assert_eq!((card.reps, card.lapses, card.state), (6, 0, CardState::Review));
    }

    #[test]
    fn good_good_good_at_the_scheduled_intervals() {
        // The crate's documented scheduling recipe (lib.rs example and examples/schedule.rs):
        // take `next_states(memory, 0.9, elapsed).good`, wait `interval.round().max(1.0)` days.
        // 2, 11 and 46 days also match the FSRS-6 formulas evaluated by hand with the defaults.
        let fsrs = fsrs::FSRS::default();
        let mut now = at("2026-03-01T09:00:00Z");
        let mut card = SrsCard::new(now);
        let (mut memory, mut elapsed) = (None, 0);
        let mut intervals = Vec::new();
        for _ in 0..3 {
            let reference = fsrs.next_states(memory, 0.9, elapsed).unwrap().good;
            let outcome = schedule(&card, Rating::Good, now, &defaults());
            assert_eq!(outcome.scheduled_days, reference.interval.round().max(1.0) as u32);
            assert_eq!(outcome.card.memory.unwrap().stability, f64::from(reference.memory.stability));
            assert_eq!(outcome.card.due, now + TimeDelta::days(i64::from(outcome.scheduled_days)));
            (memory, elapsed) = (Some(reference.memory), outcome.scheduled_days);
            intervals.push(outcome.scheduled_days);
            now = outcome.card.due;
            card = outcome.card;
        }
        assert_eq!(intervals, [2, 11, 46]);
        assert_eq!(card.state, CardState::Review);
        assert_eq!(card.reps, 3);
    }

    #[test]
    fn again_on_a_review_card_lapses_into_relearning() {
        let now = at("2026-03-20T09:00:00Z");
        let card = review_card(10.0, 5.0, now - TimeDelta::days(10), 10);
        let failed = schedule(&card, Rating::Again, now, &defaults());
        assert_eq!(failed.card.state, CardState::Relearning);
        assert_eq!((failed.card.lapses, failed.card.reps), (1, 4));
        assert_eq!(failed.card.due, now + TimeDelta::minutes(10));
        assert_eq!((failed.elapsed_days, failed.scheduled_days), (10, 0));
        assert!(close(failed.interval_days, 10.0 / 1440.0));
        assert!(failed.card.memory.unwrap().stability < 10.0);

        let again = schedule(&failed.card, Rating::Again, failed.card.due, &defaults());
        assert_eq!((again.card.state, again.card.lapses, again.elapsed_days), (CardState::Relearning, 1, 0));

        let relearned = schedule(&again.card, Rating::Good, again.card.due, &defaults());
        assert_eq!((relearned.card.state, relearned.card.lapses), (CardState::Review, 1));
        assert!(relearned.scheduled_days >= 1);
    }

    #[test]
    fn again_on_a_new_card_is_learning_without_a_lapse() {
        let now = at("2026-03-01T09:00:00Z");
        let learning = schedule(&SrsCard::new(now), Rating::Again, now, &defaults());
        assert_eq!((learning.card.state, learning.card.lapses), (CardState::Learning, 0));
        assert_eq!(learning.card.due, now + TimeDelta::minutes(10));
        let graduated = schedule(&learning.card, Rating::Good, learning.card.due, &defaults());
        assert_eq!((graduated.card.state, graduated.card.reps), (CardState::Review, 2));
        assert!(graduated.scheduled_days >= 1);
    }

    #[test]
    fn higher_retention_means_shorter_intervals() {
        let now = at("2026-03-20T09:00:00Z");
        let card = review_card(20.0, 5.0, now - TimeDelta::days(20), 20);
        let strict = SrsParams { desired_retention: 0.97, ..defaults() };
        let relaxed = SrsParams { desired_retention: 0.80, ..defaults() };
        for rating in [Rating::Hard, Rating::Good, Rating::Easy] {
            let short = schedule(&card, rating, now, &strict).scheduled_days;
            let long = schedule(&card, rating, now, &relaxed).scheduled_days;
            assert!(short < long, "{rating:?}: {short} at 0.97 vs {long} at 0.80");
        }
    }

    #[test]
    fn preview_gives_four_increasing_intervals() {
        let now = at("2026-03-20T09:00:00Z");
        for (stability, days) in [(0.5, 1), (1.2, 1), (10.0, 10), (300.0, 290)] {
            let card = review_card(stability, 7.0, now - TimeDelta::days(days), days as u32);
            let outcomes = preview(&card, now, &defaults());
            let ratings: Vec<Rating> = outcomes.iter().map(|o| o.rating).collect();
            assert_eq!(ratings, Rating::ALL);
            let intervals: Vec<f64> = outcomes.iter().map(|o| o.interval_days).collect();
            assert!(intervals.windows(2).all(|w| w[0] < w[1]), "stability {stability}: {intervals:?}");
            for outcome in &outcomes {
                assert_eq!(schedule(&card, outcome.rating, now, &defaults()), *outcome);
            }
        }
    }

    #[test]
    fn retrievability_follows_the_forgetting_curve() {
        // fsrs 6.6.2: model.rs `test_power_forgetting_curve` (default parameters):
        // 1 day at stability 2 → 0.9403443, 4 days at 4 → 0.9, 5 days at 2 → 0.8261359.
        let now = at("2026-03-20T09:00:00Z");
        for (days, stability, expected) in [(1, 2.0, 0.9403443), (4, 4.0, 0.9), (5, 2.0, 0.8261359)] {
            let card = review_card(stability, 5.0, now - TimeDelta::days(days), 1);
            let r = retrievability(&card, now, &defaults()).unwrap();
            assert!(close(r, expected), "{days} days at {stability}: {r}");
        }
        assert_eq!(retrievability(&SrsCard::new(now), now, &defaults()), None);
        let card = review_card(3.0, 5.0, now, 3);
        assert_eq!(retrievability(&card, now - TimeDelta::days(1), &defaults()), Some(1.0));
    }

    #[test]
    fn retrievability_at_due_is_about_the_desired_retention() {
        let start = at("2026-03-01T09:00:00Z");
        for retention in [0.80, 0.90, 0.97] {
            let params = SrsParams { desired_retention: retention, ..defaults() };
            let mut now = start;
            let mut card = review_card(30.0, 5.0, now - TimeDelta::days(30), 30);
            for rating in [Rating::Good, Rating::Hard, Rating::Good, Rating::Easy] {
                card = schedule(&card, rating, now, &params).card;
                now = card.due;
                let r = retrievability(&card, now, &params).unwrap();
                assert!((r - retention).abs() < 0.005, "retention {retention}, {rating:?}: {r}");
            }
        }
    }

    #[test]
    fn same_inputs_same_due_and_clock_going_back_counts_as_same_day() {
        let now = at("2026-03-20T09:00:00Z");
        let card = review_card(10.0, 5.0, now + TimeDelta::hours(2), 10);
        let first = schedule(&card, Rating::Good, now, &defaults());
        assert_eq!(first.elapsed_days, 0);
        assert_eq!(first, schedule(&card, Rating::Good, now, &defaults()));
    }

    #[test]
    fn intervals_are_whole_days_within_bounds() {
        assert_eq!(whole_days(0.2, 1), 1);
        assert_eq!(whole_days(2.5, 1), 3);
        assert_eq!(whole_days(2.0, 3), 3);
        assert_eq!(whole_days(1e9, 1), MAX_INTERVAL_DAYS);
        assert_eq!(whole_days(f32::NAN, 1), MAX_INTERVAL_DAYS);
        assert_eq!(whole_days(f32::INFINITY, 1), MAX_INTERVAL_DAYS);
    }

    #[test]
    fn elapsed_days_are_whole_24_hour_periods() {
        let now = at("2026-03-20T09:00:00Z");
        assert_eq!(elapsed_days(None, now), 0);
        assert_eq!(elapsed_days(Some(now - TimeDelta::hours(23)), now), 0);
        assert_eq!(elapsed_days(Some(now - TimeDelta::hours(49)), now), 2);
    }

    #[test]
    fn a_corrupt_memory_state_starts_over() {
        let now = at("2026-03-20T09:00:00Z");
        let mut card = review_card(f64::NAN, 5.0, now - TimeDelta::days(3), 3);
        let outcome = schedule(&card, Rating::Good, now, &defaults());
        assert_eq!(outcome.card.memory.unwrap().stability, f64::from(fsrs::DEFAULT_PARAMETERS[2]));
        card.memory = Some(Memory { stability: 0.0, difficulty: 5.0 });
        assert_eq!(retrievability(&card, now, &defaults()), None);
    }
}
