//! Roadmap commands: the templates, a goal's steps (add, change, move,
//! remove, done), roadmap files in and out, and opening a step's resource.

use super::AppState;
use tauri::AppHandle;
use tauri_plugin_opener::OpenerExt;
use waymark_app::io::RoadmapFormat;
use waymark_app::{AppError, AppResult, GoalView};
use waymark_core::roadmap::StepInput;
use waymark_core::templates::Template;

/// The built-in roadmap templates.
#[tauri::command]
pub fn templates(state: AppState<'_>) -> AppResult<Vec<Template>> {
    state.with(|app| Ok(app.templates()))
}

/// Replaces a goal's steps with those of the template `name`.
#[tauri::command]
pub fn apply_template(state: AppState<'_>, goal_id: String, name: String) -> AppResult<GoalView> {
    state.with(|app| app.apply_template(&goal_id, &name))
}

/// Adds a step at `position` (at the end when absent).
#[tauri::command]
pub fn add_step(
    state: AppState<'_>,
    goal_id: String,
    input: StepInput,
    position: Option<usize>,
) -> AppResult<GoalView> {
    state.with(|app| app.add_step(&goal_id, input, position))
}

/// Changes a step, keeping its id.
#[tauri::command]
pub fn update_step(state: AppState<'_>, goal_id: String, step_id: String, input: StepInput) -> AppResult<GoalView> {
    state.with(|app| app.update_step(&goal_id, &step_id, input))
}

/// Moves a step to position `to`.
#[tauri::command]
pub fn move_step(state: AppState<'_>, goal_id: String, step_id: String, to: usize) -> AppResult<GoalView> {
    state.with(|app| app.move_step(&goal_id, &step_id, to))
}

/// Removes a step (its done tasks stay as history).
#[tauri::command]
pub fn remove_step(state: AppState<'_>, goal_id: String, step_id: String) -> AppResult<GoalView> {
    state.with(|app| app.remove_step(&goal_id, &step_id))
}

/// Marks a step done, or not done.
#[tauri::command]
pub fn set_step_done(state: AppState<'_>, goal_id: String, step_id: String, done: bool) -> AppResult<GoalView> {
    state.with(|app| app.set_step_done(&goal_id, &step_id, done))
}

/// Replaces a goal's steps with a roadmap file's text.
#[tauri::command]
pub fn import_roadmap(
    state: AppState<'_>,
    goal_id: String,
    text: String,
    format: RoadmapFormat,
) -> AppResult<GoalView> {
    state.with(|app| app.import_roadmap(&goal_id, &text, format))
}

/// Saves the roadmap as a file; returns its path.
#[tauri::command]
pub fn export_roadmap(state: AppState<'_>, goal_id: String, format: RoadmapFormat) -> AppResult<String> {
    state.with(|app| app.save_roadmap(&goal_id, format))
}

/// Opens a step's resource link in the browser.
#[tauri::command]
pub fn open_resource(handle: AppHandle, state: AppState<'_>, url: String) -> AppResult<()> {
    let url = state.with(|a| a.resource_url(&url))?;
    handle
        .opener()
        .open_url(url, None::<&str>)
        .map_err(|e| AppError::system(format!("cannot open the link in a browser: {e}")))
}
