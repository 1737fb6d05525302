//! The headless command line: the same facade and store as the desktop app.
//! Output is human-readable, or JSON with `--json`; a failure prints one line
//! on stderr and exits non-zero.

use chrono::NaiveDate;
use clap::{Args, Parser, Subcommand, ValueEnum};
use serde::Serialize;
use std::path::PathBuf;
use std::process::ExitCode;
use waymark_app::io::RoadmapFormat;
use waymark_app::{App, AppError, AppResult, ErrorCode, GoalOverview, SettingsInput, TodayView};
use waymark_core::goal::{Difficulty, GoalInput, GoalStatus};
use waymark_core::ids::GoalId;
use waymark_core::profile::DayOffInput;
use waymark_core::task::TaskStatus;

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
    Goal(GoalCommand),
    /// Show the tasks of today (or of --date).
    Today {
        /// The day to show (YYYY-MM-DD); default today.
        #[arg(long)]
        date: Option<NaiveDate>,
        /// Only today's summary, as the tray's "Today's summary" shows it.
        #[arg(long, conflicts_with = "date")]
        summary: bool,
        #[command(flatten)]
        out: Output,
    },
    /// Mark tasks done or skipped.
    #[command(subcommand)]
    Task(TaskCommand),
    /// Print a goal's dated plan.
    Plan {
        /// The goal id.
        goal_id: String,
        #[command(flatten)]
        out: Output,
    },
    /// Re-plan every goal from today (after changing hours or steps by hand).
    Replan(Output),
    /// Write the plan (of one goal, or of all active goals) as an .ics calendar.
    ExportIcs {
        /// The file to write.
        #[arg(long)]
        out: PathBuf,
        /// Only this goal.
        #[arg(long)]
        goal: Option<String>,
    },
    /// Import or export a goal's roadmap as Markdown or JSON.
    #[command(subcommand)]
    Roadmap(RoadmapCommand),
    /// Show or change the day start hour and time zone.
    Settings {
        /// The hour (0–23) a new learner day starts.
        #[arg(long)]
        day_start: Option<u8>,
        /// An IANA time zone (e.g. Europe/Berlin), or "system".
        #[arg(long)]
        time_zone: Option<String>,
        #[command(flatten)]
        out: Output,
    },
    /// Declare or remove days off (for all goals).
    #[command(subcommand)]
    DayOff(DayOffCommand),
    /// The daily verification test.
    #[command(subcommand)]
    Test(crate::cli_study::TestCommand),
    /// Review due revision cards (FSRS).
    #[command(subcommand)]
    Review(crate::cli_study::ReviewCommand),
    /// Import revision cards.
    #[command(subcommand)]
    Cards(crate::cli_study::CardsCommand),
    /// Study reminders.
    #[command(subcommand)]
    Reminders(crate::cli_reminders::RemindersCommand),
    /// Sync with your own MongoDB: on, off, now, status, log, delete the remote copy.
    #[command(subcommand)]
    Sync(crate::cli_sync::SyncCommand),
    /// Versions sync did not keep: list, restore, dismiss.
    #[command(subcommand)]
    Conflicts(crate::cli_sync::ConflictsCommand),
    /// Show the stats: study days, weeks, tests, revision, goals (all goals, or --goal).
    Stats(crate::cli_stats::StatsArgs),
    /// Export, import, backups, delete all.
    #[command(flatten)]
    Data(crate::cli_data::DataCommand),
    /// Show the activity log, newest first.
    Activity {
        /// Only this goal.
        #[arg(long)]
        goal: Option<String>,
        /// How many entries.
        #[arg(long, default_value_t = 30)]
        limit: usize,
        #[command(flatten)]
        out: Output,
    },
}

/// Roadmap file commands.
#[derive(Debug, Subcommand)]
pub enum RoadmapCommand {
    /// Replace a goal's steps with a .md or .json roadmap file.
    Import {
        /// The goal id.
        goal_id: String,
        /// The file (.md, .markdown or .json).
        file: PathBuf,
        #[command(flatten)]
        out: Output,
    },
    /// Write a goal's roadmap as Markdown or JSON.
    Export {
        /// The goal id.
        goal_id: String,
        /// md or json.
        #[arg(long, default_value = "md")]
        format: String,
        /// The file to write; standard output when absent.
        #[arg(long)]
        out: Option<PathBuf>,
    },
}

