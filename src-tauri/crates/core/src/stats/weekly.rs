//! Weekly figures: time studied per week split by goal, and how well each
//! week's plan was kept (the compliance line).
//!
//! Compliance of a week compares the tasks planned in it with those done:
//!
//! - A task counts in the week of its planned date. A skipped task does not
//!   count (skipping is a choice, as for the streak). A task that rolled
//!   forward also counts, not done, in the week of each date it was missed.
//! - Tasks planned for today or later count only once done: today is still
//!   open, as for the streak, and so is the rest of the current week (it is
//!   marked `partial`).
//! - The share is done minutes over planned minutes (planned minutes of the
//!   task); the status follows from it by [`Compliance::of`].

use crate::day::week_start;
use crate::goal::Goal;
use crate::ids::GoalId;
use crate::stats::heatmap::studied;
use crate::stats::{WEEKS, last_weeks, share};
use crate::task::{Task, TaskStatus};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use ts_rs::TS;

/// The share of planned minutes done from which a week is on track.
pub const ON_TRACK_SHARE: f64 = 0.9;
/// The share of planned minutes done from which a week is at risk (below: off track).
pub const AT_RISK_SHARE: f64 = 0.6;

/// How well a week's plan was kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Compliance {
    /// At least [`ON_TRACK_SHARE`] of the planned minutes done.
    OnTrack,
    /// At least [`AT_RISK_SHARE`], less than [`ON_TRACK_SHARE`].
    AtRisk,
    /// Less than [`AT_RISK_SHARE`].
    OffTrack,
    /// Nothing was planned.
    NoPlan,
}

impl Compliance {
    /// The status of a week with `done` of `planned` minutes done.
    pub fn of(done: u32, planned: u32) -> Self {
        match share(done, planned) {
            None => Self::NoPlan,
            Some(s) if s >= ON_TRACK_SHARE => Self::OnTrack,
            Some(s) if s >= AT_RISK_SHARE => Self::AtRisk,
            Some(_) => Self::OffTrack,
        }
    }
}

/// One week's figures.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, TS)]
pub struct WeekFigures {
    /// Its Monday.
    pub week: NaiveDate,
    /// Minutes studied in it (by the date tasks were done).
    pub studied_minutes: u32,
    /// Minutes planned in it (see the module's rules).
    pub planned_minutes: u32,
    /// Of those, the minutes done.
    pub done_minutes: u32,
    /// Tasks planned in it.
    pub planned_tasks: u32,
    /// Of those, the tasks done.
    pub done_tasks: u32,
    /// Done over planned minutes, 0..=1; `None` when nothing was planned.
    pub share: Option<f64>,
    /// The status from the share.
    pub status: Compliance,
    /// The current week: only counted up to today.
    pub partial: bool,
}

/// One goal's minutes studied per week.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct GoalWeeks {
    /// The goal.
    pub goal_id: GoalId,
    /// Its title.
    pub title: String,
    /// Minutes per week, one per entry of [`WeeklyFigures::weeks`].
    pub minutes: Vec<u32>,
}

/// The weekly figures of the last [`WEEKS`] weeks, oldest first.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct WeeklyFigures {
    /// The weeks.
    pub weeks: Vec<WeekFigures>,
    /// Minutes per week of each goal studied in them, in the order of the goals given.
    pub by_goal: Vec<GoalWeeks>,
    /// [`ON_TRACK_SHARE`], for the chart's threshold line.
    pub on_track_share: f64,
    /// [`AT_RISK_SHARE`], for the chart's threshold line.
    pub at_risk_share: f64,
}

