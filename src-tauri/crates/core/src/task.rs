//! Daily tasks: a dated slice of a roadmap step.

use crate::ids::{GoalId, StepId, TaskId};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Where a task stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum TaskStatus {
    /// Scheduled, not done yet.
    #[default]
    Planned,
    /// Done.
    Done,
    /// Deliberately skipped.
    Skipped,
}

impl TaskStatus {
    /// Done or skipped: the planner no longer moves it.
    pub fn is_settled(self) -> bool {
        !matches!(self, Self::Planned)
    }
}

/// A dated study task.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Task {
    /// Its id.
    pub id: TaskId,
    /// The goal it serves.
    pub goal_id: GoalId,
    /// The roadmap step it is a part of.
    pub step_id: StepId,
    /// The day it is planned for.
    pub date: NaiveDate,
    /// What to do, e.g. "Ownership (part 2 of 3)".
    pub title: String,
    /// Planned minutes.
    pub duration_minutes: u32,
    /// Order of the task within its goal's plan.
    pub seq: u32,
    /// Where it stands.
    pub status: TaskStatus,
    /// Minutes actually spent, when recorded.
    pub time_spent_minutes: Option<u32>,
    /// When it was created.
    pub created_at: DateTime<Utc>,
    /// When it was marked done or skipped.
    pub completed_at: Option<DateTime<Utc>>,
    /// The learner's date when it was marked done or skipped (kept as it was
    /// then, so a later time-zone change does not move it).
    #[serde(default)]
    pub completed_on: Option<NaiveDate>,
    /// Days it was planned for but not done, before it rolled forward.
    #[serde(default)]
    pub missed_dates: Vec<NaiveDate>,
}
