//! Tauri commands for study reminders and launch at login: thin calls into
//! the facade (or the autostart plugin); each one that changes when
//! reminders ring wakes the reminder thread.

use crate::desktop::Shared;
use crate::reminder_task;
use crate::window::PendingRoute;
use chrono::{DateTime, Utc};
use tauri::{AppHandle, State};
use tauri_plugin_autostart::ManagerExt;
use waymark_app::reminders::{Notification, PauseFor, ReminderSettings};
use waymark_app::{AppError, AppResult};
use waymark_core::reminder::{OnceInput, QuietHours, Reminder, ReminderInput};

type S<'a> = State<'a, Shared>;

/// Runs a change of the reminders, then wakes the reminder thread.
fn changing<T>(
    handle: &AppHandle,
    state: &S<'_>,
    f: impl FnOnce(&mut waymark_app::App) -> AppResult<T>,
) -> AppResult<T> {
    let out = state.with(f)?;
    reminder_task::poke(handle);
    Ok(out)
}

/// The reminders, oldest first.
#[tauri::command]
pub fn reminders(state: S<'_>) -> AppResult<Vec<Reminder>> {
    state.with(|app| app.reminders())
}

/// The reminders with when each rings next, the quiet hours and the pause.
#[tauri::command]
pub fn reminder_settings(state: S<'_>) -> AppResult<ReminderSettings> {
    state.with(|app| app.reminder_settings())
}

/// Adds a reminder.
#[tauri::command]
pub fn add_reminder(handle: AppHandle, state: S<'_>, input: ReminderInput) -> AppResult<Reminder> {
    changing(&handle, &state, |app| app.add_reminder(input))
}

/// Adds a one-off reminder at a local date and time, for a task or goal.
#[tauri::command]
pub fn add_once_reminder(handle: AppHandle, state: S<'_>, input: OnceInput) -> AppResult<Reminder> {
    changing(&handle, &state, |app| app.add_once_reminder(input))
}

/// Deletes a reminder.
#[tauri::command]
pub fn delete_reminder(handle: AppHandle, state: S<'_>, id: String) -> AppResult<()> {
    changing(&handle, &state, |app| app.delete_reminder(&id))
}

/// Snoozes a reminder for `minutes`.
#[tauri::command]
pub fn snooze_reminder(handle: AppHandle, state: S<'_>, id: String, minutes: u32) -> AppResult<Reminder> {
    changing(&handle, &state, |app| app.snooze_reminder_for(&id, minutes))
}

/// What would ring now, with its words (sends nothing).
#[tauri::command]
pub fn reminders_due(state: S<'_>) -> AppResult<Vec<Notification>> {
    state.with(|app| app.reminders_due(None))
}

/// Pauses every reminder for an hour or until tomorrow; returns until when.
#[tauri::command]
pub fn pause_reminders(handle: AppHandle, state: S<'_>, pause: PauseFor) -> AppResult<DateTime<Utc>> {
    changing(&handle, &state, |app| app.pause_reminders_for(pause))
}

/// Ends a pause.
#[tauri::command]
pub fn resume_reminders(handle: AppHandle, state: S<'_>) -> AppResult<()> {
    changing(&handle, &state, |app| app.pause_reminders(None))
}

/// Sets the quiet hours (`null` removes them).
#[tauri::command]
pub fn set_quiet_hours(handle: AppHandle, state: S<'_>, quiet: Option<QuietHours>) -> AppResult<()> {
    changing(&handle, &state, |app| app.set_quiet_hours(quiet))
}

/// The screen a clicked notification asked to open, once.
#[tauri::command]
pub fn take_route(pending: State<'_, PendingRoute>) -> Option<String> {
    pending.take()
}

/// Whether Waymark starts (hidden, in the tray) at login.
#[tauri::command]
pub fn launch_at_login(handle: AppHandle) -> AppResult<bool> {
    handle.autolaunch().is_enabled().map_err(|e| AppError::system(format!("cannot read launch at login: {e}")))
}

/// Turns launch at login on or off; returns the new state.
#[tauri::command]
pub fn set_launch_at_login(handle: AppHandle, enabled: bool) -> AppResult<bool> {
    let autostart = handle.autolaunch();
    let changed = if enabled { autostart.enable() } else { autostart.disable() };
    changed.map_err(|e| AppError::system(format!("cannot change launch at login: {e}")))?;
    launch_at_login(handle)
}
