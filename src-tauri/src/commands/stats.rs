//! The Stats command. Figures are computed off the window's thread (the
//! review log is read ahead by `desktop::stats_warm_up`).

use crate::desktop::Shared;
use tauri::{AppHandle, Manager};
use waymark_app::{AppError, AppResult};
use waymark_core::stats::Stats;

/// Every figure of the Stats screen, or of one goal's summary; computed on a
/// blocking thread so the window stays responsive.
#[tauri::command]
pub async fn stats(handle: AppHandle, goal_id: Option<String>) -> AppResult<Stats> {
    tauri::async_runtime::spawn_blocking(move || handle.state::<Shared>().with(|app| app.stats(goal_id.as_deref())))
        .await
        .map_err(|e| AppError::system(format!("the stats stopped: {e}")))?
}
