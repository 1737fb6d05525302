//! The tray icon and its menu, and the window that hides instead of closing,
//! so reminders keep ringing with the window closed.

use crate::desktop::Shared;
use crate::reminder_task;
use chrono::{Days, TimeZone, Utc};
use tauri::menu::{Menu, MenuItem};
use tauri::tray::TrayIconBuilder;
use tauri::{AppHandle, Manager};
use tauri_plugin_notification::NotificationExt;

/// Builds the tray icon; a failure (no tray on this desktop) is logged.
pub fn install(app: &AppHandle) {
    if let Err(e) = build(app) {
        eprintln!("waymark: no tray icon: {e}");
    }
}

fn build(app: &AppHandle) -> tauri::Result<()> {
    let item = |id: &str, text: &str| MenuItem::with_id(app, id, text, true, None::<&str>);
    let menu = Menu::with_items(
        app,
        &[
            &item("open", "Open")?,
            &item("summary", "Today's summary")?,
            &item("pause-hour", "Pause reminders for 1 h")?,
            &item("pause-day", "Pause until tomorrow")?,
            &item("quit", "Quit")?,
        ],
    )?;
    let mut tray = TrayIconBuilder::with_id("main").tooltip("Waymark").menu(&menu).on_menu_event(|app, event| {
        match event.id.as_ref() {
            "open" => show_window(app),
            "summary" => summary(app),
            "pause-hour" => pause(app, Some(reminder_task::now() + chrono::Duration::hours(1))),
            "pause-day" => pause(app, tomorrow(app)),
            "quit" => app.exit(0),
            _ => {}
        }
    });
    if let Some(icon) = app.default_window_icon() {
        tray = tray.icon(icon.clone());
    }
    tray.build(app)?;
    Ok(())
}

/// Shows, unminimizes and focuses the main window.
pub fn show_window(app: &AppHandle) {
    if let Some(w) = app.get_webview_window("main") {
        let shown = w.show().and_then(|()| w.unminimize()).and_then(|()| w.set_focus());
        if let Err(e) = shown {
            eprintln!("waymark: cannot show the window: {e}");
        }
    }
}

/// Shows a notification with today's tasks and minutes.
fn summary(app: &AppHandle) {
    let view = app.state::<Shared>().with(|a| a.today_view(None));
    let body = match view {
        Ok(v) => {
            let count = v.tasks.len();
            let noun = if count == 1 { "task" } else { "tasks" };
            format!("{count} {noun} today · {} of {} minutes done", v.done_minutes, v.planned_minutes)
        }
        Err(e) => e.message,
    };
    if let Err(e) = app.notification().builder().title("Today").body(body).show() {
        eprintln!("waymark: cannot show today's summary: {e}");
    }
}

/// Pauses reminders until `until` and wakes the reminder thread.
fn pause(app: &AppHandle, until: Option<chrono::DateTime<Utc>>) {
    let Some(until) = until else { return };
    match app.state::<Shared>().with(|a| a.pause_reminders(Some(until))) {
        Ok(()) => reminder_task::poke(app),
        Err(e) => eprintln!("waymark: cannot pause reminders: {}", e.message),
    }
}

/// When the next learner day starts.
fn tomorrow(app: &AppHandle) -> Option<chrono::DateTime<Utc>> {
    let start = app.state::<Shared>().with(|a| {
        let date = a.today().checked_add_days(Days::new(1));
        let hour = u32::from(a.settings().day_start_hour);
        Ok(date.and_then(|d| d.and_hms_opt(hour, 0, 0)).and_then(|t| a.zone().from_local_datetime(&t).earliest()))
    });
    start.ok().flatten().map(|t| t.with_timezone(&Utc))
}
