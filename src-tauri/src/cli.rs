//! The headless command line: the same facade and store as the desktop app.
//! Output is human-readable, or JSON with `--json`; a failure prints one line
//! on stderr and exits non-zero.

use chrono::NaiveDate;
use clap::{Args, Parser, Subcommand, ValueEnum};
use serde::Serialize;
use std::process::ExitCode;
use waymark_app::{App, AppResult, GoalOverview, TodayView};
use waymark_core::goal::{Difficulty, GoalInput, GoalStatus};
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
        #[command(flatten)]
        out: Output,
    },
    /// Mark tasks done or skipped.
    #[command(subcommand)]
    Task(TaskCommand),
}

/// Output format.
#[derive(Debug, Args)]
pub struct Output {
    /// Print JSON instead of text.
    #[arg(long)]
    json: bool,
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
        /// Study hours per week (more than 0, at most 168).
        #[arg(long, default_value_t = waymark_core::goal::DEFAULT_HOURS_PER_WEEK, allow_negative_numbers = true)]
        hours_per_week: f64,
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
    match App::open_default().and_then(|mut app| execute(&mut app, command)) {
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
            skills,
            template,
            out,
        }) => {
            let input = GoalInput {
                title,
                description,
                category,
                difficulty: Difficulty::parse(&difficulty)?,
                target_date,
                hours_per_week,
                skills,
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
        Command::Today { date, out } => {
            let today = app.today(date)?;
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
    }
}

fn emit<T: Serialize>(out: &Output, value: &T, text: impl FnOnce() -> Vec<String>) -> AppResult<()> {
    if out.json {
        let json = serde_json::to_string_pretty(value).map_err(|e| waymark_app::AppError {
            code: waymark_app::ErrorCode::System,
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
    let mut lines = vec![format!("{} — {} of {} min done", t.date, t.done_minutes, t.planned_minutes)];
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
