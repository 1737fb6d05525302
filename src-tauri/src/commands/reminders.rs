//! Study reminder commands (they ring from the tray even with the window
//! closed): thin calls into the facade; each one that changes when reminders
//! ring wakes the reminder thread. A clicked notification's screen is taken
//! here too.

use super::AppState;
use crate::desktop::reminder_task;
use crate::desktop::window::PendingRoute;
use chrono::{DateTime, Utc};
use tauri::{AppHandle, State};
use waymark_app::AppResult;
use waymark_app::reminders::{Notification, PauseFor, ReminderSettings};
use waymark_core::reminder::{OnceInput, QuietHours, Reminder, ReminderInput};

/// Runs a change of the reminders, then wakes the reminder thread.
fn changing<T>(
    handle: &AppHandle,
    state: &AppState<'_>,
    f: impl FnOnce(&mut waymark_app::App) -> AppResult<T>,
) -> AppResult<T> {
    let out = state.with(f)?;
    reminder_task::poke(handle);
    Ok(out)
}

/// The reminders, oldest first.
#[tauri::command]
pub fn reminders(state: AppState<'_>) -> AppResult<Vec<Reminder>> {
    state.with(|app| app.reminders())
}

/// The reminders with when each rings next, the quiet hours and the pause, as saved.
#[tauri::command]
pub fn reminder_settings(state: AppState<'_>) -> AppResult<ReminderSettings> {
    state.with(|app| app.reminder_settings())
}

/// Adds a reminder.
#[tauri::command]
pub fn add_reminder(handle: AppHandle, state: AppState<'_>, input: ReminderInput) -> AppResult<Reminder> {
    changing(&handle, &state, |app| app.add_reminder(input))
}

/// Adds a one-off reminder at a local date and time ("2026-12-01T18:00:00"), for a task or goal.
#[tauri::command]
pub fn add_once_reminder(handle: AppHandle, state: AppState<'_>, input: OnceInput) -> AppResult<Reminder> {
    changing(&handle, &state, |app| app.add_once_reminder(input))
}

/// Deletes a reminder.
#[tauri::command]
pub fn delete_reminder(handle: AppHandle, state: AppState<'_>, id: String) -> AppResult<()> {
    changing(&handle, &state, |app| app.delete_reminder(&id))
}

/// Snoozes a reminder for `minutes`.
#[tauri::command]
pub fn snooze_reminder(handle: AppHandle, state: AppState<'_>, id: String, minutes: u32) -> AppResult<Reminder> {
    changing(&handle, &state, |app| app.snooze_reminder_for(&id, minutes))
}

/// What would ring now, with its words (sends nothing).
#[tauri::command]
pub fn reminders_due(state: AppState<'_>) -> AppResult<Vec<Notification>> {
    state.with(|app| app.reminders_due(None))
}

/// Pauses every reminder for an hour or until tomorrow; returns when they ring again.
#[tauri::command]
pub fn pause_reminders(handle: AppHandle, state: AppState<'_>, pause: PauseFor) -> AppResult<DateTime<Utc>> {
    changing(&handle, &state, |app| app.pause_reminders_for(pause))
}

/// Ends a pause.
#[tauri::command]
pub fn resume_reminders(handle: AppHandle, state: AppState<'_>) -> AppResult<()> {
    changing(&handle, &state, |app| app.pause_reminders(None))
}

/// Sets the quiet hours (`null` removes them).
#[tauri::command]
pub fn set_quiet_hours(handle: AppHandle, state: AppState<'_>, quiet: Option<QuietHours>) -> AppResult<()> {
    changing(&handle, &state, |app| app.set_quiet_hours(quiet))
}

/// The screen a clicked notification asked to open ("#/goal/<id>"), once; null when none.
#[tauri::command]
pub fn take_route(pending: State<'_, PendingRoute>) -> Option<String> {
    pending.take()
}
