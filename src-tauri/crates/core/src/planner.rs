//! The daily fill: a roadmap's remaining work laid onto dated days, in step order,
//! never putting more on a day than the learner's daily share of weekly hours.
//!
//! This is the simple sequential planner: every day has the same capacity
//! (hours per week / 7). Work is cut into slices; a slice never crosses a day and
//! a day may hold the end of one step and the start of the next.

use crate::ids::StepId;
use chrono::{Days, NaiveDate};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Slices shorter than this are not started at the end of a day; the work moves
/// to the next day instead (unless the whole remainder is shorter).
pub const MIN_SLICE_MINUTES: u32 = 15;

/// Remaining work of one step, in study order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StepWork {
    /// The step.
    pub step_id: StepId,
    /// Its title, used to name the tasks.
    pub title: String,
    /// Minutes still to plan.
    pub minutes: u32,
}

/// One planned slice of a step on one day.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlannedSlice {
    /// The step.
    pub step_id: StepId,
    /// The day.
    pub date: NaiveDate,
    /// Task title: the step's, with "(part k of n)" when split.
    pub title: String,
    /// Minutes on that day.
    pub minutes: u32,
}

/// The result of a fill.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Plan {
    /// Slices in order.
    pub slices: Vec<PlannedSlice>,
    /// The last planned day, if anything was planned.
    pub finish: Option<NaiveDate>,
}

/// Whether a plan ends by the target date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Feasibility {
    /// No target date was set.
    NoTarget,
    /// The plan ends on or before the target date.
    Fits,
    /// The plan runs past the target date with the current hours.
    PastTarget,
}

/// Minutes per day for a weekly budget (at least one minute).
pub fn daily_minutes(hours_per_week: f64) -> u32 {
    ((hours_per_week * 60.0 / 7.0).round() as u32).max(1)
}

/// Fills `work` into days from `start`, `daily_minutes(hours_per_week)` a day;
/// `used_on_start` minutes of the first day are already taken (work done today).
pub fn sequential_fill(work: &[StepWork], start: NaiveDate, hours_per_week: f64, used_on_start: u32) -> Plan {
    let capacity = daily_minutes(hours_per_week);
    let mut raw: Vec<(usize, NaiveDate, u32)> = Vec::new();
    let mut day = start;
    let mut left_today = capacity.saturating_sub(used_on_start);
    for (index, step) in work.iter().enumerate() {
        let mut remaining = step.minutes;
        while remaining > 0 {
            if left_today < MIN_SLICE_MINUTES.min(remaining) {
                day = day.checked_add_days(Days::new(1)).unwrap_or(day);
                left_today = capacity;
            }
            let slice = remaining.min(left_today);
            raw.push((index, day, slice));
            remaining -= slice;
            left_today -= slice;
        }
    }
    let mut parts = vec![0u32; work.len()];
    for (index, _, _) in &raw {
        parts[*index] += 1;
    }
    let mut seen = vec![0u32; work.len()];
    let slices: Vec<PlannedSlice> = raw
        .into_iter()
        .map(|(index, date, minutes)| {
            seen[index] += 1;
            let step = &work[index];
            let title = if parts[index] > 1 {
                format!("{} (part {} of {})", step.title, seen[index], parts[index])
            } else {
                step.title.clone()
            };
            PlannedSlice { step_id: step.step_id.clone(), date, title, minutes }
        })
        .collect();
    let finish = slices.last().map(|s| s.date);
    Plan { slices, finish }
}

