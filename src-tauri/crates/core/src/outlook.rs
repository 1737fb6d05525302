//! A goal's outlook: how far the learner has come, when they will likely finish
//! at their recent pace, and whether that meets the target date, with the reason
//! as data (its kind and numbers: the facade words it) and, when the target no
//! longer fits the current hours, two fixes (applied by [`fix`]).
//!
//! The rules, kept simple enough to explain to the learner:
//!
//! - **Progress**: hours done and in total (done + still open) rounded to 0.1 h,
//!   and the fractions of hours and of steps done (0 when there is nothing).
//! - **Pace**: minutes done over the last 28 learner days up to and including
//!   today, shortened to the days since the goal started (inclusive). With a
//!   window under 7 days, or nothing done in it, there is no pace. Otherwise
//!   pace = minutes / window days × 7 / 60 hours a week.
//! - **Forecast**: nothing left → none. With a pace, today + ⌈remaining ÷ pace
//!   minutes per day⌉ calendar days (pace per day = the unrounded weekly pace / 7;
//!   days off are not skipped). Without a pace, the plan's last day.
//! - **Status**, first match wins:
//!   1. nothing left → *finished*;
//!   2. no target → *no target*;
//!   3. target before today → *off track*, the target has passed;
//!   4. plan ends after the target → *off track*, with fixes;
//!   5. pace known and forecast after the target → *at risk*;
//!   6. otherwise → *on track*.
//! - **Fixes** (only when off track and the plan ends after the target): the
//!   weekly hours that fit the remaining minutes into the study days from today
//!   to the target inclusive, keeping the learner's weekday shape (the pattern is
//!   scaled, days off and 0-minute weekdays are skipped), rounded up to 0.5 h; the
//!   extra hours over the current week, rounded up to 0.5 h (at least 0.5, since
//!   the plan already runs late); or the plan's last day as a later target. When
//!   no study day is left, or the shape would need more than 24 h on a day, only
//!   the later date is offered and the reason says why.

mod fix;

pub use fix::{FixChoice, fixed_input};

use crate::availability::{DayOff, WeekMinutes, is_day_off};
use chrono::{Days, NaiveDate};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Longest pace window, in days.
pub const PACE_WINDOW_DAYS: i64 = 28;

/// Shortest pace window, in days: below it there is too little history.
pub const MIN_PACE_DAYS: i64 = 7;

const MINUTES_PER_DAY: u64 = 24 * 60;

/// What the outlook of one goal is computed from.
#[derive(Debug, Clone, Copy)]
pub struct OutlookInput<'a> {
    /// The learner's date.
    pub today: NaiveDate,
    /// The goal's target date, if any.
    pub target: Option<NaiveDate>,
    /// The learner's date the goal was created on.
    pub started_on: NaiveDate,
    /// Availability for this goal.
    pub week: &'a WeekMinutes,
    /// Declared days off.
    pub days_off: &'a [DayOff],
    /// Planned minutes of done tasks.
    pub minutes_done: u32,
    /// Planned minutes still open (the current plan).
    pub minutes_remaining: u32,
    /// Roadmap steps done.
    pub steps_done: u32,
    /// Roadmap steps in all.
    pub steps_total: u32,
    /// Last day of the current plan; `None` when nothing is planned.
    pub plan_finish: Option<NaiveDate>,
    /// Minutes done per learner date, in any order, dates may repeat.
    pub done_by_day: &'a [(NaiveDate, u32)],
}

/// Where a goal stands against its target date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum TrackStatus {
    /// The plan and the recent pace both finish by the target.
    OnTrack,
    /// The plan fits, but the recent pace would finish after the target.
    AtRisk,
    /// The plan runs past the target, or the target has passed.
    OffTrack,
    /// No target date is set.
    NoTarget,
    /// No planned work is left.
    Finished,
}

/// Two ways to meet a target that no longer fits.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Fixes {
    /// Weekly hours (same weekday shape) that would finish by the target;
    /// `None` when no amount of hours can.
    pub hours_per_week: Option<f64>,
    /// How many more hours a week than now that is; `None` with `hours_per_week`.
    pub extra_hours_per_week: Option<f64>,
    /// A target date the current plan meets: its last day.
    pub later_date: NaiveDate,
}

