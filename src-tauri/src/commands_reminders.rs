//! Tauri commands for study reminders: thin calls into the facade; each one
//! that changes when reminders ring wakes the reminder thread.

use crate::desktop::Shared;
use crate::reminder_task;
use tauri::{AppHandle, State};
use waymark_app::AppResult;
use waymark_app::reminders::Notification;
use waymark_core::reminder::{QuietHours, Reminder, ReminderInput};

type S<'a> = State<'a, Shared>;

/// The reminders, oldest first.
#[tauri::command]
pub fn reminders(state: S<'_>) -> AppResult<Vec<Reminder>> {
    state.with(|app| app.reminders())
}

/// Adds a reminder and wakes the reminder thread.
#[tauri::command]
pub fn add_reminder(handle: AppHandle, state: S<'_>, input: ReminderInput) -> AppResult<Reminder> {
    let r = state.with(|app| app.add_reminder(input))?;
    reminder_task::poke(&handle);
    Ok(r)
}

/// Deletes a reminder and wakes the reminder thread.
#[tauri::command]
pub fn delete_reminder(handle: AppHandle, state: S<'_>, id: String) -> AppResult<()> {
    state.with(|app| app.delete_reminder(&id))?;
    reminder_task::poke(&handle);
    Ok(())
}

/// What would ring now, with its words (sends nothing).
#[tauri::command]
pub fn reminders_due(state: S<'_>) -> AppResult<Vec<Notification>> {
    state.with(|app| app.reminders_due(None))
}

/// Pauses every reminder for `minutes` from now; `null` resumes them.
#[tauri::command]
pub fn pause_reminders(handle: AppHandle, state: S<'_>, minutes: Option<u32>) -> AppResult<()> {
    let until = minutes.map(|m| reminder_task::now() + chrono::Duration::minutes(i64::from(m)));
    state.with(|app| app.pause_reminders(until))?;
    reminder_task::poke(&handle);
    Ok(())
}

/// Sets the quiet hours (`null` removes them) and wakes the reminder thread.
#[tauri::command]
pub fn set_quiet_hours(handle: AppHandle, state: S<'_>, quiet: Option<QuietHours>) -> AppResult<()> {
    state.with(|app| app.set_quiet_hours(quiet))?;
    reminder_task::poke(&handle);
    Ok(())
}
