//! Stats: the figures of the Stats screen and of each goal's summary, computed
//! by pure functions from the stored facts — tasks, test attempts, the review
//! log, cards, goals and the completed steps of the activity log — with the
//! learner's today, time zone and day start passed in. Nothing is stored as a
//! counter; every figure is recomputed from the facts.
//!
//! # What each figure means
//!
//! - **Minutes studied** on a learner date ([`heatmap`]): for each task marked
//!   done on that date (its `completed_on`; a task done before that was kept,
//!   on its planned date), the minutes the learner recorded
//!   (`time_spent_minutes`), else its planned `duration_minutes`. The heatmap
//!   covers the last 12 months up to today; the streak is [`crate::streak`]'s.
//! - **Weeks** start on Monday; the weekly figures ([`weekly`],
//!   [`verification`]) cover the last [`WEEKS`] weeks, the current one last.
//! - **Compliance** of a week ([`weekly`]): done versus planned minutes of the
//!   tasks planned in that week, with a status from [`weekly::Compliance::of`]
//!   (thresholds [`weekly::ON_TRACK_SHARE`] and [`weekly::AT_RISK_SHARE`]).
//! - **Tests** ([`verification`]): each tested date counts once, by its best
//!   attempt, as in [`crate::quiz::test_stats`].
//! - **Revision** ([`revision`]): reviews per learner date over the last
//!   [`REVIEW_DAYS`] days; true retention per month (the share of reviews of
//!   cards in the Review state before the rating that were not rated Again);
//!   the reviews due on each of the next [`FORECAST_DAYS`] days; cards by state.
//! - **Goals** ([`goals`]): completion by category, the average days from a
//!   goal's creation to its completion, steps completed per month.
//! - Months are calendar months of learner dates; the monthly figures cover the
//!   last [`MONTHS`] months, the current one last.
//!
//! Instants (reviews, due dates) become learner dates through a
//! [`calendar::LearnerCalendar`], so a review at 1 am counts for the evening
//! before with the default day start, in the learner's zone.

pub mod calendar;
pub mod goals;
pub mod heatmap;
pub mod revision;
pub mod verification;
pub mod weekly;

#[cfg(test)]
pub(crate) mod fixtures;

use crate::activity::{Activity, ActivityKind};
use crate::availability::DayOff;
use crate::card::{Card, Review, TestAttempt};
use crate::day::week_start;
use crate::goal::Goal;
use crate::ids::{GoalId, StepId};
use crate::srs::{CardState, Rating};
use crate::task::Task;
use calendar::LearnerCalendar;
use chrono::{DateTime, Datelike, Days, Months, NaiveDate, Utc};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Weeks the weekly figures cover, the current week included.
pub const WEEKS: usize = 26;
/// Months the monthly figures cover, the current month included.
pub const MONTHS: usize = 12;
/// Past days of the reviews-per-day figure, today included.
pub const REVIEW_DAYS: usize = 30;
/// Days of the reviews forecast, today included.
pub const FORECAST_DAYS: usize = 30;

/// One rating of the review log, as much of it as the stats need.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReviewFact {
    /// When it was rated.
    pub at: DateTime<Utc>,
    /// The card's state before the rating.
    pub state_before: CardState,
    /// The rating.
    pub rating: Rating,
}

impl From<&Review> for ReviewFact {
    fn from(r: &Review) -> Self {
        Self { at: r.at, state_before: r.state_before, rating: r.rating }
    }
}

/// A step completion from the activity log.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StepDone {
    /// The step's goal.
    pub goal_id: GoalId,
    /// The step.
    pub step_id: StepId,
    /// The learner date it was completed on.
    pub date: NaiveDate,
}

impl StepDone {
    /// The completion an activity records, if it is a step completion.
    pub fn of(activity: &Activity) -> Option<Self> {
        if activity.kind != ActivityKind::StepCompleted {
            return None;
        }
        Some(Self {
            goal_id: activity.goal_id.clone()?,
            step_id: StepId(activity.subject_id.clone()?),
            date: activity.date,
        })
    }
}

/// The facts the stats are computed from, already narrowed to what is shown
/// (all goals, or one).
#[derive(Debug, Clone, Copy)]
pub struct StatsInput<'a> {
    /// The learner's date.
    pub today: NaiveDate,
    /// The learner's time zone.
    pub zone: Tz,
    /// The hour the learner's day starts.
    pub day_start_hour: u8,
    /// The goals.
    pub goals: &'a [&'a Goal],
    /// Their tasks.
    pub tasks: &'a [&'a Task],
    /// The test attempts.
    pub tests: &'a [&'a TestAttempt],
    /// The review log.
    pub reviews: &'a [ReviewFact],
    /// The cards.
    pub cards: &'a [&'a Card],
    /// Step completions.
    pub steps_done: &'a [StepDone],
    /// Declared days off (for the streak).
    pub days_off: &'a [DayOff],
    /// Dates the clock jumped over (for the streak).
    pub clock_skipped: &'a [NaiveDate],
}

