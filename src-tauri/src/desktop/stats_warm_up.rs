//! Reads the review log ahead, a few seconds after start, so the first
//! Stats visit is fast.

use super::Shared;
use std::time::Duration;
use tauri::{AppHandle, Manager};

/// How long after start the review log is read (the first screen comes first).
const WARM_UP_AFTER: Duration = Duration::from_secs(3);

/// Reads the review log into memory on a thread of its own, holding the app
/// only to start and to install the result: the app stays usable meanwhile.
pub fn spawn(handle: AppHandle) {
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
