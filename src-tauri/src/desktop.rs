//! The desktop shell: window, plugins, tray, reminders and the shared
//! application state. Closing the window hides it; Quit in the tray exits.
//! Launched at login it starts hidden in the tray ([`window::HIDDEN_FLAG`]).

use crate::{
    commands, commands_data, commands_reminders, commands_stats, commands_study, commands_sync, reminder_task,
    sync_task, tray, window,
};
use std::process::ExitCode;
use std::time::Duration;
use waymark_app::{App, AppError, AppResult, SharedApp};

/// The facade behind a lock, or why it could not be opened (shown by the UI).
pub struct Shared(Result<SharedApp, AppError>);

impl Shared {
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

/// Starts the desktop app (without showing its window when `hidden`) and
/// blocks until it quits.
pub fn run(hidden: bool) -> ExitCode {
    let shared = Shared(App::open_default_waiting(Duration::from_secs(5)).map(SharedApp::new));
    if let Err(e) = &shared.0 {
        eprintln!("waymark: {e}");
    }
    let result = tauri::Builder::default()
        .plugin(tauri_plugin_single_instance::init(|app, args, _cwd| {
            if !args.iter().any(|a| a == window::HIDDEN_FLAG) {
                window::show(app);
            }
        }))
        .plugin(tauri_plugin_opener::init())
        .plugin(tauri_plugin_notification::init())
        .plugin(tauri_plugin_autostart::Builder::new().app_name("Waymark").arg(window::HIDDEN_FLAG).build())
        .manage(shared)
        .manage(reminder_task::ReminderWake::default())
        .manage(sync_task::SyncGate::default())
        .manage(window::PendingRoute::default())
        .setup(move |app| {
            window::create(app.handle(), hidden)?;
            crate::day_watch::spawn(app.handle().clone());
            crate::backup_watch::spawn(app.handle().clone());
            reminder_task::spawn(app.handle().clone());
            sync_task::spawn(app.handle().clone());
            commands_stats::warm_up(app.handle().clone());
            tray::install(app.handle());
            Ok(())
        })
        .on_window_event(|window, event| {
            if let tauri::WindowEvent::CloseRequested { api, .. } = event {
                api.prevent_close();
                if let Err(e) = window.hide() {
                    eprintln!("waymark: cannot hide the window: {e}");
                }
            }
        })
        .invoke_handler(tauri::generate_handler![
            commands::templates,
            commands::list_goals,
            commands::goal_view,
            commands::create_goal,
            commands::update_goal,
            commands::set_goal_status,
            commands::delete_goal,
            commands::apply_template,
            commands::add_step,
            commands::update_step,
            commands::move_step,
            commands::remove_step,
            commands::today,
            commands::set_task_status,
            commands::open_resource,
            commands::data_dir,
            commands::plan,
            commands::replan_all,
            commands::set_step_done,
            commands::settings,
            commands::update_settings,
            commands::add_day_off,
            commands::remove_day_off,
            commands::activities,
            commands::import_roadmap,
            commands::export_roadmap,
            commands::export_ics,
            commands_study::add_question,
            commands_study::update_question,
            commands_study::delete_question,
            commands_study::goal_study,
            commands_study::import_cards,
            commands_study::due_cards,
            commands_study::rate_card,
            commands_study::optimize_fsrs,
            commands_study::today_test,
            commands_study::check_answer,
            commands_study::submit_test,
            commands_study::update_study_settings,
            commands_reminders::reminders,
            commands_reminders::reminder_settings,
            commands_reminders::add_reminder,
            commands_reminders::add_once_reminder,
            commands_reminders::delete_reminder,
            commands_reminders::snooze_reminder,
            commands_reminders::reminders_due,
            commands_reminders::pause_reminders,
            commands_reminders::resume_reminders,
            commands_reminders::set_quiet_hours,
            commands_sync::sync_status,
            commands_sync::sync_log,
            commands_sync::sync_test,
            commands_sync::sync_connect,
            commands_sync::sync_disable,
            commands_sync::sync_now,
            commands_sync::delete_remote_data,
            commands_sync::conflicts,
            commands_sync::restore_conflict,
            commands_sync::dismiss_conflict,
            commands_reminders::launch_at_login,
            commands_reminders::set_launch_at_login,
            commands_reminders::take_route,
            commands_stats::stats,
            commands_data::export_data,
            commands_data::preview_import,
            commands_data::import_data,
            commands_data::backups,
            commands_data::backup_now,
            commands_data::restore_backup,
            commands_data::delete_all_data,
        ])
        .run(tauri::generate_context!());
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("waymark: cannot start the desktop app: {e}");
            ExitCode::FAILURE
        }
    }
}
