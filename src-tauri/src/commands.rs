//! Tauri commands: each takes the shared state, calls one facade method and
//! returns its result; errors cross to the UI as `{code, message, field}`.

use crate::desktop::Shared;
use chrono::NaiveDate;
use tauri::State;
use tauri_plugin_opener::OpenerExt;
use waymark_app::io::RoadmapFormat;
use waymark_app::{
    AppError, AppResult, ErrorCode, GoalOverview, GoalView, PlanView, SettingsInput, SettingsView, TodayView,
};
use waymark_core::activity::Activity;
use waymark_core::goal::{GoalInput, GoalStatus};
use waymark_core::profile::DayOffInput;
use waymark_core::roadmap::StepInput;
use waymark_core::task::{Task, TaskStatus};
use waymark_core::templates::Template;

type S<'a> = State<'a, Shared>;

#[tauri::command]
pub fn templates(state: S<'_>) -> AppResult<Vec<Template>> {
    state.with(|app| Ok(app.templates()))
}

#[tauri::command]
pub fn list_goals(state: S<'_>) -> AppResult<Vec<GoalOverview>> {
    state.with(|app| app.list_goals())
}

#[tauri::command]
pub fn goal_view(state: S<'_>, id: String) -> AppResult<GoalView> {
    state.with(|app| app.goal_view(&id))
}

#[tauri::command]
pub fn create_goal(state: S<'_>, input: GoalInput, template: Option<String>) -> AppResult<GoalOverview> {
    state.with(|app| app.create_goal(input, template.as_deref()))
}

#[tauri::command]
pub fn update_goal(state: S<'_>, id: String, input: GoalInput) -> AppResult<GoalOverview> {
    state.with(|app| app.update_goal(&id, input))
}

#[tauri::command]
pub fn set_goal_status(state: S<'_>, id: String, status: GoalStatus) -> AppResult<GoalOverview> {
    state.with(|app| app.set_goal_status(&id, status))
}

#[tauri::command]
pub fn delete_goal(state: S<'_>, id: String) -> AppResult<()> {
    state.with(|app| app.delete_goal(&id))
}

#[tauri::command]
pub fn apply_template(state: S<'_>, goal_id: String, name: String) -> AppResult<GoalView> {
    state.with(|app| app.apply_template(&goal_id, &name))
}

#[tauri::command]
pub fn add_step(state: S<'_>, goal_id: String, input: StepInput, position: Option<usize>) -> AppResult<GoalView> {
    state.with(|app| app.add_step(&goal_id, input, position))
}

#[tauri::command]
pub fn update_step(state: S<'_>, goal_id: String, step_id: String, input: StepInput) -> AppResult<GoalView> {
    state.with(|app| app.update_step(&goal_id, &step_id, input))
}

#[tauri::command]
pub fn move_step(state: S<'_>, goal_id: String, step_id: String, to: usize) -> AppResult<GoalView> {
    state.with(|app| app.move_step(&goal_id, &step_id, to))
}

#[tauri::command]
pub fn remove_step(state: S<'_>, goal_id: String, step_id: String) -> AppResult<GoalView> {
    state.with(|app| app.remove_step(&goal_id, &step_id))
}

#[tauri::command]
pub fn today(state: S<'_>, date: Option<NaiveDate>) -> AppResult<TodayView> {
    state.with(|app| app.today_view(date))
}

#[tauri::command]
pub fn set_task_status(state: S<'_>, id: String, status: TaskStatus, minutes: Option<u32>) -> AppResult<Task> {
    state.with(|app| app.set_task_status(&id, status, minutes))
}

#[tauri::command]
pub fn open_resource(app: tauri::AppHandle, state: S<'_>, url: String) -> AppResult<()> {
    let url = state.with(|a| a.resource_url(&url))?;
    app.opener().open_url(url, None::<&str>).map_err(|e| AppError {
        code: ErrorCode::System,
        message: format!("cannot open the link in a browser: {e}"),
        field: None,
    })
}

#[tauri::command]
pub fn data_dir(state: S<'_>) -> AppResult<String> {
    state.with(|app| Ok(app.data_dir().display().to_string()))
}

#[tauri::command]
pub fn plan(state: S<'_>, goal_id: String) -> AppResult<PlanView> {
    state.with(|app| app.plan(&goal_id))
}

#[tauri::command]
pub fn replan_all(state: S<'_>) -> AppResult<Vec<GoalOverview>> {
    state.with(|app| {
        app.replan_all()?;
        app.list_goals()
    })
}

#[tauri::command]
pub fn set_step_done(state: S<'_>, goal_id: String, step_id: String, done: bool) -> AppResult<GoalView> {
    state.with(|app| app.set_step_done(&goal_id, &step_id, done))
}

#[tauri::command]
pub fn settings(state: S<'_>) -> AppResult<SettingsView> {
    state.with(|app| Ok(app.settings()))
}

#[tauri::command]
pub fn update_settings(state: S<'_>, input: SettingsInput) -> AppResult<SettingsView> {
    state.with(|app| app.update_settings(input))
}

#[tauri::command]
pub fn add_day_off(state: S<'_>, input: DayOffInput) -> AppResult<SettingsView> {
    state.with(|app| app.add_day_off(input))
}

#[tauri::command]
pub fn remove_day_off(state: S<'_>, start: NaiveDate) -> AppResult<SettingsView> {
    state.with(|app| app.remove_day_off(start))
}

#[tauri::command]
pub fn activities(state: S<'_>, goal_id: Option<String>) -> AppResult<Vec<Activity>> {
    state.with(|app| app.activities(goal_id.as_deref(), None))
}

#[tauri::command]
pub fn import_roadmap(state: S<'_>, goal_id: String, text: String, format: RoadmapFormat) -> AppResult<GoalView> {
    state.with(|app| app.import_roadmap(&goal_id, &text, format))
}

#[tauri::command]
pub fn export_roadmap(state: S<'_>, goal_id: String, format: RoadmapFormat) -> AppResult<String> {
    state.with(|app| {
        let text = app.export_roadmap(&goal_id, format)?;
        let ext = if format == RoadmapFormat::Json { "json" } else { "md" };
        app.save_export(&format!("roadmap-{}.{ext}", &goal_id[..8.min(goal_id.len())]), &text)
    })
}

#[tauri::command]
pub fn export_ics(state: S<'_>, goal_id: Option<String>) -> AppResult<String> {
    state.with(|app| {
        let text = app.export_ics(goal_id.as_deref())?;
        app.save_export("waymark-plan.ics", &text)
    })
}
