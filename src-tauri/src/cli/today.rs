//! Today and the plan on the command line: today's tasks (or its summary),
//! marking tasks, a goal's dated plan, re-planning and the .ics calendar.

use super::goals::goal_line;
use super::{Output, emit, write_or_print};
use chrono::NaiveDate;
use clap::{Args, Subcommand};
use std::path::PathBuf;
use waymark_app::{App, AppResult, TodayView};
use waymark_core::task::TaskStatus;

/// Arguments of `today`.
#[derive(Debug, Args)]
pub struct TodayArgs {
    /// The day to show (YYYY-MM-DD); default today.
    #[arg(long)]
    date: Option<NaiveDate>,
    /// Only today's summary, as the tray's "Today's summary" shows it.
    #[arg(long, conflicts_with = "date")]
    summary: bool,
    #[command(flatten)]
    out: Output,
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

/// Arguments of `plan`.
#[derive(Debug, Args)]
pub struct PlanArgs {
    /// The goal id.
    goal_id: String,
    #[command(flatten)]
    out: Output,
}

/// Arguments of `export-ics`.
#[derive(Debug, Args)]
pub struct ExportIcsArgs {
    /// The file to write.
    #[arg(long)]
    out: PathBuf,
    /// Only this goal.
    #[arg(long)]
    goal: Option<String>,
}

/// `waymark today`: the tasks of a day, or only today's summary.
pub fn today(app: &mut App, args: TodayArgs) -> AppResult<()> {
    if args.summary {
        let summary = app.today_summary()?;
        return emit(&args.out, &summary, || vec![summary.title.clone(), summary.body.clone()]);
    }
    let today = app.today_view(args.date)?;
    emit(&args.out, &today, || today_lines(&today))
}

/// `waymark task done|skip|undo`.
pub fn task(app: &mut App, cmd: TaskCommand) -> AppResult<()> {
    let (args, status) = match cmd {
        TaskCommand::Done(a) => (a, TaskStatus::Done),
        TaskCommand::Skip(a) => (a, TaskStatus::Skipped),
        TaskCommand::Undo(a) => (a, TaskStatus::Planned),
    };
    let task = app.set_task_status(&args.id, status, args.minutes)?;
    emit(&args.out, &task, || vec![format!("{} {:?}: {}", task.date, task.status, task.title)])
}

/// `waymark plan`: a goal's dated tasks.
pub fn plan(app: &mut App, args: PlanArgs) -> AppResult<()> {
    let plan = app.plan(&args.goal_id)?;
    emit(&args.out, &plan, || {
        let mut lines = vec![goal_line(&plan.overview), format!("  {}", plan.overview.outlook.reason)];
        for t in &plan.tasks {
            let status = format!("{:?}", t.status);
            lines.push(format!("  {} {status:8} {} ({} min)", t.date, t.title, t.duration_minutes));
        }
        lines
    })
}

/// `waymark replan`: every goal planned again from today.
pub fn replan(app: &mut App, out: &Output) -> AppResult<()> {
    app.replan_all()?;
    let goals = app.list_goals()?;
    emit(out, &goals, || goals.iter().map(goal_line).collect())
}

/// `waymark export-ics`: the plan as a calendar file.
pub fn export_ics(app: &mut App, args: ExportIcsArgs) -> AppResult<()> {
    let text = app.export_ics(args.goal.as_deref())?;
    write_or_print(Some(&args.out), &text)
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