/// Why a goal stands where it does: the kind of reason and its numbers. Hours
/// are rounded as shown (0.1 h, never 0 when not nothing).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Why {
    /// Finished: nothing was ever planned.
    NothingPlanned,
    /// Finished: all planned work is done.
    AllDone,
    /// No target; the recent pace finishes around `finish`.
    NoTargetPaced {
        /// The forecast last day.
        finish: NaiveDate,
    },
    /// No target; the plan ends on `plan_end`.
    NoTargetPlanEnds {
        /// The plan's last day.
        plan_end: NaiveDate,
    },
    /// No target and nothing scheduled.
    NoTargetNothingScheduled,
    /// The target has passed with work remaining.
    TargetPassed {
        /// The target date.
        target: NaiveDate,
        /// Hours of work left.
        hours_left: f64,
    },
    /// No study day is left by the target.
    NoStudyDaysLeft {
        /// The target date.
        target: NaiveDate,
        /// The plan's last day.
        plan_end: NaiveDate,
    },
    /// The work left does not fit in the days left, whatever the hours.
    CannotFit {
        /// Hours of work left.
        hours_left: f64,
        /// The target date.
        target: NaiveDate,
        /// The plan's last day.
        plan_end: NaiveDate,
    },
    /// More hours a week would finish by the target.
    NeedsMoreHours {
        /// How many more hours a week.
        extra_hours: f64,
        /// The target date.
        target: NaiveDate,
    },
    /// The plan fits but the recent pace finishes after the target.
    PaceTooSlow {
        /// The recent pace, hours a week.
        pace_hours: f64,
        /// The forecast last day.
        finish: NaiveDate,
    },
    /// The plan finishes on the target date.
    FinishesOnTarget {
        /// The target date.
        target: NaiveDate,
    },
    /// The plan finishes before the target.
    FinishesEarly {
        /// The plan's last day.
        finish: NaiveDate,
        /// Days between it and the target.
        days_early: i64,
    },
    /// Nothing is scheduled yet.
    NothingScheduled {
        /// The target date.
        target: NaiveDate,
    },
}

/// Progress, forecast and status of one goal.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Outlook {
    /// Hours done, rounded to 0.1.
    pub hours_done: f64,
    /// Hours done plus still open, rounded to 0.1.
    pub hours_total: f64,
    /// Share of hours done, 0..=1 (0 when nothing is planned).
    pub fraction_hours: f64,
    /// Steps done.
    pub steps_done: u32,
    /// Steps in all.
    pub steps_total: u32,
    /// Share of steps done, 0..=1 (0 without steps).
    pub fraction_steps: f64,
    /// Recent pace in hours a week, rounded to 0.1; `None` without enough history.
    pub pace_hours_per_week: Option<f64>,
    /// Likely last day of work.
    pub forecast_finish: Option<NaiveDate>,
    /// Where the goal stands.
    pub status: TrackStatus,
    /// Why, as data; the facade puts it into words.
    pub why: Why,
    /// Only when the target is infeasible with the current hours.
    pub fixes: Option<Fixes>,
}

/// The recent pace: minutes done in the window and the window's length in days.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Pace {
    minutes: u64,
    days: u64,
}

impl Pace {
    fn hours_per_week(self) -> f64 {
        self.minutes as f64 / self.days as f64 * 7.0 / 60.0
    }

    /// Calendar days to do `remaining` minutes at this pace, rounded up.
    fn days_for(self, remaining: u32) -> u64 {
        (u64::from(remaining) * self.days).div_ceil(self.minutes)
    }
}

/// What it takes to finish by a target.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Need {
    NoStudyDays,
    MoreThanADay,
    Hours(f64),
}

/// Computes a goal's outlook; see the module header for the rules.
pub fn outlook(input: &OutlookInput) -> Outlook {
    let total = u64::from(input.minutes_done) + u64::from(input.minutes_remaining);
    let pace = pace(input);
    let forecast_finish = match (input.minutes_remaining, pace) {
        (0, _) => None,
        (remaining, Some(p)) => input.today.checked_add_days(Days::new(p.days_for(remaining))),
        (_, None) => input.plan_finish,
    };
    let (status, why, fixes) = judge(input, pace, forecast_finish);
    Outlook {
        hours_done: round_tenth(f64::from(input.minutes_done) / 60.0),
        hours_total: round_tenth(total as f64 / 60.0),
        fraction_hours: fraction(u64::from(input.minutes_done), total),
        steps_done: input.steps_done,
        steps_total: input.steps_total,
        fraction_steps: fraction(u64::from(input.steps_done), u64::from(input.steps_total)),
        pace_hours_per_week: pace.map(|p| shown_hours(p.hours_per_week())),
        forecast_finish,
        status,
        why,
        fixes,
    }
}

