//! Desktop notifications that report failure and answer clicks.
//!
//! On Linux a notification goes straight to the notification server over
//! D-Bus (`notify-rust`): a send that does not reach a server is an error, so
//! the reminder thread does not record the slot and tries again. It offers a
//! default action (a click opens the window on the notification's screen)
//! and, for a reminder, "Snooze 10 min". Elsewhere it goes through
//! `tauri-plugin-notification`, without actions.

#[cfg(target_os = "linux")]
mod dbus;

use tauri::AppHandle;
use waymark_core::ids::ReminderId;

/// How long the notification's "Snooze" action silences its reminder.
pub const SNOOZE_MINUTES: u32 = 10;

/// A notification to show.
#[derive(Debug, Clone)]
pub struct Outgoing {
    /// The title.
    pub title: String,
    /// The body.
    pub body: String,
    /// The screen a click opens, e.g. `#/today`.
    pub route: String,
    /// The reminder it rings for, which its Snooze action snoozes.
    pub reminder: Option<ReminderId>,
}

/// Shows `note`; an error when no notification server took it.
pub fn send(app: &AppHandle, note: Outgoing) -> Result<(), String> {
    #[cfg(target_os = "linux")]
    {
        dbus::send(app, note)
    }
    #[cfg(not(target_os = "linux"))]
    {
        use tauri_plugin_notification::NotificationExt;
        app.notification().builder().title(note.title).body(note.body).show().map_err(|e| e.to_string())
    }
}