/// Day-off commands.
#[derive(Debug, Subcommand)]
pub enum DayOffCommand {
    /// Declare a break from START to END (inclusive; one day without END).
    Add {
        /// First day off (YYYY-MM-DD).
        start: NaiveDate,
        /// Last day off.
        #[arg(long)]
        end: Option<NaiveDate>,
        /// A note.
        #[arg(long, default_value = "")]
        note: String,
        #[command(flatten)]
        out: Output,
    },
    /// Remove the break that starts on START.
    Remove {
        /// Its first day.
        start: NaiveDate,
        #[command(flatten)]
        out: Output,
    },
}

/// Output format.
#[derive(Debug, Args)]
pub struct Output {
    /// Print JSON instead of text.
    #[arg(long)]
    pub json: bool,
}

/// Goal commands.
#[derive(Debug, Subcommand)]
pub enum GoalCommand {
    /// Create a goal, optionally with a template roadmap, and plan it.
    Add {
        /// Short name, e.g. "Learn Rust".
        #[arg(long)]
        title: String,
        /// Description.
        #[arg(long, default_value = "")]
        description: String,
        /// Category, e.g. "Programming".
        #[arg(long, default_value = "")]
        category: String,
        /// beginner, intermediate or advanced.
        #[arg(long, default_value = "beginner")]
        difficulty: String,
        /// Target date (YYYY-MM-DD), not in the past.
        #[arg(long)]
        target_date: Option<NaiveDate>,
        /// Study hours per week (more than 0, at most 168), spread evenly.
        #[arg(long, default_value_t = waymark_core::goal::DEFAULT_HOURS_PER_WEEK, allow_negative_numbers = true)]
        hours_per_week: f64,
        /// Hours per weekday, Monday first, e.g. 1,1,1,1,1,3,0 (replaces --hours-per-week).
        #[arg(long, value_delimiter = ',', allow_negative_numbers = true)]
        week_hours: Option<Vec<f64>>,
        /// A goal to finish first (repeatable).
        #[arg(long = "prerequisite")]
        prerequisites: Vec<String>,
        /// Skills or tags, comma-separated.
        #[arg(long, value_delimiter = ',')]
        skills: Vec<String>,
        /// A template name from `waymark templates`.
        #[arg(long)]
        template: Option<String>,
        #[command(flatten)]
        out: Output,
    },
    /// List goals.
    List(Output),
    /// Show a goal with its roadmap and upcoming tasks.
    Show {
        /// The goal id.
        id: String,
        #[command(flatten)]
        out: Output,
    },
    /// Set a goal's status.
    Status {
        /// The goal id.
        id: String,
        /// The new status.
        status: StatusArg,
        #[command(flatten)]
        out: Output,
    },
    /// Delete a goal with its roadmap and tasks.
    Delete {
        /// The goal id.
        id: String,
    },
}

/// Goal statuses on the command line.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum StatusArg {
    /// Being worked on.
    Active,
    /// Put aside.
    Paused,
    /// Reached.
    Completed,
    /// Kept for the record.
    Archived,
}

/// Task commands.
#[derive(Debug, Subcommand)]
pub enum TaskCommand {
    /// Mark a task done.
    Done(TaskArgs),
    /// Skip a task.
    Skip(TaskArgs),
    /// Put a task back to planned.
    Undo(TaskArgs),
}

/// Arguments of a task command.
#[derive(Debug, Args)]
pub struct TaskArgs {
    /// The task id.
    id: String,
    /// Minutes actually spent.
    #[arg(long)]
    minutes: Option<u32>,
    #[command(flatten)]
    out: Output,
}

/// Runs one command and returns the process exit code.
pub fn run(command: Command) -> ExitCode {
    let result = App::open_default().and_then(|mut app| match command {
        Command::Sync(cmd) => crate::cli_sync::run(app, cmd),
        Command::Data(crate::cli_data::DataCommand::DeleteAll { confirm, out }) => {
            crate::cli_sync::delete_all(app, &confirm, &out)
        }
        other => execute(&mut app, other),
    });
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {}", e.message.replace('\n', " "));
            ExitCode::FAILURE
        }
    }
}

