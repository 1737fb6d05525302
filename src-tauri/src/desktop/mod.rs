//! The desktop shell: window, plugins, tray, notifications, the background
//! workers (reminders, sync, the day's rollover, backups, the stats' warm-up)
//! and the shared application state. Closing the window hides it; Quit in the
//! tray exits. Launched at login it starts hidden in the tray
//! ([`window::HIDDEN_FLAG`]).
//!
//! The shell does not know the commands: `main` hands it their handler, so
//! the commands may use the shell's state and workers without a cycle.

pub(crate) mod ai_requests;
mod backup_watch;
mod day_watch;
mod notifier;
pub(crate) mod reminder_task;
mod stats_warm_up;
pub(crate) mod sync_task;
mod tray;
pub(crate) mod window;

use std::process::ExitCode;
use std::time::Duration;
use tauri::{AppHandle, Builder, Window, WindowEvent, Wry};
use waymark_app::{App, AppError, AppResult, SharedApp};

/// The facade behind a lock, or why it could not be opened (shown by the UI).
pub struct Shared(Result<SharedApp, AppError>);

impl Shared {
    /// Opens the default store, waiting a little for another process to let it go.
    fn open() -> Self {
        let shared = Shared(App::open_default_waiting(Duration::from_secs(5)).map(SharedApp::new));
        if let Err(e) = &shared.0 {
            eprintln!("waymark: {e}");
        }
        shared
    }

    /// Runs `f` on the open app.
    pub fn with<T>(&self, f: impl FnOnce(&mut App) -> AppResult<T>) -> AppResult<T> {
        self.0.as_ref().map_err(Clone::clone)?.with(f)
    }

    /// A handle on the open app for work that must not hold it throughout
    /// (a sync waits on the network between its local steps).
    pub fn shared(&self) -> AppResult<SharedApp> {
        self.0.clone()
    }
}

/// Starts the desktop app serving the commands of `handler` (without showing
/// its window when `hidden`) and blocks until it quits.
pub fn run<H>(hidden: bool, handler: H) -> ExitCode
where
    H: Fn(tauri::ipc::Invoke) -> bool + Send + Sync + 'static,
{
    let shared = Shared::open();
    let result = plugins(Builder::default())
        .manage(shared)
        .manage(reminder_task::ReminderWake::default())
        .manage(sync_task::SyncGate::default())
        .manage(ai_requests::AiRequests::default())
        .manage(window::PendingRoute::default())
        .setup(move |app| {
            start(app.handle(), hidden)?;
            Ok(())
        })
        .on_window_event(hide_on_close)
        .invoke_handler(handler)
        .run(tauri::generate_context!());
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("waymark: cannot start the desktop app: {e}");
            ExitCode::FAILURE
        }
    }
}

/// The plugins: one instance (a second launch shows the first's window),
/// links in the browser, notifications, launch at login.
fn plugins(builder: Builder<Wry>) -> Builder<Wry> {
    builder
        .plugin(tauri_plugin_single_instance::init(|app, args, _cwd| {
            if !args.iter().any(|a| a == window::HIDDEN_FLAG) {
                window::show(app);
            }
        }))
        .plugin(tauri_plugin_opener::init())
        .plugin(tauri_plugin_notification::init())
        .plugin(tauri_plugin_autostart::Builder::new().app_name("Waymark").arg(window::HIDDEN_FLAG).build())
}

/// Creates the window and the tray, and starts the background workers.
fn start(app: &AppHandle, hidden: bool) -> tauri::Result<()> {
    window::create(app, hidden)?;
    day_watch::spawn(app.clone());
    backup_watch::spawn(app.clone());
    reminder_task::spawn(app.clone());
    sync_task::spawn(app.clone());
    stats_warm_up::spawn(app.clone());
    tray::install(app);
    Ok(())
}

/// Closing the window hides it: the app stays in the tray.
fn hide_on_close(window: &Window, event: &WindowEvent) {
    if let WindowEvent::CloseRequested { api, .. } = event {
        api.prevent_close();
        if let Err(e) = window.hide() {
            eprintln!("waymark: cannot hide the window: {e}");
        }
    }
}
