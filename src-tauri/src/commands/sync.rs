//! Sync commands: thin calls into the facade. The ones that talk to the
//! remote are async, so the window never waits on the network.

use super::AppState;
use crate::desktop::Shared;
use crate::desktop::sync_task::{self, SyncGate};
use tauri::{AppHandle, Manager};
use waymark_app::AppResult;
use waymark_app::sync::{self, ConnectionCheck, SyncReport};
use waymark_app::sync_views::{ConflictView, SyncProblemView, SyncRunView, SyncView};

/// How sync stands.
#[tauri::command]
pub fn sync_status(state: AppState<'_>) -> AppResult<SyncView> {
    state.with(|app| app.sync_view())
}

/// The last sync runs.
#[tauri::command]
pub fn sync_log(state: AppState<'_>) -> AppResult<Vec<SyncRunView>> {
    state.with(|app| app.sync_log())
}

/// Checks a connection string without saving it.
#[tauri::command]
pub async fn sync_test(uri: String, database: String) -> AppResult<ConnectionCheck> {
    sync::test_connection(&uri, &database).await
}

/// Turns sync on and starts the first sync in the background.
#[tauri::command]
pub async fn sync_connect(handle: AppHandle, uri: String, database: String) -> AppResult<SyncView> {
    let shared = handle.state::<Shared>().shared()?;
    let view = sync::connect(&shared, &uri, &database).await?;
    handle.state::<SyncGate>().ask();
    Ok(view)
}

/// Turns sync off.
#[tauri::command]
pub fn sync_disable(state: AppState<'_>) -> AppResult<SyncView> {
    state.with(|app| app.sync_disable())
}

/// Syncs now.
#[tauri::command]
pub async fn sync_now(handle: AppHandle) -> AppResult<SyncReport> {
    sync_task::run_now(&handle).await
}

/// Removes this learner's documents from the remote and turns sync off.
#[tauri::command]
pub async fn delete_remote_data(handle: AppHandle) -> AppResult<u64> {
    let shared = handle.state::<Shared>().shared()?;
    let removed = sync::delete_remote_data(&shared).await?;
    sync_task::emit_status(&handle);
    Ok(removed)
}

/// The versions sync did not keep.
#[tauri::command]
pub fn conflicts(state: AppState<'_>) -> AppResult<Vec<ConflictView>> {
    state.with(|app| app.conflicts())
}

/// Sync → Problems: received documents kept aside, with why.
#[tauri::command]
pub fn sync_problems(state: AppState<'_>) -> AppResult<Vec<SyncProblemView>> {
    state.with(|app| app.sync_problems())
}

/// Writes a version that was not kept back.
#[tauri::command]
pub fn restore_conflict(state: AppState<'_>, id: String) -> AppResult<Vec<ConflictView>> {
    state.with(|app| app.restore_conflict(&id))
}

/// Lets a version that was not kept go.
#[tauri::command]
pub fn dismiss_conflict(state: AppState<'_>, id: String) -> AppResult<Vec<ConflictView>> {
    state.with(|app| app.dismiss_conflict(&id))
}
