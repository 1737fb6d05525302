//! The desktop shell: window, plugins and the shared application state.

use crate::{commands, commands_study};
use std::process::ExitCode;
use std::sync::Mutex;
use std::time::Duration;
use waymark_app::{App, AppError, AppResult};

/// The facade behind a lock, or why it could not be opened (shown by the UI).
pub struct Shared(Result<Mutex<App>, AppError>);

impl Shared {
    /// Runs `f` on the open app.
    pub fn with<T>(&self, f: impl FnOnce(&mut App) -> AppResult<T>) -> AppResult<T> {
        let lock = self.0.as_ref().map_err(Clone::clone)?;
        let mut app = lock.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        f(&mut app)
    }
}

/// Starts the desktop app and blocks until it quits.
pub fn run() -> ExitCode {
    let shared = Shared(App::open_default_waiting(Duration::from_secs(5)).map(Mutex::new));
    if let Err(e) = &shared.0 {
        eprintln!("waymark: {e}");
    }
    let result = tauri::Builder::default()
        .plugin(tauri_plugin_opener::init())
        .manage(shared)
        .setup(|app| {
            crate::day_watch::spawn(app.handle().clone());
            Ok(())
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