impl Plan {
    /// Compares the finish date with an optional target date.
    pub fn feasibility(&self, target: Option<NaiveDate>) -> Feasibility {
        match (target, self.finish) {
            (None, _) => Feasibility::NoTarget,
            (Some(t), Some(f)) if f > t => Feasibility::PastTarget,
            _ => Feasibility::Fits,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use std::collections::BTreeMap;

    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn work(items: &[(&str, u32)]) -> Vec<StepWork> {
        items
            .iter()
            .map(|(t, m)| StepWork { step_id: StepId(t.to_string()), title: t.to_string(), minutes: *m })
            .collect()
    }

    #[test]
    fn fills_days_in_order_and_splits_steps() {
        // 7 h/week = 60 min/day.
        let plan = sequential_fill(&work(&[("A", 90), ("B", 45)]), day("2026-03-02"), 7.0, 0);
        let got: Vec<(String, String, u32)> =
            plan.slices.iter().map(|s| (s.date.to_string(), s.title.clone(), s.minutes)).collect();
        assert_eq!(
            got,
            vec![
                ("2026-03-02".into(), "A (part 1 of 2)".into(), 60),
                ("2026-03-03".into(), "A (part 2 of 2)".into(), 30),
                ("2026-03-03".into(), "B (part 1 of 2)".into(), 30),
                ("2026-03-04".into(), "B (part 2 of 2)".into(), 15),
            ]
        );
        assert_eq!(plan.finish, Some(day("2026-03-04")));
    }

    #[test]
    fn short_leftovers_move_to_the_next_day() {
        // 60 min/day: A takes 50, leaving 10 < 15, so B starts the next day.
        let plan = sequential_fill(&work(&[("A", 50), ("B", 30)]), day("2026-03-02"), 7.0, 0);
        assert_eq!(plan.slices[1].date, day("2026-03-03"));
        assert_eq!(plan.slices[1].title, "B");
        // A 5-minute step still fits into a 10-minute leftover.
        let plan = sequential_fill(&work(&[("A", 50), ("C", 5)]), day("2026-03-02"), 7.0, 0);
        assert_eq!(plan.slices[1].date, day("2026-03-02"));
    }

    #[test]
    fn minutes_already_used_today_are_respected() {
        let plan = sequential_fill(&work(&[("A", 60)]), day("2026-03-02"), 7.0, 40);
        assert_eq!((plan.slices[0].date, plan.slices[0].minutes), (day("2026-03-02"), 20));
        assert_eq!((plan.slices[1].date, plan.slices[1].minutes), (day("2026-03-03"), 40));
        let full = sequential_fill(&work(&[("A", 30)]), day("2026-03-02"), 7.0, 90);
        assert_eq!(full.slices[0].date, day("2026-03-03"));
    }

    #[test]
    fn feasibility_against_target() {
        let plan = sequential_fill(&work(&[("A", 600)]), day("2026-03-02"), 7.0, 0);
        assert_eq!(plan.finish, Some(day("2026-03-11")));
        assert_eq!(plan.feasibility(Some(day("2026-03-11"))), Feasibility::Fits);
        assert_eq!(plan.feasibility(Some(day("2026-03-10"))), Feasibility::PastTarget);
        assert_eq!(plan.feasibility(None), Feasibility::NoTarget);
        assert_eq!(sequential_fill(&[], day("2026-03-02"), 7.0, 0).finish, None);
    }

    proptest! {
        #[test]
        fn never_overfills_a_day_and_plans_every_minute(
            minutes in proptest::collection::vec(1u32..2_000, 0..30),
            hours in 0.5f64..60.0,
        ) {
            let items: Vec<(String, u32)> = minutes.iter().enumerate().map(|(i, m)| (format!("s{i}"), *m)).collect();
            let w: Vec<StepWork> = items.iter().map(|(t, m)| StepWork { step_id: StepId(t.clone()), title: t.clone(), minutes: *m }).collect();
            let plan = sequential_fill(&w, day("2026-01-01"), hours, 0);
            let cap = daily_minutes(hours);
            let mut per_day: BTreeMap<NaiveDate, u32> = BTreeMap::new();
            for s in &plan.slices {
                *per_day.entry(s.date).or_default() += s.minutes;
                prop_assert!(s.minutes > 0);
            }
            prop_assert!(per_day.values().all(|m| *m <= cap));
            let total: u32 = plan.slices.iter().map(|s| s.minutes).sum();
            prop_assert_eq!(total, minutes.iter().sum::<u32>());
            // Step order is kept and dates never go backwards.
            let order: Vec<&StepId> = plan.slices.iter().map(|s| &s.step_id).collect();
            let mut sorted = order.clone();
            sorted.sort_by_key(|id| id.0[1..].parse::<usize>().unwrap());
            prop_assert_eq!(order, sorted);
            prop_assert!(plan.slices.windows(2).all(|p| p[0].date <= p[1].date));
        }
    }
}
