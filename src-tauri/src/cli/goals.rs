//! Goal commands of the CLI: add, list, show, set the status, take an outlook
//! fix, delete, and the activity log.

use super::{Output, emit};
use chrono::NaiveDate;
use clap::builder::{PossibleValuesParser, TypedValueParser};
use clap::{Args, Subcommand};
use waymark_app::{App, AppError, AppResult, GoalOverview};
use waymark_core::goal::{Difficulty, GoalInput, GoalStatus};
use waymark_core::ids::GoalId;
use waymark_core::outlook::FixChoice;

/// Goal commands.
#[derive(Debug, Subcommand)]
pub enum GoalCommand {
    /// Create a goal, optionally with a template roadmap, and plan it.
    Add(AddArgs),
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
        #[arg(value_parser = status_parser())]
        status: GoalStatus,
        #[command(flatten)]
        out: Output,
    },
    /// Take one of the fixes its outlook offers: `hours` (study the offered
    /// hours a week, same weekday shape) or `date` (the plan's last day as target).
    Fix {
        /// The goal id.
        id: String,
        /// hours or date.
        #[arg(value_parser = fix_parser())]
        fix: FixChoice,
        #[command(flatten)]
        out: Output,
    },
    /// Delete a goal with its roadmap and tasks.
    Delete {
        /// The goal id.
        id: String,
    },
}

/// Arguments of `goal add`.
#[derive(Debug, Args)]
pub struct AddArgs {
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
}

/// Arguments of `activity`.
#[derive(Debug, Args)]
pub struct ActivityArgs {
    /// Only this goal.
    #[arg(long)]
    goal: Option<String>,
    /// How many entries.
    #[arg(long, default_value_t = 30)]
    limit: usize,
    #[command(flatten)]
    out: Output,
}

/// The statuses the command line accepts (listed in its help), parsed by the
/// domain type.
fn status_parser() -> impl TypedValueParser<Value = GoalStatus> {
    PossibleValuesParser::new(GoalStatus::ALL.map(GoalStatus::name)).try_map(|name| name.parse::<GoalStatus>())
}

fn fix_parser() -> impl TypedValueParser<Value = FixChoice> {
    PossibleValuesParser::new(["hours", "date"]).try_map(|name| name.parse::<FixChoice>())
}

/// Runs one goal command.
pub fn run(app: &mut App, cmd: GoalCommand) -> AppResult<()> {
    match cmd {
        GoalCommand::Add(args) => add(app, args),
        GoalCommand::List(out) => {
            let goals = app.list_goals()?;
            emit(&out, &goals, || goals.iter().map(goal_line).collect())
        }
        GoalCommand::Show { id, out } => {
            let view = app.goal_view(&id)?;
            emit(&out, &view, || {
                let mut lines = vec![goal_line(&view.overview)];
                for (i, s) in view.steps.iter().enumerate() {
                    lines.push(format!("  {}. {} — {} (~{} h)", i + 1, s.step.title, s.step.duration, s.estimate.mid));
                }
                lines
            })
        }
        GoalCommand::Status { id, status, out } => {
            let goal = app.set_goal_status(&id, status)?;
            emit(&out, &goal, || vec![goal_line(&goal)])
        }
        GoalCommand::Fix { id, fix, out } => {
            let goal = app.apply_outlook_fix(&id, fix)?;
            emit(&out, &goal, || vec![goal_line(&goal), format!("  {}", goal.outlook.reason)])
        }
        GoalCommand::Delete { id } => {
            app.delete_goal(&id)?;
            println!("deleted goal {id}");
            Ok(())
        }
    }
}

fn add(app: &mut App, args: AddArgs) -> AppResult<()> {
    let prerequisites = args
        .prerequisites
        .iter()
        .map(|p| {
            GoalId::parse(p).ok_or_else(|| AppError::invalid("prerequisites", format!("\"{p}\" is not a goal id")))
        })
        .collect::<AppResult<Vec<_>>>()?;
    let input = GoalInput {
        title: args.title,
        description: args.description,
        category: args.category,
        difficulty: Difficulty::parse(&args.difficulty)?,
        target_date: args.target_date,
        hours_per_week: args.hours_per_week,
        week_hours: args.week_hours,
        skills: args.skills,
        prerequisites,
    };
    let goal = app.create_goal(input, args.template.as_deref())?;
    emit(&args.out, &goal, || vec![goal_line(&goal)])
}

/// `waymark activity`: the activity log, newest first.
pub fn activity(app: &mut App, args: ActivityArgs) -> AppResult<()> {
    let log = app.activities(args.goal.as_deref(), Some(args.limit))?;
    emit(&args.out, &log, || log.iter().map(|a| format!("{} {}", a.date, a.title)).collect())
}

/// One line for a goal: id, title, status, tasks done and the target date.
pub(super) fn goal_line(g: &GoalOverview) -> String {
    let target = g.goal.target_date.map(|d| format!(" · target {d}")).unwrap_or_default();
    format!(
        "{}  {} [{:?}] {}/{} tasks{}",
        g.goal.id, g.goal.title, g.goal.status, g.progress.tasks_done, g.progress.tasks_total, target
    )
}
