//! Keeping a goal's dated tasks in step with its roadmap: the learner's edits
//! (steps, hours, status) re-run the daily fill from today, inside the same
//! transaction as the edit.
//!
//! Done and skipped tasks are history and never move. The remaining minutes of
//! each step are planned again; existing planned tasks are reused in order, so an
//! unchanged roadmap rewrites nothing.

use crate::error::AppResult;
use chrono::{DateTime, NaiveDate, Utc};
use std::collections::HashMap;
use uuid::Uuid;
use waymark_core::goal::{Goal, GoalStatus};
use waymark_core::ids::{StepId, TaskId};
use waymark_core::planner::{StepWork, sequential_fill};
use waymark_core::roadmap::{Roadmap, StepStatus};
use waymark_core::task::{Task, TaskStatus};
use waymark_store::Tx;

/// Re-plans `goal`'s open work from `today`. `tasks` are all its live tasks.
pub(crate) fn replan(
    tx: &mut Tx<'_>,
    goal: &Goal,
    roadmap: Option<&Roadmap>,
    tasks: &[Task],
    today: NaiveDate,
    now: DateTime<Utc>,
) -> AppResult<()> {
    let mut settled: HashMap<&StepId, u32> = HashMap::new();
    let mut used_today = 0u32;
    let mut planned: Vec<&Task> = Vec::new();
    for t in tasks {
        if t.status.is_settled() {
            *settled.entry(&t.step_id).or_default() += t.duration_minutes;
            if t.date == today {
                used_today += t.duration_minutes;
            }
        } else {
            planned.push(t);
        }
    }
    planned.sort_by_key(|t| (t.seq, t.date));

    let work: Vec<StepWork> = match (goal.status, roadmap) {
        (GoalStatus::Active, Some(r)) => r
            .steps
            .iter()
            .filter(|s| s.status != StepStatus::Done)
            .map(|s| StepWork {
                step_id: s.id.clone(),
                title: s.title.clone(),
                minutes: s
                    .planned_minutes(goal.hours_per_week)
                    .saturating_sub(settled.get(&s.id).copied().unwrap_or(0)),
            })
            .filter(|w| w.minutes > 0)
            .collect(),
        _ => Vec::new(),
    };
    let plan = sequential_fill(&work, today, goal.hours_per_week, used_today);

    let mut old = planned.into_iter();
    for (seq, slice) in plan.slices.into_iter().enumerate() {
        let seq = u32::try_from(seq).unwrap_or(u32::MAX);
        match old.next() {
            Some(existing) => {
                let mut t = existing.clone();
                t.step_id = slice.step_id;
                t.date = slice.date;
                t.title = slice.title;
                t.duration_minutes = slice.minutes;
                t.seq = seq;
                if &t != existing {
                    tx.put(&t)?;
                }
            }
            None => tx.put(&Task {
                id: TaskId::from_uuid(Uuid::now_v7()),
                goal_id: goal.id.clone(),
                step_id: slice.step_id,
                date: slice.date,
                title: slice.title,
                duration_minutes: slice.minutes,
                seq,
                status: TaskStatus::Planned,
                time_spent_minutes: None,
                created_at: now,
                completed_at: None,
            })?,
        }
    }
    for stale in old {
        tx.delete(stale)?;
    }
    Ok(())
}
