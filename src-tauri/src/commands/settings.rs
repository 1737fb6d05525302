//! Settings commands: the day start hour and time zone, the days off, and
//! launch at login (through the autostart plugin).

use super::AppState;
use chrono::NaiveDate;
use tauri::AppHandle;
use tauri_plugin_autostart::ManagerExt;
use waymark_app::{AppError, AppResult, SettingsInput, SettingsView};
use waymark_core::profile::DayOffInput;

/// The settings, with today and the time zone in effect.
#[tauri::command]
pub fn settings(state: AppState<'_>) -> AppResult<SettingsView> {
    state.with(|app| Ok(app.settings()))
}

/// Changes the day start hour and the time zone.
#[tauri::command]
pub fn update_settings(state: AppState<'_>, input: SettingsInput) -> AppResult<SettingsView> {
    state.with(|app| app.update_settings(input))
}

/// Declares a break (for all goals).
#[tauri::command]
pub fn add_day_off(state: AppState<'_>, input: DayOffInput) -> AppResult<SettingsView> {
    state.with(|app| app.add_day_off(input))
}

/// Removes the break that starts on `start`.
#[tauri::command]
pub fn remove_day_off(state: AppState<'_>, start: NaiveDate) -> AppResult<SettingsView> {
    state.with(|app| app.remove_day_off(start))
}

/// Whether Waymark starts hidden in the tray at login.
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
