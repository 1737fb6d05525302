//! Waymark's application facade: the use cases every front end calls — the
//! desktop commands, the CLI, the end-to-end tests and the benchmarks.
//!
//! Each use case reads the time from the [`Clock`], validates input with the
//! core's rules, and writes through one store transaction, so a failed call
//! changes nothing. Errors leave as one [`AppError`] with a stable code.

mod activities;
pub mod ai;
pub mod backups;
pub mod bindings;
mod cache;
mod cards;
mod clock;
mod daily_test;
mod days;
pub mod delete_all;
mod error;
pub mod export;
mod goal_delete;
mod goals;
pub mod io;
pub mod limits;
mod paths;
mod plan;
pub mod reminder_words;
pub mod reminders;
mod roadmaps;
pub mod secrets;
mod shared;
mod stats;
pub mod study_views;
pub mod sync;
pub mod sync_views;
mod tasks;
mod today;
mod views;
pub mod words;

pub use clock::{Clock, FixedClock, NOW_ENV, SystemClock, clock_from_env};
pub use error::{AppError, AppResult, ErrorCode};
pub use paths::{DATA_DIR_ENV, default_data_dir};
pub use shared::SharedApp;
pub use views::{
    GoalOverview, GoalView, MovedTask, PlanView, Progress, SettingsInput, SettingsView, StepView, TodayGoal, TodayTask,
    TodayView,
};
pub use waymark_store::{ScannedStats, StatsScan, StoreResult};

use chrono::NaiveDate;
use std::path::{Path, PathBuf};
use waymark_core::day::DayObservation;
use waymark_core::profile::Profile;
use waymark_store::Store;

/// The folder inside the data directory that holds the database (the desktop
/// shell keeps its webview cache beside it).
const STORE_DIR: &str = "store";

/// The application: one open store, a clock, and the learner's profile.
pub struct App {
    data_dir: PathBuf,
    store: Store,
    clock: Box<dyn Clock>,
    profile: Profile,
    observed: Option<DayObservation>,
    clock_skipped: Vec<NaiveDate>,
    derived: cache::Derived,
    ai: ai::AiState,
    limits: limits::InputLimits,
}

impl App {
    /// Opens the data directory `dir` (created if missing); the database lives
    /// in its `store/` folder. A new learner day rolls unfinished tasks forward.
    pub fn open(dir: &Path, clock: Box<dyn Clock>) -> AppResult<Self> {
        let store = Store::open(&dir.join(STORE_DIR), clock.now())?;
        let profile = Profile::new(store.identity().user_id.clone());
        let mut app = Self {
            data_dir: dir.to_path_buf(),
            store,
            clock,
            profile,
            observed: None,
            clock_skipped: Vec::new(),
            derived: cache::Derived::default(),
            ai: ai::AiState::from_env(),
            limits: limits::InputLimits::default(),
        };
        app.load_day_state()?;
        app.roll_over()?;
        Ok(app)
    }

    /// Opens the store in the default data directory (or `WAYMARK_DATA_DIR`).
    /// The clock is the system's unless `WAYMARK_NOW` pins it (tests, demos);
    /// `WAYMARK_AI_TUNING` bounds the assistant's requests.
    pub fn open_default() -> AppResult<Self> {
        let clock = clock::clock_from_env().map_err(|m| AppError::invalid("WAYMARK_NOW", m))?;
        let tuning = ai::tuning_from_env().map_err(|m| AppError::invalid(ai::AI_TUNING_ENV, m))?;
        let mut app = Self::open(&default_data_dir()?, clock)?;
        if let Some((limits, sampling)) = tuning {
            app.set_assistant_tuning(limits, sampling);
        }
        Ok(app)
    }

    /// Like [`App::open_default`], but while another process still holds the
    /// store (a window that was just closed is shutting down) it retries for up
    /// to `wait` before reporting `already_open`.
    pub fn open_default_waiting(wait: std::time::Duration) -> AppResult<Self> {
        let deadline = std::time::Instant::now() + wait;
        loop {
            match Self::open_default() {
                Err(e) if e.code == ErrorCode::AlreadyOpen && std::time::Instant::now() < deadline => {
                    std::thread::sleep(std::time::Duration::from_millis(100));
                }
                other => return other,
            }
        }
    }

    /// The data directory.
    pub fn data_dir(&self) -> &Path {
        &self.data_dir
    }

    /// Replaces the clock (tests, benchmarks).
    pub fn set_clock(&mut self, clock: Box<dyn Clock>) {
        self.clock = clock;
    }
}
