//! The tray icon and its menu, so reminders keep ringing with the window
//! closed. Each entry is one facade call: the words of the summary and the
//! length of a pause are decided (and tested) there.

use super::Shared;
use super::notifier::{self, Outgoing};
use super::{reminder_task, window};
use tauri::menu::{Menu, MenuItem};
use tauri::tray::TrayIconBuilder;
use tauri::{AppHandle, Manager};
use waymark_app::reminders::PauseFor;

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
            "open" => window::show(app),
            "summary" => summary(app),
            "pause-hour" => pause(app, PauseFor::Hour),
            "pause-day" => pause(app, PauseFor::UntilTomorrow),
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

/// Shows today's summary as a notification; a click opens Today.
fn summary(app: &AppHandle) {
    let note = match app.state::<Shared>().with(|a| a.today_summary()) {
        Ok(s) => Outgoing { title: s.title, body: s.body, route: "#/today".into(), reminder: None },
        Err(e) => Outgoing { title: "Today".into(), body: e.message, route: "#/today".into(), reminder: None },
    };
    if let Err(e) = notifier::send(app, note) {
        eprintln!("waymark: cannot show today's summary: {e}");
    }
}

/// Pauses every reminder and wakes the reminder thread.
fn pause(app: &AppHandle, pause: PauseFor) {
    match app.state::<Shared>().with(|a| a.pause_reminders_for(pause)) {
        Ok(_) => reminder_task::poke(app),
        Err(e) => eprintln!("waymark: cannot pause reminders: {}", e.message),
    }
}
