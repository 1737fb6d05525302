//! The headless command line: the same facade and store as the desktop app.
//! Output is human-readable, or JSON with `--json`; a failure prints one line
//! on stderr and exits non-zero.
//!
//! This module declares the subcommands and dispatches each in one line. Every
//! area has a module of its own, named as in `commands/` (goals, roadmaps,
//! today, settings, study, reminders, stats, data, sync, ai): its arguments, the
//! facade calls and the text it prints.

mod ai;
mod ai_words;
mod data;
mod goals;
mod reminders;
mod roadmaps;
mod settings;
mod stats;
mod study;
mod sync;
mod today;

use clap::{Args, Parser, Subcommand};
use serde::Serialize;
use std::path::Path;
use std::process::ExitCode;
use waymark_app::limits::InputKind;
use waymark_app::{App, AppError, AppResult, ErrorCode};

/// Waymark: a local-first learning planner. Run without a command to open the app.
#[derive(Debug, Parser)]
#[command(name = "waymark", version, about, long_about = None)]
#[command(after_help = "Data lives in the OS data dir (~/.local/share/app.waymark.planner on Linux); \
set WAYMARK_DATA_DIR to use another folder.")]
pub struct Cli {
    /// What to do; none opens the desktop app.
    #[command(subcommand)]
    pub command: Option<Command>,
    /// Open the desktop app in the tray without showing its window (as when
    /// launched at login).
    #[arg(long)]
    pub hidden: bool,
}

/// A headless command.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// List the built-in roadmap templates.
    Templates(Output),
    /// Create, list, show and change goals.
    #[command(subcommand)]
    Goal(goals::GoalCommand),
    /// Show the tasks of today (or of --date).
    Today(today::TodayArgs),
    /// Mark tasks done or skipped.
    #[command(subcommand)]
    Task(today::TaskCommand),
    /// Print a goal's dated plan.
    Plan(today::PlanArgs),
    /// Re-plan every goal from today (after changing hours or steps by hand).
    Replan(Output),
    /// Write the plan (of one goal, or of all active goals) as an .ics calendar.
    ExportIcs(today::ExportIcsArgs),
    /// Import or export a goal's roadmap as Markdown or JSON.
    #[command(subcommand)]
    Roadmap(roadmaps::RoadmapCommand),
    /// Show or change the day start hour and time zone.
    Settings(settings::SettingsArgs),
    /// Declare or remove days off (for all goals).
    #[command(subcommand)]
    DayOff(settings::DayOffCommand),
    /// The daily verification test.
    #[command(subcommand)]
    Test(study::TestCommand),
    /// Review due revision cards (FSRS).
    #[command(subcommand)]
    Review(study::ReviewCommand),
    /// Import revision cards.
    #[command(subcommand)]
    Cards(study::CardsCommand),
    /// Study reminders.
    #[command(subcommand)]
    Reminders(reminders::RemindersCommand),
    /// Sync with your own MongoDB: on, off, now, status, log, delete the remote copy.
    #[command(subcommand)]
    Sync(sync::SyncCommand),
    /// Versions sync did not keep: list, restore, dismiss.
    #[command(subcommand)]
    Conflicts(sync::ConflictsCommand),
    /// Show the stats: study days, weeks, tests, revision, goals (all goals, or --goal).
    Stats(stats::StatsArgs),
    /// Export, import, backups, delete all.
    #[command(flatten)]
    Data(data::DataCommand),
    /// Show the activity log, newest first.
    Activity(goals::ActivityArgs),
    /// The assistant: status, test, roadmap and question proposals (written only with --accept).
    #[command(subcommand)]
    Ai(ai::AiCommand),
}

/// Output format.
#[derive(Debug, Args)]
pub struct Output {
    /// Print JSON instead of text.
    #[arg(long)]
    pub json: bool,
}

/// Runs one command and returns the process exit code.
pub fn run(command: Command) -> ExitCode {
    match App::open_default().and_then(|app| dispatch(app, command)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {}", e.message.replace('\n', " "));
            ExitCode::FAILURE
        }
    }
}

/// Hands the command to its area. Sync and data get the app itself: a sync
/// (and deleting everything, which may start on the remote) shares it with
/// its own steps.
fn dispatch(mut app: App, command: Command) -> AppResult<()> {
    match command {
        Command::Templates(out) => roadmaps::templates(&app, &out),
        Command::Goal(cmd) => goals::run(&mut app, cmd),
        Command::Today(args) => today::today(&mut app, args),
        Command::Task(cmd) => today::task(&mut app, cmd),
        Command::Plan(args) => today::plan(&mut app, args),
        Command::Replan(out) => today::replan(&mut app, &out),
        Command::ExportIcs(args) => today::export_ics(&mut app, args),
        Command::Roadmap(cmd) => roadmaps::run(&mut app, cmd),
        Command::Settings(args) => settings::settings(&mut app, args),
        Command::DayOff(cmd) => settings::day_off(&mut app, cmd),
        Command::Test(cmd) => study::test(&mut app, cmd),
        Command::Review(cmd) => study::review(&mut app, cmd),
        Command::Cards(cmd) => study::cards(&mut app, cmd),
        Command::Reminders(cmd) => reminders::run(&mut app, cmd),
        Command::Sync(cmd) => sync::run(app, cmd),
        Command::Conflicts(cmd) => sync::conflicts(&mut app, cmd),
        Command::Stats(args) => stats::run(&mut app, args),
        Command::Data(cmd) => data::run(app, cmd),
        Command::Activity(args) => goals::activity(&mut app, args),
        Command::Ai(cmd) => ai::run(app, cmd),
    }
}

/// Prints `value` as JSON with `--json`, else the lines of `text`.
fn emit<T: Serialize>(out: &Output, value: &T, text: impl FnOnce() -> Vec<String>) -> AppResult<()> {
    if out.json {
        let json = serde_json::to_string_pretty(value).map_err(|e| AppError {
            code: ErrorCode::System,
            message: format!("cannot write JSON: {e}"),
            field: None,
        })?;
        println!("{json}");
    } else {
        for line in text() {
            println!("{line}");
        }
    }
    Ok(())
}

/// Reads a file of `kind` given on the command line, within its size cap
/// (an invalid `file` when it cannot).
fn read_file(app: &App, kind: InputKind, path: &Path) -> AppResult<String> {
    app.input_limits().read_file(kind, path)
}

/// Writes `text` to `path` (a system error on `out` when it cannot).
fn write_file(path: &Path, text: &str) -> AppResult<()> {
    std::fs::write(path, text).map_err(|e| AppError {
        code: ErrorCode::System,
        message: format!("cannot write {}: {e}", path.display()),
        field: Some("out".into()),
    })
}

/// Writes `text` to `path` and says so, or prints it when there is no path.
fn write_or_print(path: Option<&Path>, text: &str) -> AppResult<()> {
    match path {
        Some(path) => {
            write_file(path, text)?;
            println!("wrote {}", path.display());
        }
        None => print!("{text}"),
    }
    Ok(())
}

/// A runtime for the commands that talk to the remote.
fn runtime() -> AppResult<tokio::runtime::Runtime> {
    tokio::runtime::Builder::new_current_thread().enable_all().build().map_err(|e| AppError {
        code: ErrorCode::System,
        message: format!("cannot start the network runtime: {e}"),
        field: None,
    })
}
