//! The Stats command, and the background read of the review log that makes
//! the first Stats visit fast. Figures are computed off the window's thread.

use crate::desktop::Shared;
use std::time::Duration;
use tauri::{AppHandle, Manager};
use waymark_app::{AppError, AppResult, ErrorCode};
use waymark_core::stats::Stats;

/// How long after start the review log is read (the first screen comes first).
const WARM_UP_AFTER: Duration = Duration::from_secs(3);

/// Every figure of the Stats screen, or of one goal's summary; computed on a
/// blocking thread so the window stays responsive.
#[tauri::command]
pub async fn stats(handle: AppHandle, goal_id: Option<String>) -> AppResult<Stats> {
    tauri::async_runtime::spawn_blocking(move || handle.state::<Shared>().with(|app| app.stats(goal_id.as_deref())))
        .await
        .map_err(|e| AppError { code: ErrorCode::System, message: format!("the stats stopped: {e}"), field: None })?
}

/// Reads the review log into memory on a thread of its own, holding the app
/// only to start and to install the result: the app stays usable meanwhile.
pub fn warm_up(handle: AppHandle) {
    std::thread::spawn(move || {
        std::thread::sleep(WARM_UP_AFTER);
        let state = handle.state::<Shared>();
        let Ok(Some(scan)) = state.with(|app| Ok(app.stats_scan())) else { return };
        let scanned = scan.run();
        if let Err(e) = state.with(|app| app.install_stats(scanned)) {
            eprintln!("waymark: cannot read the review log for the stats: {}", e.message);
        }
    });
}
