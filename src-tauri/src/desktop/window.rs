//! The main window: created at start (hidden when launched at login with
//! `--hidden`, so Waymark waits in the tray), shown again from the tray or a
//! notification, and told which screen to open. Its title follows the page's,
//! so the window list and screen readers say which screen is open.
//!
//! The screen to open waits in [`PendingRoute`] until the UI takes it: on the
//! `navigate` event, or when the page (still loading) starts.

use std::sync::Mutex;
use tauri::webview::WebviewWindowBuilder;
use tauri::{AppHandle, Emitter, Manager};

/// The label of the main window (as in `tauri.conf.json`).
const MAIN: &str = "main";
/// The event that tells the UI to open a screen; its payload is a route such as `#/goal/<id>`.
const NAVIGATE: &str = "navigate";

/// The command-line flag that starts the app hidden in the tray.
pub const HIDDEN_FLAG: &str = "--hidden";

/// Creates the main window from its configuration, shown unless `hidden`.
pub fn create(app: &AppHandle, hidden: bool) -> tauri::Result<()> {
    let config = app.config().app.windows.iter().find(|w| w.label == MAIN).cloned().unwrap_or_default();
    WebviewWindowBuilder::from_config(app, &config)?
        .visible(!hidden)
        .on_document_title_changed(|window, title| {
            if let Err(e) = window.set_title(&title) {
                eprintln!("waymark: cannot set the window title: {e}");
            }
        })
        .build()?;
    Ok(())
}

/// Shows, unminimizes and focuses the main window.
pub fn show(app: &AppHandle) {
    if let Some(w) = app.get_webview_window(MAIN) {
        let shown = w.show().and_then(|()| w.unminimize()).and_then(|()| w.set_focus());
        if let Err(e) = shown {
            eprintln!("waymark: cannot show the window: {e}");
        }
    }
}

/// The screen the UI should open next (managed state).
#[derive(Default)]
pub struct PendingRoute(Mutex<Option<String>>);

impl PendingRoute {
    /// Takes the screen to open, if any.
    pub fn take(&self) -> Option<String> {
        self.0.lock().unwrap_or_else(|p| p.into_inner()).take()
    }

    fn set(&self, route: &str) {
        *self.0.lock().unwrap_or_else(|p| p.into_inner()) = Some(route.to_string());
    }
}

/// Shows the main window on the screen `route` (e.g. `#/today`).
pub fn open(app: &AppHandle, route: &str) {
    app.state::<PendingRoute>().set(route);
    show(app);
    if let Err(e) = app.emit_to(MAIN, NAVIGATE, ()) {
        eprintln!("waymark: cannot open {route}: {e}");
    }
}
