//! Background sync while the app runs (window open or in the tray): a few
//! seconds after local changes, every few minutes, and when asked ("Sync
//! now"); after a failure it backs off. One run at a time: the gate is shared
//! with the Sync now command. Each run tells the window how sync stands
//! (`sync-status`) and, while a long run lasts, how far it is (`sync-progress`).

use super::Shared;
use std::sync::{Condvar, Mutex};
use std::time::{Duration, Instant};
use tauri::{AppHandle, Emitter, Manager};
use waymark_app::sync::{self, SyncProgress, SyncReport};
use waymark_app::{AppError, AppResult, ErrorCode};

/// How long after the last local change a sync starts.
const DEBOUNCE: Duration = Duration::from_secs(5);
/// How often sync runs with no local change (to receive other desktops' changes).
const EVERY: Duration = Duration::from_secs(5 * 60);
/// The longest wait after failures.
const MAX_BACKOFF: Duration = Duration::from_secs(15 * 60);
/// How often the thread looks for local changes.
const TICK: Duration = Duration::from_secs(2);

/// Lets one sync run at a time and wakes the background thread on request.
#[derive(Default)]
pub struct SyncGate {
    running: tokio::sync::Mutex<()>,
    asked: Mutex<bool>,
    cond: Condvar,
}

impl SyncGate {
    /// Asks the background thread to sync now (after turning sync on, say).
    pub fn ask(&self) {
        *self.asked.lock().unwrap_or_else(|p| p.into_inner()) = true;
        self.cond.notify_all();
    }

    fn wait(&self, timeout: Duration) -> bool {
        let guard = self.asked.lock().unwrap_or_else(|p| p.into_inner());
        let (mut guard, _) =
            self.cond.wait_timeout_while(guard, timeout, |asked| !*asked).unwrap_or_else(|p| p.into_inner());
        std::mem::take(&mut *guard)
    }
}

/// Runs one sync now (waiting for a background run to end first) and tells
/// the window how sync stands afterwards.
pub async fn run_now(handle: &AppHandle) -> AppResult<SyncReport> {
    let shared = handle.state::<Shared>().shared()?;
    let gate = handle.state::<SyncGate>();
    let _running = gate.running.lock().await;
    let emitter = handle.clone();
    let progress = move |p: SyncProgress| {
        if let Err(e) = emitter.emit("sync-progress", &p) {
            eprintln!("waymark: cannot report sync progress: {e}");
        }
    };
    let result = sync::sync_now(&shared, &progress).await;
    emit_status(handle);
    result
}

/// Tells the window how sync stands.
pub fn emit_status(handle: &AppHandle) {
    if let Ok(view) = handle.state::<Shared>().with(|app| app.sync_view())
        && let Err(e) = handle.emit("sync-status", &view)
    {
        eprintln!("waymark: cannot report the sync status: {e}");
    }
}

/// Spawns the background sync thread; it ends with the process.
pub fn spawn(handle: AppHandle) {
    std::thread::spawn(move || {
        let runtime = match tokio::runtime::Builder::new_current_thread().enable_all().build() {
            Ok(r) => r,
            Err(e) => {
                eprintln!("waymark: background sync is off: {e}");
                return;
            }
        };
        let mut seen = None;
        let mut changed_at: Option<Instant> = None;
        let mut next_periodic = Instant::now();
        let mut backoff = Duration::ZERO;
        let mut retry_at = Instant::now();
        loop {
            let asked = handle.state::<SyncGate>().wait(TICK);
            let Ok((enabled, generation)) =
                handle.state::<Shared>().with(|app| Ok((app.sync_enabled(), app.data_generation())))
            else {
                continue;
            };
            if seen != Some(generation) {
                seen = Some(generation);
                changed_at = Some(Instant::now());
            }
            let now = Instant::now();
            let debounced = changed_at.is_some_and(|t| now.duration_since(t) >= DEBOUNCE);
            let due = asked || (enabled && now >= retry_at && (debounced || now >= next_periodic));
            if !enabled || !due {
                continue;
            }
            match runtime.block_on(run_now(&handle)) {
                Ok(_) => {
                    backoff = Duration::ZERO;
                    retry_at = Instant::now();
                }
                Err(e) if e.code == ErrorCode::Conflict => {}
                Err(AppError { message, .. }) => {
                    backoff = (backoff * 2).clamp(Duration::from_secs(30), MAX_BACKOFF);
                    retry_at = Instant::now() + backoff;
                    eprintln!("waymark: sync failed (next try in {} s): {message}", backoff.as_secs());
                }
            }
            changed_at = None;
            seen = handle.state::<Shared>().with(|app| Ok(app.data_generation())).ok();
            next_periodic = Instant::now() + EVERY;
        }
    });
}
