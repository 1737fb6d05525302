//! The activity log: an append-only record of what happened in a learner's
//! study, shown as a timeline on each goal and on Today. Entries are facts; they
//! are never edited, and sync merges them as a union.

use crate::ids::{ActivityId, GoalId};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// What happened.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ActivityKind {
    /// A goal was created.
    GoalCreated,
    /// The first task of a goal's roadmap was done.
    RoadmapStarted,
    /// Steps were imported from a Markdown or JSON file.
    RoadmapImported,
    /// A step's work was all done (or it was marked done by hand).
    StepCompleted,
    /// A task was marked done.
    TaskCompleted,
    /// Every step of a goal was done.
    GoalCompleted,
    /// Open tasks from past days moved forward.
    TasksRolledOver,
    /// The streak reached 7, 30, 100 or 365 days.
    StreakMilestone,
    /// A daily verification test was passed.
    TestPassed,
    /// A daily verification test was taken and not passed.
    TestTaken,
}

/// One entry of the log.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Activity {
    /// Its id (UUID v7, so ids sort by time).
    pub id: ActivityId,
    /// What happened.
    pub kind: ActivityKind,
    /// The goal it concerns, if any.
    pub goal_id: Option<GoalId>,
    /// The step or task it concerns, if any.
    pub subject_id: Option<String>,
    /// One line for the timeline, e.g. "Completed step Ownership".
    pub title: String,
    /// When it happened.
    pub at: DateTime<Utc>,
    /// The learner's date it happened on.
    pub date: NaiveDate,
    /// A number that goes with it: minutes for a task, tasks moved, streak days.
    pub value: Option<u32>,
}
