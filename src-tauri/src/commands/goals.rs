//! Goal commands: list, view, create, change, set the status, take an outlook
//! fix, delete, and the activity log.

use super::AppState;
use waymark_app::{AppResult, GoalOverview, GoalView};
use waymark_core::activity::Activity;
use waymark_core::goal::{GoalInput, GoalStatus};
use waymark_core::outlook::FixChoice;

/// Every goal with its progress and outlook.
#[tauri::command]
pub fn list_goals(state: AppState<'_>) -> AppResult<Vec<GoalOverview>> {
    state.with(|app| app.list_goals())
}

/// One goal with its roadmap, estimates and upcoming tasks.
#[tauri::command]
pub fn goal_view(state: AppState<'_>, id: String) -> AppResult<GoalView> {
    state.with(|app| app.goal_view(&id))
}

/// Creates a goal, with the steps of `template` when given, and plans it.
#[tauri::command]
pub fn create_goal(state: AppState<'_>, input: GoalInput, template: Option<String>) -> AppResult<GoalOverview> {
    state.with(|app| app.create_goal(input, template.as_deref()))
}

/// Changes a goal and plans it again.
#[tauri::command]
pub fn update_goal(state: AppState<'_>, id: String, input: GoalInput) -> AppResult<GoalOverview> {
    state.with(|app| app.update_goal(&id, input))
}

/// Sets a goal's status.
#[tauri::command]
pub fn set_goal_status(state: AppState<'_>, id: String, status: GoalStatus) -> AppResult<GoalOverview> {
    state.with(|app| app.set_goal_status(&id, status))
}

/// Takes one of the fixes the goal's outlook offers and plans it again.
#[tauri::command]
pub fn apply_outlook_fix(state: AppState<'_>, id: String, choice: FixChoice) -> AppResult<GoalOverview> {
    state.with(|app| app.apply_outlook_fix(&id, choice))
}

/// Deletes a goal with its roadmap and tasks.
#[tauri::command]
pub fn delete_goal(state: AppState<'_>, id: String) -> AppResult<()> {
    state.with(|app| app.delete_goal(&id))
}

/// The activity log (of one goal, or of all), newest first.
#[tauri::command]
pub fn activities(state: AppState<'_>, goal_id: Option<String>) -> AppResult<Vec<Activity>> {
    state.with(|app| app.activities(goal_id.as_deref(), None))
}