fn execute(app: &mut App, command: Command) -> AppResult<()> {
    match command {
        Command::Templates(out) => {
            let templates = app.templates();
            emit(&out, &templates, || {
                templates.iter().map(|t| format!("{:16} {} ({} steps)", t.name, t.title, t.steps.len())).collect()
            })
        }
        Command::Goal(GoalCommand::Add {
            title,
            description,
            category,
            difficulty,
            target_date,
            hours_per_week,
            week_hours,
            prerequisites,
            skills,
            template,
            out,
        }) => {
            let prerequisites = prerequisites
                .iter()
                .map(|p| {
                    GoalId::parse(p)
                        .ok_or_else(|| AppError::invalid("prerequisites", format!("\"{p}\" is not a goal id")))
                })
                .collect::<AppResult<Vec<_>>>()?;
            let input = GoalInput {
                title,
                description,
                category,
                difficulty: Difficulty::parse(&difficulty)?,
                target_date,
                hours_per_week,
                week_hours,
                skills,
                prerequisites,
            };
            let goal = app.create_goal(input, template.as_deref())?;
            emit(&out, &goal, || vec![goal_line(&goal)])
        }
        Command::Goal(GoalCommand::List(out)) => {
            let goals = app.list_goals()?;
            emit(&out, &goals, || goals.iter().map(goal_line).collect())
        }
        Command::Goal(GoalCommand::Show { id, out }) => {
            let view = app.goal_view(&id)?;
            emit(&out, &view, || {
                let mut lines = vec![goal_line(&view.overview)];
                for (i, s) in view.steps.iter().enumerate() {
                    lines.push(format!("  {}. {} — {} (~{} h)", i + 1, s.step.title, s.step.duration, s.estimate.mid));
                }
                lines
            })
        }
        Command::Goal(GoalCommand::Status { id, status, out }) => {
            let status = match status {
                StatusArg::Active => GoalStatus::Active,
                StatusArg::Paused => GoalStatus::Paused,
                StatusArg::Completed => GoalStatus::Completed,
                StatusArg::Archived => GoalStatus::Archived,
            };
            let goal = app.set_goal_status(&id, status)?;
            emit(&out, &goal, || vec![goal_line(&goal)])
        }
        Command::Goal(GoalCommand::Delete { id }) => {
            app.delete_goal(&id)?;
            println!("deleted goal {id}");
            Ok(())
        }
        Command::Today { summary: true, out, .. } => {
            let summary = app.today_summary()?;
            emit(&out, &summary, || vec![summary.title.clone(), summary.body.clone()])
        }
        Command::Today { date, out, .. } => {
            let today = app.today_view(date)?;
            emit(&out, &today, || today_lines(&today))
        }
        Command::Task(cmd) => {
            let (args, status) = match cmd {
                TaskCommand::Done(a) => (a, TaskStatus::Done),
                TaskCommand::Skip(a) => (a, TaskStatus::Skipped),
                TaskCommand::Undo(a) => (a, TaskStatus::Planned),
            };
            let task = app.set_task_status(&args.id, status, args.minutes)?;
            emit(&args.out, &task, || vec![format!("{} {:?}: {}", task.date, task.status, task.title)])
        }
        Command::Plan { goal_id, out } => {
            let plan = app.plan(&goal_id)?;
            emit(&out, &plan, || {
                let mut lines = vec![goal_line(&plan.overview), format!("  {}", plan.overview.outlook.reason)];
                for t in &plan.tasks {
                    lines.push(format!(
                        "  {} {:8} {} ({} min)",
                        t.date,
                        format!("{:?}", t.status),
                        t.title,
                        t.duration_minutes
                    ));
                }
                lines
            })
        }
        Command::Replan(out) => {
            app.replan_all()?;
            let goals = app.list_goals()?;
            emit(&out, &goals, || goals.iter().map(goal_line).collect())
        }
        Command::ExportIcs { out, goal } => {
            let text = app.export_ics(goal.as_deref())?;
            write_file(&out, &text)?;
            println!("wrote {}", out.display());
            Ok(())
        }
        Command::Roadmap(RoadmapCommand::Import { goal_id, file, out }) => {
            let format = RoadmapFormat::of_file(&file.to_string_lossy())?;
            let text = std::fs::read_to_string(&file)
                .map_err(|e| AppError::invalid("file", format!("cannot read {}: {e}", file.display())))?;
            let view = app.import_roadmap(&goal_id, &text, format)?;
            emit(&out, &view, || vec![goal_line(&view.overview), format!("  {} steps imported", view.steps.len())])
        }
        Command::Roadmap(RoadmapCommand::Export { goal_id, format, out }) => {
            let format = match format.to_ascii_lowercase().as_str() {
                "md" | "markdown" => RoadmapFormat::Markdown,
                "json" => RoadmapFormat::Json,
                other => return Err(AppError::invalid("format", format!("\"{other}\" is not md or json"))),
            };
            let text = app.export_roadmap(&goal_id, format)?;
            match out {
                Some(path) => {
                    write_file(&path, &text)?;
                    println!("wrote {}", path.display());
                }
                None => print!("{text}"),
            }
            Ok(())
        }
        Command::Settings { day_start, time_zone, out } => {
            if day_start.is_some() || time_zone.is_some() {
                let current = app.settings();
                let time_zone = match time_zone {
                    Some(z) if z.eq_ignore_ascii_case("system") => None,
                    Some(z) => Some(z),
                    None => current.time_zone,
                };
                app.update_settings(SettingsInput {
                    day_start_hour: day_start.unwrap_or(current.day_start_hour),
                    time_zone,
                })?;
            }
            let s = app.settings();
            emit(&out, &s, || {
                let mut lines = vec![format!(
                    "today {} · day starts at {}:00 · time zone {}",
                    s.today, s.day_start_hour, s.zone_in_effect
                )];
                lines.extend(s.days_off.iter().map(|d| format!("  off {} – {} {}", d.start, d.end, d.note)));
                lines
            })
        }
        Command::DayOff(DayOffCommand::Add { start, end, note, out }) => {
            let s = app.add_day_off(DayOffInput { start: Some(start), end, note })?;
            emit(&out, &s, || s.days_off.iter().map(|d| format!("off {} – {} {}", d.start, d.end, d.note)).collect())
        }
        Command::DayOff(DayOffCommand::Remove { start, out }) => {
            let s = app.remove_day_off(start)?;
            emit(&out, &s, || s.days_off.iter().map(|d| format!("off {} – {} {}", d.start, d.end, d.note)).collect())
        }
        Command::Test(cmd) => crate::cli_study::test(app, cmd),
        Command::Review(cmd) => crate::cli_study::review(app, cmd),
        Command::Cards(cmd) => crate::cli_study::cards(app, cmd),
        Command::Reminders(cmd) => crate::cli_reminders::run(app, cmd),
        Command::Conflicts(cmd) => crate::cli_sync::conflicts(app, cmd),
        Command::Sync(_) => unreachable!("sync commands own the app and run before execute"),
        Command::Stats(args) => crate::cli_stats::run(app, args),
        Command::Data(cmd) => crate::cli_data::run(app, cmd),
        Command::Activity { goal, limit, out } => {
            let log = app.activities(goal.as_deref(), Some(limit))?;
            emit(&out, &log, || log.iter().map(|a| format!("{} {}", a.date, a.title)).collect())
        }
    }
}

