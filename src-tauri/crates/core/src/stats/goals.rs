//! Goal figures: completion by category, the average time to complete a goal,
//! and steps completed per month.
//!
//! - A goal is **completed** when it has a completion time (completed, or
//!   archived after it was completed).
//! - **Time to complete**: learner days from the date the goal was created to
//!   the date it was completed (0 for the same day), averaged over completed goals.
//! - **Steps per month**: step completions from the activity log; a step
//!   completed, reopened and completed again counts once, at its last completion.

use crate::day::learner_date;
use crate::goal::Goal;
use crate::ids::{GoalId, StepId};
use crate::stats::{MONTHS, StepDone, last_months, month_start};
use chrono::NaiveDate;
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};
use ts_rs::TS;

/// Goals of one category.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct CategoryFigures {
    /// The category as the learner wrote it (empty: none given).
    pub category: String,
    /// Goals in it.
    pub goals: u32,
    /// Of those, the completed ones.
    pub completed: u32,
}

/// Steps completed in one month.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct StepMonth {
    /// Its first day.
    pub month: NaiveDate,
    /// Steps completed.
    pub steps: u32,
}

/// The goal figures.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct GoalFigures {
    /// Goals in all.
    pub total: u32,
    /// Completed goals.
    pub completed: u32,
    /// By category, the largest first (then by name; categories differing only
    /// in letter case are one).
    pub categories: Vec<CategoryFigures>,
    /// Mean learner days from creation to completion; `None` before a goal is completed.
    pub average_days_to_complete: Option<f64>,
    /// Steps completed per month over the last [`MONTHS`] months, oldest first.
    pub steps_by_month: Vec<StepMonth>,
}

/// The goal figures as of `today`; dates of goals' times are learner dates in
/// `zone` with the day starting at `hour`.
pub fn goals(goals: &[&Goal], steps_done: &[StepDone], zone: Tz, hour: u8, today: NaiveDate) -> GoalFigures {
    let mut by_category: BTreeMap<String, CategoryFigures> = BTreeMap::new();
    let mut days = Vec::new();
    for g in goals {
        let name = g.category.trim();
        let c = by_category.entry(name.to_lowercase()).or_insert_with(|| CategoryFigures {
            category: name.to_string(),
            goals: 0,
            completed: 0,
        });
        c.goals += 1;
        if let Some(done) = g.completed_at {
            c.completed += 1;
            let (from, to) = (learner_date(g.created_at, zone, hour), learner_date(done, zone, hour));
            days.push((to - from).num_days().max(0) as f64);
        }
    }
    let mut categories: Vec<CategoryFigures> = by_category.into_values().collect();
    categories.sort_by(|a, b| b.goals.cmp(&a.goals).then_with(|| a.category.cmp(&b.category)));
    let mut last: HashMap<(&GoalId, &StepId), NaiveDate> = HashMap::new();
    for s in steps_done {
        let date = last.entry((&s.goal_id, &s.step_id)).or_insert(s.date);
        *date = (*date).max(s.date);
    }
    let months = last_months(today, MONTHS);
    let mut steps_by_month: Vec<StepMonth> = months.iter().map(|&month| StepMonth { month, steps: 0 }).collect();
    for date in last.into_values().filter(|d| *d <= today) {
        if let Some(m) = steps_by_month.iter_mut().find(|m| m.month == month_start(date)) {
            m.steps += 1;
        }
    }
    GoalFigures {
        total: goals.len() as u32,
        completed: days.len() as u32,
        categories,
        average_days_to_complete: (!days.is_empty()).then(|| days.iter().sum::<f64>() / days.len() as f64),
        steps_by_month,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::goal::GoalStatus;
    use crate::stats::fixtures::*;
    use chrono_tz::Asia;

    #[test]
    fn completion_by_category_and_average_days() {
        let mut rust = goal_in(1, "Programming", "2026-01-01T10:00:00Z");
        rust.status = GoalStatus::Completed;
        rust.completed_at = Some(utc("2026-01-11T10:00:00Z")); // 10 days
        let mut go = goal_in(2, " programming ", "2026-02-01T10:00:00Z");
        go.status = GoalStatus::Archived;
        go.completed_at = Some(utc("2026-02-21T09:00:00Z")); // 20 days
        let piano = goal_in(3, "Music", "2026-02-01T10:00:00Z");
        let loose = goal_in(4, "", "2026-02-02T10:00:00Z");
        let f = goals(&[&rust, &go, &piano, &loose], &[], chrono_tz::UTC, 4, day("2026-03-04"));
        assert_eq!((f.total, f.completed), (4, 2));
        assert_eq!(f.average_days_to_complete, Some(15.0));
        let names: Vec<(&str, u32, u32)> =
            f.categories.iter().map(|c| (c.category.as_str(), c.goals, c.completed)).collect();
        assert_eq!(names, vec![("Programming", 2, 2), ("", 1, 0), ("Music", 1, 0)]);
    }

    #[test]
    fn time_to_complete_uses_learner_dates() {
        // Created 23:00 in Tokyo on 1 March, completed 02:00 on 3 March (before the 4 am day
        // start): learner dates 1 and 2 March, one day.
        let mut g = goal_in(1, "", "2026-03-01T14:00:00Z");
        g.completed_at = Some(utc("2026-03-02T17:00:00Z"));
        let f = goals(&[&g], &[], Asia::Tokyo, 4, day("2026-03-04"));
        assert_eq!(f.average_days_to_complete, Some(1.0));
        assert_eq!(goals(&[&g], &[], chrono_tz::UTC, 0, day("2026-03-04")).average_days_to_complete, Some(1.0));
    }

    #[test]
    fn a_step_counts_once_at_its_last_completion() {
        let g = goal(1);
        let s = |step: u128, date: &str| StepDone { goal_id: g.id.clone(), step_id: step_id(step), date: day(date) };
        let done = [
            s(1, "2026-01-20"),
            s(1, "2026-02-03"), // reopened and done again: February only
            s(2, "2026-02-10"),
            s(3, "2026-03-01"),
            s(4, "2025-02-01"), // before the window
        ];
        let f = goals(&[&g], &done, chrono_tz::UTC, 4, day("2026-03-04"));
        let per: Vec<u32> = f.steps_by_month.iter().map(|m| m.steps).collect();
        assert_eq!(f.steps_by_month.len(), MONTHS);
        assert_eq!(f.steps_by_month[MONTHS - 1].month, day("2026-03-01"));
        assert_eq!(&per[MONTHS - 3..], &[0, 2, 1]);
        assert_eq!(per.iter().sum::<u32>(), 3);
    }
}