fn judge(input: &OutlookInput, pace: Option<Pace>, forecast: Option<NaiveDate>) -> (TrackStatus, Why, Option<Fixes>) {
    let remaining = input.minutes_remaining;
    if remaining == 0 {
        let why = if input.minutes_done == 0 { Why::NothingPlanned } else { Why::AllDone };
        return (TrackStatus::Finished, why, None);
    }
    let Some(target) = input.target else {
        let why = match (pace, forecast, input.plan_finish) {
            (Some(_), Some(finish), _) => Why::NoTargetPaced { finish },
            (_, _, Some(plan_end)) => Why::NoTargetPlanEnds { plan_end },
            _ => Why::NoTargetNothingScheduled,
        };
        return (TrackStatus::NoTarget, why, None);
    };
    let later = input.plan_finish.filter(|f| *f > target);
    let hours_left = shown_hours(f64::from(remaining) / 60.0);
    if target < input.today {
        let fixes = later.map(|later_date| Fixes { hours_per_week: None, extra_hours_per_week: None, later_date });
        return (TrackStatus::OffTrack, Why::TargetPassed { target, hours_left }, fixes);
    }
    if let Some(plan_end) = later {
        let (why, hours, extra) = match need(target, input.today, remaining, input.week, input.days_off) {
            Need::NoStudyDays => (Why::NoStudyDaysLeft { target, plan_end }, None, None),
            Need::MoreThanADay => (Why::CannotFit { hours_left, target, plan_end }, None, None),
            Need::Hours(needed) => {
                let current = input.week.hours_per_week();
                let needed = needed.max(half_above(current));
                let extra = round_up_half(needed - current);
                (Why::NeedsMoreHours { extra_hours: extra, target }, Some(needed), Some(extra))
            }
        };
        let fixes = Fixes { hours_per_week: hours, extra_hours_per_week: extra, later_date: plan_end };
        return (TrackStatus::OffTrack, why, Some(fixes));
    }
    if let (Some(p), Some(finish)) = (pace, forecast)
        && finish > target
    {
        return (TrackStatus::AtRisk, Why::PaceTooSlow { pace_hours: shown_hours(p.hours_per_week()), finish }, None);
    }
    let why = match input.plan_finish {
        Some(f) if f == target => Why::FinishesOnTarget { target },
        Some(finish) => Why::FinishesEarly { finish, days_early: (target - finish).num_days() },
        None => Why::NothingScheduled { target },
    };
    (TrackStatus::OnTrack, why, None)
}

fn pace(input: &OutlookInput) -> Option<Pace> {
    let earliest = input.today.checked_sub_days(Days::new(PACE_WINDOW_DAYS as u64 - 1)).unwrap_or(NaiveDate::MIN);
    let start = earliest.max(input.started_on);
    let days = (input.today - start).num_days() + 1;
    if days < MIN_PACE_DAYS {
        return None;
    }
    let minutes: u64 = input
        .done_by_day
        .iter()
        .filter(|(date, _)| start <= *date && *date <= input.today)
        .map(|(_, m)| u64::from(*m))
        .sum();
    (minutes > 0).then_some(Pace { minutes, days: days as u64 })
}

/// Weekly hours, in the learner's weekday shape, that fit `remaining_minutes`
/// into the study days from `today` to `target` inclusive (days off and
/// 0-minute weekdays skipped), rounded up to 0.5 h. `None` when no study day is
/// left or when the shape would need more than 24 h on some day.
pub fn hours_needed_by(
    target: NaiveDate,
    today: NaiveDate,
    remaining_minutes: u32,
    week: &WeekMinutes,
    days_off: &[DayOff],
) -> Option<f64> {
    match need(target, today, remaining_minutes, week, days_off) {
        Need::Hours(h) => Some(h),
        Need::NoStudyDays | Need::MoreThanADay => None,
    }
}