/// The weekly figures up to `today`'s week from the tasks of `goals`.
pub fn weekly(tasks: &[&Task], goals: &[&Goal], today: NaiveDate) -> WeeklyFigures {
    let mondays = last_weeks(today, WEEKS);
    let (first, current) = (mondays[0], week_start(today));
    let index = |date: NaiveDate| -> Option<usize> {
        (first <= date && week_start(date) <= current).then(|| ((week_start(date) - first).num_days() / 7) as usize)
    };
    let mut weeks: Vec<WeekFigures> = mondays
        .iter()
        .map(|&week| WeekFigures {
            week,
            studied_minutes: 0,
            planned_minutes: 0,
            done_minutes: 0,
            planned_tasks: 0,
            done_tasks: 0,
            share: None,
            status: Compliance::NoPlan,
            partial: week == current,
        })
        .collect();
    let mut by_goal: HashMap<&GoalId, Vec<u32>> = HashMap::new();
    for task in tasks {
        if let Some((date, minutes)) = studied(task)
            && let Some(i) = index(date)
        {
            weeks[i].studied_minutes = weeks[i].studied_minutes.saturating_add(minutes);
            let goal = by_goal.entry(&task.goal_id).or_insert_with(|| vec![0; WEEKS]);
            goal[i] = goal[i].saturating_add(minutes);
        }
        let done = task.status == TaskStatus::Done;
        let counted = task.status != TaskStatus::Skipped && (task.date < today || done);
        if counted && let Some(i) = index(task.date) {
            let w = &mut weeks[i];
            w.planned_minutes = w.planned_minutes.saturating_add(task.duration_minutes);
            w.planned_tasks += 1;
            if done {
                w.done_minutes = w.done_minutes.saturating_add(task.duration_minutes);
                w.done_tasks += 1;
            }
        }
        for missed in &task.missed_dates {
            if let Some(i) = index(*missed) {
                weeks[i].planned_minutes = weeks[i].planned_minutes.saturating_add(task.duration_minutes);
                weeks[i].planned_tasks += 1;
            }
        }
    }
    for w in &mut weeks {
        w.share = share(w.done_minutes, w.planned_minutes);
        w.status = Compliance::of(w.done_minutes, w.planned_minutes);
    }
    let by_goal = goals
        .iter()
        .filter_map(|g| {
            by_goal.remove(&g.id).map(|minutes| GoalWeeks { goal_id: g.id.clone(), title: g.title.clone(), minutes })
        })
        .collect();
    WeeklyFigures { weeks, by_goal, on_track_share: ON_TRACK_SHARE, at_risk_share: AT_RISK_SHARE }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stats::fixtures::*;

    #[test]
    fn thresholds_are_inclusive() {
        assert_eq!(Compliance::of(0, 0), Compliance::NoPlan);
        assert_eq!(Compliance::of(90, 100), Compliance::OnTrack);
        assert_eq!(Compliance::of(89, 100), Compliance::AtRisk);
        assert_eq!(Compliance::of(60, 100), Compliance::AtRisk);
        assert_eq!(Compliance::of(59, 100), Compliance::OffTrack);
        assert_eq!(Compliance::of(0, 30), Compliance::OffTrack);
    }

    #[test]
    fn a_hand_checked_fortnight() {
        // Today is Wednesday 2026-03-11. Last week (from Monday 2 March), goal A planned
        // 4 × 30 min: three done (one of them on Tuesday 10th, after the week ended, with 50 min
        // recorded), one skipped; goal B planned 60 min on Friday 6th, missed, rolled to
        // Monday 9th and still open.
        let (a, b) = (goal_titled(1, "Rust"), goal_titled(2, "Piano"));
        let late = done(task_of(&a, "2026-03-05", 30), "2026-03-10", Some(50));
        let mut rolled = task_of(&b, "2026-03-09", 60);
        rolled.missed_dates = vec![day("2026-03-06")];
        // This week: Monday's B task is open, A done today (20 min), A planned for today and
        // still open (not counted yet), A planned for Friday (not yet counted) and A planned
        // for Thursday but done early today (counted).
        let tasks = [
            done(task_of(&a, "2026-03-02", 30), "2026-03-02", None),
            done(task_of(&a, "2026-03-03", 30), "2026-03-03", Some(40)),
            late,
            skipped(task_of(&a, "2026-03-04", 30), "2026-03-04"),
            rolled,
            done(task_of(&a, "2026-03-11", 20), "2026-03-11", None),
            task_of(&a, "2026-03-11", 40),
            task_of(&a, "2026-03-13", 30),
            done(task_of(&a, "2026-03-12", 25), "2026-03-11", None),
            done(task_of(&a, "2026-03-16", 30), "2026-03-11", None), // next week's, done early
        ];
        let w = weekly(&refs(&tasks), &[&a, &b], day("2026-03-11"));
        assert_eq!(w.weeks.len(), WEEKS);
        let (last, this) = (&w.weeks[WEEKS - 2], &w.weeks[WEEKS - 1]);
        assert_eq!((last.week, this.week), (day("2026-03-02"), day("2026-03-09")));
        // Last week: studied 30 + 40 on the days done; planned 30+30+30 (A) + 60 (B missed).
        assert_eq!(last.studied_minutes, 70);
        assert_eq!((last.planned_minutes, last.done_minutes), (150, 90));
        assert_eq!((last.planned_tasks, last.done_tasks), (4, 3));
        assert_eq!((last.share, last.status, last.partial), (Some(0.6), Compliance::AtRisk, false));
        // This week: studied 50 (late) + 20 + 25 + 30; planned 60 (B) + 20 + 25 (done early);
        // next week's task done early is studied today but belongs to next week's plan.
        assert_eq!(this.studied_minutes, 125);
        assert_eq!((this.planned_minutes, this.done_minutes, this.planned_tasks, this.done_tasks), (105, 45, 3, 2));
        assert_eq!((this.status, this.partial), (Compliance::OffTrack, true));
        // By goal, in the order given; B studied nothing and is left out.
        assert_eq!(w.by_goal.len(), 1);
        assert_eq!(w.by_goal[0].title, "Rust");
        assert_eq!(&w.by_goal[0].minutes[WEEKS - 2..], &[70, 125]);
        assert_eq!(w.by_goal[0].minutes.iter().sum::<u32>(), 195);
    }

    #[test]
    fn tasks_before_the_window_do_not_count() {
        let old = done(task("2025-01-06", 30), "2025-01-06", None);
        let w = weekly(&[&old], &[], day("2026-03-11"));
        assert!(w.weeks.iter().all(|x| x.planned_tasks == 0 && x.studied_minutes == 0));
    }
}
