//! The study heatmap: minutes studied on each learner date of the last 12
//! months (a contributions calendar), with the streak beside it.

use crate::availability::DayOff;
use crate::card::TestAttempt;
use crate::streak::{Streak, day_records, streak};
use crate::task::{Task, TaskStatus};
use chrono::{Days, Months, NaiveDate};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Minutes studied on one learner date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct DayMinutes {
    /// The learner date.
    pub date: NaiveDate,
    /// Minutes studied.
    pub minutes: u32,
}

/// The heatmap and the streak.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct StudyFigures {
    /// The first date shown: the day after the same date a year before today.
    pub from: NaiveDate,
    /// The last date shown: today.
    pub to: NaiveDate,
    /// Every date from `from` to `to`, oldest first.
    pub days: Vec<DayMinutes>,
    /// Minutes studied over those dates.
    pub total_minutes: u32,
    /// Dates with any minutes studied.
    pub active_days: u32,
    /// The date with the most minutes (the earliest of equals); `None` without study.
    pub best_day: Option<DayMinutes>,
    /// The streak (current and longest), by the rule of [`crate::streak`].
    pub streak: Streak,
}

/// The learner date a task was studied on and its minutes, for a done task:
/// the date it was marked done (its planned date when that was not kept), and
/// the minutes recorded, else the planned minutes.
pub fn studied(task: &Task) -> Option<(NaiveDate, u32)> {
    (task.status == TaskStatus::Done)
        .then(|| (task.completed_on.unwrap_or(task.date), task.time_spent_minutes.unwrap_or(task.duration_minutes)))
}

/// The heatmap of the last 12 months up to `today` and the streak, from the
/// tasks, the test attempts (a passed test keeps its day), the days off and
/// the dates the clock jumped over.
pub fn study(
    tasks: &[&Task],
    tests: &[&TestAttempt],
    days_off: &[DayOff],
    clock_skipped: &[NaiveDate],
    today: NaiveDate,
) -> StudyFigures {
    let from = today.checked_sub_months(Months::new(12)).map_or(today, |d| d + Days::new(1));
    let len = (today - from).num_days() as usize + 1;
    let mut days: Vec<DayMinutes> = from.iter_days().take(len).map(|date| DayMinutes { date, minutes: 0 }).collect();
    for (date, minutes) in tasks.iter().filter_map(|t| studied(t)) {
        if from <= date && date <= today {
            let day = &mut days[(date - from).num_days() as usize];
            day.minutes = day.minutes.saturating_add(minutes);
        }
    }
    let total_minutes = days.iter().fold(0u32, |sum, d| sum.saturating_add(d.minutes));
    let active_days = days.iter().filter(|d| d.minutes > 0).count() as u32;
    let best_day = days.iter().filter(|d| d.minutes > 0).fold(None::<DayMinutes>, |best, d| match best {
        Some(b) if b.minutes >= d.minutes => Some(b),
        _ => Some(*d),
    });
    let records = day_records(tasks.iter().copied(), tests.iter().filter(|t| t.passed).map(|t| t.date));
    StudyFigures {
        from,
        to: today,
        days,
        total_minutes,
        active_days,
        best_day,
        streak: streak(&records, days_off, clock_skipped, today),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stats::fixtures::*;
    use crate::streak::TodayState;

    #[test]
    fn recorded_minutes_win_over_planned_on_the_day_marked_done() {
        // Planned Monday 30 min, done Tuesday after 45 min; planned Tuesday 20 min, done then
        // without a record; one still planned and one skipped do not count.
        let tasks = [
            done(task("2026-03-02", 30), "2026-03-03", Some(45)),
            done(task("2026-03-03", 20), "2026-03-03", None),
            task("2026-03-03", 60),
            skipped(task("2026-03-03", 15), "2026-03-03"),
        ];
        let s = study(&refs(&tasks), &[], &[], &[], day("2026-03-04"));
        assert_eq!((s.from, s.to, s.days.len()), (day("2025-03-05"), day("2026-03-04"), 365));
        let on = |d: &str| s.days.iter().find(|x| x.date == day(d)).unwrap().minutes;
        assert_eq!((on("2026-03-02"), on("2026-03-03"), on("2026-03-04")), (0, 65, 0));
        assert_eq!((s.total_minutes, s.active_days), (65, 1));
        assert_eq!(s.best_day, Some(DayMinutes { date: day("2026-03-03"), minutes: 65 }));
    }

    #[test]
    fn a_task_done_before_completed_on_was_kept_counts_on_its_planned_date() {
        let mut old = done(task("2026-01-10", 25), "2026-01-10", None);
        old.completed_on = None;
        let s = study(&[&old], &[], &[], &[], day("2026-03-04"));
        assert_eq!(s.days.iter().find(|d| d.date == day("2026-01-10")).unwrap().minutes, 25);
    }

    #[test]
    fn only_the_last_twelve_months_are_shown_and_ties_go_to_the_earliest() {
        let tasks = [
            done(task("2025-03-04", 90), "2025-03-04", None), // a year and a day ago: not shown
            done(task("2025-03-05", 30), "2025-03-05", None),
            done(task("2026-03-04", 30), "2026-03-04", None),
        ];
        let s = study(&refs(&tasks), &[], &[], &[], day("2026-03-04"));
        assert_eq!((s.total_minutes, s.active_days), (60, 2));
        assert_eq!(s.best_day.map(|d| d.date), Some(day("2025-03-05")));
        // Across a leap day the window is 366 days.
        assert_eq!(study(&[], &[], &[], &[], day("2024-03-01")).days.len(), 366);
    }

    #[test]
    fn the_streak_follows_the_streak_rule() {
        // Kept on the 1st and 2nd, the 3rd missed, kept on the 4th by a passed test alone.
        let mut rolled = done(task("2026-03-04", 30), "2026-03-04", None);
        rolled.missed_dates = vec![day("2026-03-03")];
        let tasks = [
            done(task("2026-03-01", 30), "2026-03-01", None),
            done(task("2026-03-02", 30), "2026-03-02", None),
            rolled,
        ];
        let s = study(&refs(&tasks), &[], &[], &[], day("2026-03-05"));
        assert_eq!((s.streak.current, s.streak.longest, s.streak.today), (1, 2, TodayState::Free));
        let passed = attempt("2026-03-03", 1.0, true, &[]);
        let s = study(&refs(&tasks), &[&passed], &[], &[], day("2026-03-05"));
        assert_eq!((s.streak.current, s.streak.longest), (4, 4));
    }
}