fn need(target: NaiveDate, today: NaiveDate, remaining: u32, week: &WeekMinutes, days_off: &[DayOff]) -> Need {
    let capacity: u64 = today
        .iter_days()
        .take_while(|d| *d <= target)
        .filter(|d| !is_day_off(days_off, *d))
        .map(|d| u64::from(week.on(d)))
        .sum();
    if capacity == 0 {
        return Need::NoStudyDays;
    }
    let half_hours = (u64::from(remaining) * u64::from(week.total())).div_ceil(capacity * 30);
    let hours = half_hours as f64 / 2.0;
    if scaled_week(week, hours).0.iter().any(|m| u64::from(*m) > MINUTES_PER_DAY) {
        return Need::MoreThanADay;
    }
    Need::Hours(hours)
}

/// `week` scaled to `hours_per_week`, keeping its weekday shape. Each day is
/// rounded up to a whole minute, so no day gets less than its proportional
/// share. A week with no time at all becomes an even spread.
pub fn scaled_week(week: &WeekMinutes, hours_per_week: f64) -> WeekMinutes {
    let total = u64::from(week.total());
    if total == 0 {
        return WeekMinutes::even(hours_per_week);
    }
    let wanted = (hours_per_week.max(0.0) * 60.0).round() as u64;
    WeekMinutes(week.0.map(|m| u32::try_from((u64::from(m) * wanted).div_ceil(total)).unwrap_or(u32::MAX)))
}

fn fraction(part: u64, whole: u64) -> f64 {
    if whole == 0 { 0.0 } else { (part as f64 / whole as f64).min(1.0) }
}

fn round_tenth(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}

/// Rounded to 0.1, but never shown as 0 when it is not.
fn shown_hours(x: f64) -> f64 {
    if x > 0.0 { round_tenth(x).max(0.1) } else { 0.0 }
}

fn round_up_half(x: f64) -> f64 {
    (x * 2.0 - 1e-9).ceil() / 2.0
}

