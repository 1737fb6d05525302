//! Data-ownership commands: where the data lives, export everything, import
//! it back, local backups, delete all data. Thin calls into the facade.

use super::AppState;
use crate::desktop::Shared;
use tauri::Manager;
use waymark_app::AppResult;
use waymark_app::backups::{BackupInfo, RestoreReport};
use waymark_app::delete_all::DeletedData;
use waymark_app::export::ImportReport;

/// The folder the data lives in.
#[tauri::command]
pub fn data_dir(state: AppState<'_>) -> AppResult<String> {
    state.with(|app| Ok(app.data_dir().display().to_string()))
}

/// Saves everything as one JSON file (Downloads or `WAYMARK_EXPORT_DIR`); returns its path.
#[tauri::command]
pub fn export_data(state: AppState<'_>) -> AppResult<String> {
    state.with(|app| {
        let text = app.export_data()?;
        app.save_export(&app.export_file_name(), &text)
    })
}

/// Checks an export file's text and says what importing it would do (writes nothing).
#[tauri::command]
pub fn preview_import(state: AppState<'_>, text: String) -> AppResult<ImportReport> {
    state.with(|app| app.preview_import(&text))
}

/// Imports an export file's text.
#[tauri::command]
pub fn import_data(state: AppState<'_>, text: String) -> AppResult<ImportReport> {
    state.with(|app| app.import_data(&text))
}

/// The local backups, newest first.
#[tauri::command]
pub fn backups(state: AppState<'_>) -> AppResult<Vec<BackupInfo>> {
    state.with(|app| app.backups())
}

/// Takes a backup now.
#[tauri::command]
pub fn backup_now(state: AppState<'_>) -> AppResult<BackupInfo> {
    state.with(|app| app.backup_now())
}

/// Replaces everything with a backup; the current state is backed up first.
#[tauri::command]
pub fn restore_backup(state: AppState<'_>, id: String) -> AppResult<RestoreReport> {
    state.with(|app| app.restore_backup(&id))
}

/// Deletes all data when `confirmation` is the typed phrase.
/// When sync is on, this learner's remote documents go first.
#[tauri::command]
pub async fn delete_all_data(handle: tauri::AppHandle, confirmation: String) -> AppResult<DeletedData> {
    let shared = handle.state::<Shared>().shared()?;
    waymark_app::sync::delete_everything(&shared, &confirmation).await
}
