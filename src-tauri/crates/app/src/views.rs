//! What the facade returns: views shaped for the screens and the CLI. Their
//! TypeScript twins are generated (see `bindings`).

use crate::words::OutlookView;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use waymark_core::activity::Activity;
use waymark_core::availability::DayOff;
use waymark_core::duration::HourEstimate;
use waymark_core::goal::{Goal, GoalStatus};
use waymark_core::ids::{GoalId, StepId, TaskId};
use waymark_core::planner::Feasibility;
use waymark_core::roadmap::{Resource, Step};
use waymark_core::streak::Streak;
use waymark_core::task::{Task, TaskStatus};

/// Progress of a goal or step, from its tasks.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize, TS)]
pub struct Progress {
    /// Tasks done.
    pub tasks_done: u32,
    /// All tasks (planned, done, skipped).
    pub tasks_total: u32,
    /// Minutes of done tasks (planned length).
    pub minutes_done: u32,
    /// Minutes of all tasks.
    pub minutes_total: u32,
}

impl Progress {
    pub(crate) fn add(&mut self, task: &Task) {
        self.tasks_total += 1;
        self.minutes_total += task.duration_minutes;
        if task.status == TaskStatus::Done {
            self.tasks_done += 1;
            self.minutes_done += task.duration_minutes;
        }
    }
}

/// A goal with its progress and plan outlook, for lists.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct GoalOverview {
    /// The goal itself (its fields appear at the top level).
    #[serde(flatten)]
    pub goal: Goal,
    /// Progress over all its tasks.
    pub progress: Progress,
    /// Number of roadmap steps.
    pub step_count: u32,
    /// The last planned day.
    pub finish_date: Option<NaiveDate>,
    /// Whether the plan ends by the target date.
    pub feasibility: Feasibility,
    /// Progress, forecast and on-track status.
    pub outlook: OutlookView,
    /// Unfinished prerequisite goals without a plan (paused or archived) that
    /// this goal waits for.
    pub waiting_on: Vec<String>,
    /// The day its plan starts when it waits for a prerequisite's plan to end.
    pub starts_on: Option<NaiveDate>,
}

/// A roadmap step with its estimate and progress.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct StepView {
    /// The step.
    #[serde(flatten)]
    pub step: Step,
    /// Estimated hours from its duration text.
    pub estimate: HourEstimate,
    /// Progress over its tasks.
    pub progress: Progress,
    /// First planned day.
    pub first_date: Option<NaiveDate>,
    /// Last planned day.
    pub last_date: Option<NaiveDate>,
}

/// Everything the Goal screen shows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct GoalView {
    /// The goal with its outlook.
    pub overview: GoalOverview,
    /// The template the roadmap came from.
    pub template: Option<String>,
    /// Steps in order.
    pub steps: Vec<StepView>,
    /// Total estimate over all steps.
    pub estimate: HourEstimate,
    /// Tasks from today on (planned) and the latest settled ones, by date.
    pub upcoming: Vec<Task>,
    /// The goal's latest activity, newest first.
    pub activities: Vec<Activity>,
}

/// A task on Today, with what the screen needs around it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct TodayTask {
    /// Its id.
    pub id: TaskId,
    /// Its goal.
    pub goal_id: GoalId,
    /// The goal's title.
    pub goal_title: String,
    /// Its step.
    pub step_id: StepId,
    /// What to do.
    pub title: String,
    /// The step's description.
    pub description: String,
    /// Planned minutes.
    pub duration_minutes: u32,
    /// Where it stands.
    pub status: TaskStatus,
    /// Minutes actually spent.
    pub time_spent_minutes: Option<u32>,
    /// The step's study material.
    pub resources: Vec<Resource>,
    /// Days it was planned for before and not done (it rolled forward).
    pub missed_dates: Vec<NaiveDate>,
}

/// Per-goal line on Today.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct TodayGoal {
    /// The goal.
    pub id: GoalId,
    /// Its title.
    pub title: String,
    /// Its status.
    pub status: GoalStatus,
    /// Minutes planned today.
    pub minutes_today: u32,
    /// Whether its plan ends by the target date.
    pub feasibility: Feasibility,
    /// The last planned day.
    pub finish_date: Option<NaiveDate>,
    /// Progress, forecast and on-track status.
    pub outlook: OutlookView,
}

/// Everything the Today screen shows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct TodayView {
    /// The day shown.
    pub date: NaiveDate,
    /// Its tasks across active goals.
    pub tasks: Vec<TodayTask>,
    /// Minutes planned.
    pub planned_minutes: u32,
    /// Minutes of done tasks.
    pub done_minutes: u32,
    /// Active goals with tasks today.
    pub goals: Vec<TodayGoal>,
    /// Number of active goals (for the empty state).
    pub active_goals: u32,
    /// The learner's streak.
    pub streak: Streak,
    /// Whether the day shown is a declared day off.
    pub day_off: Option<DayOff>,
    /// The latest activity across goals, newest first.
    pub activities: Vec<Activity>,
    /// Revision cards due now.
    pub reviews_due: u32,
    /// Where the day's verification test stands.
    pub test_state: crate::study_views::TestState,
}

/// A task the rollover moved from a past day.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct MovedTask {
    /// The task.
    pub task_id: TaskId,
    /// Its goal.
    pub goal_id: GoalId,
    /// The day it missed.
    pub from: NaiveDate,
    /// Its new day.
    pub to: NaiveDate,
}

/// The settings that shape the learner's days.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct SettingsView {
    /// The hour a new day starts (0–23).
    pub day_start_hour: u8,
    /// The learner's chosen time zone; `None` follows the computer.
    pub time_zone: Option<String>,
    /// The zone in effect.
    pub zone_in_effect: String,
    /// The computer's zone.
    pub system_zone: String,
    /// The learner's date now.
    pub today: NaiveDate,
    /// Declared breaks.
    pub days_off: Vec<DayOff>,
    /// The share of right answers a daily test needs.
    pub pass_mark: f64,
    /// FSRS desired retention.
    pub desired_retention: f64,
    /// Whether FSRS weights were fitted to this learner.
    pub fsrs_optimized: bool,
}

/// What a learner changes in the day settings.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct SettingsInput {
    /// The hour a new day starts (0–23).
    pub day_start_hour: u8,
    /// An IANA time zone name; empty or `None` follows the computer.
    pub time_zone: Option<String>,
}

/// One goal's dated plan, for `waymark plan` and the calendar export.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct PlanView {
    /// The goal with its outlook.
    pub overview: GoalOverview,
    /// All its tasks by date (done, skipped and planned).
    pub tasks: Vec<Task>,
}