/// The smallest multiple of 0.5 strictly above `x`.
fn half_above(x: f64) -> f64 {
    (x * 2.0 + 1e-9).floor() / 2.0 + 0.5
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    const WEEKDAYS_1H: WeekMinutes = WeekMinutes([60, 60, 60, 60, 60, 0, 0]);
    const WEEKDAYS_30M: WeekMinutes = WeekMinutes([30, 30, 30, 30, 30, 0, 0]);

    fn off(start: &str, end: &str) -> DayOff {
        DayOff { start: day(start), end: day(end), note: "Break".into(), declared_on: day("2027-01-01") }
    }

    /// Monday 2027-03-01, goal started 28 days earlier, Mon–Fri 1 h, 600 min left
    /// planned to Friday 2027-03-12, 1200 min done in the last 28 days (5 h/week).
    fn base<'a>(done: &'a [(NaiveDate, u32)]) -> OutlookInput<'a> {
        OutlookInput {
            today: day("2027-03-01"),
            target: Some(day("2027-03-28")),
            started_on: day("2027-02-01"),
            week: &WEEKDAYS_1H,
            days_off: &[],
            minutes_done: 1200,
            minutes_remaining: 600,
            steps_done: 3,
            steps_total: 6,
            plan_finish: Some(day("2027-03-12")),
            done_by_day: done,
        }
    }

    fn history(total: u32) -> Vec<(NaiveDate, u32)> {
        vec![(day("2027-02-10"), total / 2), (day("2027-03-01"), total / 4), (day("2027-02-10"), total / 4)]
    }

    #[test]
    fn on_track_when_plan_and_pace_both_fit() {
        let done = history(1200);
        let o = outlook(&base(&done));
        assert_eq!(o.status, TrackStatus::OnTrack);
        assert_eq!(o.why, Why::FinishesEarly { finish: day("2027-03-12"), days_early: 16 });
        assert_eq!((o.hours_done, o.hours_total), (20.0, 30.0));
        assert!((o.fraction_hours - 2.0 / 3.0).abs() < 1e-12);
        assert_eq!((o.steps_done, o.steps_total, o.fraction_steps), (3, 6, 0.5));
        assert_eq!(o.pace_hours_per_week, Some(5.0));
        // 600 min at 1200/28 min a day: 14 days.
        assert_eq!(o.forecast_finish, Some(day("2027-03-15")));
        assert_eq!(o.fixes, None);

        let on_the_day = outlook(&OutlookInput { plan_finish: Some(day("2027-03-28")), ..base(&done) });
        assert_eq!(on_the_day.why, Why::FinishesOnTarget { target: day("2027-03-28") });
        let one_day = outlook(&OutlookInput { plan_finish: Some(day("2027-03-27")), ..base(&done) });
        assert_eq!(one_day.why, Why::FinishesEarly { finish: day("2027-03-27"), days_early: 1 });
    }

    #[test]
    fn at_risk_when_the_recent_pace_runs_past_the_target() {
        let done = history(600);
        let o = outlook(&base(&done));
        // 2.5 h/week = 600/28 min a day: 28 days for 600 min.
        assert_eq!(o.pace_hours_per_week, Some(2.5));
        assert_eq!(o.forecast_finish, Some(day("2027-03-29")));
        assert_eq!(o.status, TrackStatus::AtRisk);
        assert_eq!(o.why, Why::PaceTooSlow { pace_hours: 2.5, finish: day("2027-03-29") });
        assert_eq!(o.fixes, None);
    }

    #[test]
    fn off_track_offers_more_hours_or_a_later_date() {
        // Mon–Fri 30 min; 1200 min left need 40 weekdays, to Apr 23; 20 weekdays
        // to the target give 600 min, so the shape must double: 5 h/week.
        let done = history(600);
        let input = OutlookInput {
            week: &WEEKDAYS_30M,
            minutes_remaining: 1200,
            plan_finish: Some(day("2027-04-23")),
            ..base(&done)
        };
        let o = outlook(&input);
        assert_eq!(o.status, TrackStatus::OffTrack);
        assert_eq!(o.why, Why::NeedsMoreHours { extra_hours: 2.5, target: day("2027-03-28") });
        assert_eq!(
            o.fixes,
            Some(Fixes { hours_per_week: Some(5.0), extra_hours_per_week: Some(2.5), later_date: day("2027-04-23") })
        );
    }

    #[test]
    fn off_track_extra_hours_round_up_and_are_never_zero() {
        // 5.25 h/week now, 7.5 needed: 2.25 more, shown as 2.5.
        let week = WeekMinutes([63, 63, 63, 63, 63, 0, 0]);
        let done = history(600);
        let input =
            OutlookInput { week: &week, minutes_remaining: 1800, plan_finish: Some(day("2027-04-30")), ..base(&done) };
        assert_eq!(hours_needed_by(day("2027-03-28"), day("2027-03-01"), 1800, &week, &[]), Some(7.5));
        let fixes = outlook(&input).fixes.unwrap();
        assert_eq!((fixes.hours_per_week, fixes.extra_hours_per_week), (Some(7.5), Some(2.5)));
        // A plan that runs late although the hours would fit still asks for a step more.
        let input = OutlookInput { plan_finish: Some(day("2027-04-02")), ..base(&done) };
        let o = outlook(&input);
        assert_eq!(o.why, Why::NeedsMoreHours { extra_hours: 0.5, target: day("2027-03-28") });
        let fixes = o.fixes.unwrap();
        assert_eq!((fixes.hours_per_week, fixes.extra_hours_per_week), (Some(5.5), Some(0.5)));
    }

    #[test]
    fn off_track_with_no_study_day_left_only_offers_the_later_date() {
        let done = history(600);
        let input = OutlookInput {
            today: day("2027-03-06"),
            target: Some(day("2027-03-07")),
            plan_finish: Some(day("2027-03-19")),
            ..base(&done)
        };
        let o = outlook(&input);
        assert_eq!(o.status, TrackStatus::OffTrack);
        assert_eq!(o.why, Why::NoStudyDaysLeft { target: day("2027-03-07"), plan_end: day("2027-03-19") });
        assert_eq!(
            o.fixes,
            Some(Fixes { hours_per_week: None, extra_hours_per_week: None, later_date: day("2027-03-19") })
        );
        // One Monday left for 100 h: no weekday shape fits that into one day.
        let input = OutlookInput {
            target: Some(day("2027-03-01")),
            minutes_remaining: 6000,
            plan_finish: Some(day("2027-05-07")),
            ..base(&done)
        };
        let o = outlook(&input);
        assert_eq!(o.why, Why::CannotFit { hours_left: 100.0, target: day("2027-03-01"), plan_end: day("2027-05-07") });
        assert_eq!(o.fixes.unwrap().hours_per_week, None);
    }

    #[test]
    fn passed_target_is_off_track() {
        let done = history(600);
        let input = OutlookInput {
            target: Some(day("2027-02-25")),
            minutes_remaining: 750,
            plan_finish: Some(day("2027-03-15")),
            ..base(&done)
        };
        let o = outlook(&input);
        assert_eq!(o.status, TrackStatus::OffTrack);
        assert_eq!(o.why, Why::TargetPassed { target: day("2027-02-25"), hours_left: 12.5 });
        assert_eq!(
            o.fixes,
            Some(Fixes { hours_per_week: None, extra_hours_per_week: None, later_date: day("2027-03-15") })
        );
    }

    #[test]
    fn finished_and_no_target() {
        let done = history(1200);
        let finished = outlook(&OutlookInput { minutes_remaining: 0, plan_finish: None, ..base(&done) });
        assert_eq!(finished.status, TrackStatus::Finished);
        assert_eq!(finished.why, Why::AllDone);
        assert_eq!((finished.forecast_finish, finished.fraction_hours, finished.fixes), (None, 1.0, None));
        let empty = outlook(&OutlookInput {
            minutes_done: 0,
            minutes_remaining: 0,
            steps_done: 0,
            steps_total: 0,
            plan_finish: None,
            ..base(&[])
        });
        assert_eq!((empty.status, empty.why), (TrackStatus::Finished, Why::NothingPlanned));
        assert_eq!((empty.fraction_hours, empty.fraction_steps), (0.0, 0.0));

        let paced = outlook(&OutlookInput { target: None, ..base(&done) });
        assert_eq!(paced.status, TrackStatus::NoTarget);
        assert_eq!(paced.why, Why::NoTargetPaced { finish: day("2027-03-15") });
        let unpaced = outlook(&OutlookInput { target: None, ..base(&[]) });
        assert_eq!(unpaced.why, Why::NoTargetPlanEnds { plan_end: day("2027-03-12") });
        assert_eq!(unpaced.forecast_finish, Some(day("2027-03-12")));
    }

    #[test]
    fn no_history_means_no_pace_and_the_plan_is_the_forecast() {
        let o = outlook(&base(&[]));
        assert_eq!(o.pace_hours_per_week, None);
        assert_eq!(o.forecast_finish, Some(day("2027-03-12")));
        assert_eq!(o.status, TrackStatus::OnTrack);
    }

    #[test]
    fn pace_window_is_shortened_to_the_goal_start() {
        // Started 9 days ago: a 10-day window; 300 min in it is 3.5 h/week.
        // Minutes before the start or after today do not count.
        let done = [
            (day("2027-02-19"), 200),
            (day("2027-02-20"), 150),
            (day("2027-02-27"), 50),
            (day("2027-03-01"), 100),
            (day("2027-03-02"), 500),
        ];
        let started = OutlookInput { started_on: day("2027-02-20"), ..base(&done) };
        assert_eq!(outlook(&started).pace_hours_per_week, Some(3.5));
        // 600 min at 30 min a day: 20 days.
        assert_eq!(outlook(&started).forecast_finish, Some(day("2027-03-21")));
        let six_days = OutlookInput { started_on: day("2027-02-24"), ..base(&done) };
        assert_eq!(outlook(&six_days).pace_hours_per_week, None);
        let seven_days = OutlookInput { started_on: day("2027-02-23"), ..base(&done) };
        assert_eq!(outlook(&seven_days).pace_hours_per_week, Some(2.5));
        // The window never reaches back more than 28 days: Feb 2 to Mar 1.
        let long = [(day("2027-02-01"), 5000), (day("2027-02-02"), 240)];
        assert_eq!(
            outlook(&OutlookInput { started_on: day("2026-01-01"), ..base(&long) }).pace_hours_per_week,
            Some(1.0)
        );
        let future_start = OutlookInput { started_on: day("2027-03-05"), ..base(&done) };
        assert_eq!(outlook(&future_start).pace_hours_per_week, None);
    }

    #[test]
    fn hours_needed_keep_the_shape_skip_days_off_and_round_up() {
        let (today, target) = (day("2027-03-01"), day("2027-03-28"));
        // 20 weekdays × 60 min = 1200 available; 600 needed: half the shape.
        assert_eq!(hours_needed_by(target, today, 600, &WEEKDAYS_1H, &[]), Some(2.5));
        // A week off leaves 15 weekdays: 600 × 300 / 900 min = 3.33 h, shown as 3.5.
        let week_off = [off("2027-03-08", "2027-03-14")];
        assert_eq!(hours_needed_by(target, today, 600, &WEEKDAYS_1H, &week_off), Some(3.5));
        assert_eq!(hours_needed_by(target, today, 0, &WEEKDAYS_1H, &[]), Some(0.0));
        assert_eq!(hours_needed_by(day("2027-02-28"), today, 600, &WEEKDAYS_1H, &[]), None);
        let all_off = [off("2027-03-01", "2027-03-31")];
        assert_eq!(hours_needed_by(target, today, 600, &WEEKDAYS_1H, &all_off), None);
        assert_eq!(scaled_week(&WEEKDAYS_1H, 2.5).0, [30, 30, 30, 30, 30, 0, 0]);
        assert_eq!(scaled_week(&WeekMinutes([0; 7]), 7.0).0, [60; 7]);
    }

    #[test]
    fn hours_round_to_halves_and_tenths_never_shown_as_zero() {
        assert_eq!((shown_hours(2.0 / 60.0), shown_hours(0.0), shown_hours(2.46)), (0.1, 0.0, 2.5));
        assert_eq!((round_up_half(2.25), round_up_half(2.5), half_above(5.0), half_above(5.25)), (2.5, 2.5, 5.5, 5.5));
    }

    fn week_strategy() -> impl Strategy<Value = WeekMinutes> {
        proptest::array::uniform7(prop_oneof![Just(0u32), 1u32..240])
            .prop_filter("some day has time", |w| w.iter().any(|m| *m > 0))
            .prop_map(WeekMinutes)
    }

    proptest! {
        #[test]
        fn scaled_week_at_the_needed_hours_finishes_by_the_target(
            week in week_strategy(),
            start in 0u64..365,
            span in 0u64..120,
            remaining in 1u32..30_000,
            breaks in proptest::collection::vec((0u64..120, 0u64..10), 0..4),
        ) {
            let today = day("2027-01-01") + Days::new(start);
            let target = today + Days::new(span);
            let days_off: Vec<DayOff> = breaks
                .iter()
                .map(|(from, len)| DayOff {
                    start: today + Days::new(*from),
                    end: today + Days::new(from + len),
                    note: String::new(),
                    declared_on: today,
                })
                .collect();
            let capacity: u64 = today
                .iter_days()
                .take_while(|d| *d <= target)
                .filter(|d| !is_day_off(&days_off, *d))
                .map(|d| u64::from(week.on(d)))
                .sum();
            match hours_needed_by(target, today, remaining, &week, &days_off) {
                Some(hours) => {
                    let scaled = scaled_week(&week, hours);
                    prop_assert!(scaled.0.iter().all(|m| *m <= 24 * 60));
                    let mut left = remaining;
                    let mut finish = today;
                    for d in today.iter_days().take_while(|d| *d <= target) {
                        if left == 0 {
                            break;
                        }
                        if !is_day_off(&days_off, d) && scaled.on(d) > 0 {
                            left = left.saturating_sub(scaled.on(d));
                            finish = d;
                        }
                    }
                    prop_assert_eq!(left, 0);
                    prop_assert!(finish <= target);
                    // Half an hour less would not fit with the proportional shape.
                    let less = (hours - 0.5) * 60.0 * capacity as f64 / f64::from(week.total());
                    prop_assert!(less < f64::from(remaining));
                }
                None => {
                    let one_day_max = u64::from(*week.0.iter().max().unwrap());
                    // Either no study day, or the busiest weekday needs nearly a full day
                    // (the half-hour rounding adds at most 30 minutes to it).
                    prop_assert!(capacity == 0 || u64::from(remaining) * one_day_max > capacity * (24 * 60 - 31));
                }
            }
        }
    }
}
