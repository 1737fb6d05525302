//! Today and the plan: the day's tasks, marking them, a goal's dated plan,
//! re-planning and the .ics calendar.

use super::AppState;
use chrono::NaiveDate;
use waymark_app::{AppResult, GoalOverview, PlanView, TodayView};
use waymark_core::task::{Task, TaskStatus};

/// The tasks of today (or of `date`) with the streak and each goal's outlook.
#[tauri::command]
pub fn today(state: AppState<'_>, date: Option<NaiveDate>) -> AppResult<TodayView> {
    state.with(|app| app.today_view(date))
}

/// Marks a task done, skipped or planned again, with the minutes spent.
#[tauri::command]
pub fn set_task_status(state: AppState<'_>, id: String, status: TaskStatus, minutes: Option<u32>) -> AppResult<Task> {
    state.with(|app| app.set_task_status(&id, status, minutes))
}

/// A goal's dated plan.
#[tauri::command]
pub fn plan(state: AppState<'_>, goal_id: String) -> AppResult<PlanView> {
    state.with(|app| app.plan(&goal_id))
}

/// Plans every goal again from today; returns the goals.
#[tauri::command]
pub fn replan_all(state: AppState<'_>) -> AppResult<Vec<GoalOverview>> {
    state.with(|app| {
        app.replan_all()?;
        app.list_goals()
    })
}

/// Saves the plan (one goal, or every active goal) as an .ics calendar; returns its path.
#[tauri::command]
pub fn export_ics(state: AppState<'_>, goal_id: Option<String>) -> AppResult<String> {
    state.with(|app| {
        let text = app.export_ics(goal_id.as_deref())?;
        app.save_export("waymark-plan.ics", &text)
    })
}