/// Every figure of the Stats screen.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Stats {
    /// The learner's date they were computed for.
    pub today: NaiveDate,
    /// Minutes studied per day and the streak.
    pub study: heatmap::StudyFigures,
    /// Time per week by goal, and plan compliance.
    pub weekly: weekly::WeeklyFigures,
    /// Verification tests.
    pub tests: verification::TestFigures,
    /// Revision.
    pub revision: revision::RevisionFigures,
    /// Goals.
    pub goals: goals::GoalFigures,
}

/// Computes every figure from `input`.
pub fn stats(input: &StatsInput<'_>) -> Stats {
    let today = input.today;
    let first = month_start(today).checked_sub_months(Months::new(MONTHS as u32 - 1)).unwrap_or(today);
    let last = today + Days::new(FORECAST_DAYS as u64);
    let calendar = LearnerCalendar::new(input.zone, input.day_start_hour, first, last);
    Stats {
        today,
        study: heatmap::study(input.tasks, input.tests, input.days_off, input.clock_skipped, today),
        weekly: weekly::weekly(input.tasks, input.goals, today),
        tests: verification::tests(input.tests, today),
        revision: revision::revision(input.reviews, input.cards, input.goals, &calendar, today),
        goals: goals::goals(input.goals, input.steps_done, input.zone, input.day_start_hour, today),
    }
}

/// The first day of `date`'s month.
pub fn month_start(date: NaiveDate) -> NaiveDate {
    date.with_day(1).unwrap_or(date)
}

/// The first days of the last `n` months up to `today`'s, oldest first.
pub(crate) fn last_months(today: NaiveDate, n: usize) -> Vec<NaiveDate> {
    let current = month_start(today);
    (0..n as u32).rev().filter_map(|back| current.checked_sub_months(Months::new(back))).collect()
}

/// The Mondays of the last `n` weeks up to `today`'s, oldest first.
pub(crate) fn last_weeks(today: NaiveDate, n: usize) -> Vec<NaiveDate> {
    let current = week_start(today);
    (0..n as u64).rev().filter_map(|back| current.checked_sub_days(Days::new(back * 7))).collect()
}

/// A share `part / whole`, or `None` when `whole` is 0.
pub(crate) fn share(part: u32, whole: u32) -> Option<f64> {
    (whole > 0).then(|| f64::from(part) / f64::from(whole))
}

#[cfg(test)]
mod tests {
    use super::fixtures::*;
    use super::*;

    #[test]
    fn weeks_start_on_monday_and_months_on_the_first() {
        assert_eq!(week_start(day("2026-03-01")), day("2026-02-23"));
        assert_eq!(week_start(day("2026-03-02")), day("2026-03-02"));
        assert_eq!(month_start(day("2026-03-31")), day("2026-03-01"));
        assert_eq!(last_weeks(day("2026-03-04"), 3), vec![day("2026-02-16"), day("2026-02-23"), day("2026-03-02")]);
        assert_eq!(last_months(day("2026-02-14"), 3), vec![day("2025-12-01"), day("2026-01-01"), day("2026-02-01")]);
    }

    #[test]
    fn only_step_completions_with_a_goal_and_step_count() {
        let mut a = activity(ActivityKind::StepCompleted, "2026-03-02");
        assert_eq!(StepDone::of(&a).map(|s| s.date), Some(day("2026-03-02")));
        a.subject_id = None;
        assert_eq!(StepDone::of(&a), None);
        assert_eq!(StepDone::of(&activity(ActivityKind::TaskCompleted, "2026-03-02")), None);
    }

    #[test]
    fn an_empty_history_gives_zeros_and_no_shares() {
        let today = day("2026-03-04");
        let s = stats(&StatsInput {
            today,
            zone: chrono_tz::UTC,
            day_start_hour: 4,
            goals: &[],
            tasks: &[],
            tests: &[],
            reviews: &[],
            cards: &[],
            steps_done: &[],
            days_off: &[],
            clock_skipped: &[],
        });
        assert_eq!(s.today, today);
        assert_eq!(s.study.days.len(), 365);
        assert!(s.study.days.iter().all(|d| d.minutes == 0));
        assert_eq!((s.study.total_minutes, s.study.active_days, s.study.best_day), (0, 0, None));
        assert_eq!((s.study.streak.current, s.study.streak.longest), (0, 0));
        assert_eq!(s.weekly.weeks.len(), WEEKS);
        assert!(s.weekly.weeks.iter().all(|w| w.status == weekly::Compliance::NoPlan && w.share.is_none()));
        assert!(s.weekly.by_goal.is_empty());
        assert_eq!(s.tests.totals.total, 0);
        assert!(s.tests.weeks.iter().all(|w| w.pass_rate.is_none() && w.average_score.is_none()));
        assert_eq!(s.revision.days.len(), REVIEW_DAYS);
        assert_eq!(s.revision.forecast.len(), FORECAST_DAYS);
        assert_eq!((s.revision.retention, s.revision.months.len()), (None, MONTHS));
        assert_eq!(s.goals.total, 0);
        assert_eq!(s.goals.average_days_to_complete, None);
        assert!(s.goals.steps_by_month.iter().all(|m| m.steps == 0));
    }
}