pub fn write_file(path: &std::path::Path, text: &str) -> AppResult<()> {
    std::fs::write(path, text).map_err(|e| AppError {
        code: ErrorCode::System,
        message: format!("cannot write {}: {e}", path.display()),
        field: Some("out".into()),
    })
}

pub fn emit<T: Serialize>(out: &Output, value: &T, text: impl FnOnce() -> Vec<String>) -> AppResult<()> {
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

fn goal_line(g: &GoalOverview) -> String {
    let target = g.goal.target_date.map(|d| format!(" · target {d}")).unwrap_or_default();
    format!(
        "{}  {} [{:?}] {}/{} tasks{}",
        g.goal.id, g.goal.title, g.goal.status, g.progress.tasks_done, g.progress.tasks_total, target
    )
}

fn today_lines(t: &TodayView) -> Vec<String> {
    let mut lines = vec![format!(
        "{} — {} of {} min done · streak {} (longest {})",
        t.date, t.done_minutes, t.planned_minutes, t.streak.current, t.streak.longest
    )];
    for g in &t.goals {
        lines.push(format!("  {} — {}", g.title, g.outlook.reason));
    }
    if t.tasks.is_empty() {
        lines.push("  nothing planned".into());
    }
    for task in &t.tasks {
        let mark = match task.status {
            TaskStatus::Done => "x",
            TaskStatus::Skipped => "-",
            TaskStatus::Planned => " ",
        };
        lines.push(format!(
            "  [{mark}] {} · {} ({} min)  {}",
            task.goal_title, task.title, task.duration_minutes, task.id
        ));
    }
    lines
}
