//! Reminder commands of the CLI: add, list, delete, snooze, pause, quiet
//! hours, and what would ring at a time.

use super::{Output, emit};
use chrono::{DateTime, Utc};
use clap::{Subcommand, ValueEnum};
use waymark_app::reminders::{PauseFor, ReminderSettings};
use waymark_app::{App, AppError, AppResult};
use waymark_core::ids::{GoalId, TaskId};
use waymark_core::reminder::{
    OnceInput, QuietHours, ReminderInput, ReminderKind, Weekday, parse_date_time, parse_days, parse_time,
};

/// Kinds of reminder on the command line.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum KindArg {
    /// At study times on chosen weekdays.
    Daily,
    /// When reviews due reach a threshold.
    Reviews,
    /// In the evening when today's work is still open.
    Streak,
    /// Once, at --at.
    Once,
}

/// How long `reminders pause` lasts.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum PauseArg {
    /// One hour from now.
    Hour,
    /// Until the next learner day starts.
    UntilTomorrow,
}

/// `waymark reminders …`
#[derive(Debug, Subcommand)]
pub enum RemindersCommand {
    /// Add a reminder.
    Add {
        /// daily, reviews, streak or once.
        #[arg(long)]
        kind: KindArg,
        /// HH:MM (daily: repeatable or comma-separated; streak: one).
        #[arg(long, value_delimiter = ',')]
        time: Vec<String>,
        /// Weekdays for a daily reminder, e.g. mon,tue,fri (default every day).
        #[arg(long)]
        days: Option<String>,
        /// Reviews due that trigger a reviews reminder.
        #[arg(long, default_value_t = 20)]
        threshold: u32,
        /// Minutes between two reviews reminders.
        #[arg(long, default_value_t = 240)]
        every: u32,
        /// When a once reminder rings: YYYY-MM-DDTHH:MM in your time zone, or an RFC 3339 instant.
        #[arg(long)]
        at: Option<String>,
        /// The goal a once reminder is about.
        #[arg(long)]
        goal: Option<String>,
        /// The task a once reminder is about (its goal is filled in).
        #[arg(long)]
        task: Option<String>,
        /// What a once reminder says.
        #[arg(long, default_value = "")]
        note: String,
        #[command(flatten)]
        out: Output,
    },
    /// List the reminders.
    List(Output),
    /// Delete a reminder.
    Delete {
        /// The reminder id.
        id: String,
    },
    /// Silence a reminder for a while; then it rings once more.
    Snooze {
        /// The reminder id.
        id: String,
        /// For how many minutes (1 to 1440).
        #[arg(long, default_value_t = 10)]
        minutes: u32,
        #[command(flatten)]
        out: Output,
    },
    /// Pause every reminder (as the tray's Pause entries do), or resume with --off.
    Pause {
        /// hour or until-tomorrow.
        #[arg(long = "for", required_unless_present = "off")]
        length: Option<PauseArg>,
        /// Resume the reminders.
        #[arg(long, conflicts_with = "length")]
        off: bool,
    },
    /// Show the reminders with their next time, the quiet hours and the pause.
    Settings(Output),
    /// What would ring at --at (default now), without sending or recording.
    Due {
        /// The instant (RFC 3339).
        #[arg(long)]
        at: Option<DateTime<Utc>>,
        #[command(flatten)]
        out: Output,
    },
    /// Set quiet hours (HH:MM to HH:MM), or remove them with --off.
    Quiet {
        /// Start, e.g. 22:00.
        #[arg(long)]
        from: Option<String>,
        /// End, e.g. 07:00.
        #[arg(long)]
        to: Option<String>,
        /// Remove the quiet hours.
        #[arg(long)]
        off: bool,
    },
}

/// Runs one reminder command.
pub fn run(app: &mut App, cmd: RemindersCommand) -> AppResult<()> {
    match cmd {
        RemindersCommand::Add { kind, time, days, threshold, every, at, goal, task, note, out } => {
            let times = time.iter().map(|t| parse_time(t)).collect::<Result<Vec<_>, _>>()?;
            let r = match kind {
                KindArg::Once => {
                    let at = at.ok_or_else(|| AppError::invalid("at", "give the time, e.g. --at 2026-12-01T18:00"))?;
                    let (goal_id, task_id) = (goal.map(GoalId), task.map(TaskId));
                    match DateTime::parse_from_rfc3339(&at) {
                        Ok(instant) => app.add_reminder(ReminderInput {
                            kind: ReminderKind::At { at: instant.to_utc(), goal_id, task_id, note },
                        }),
                        Err(_) => {
                            app.add_once_reminder(OnceInput { at: parse_date_time(&at)?, goal_id, task_id, note })
                        }
                    }?
                }
                other => app.add_reminder(ReminderInput { kind: repeating(other, times, days, threshold, every)? })?,
            };
            emit(&out, &r, || vec![format!("added reminder {}", r.id)])
        }
        RemindersCommand::List(out) => {
            let list = app.reminders()?;
            emit(&out, &list, || list.iter().map(|r| format!("{}  {:?}", r.id, r.kind)).collect())
        }
        RemindersCommand::Delete { id } => {
            app.delete_reminder(&id)?;
            println!("deleted reminder {id}");
            Ok(())
        }
        RemindersCommand::Snooze { id, minutes, out } => {
            let r = app.snooze_reminder_for(&id, minutes)?;
            let until = r.snoozed_until.map(|t| t.to_rfc3339()).unwrap_or_default();
            emit(&out, &r, || vec![format!("reminder {id} snoozed until {until}")])
        }
        RemindersCommand::Pause { length, off } => pause(app, if off { None } else { length }),
        RemindersCommand::Settings(out) => {
            let s = app.reminder_settings()?;
            emit(&out, &s, || settings_lines(&s))
        }
        RemindersCommand::Due { at, out } => {
            let due = app.reminders_due(at)?;
            emit(&out, &due, || due.iter().map(|n| format!("{} — {}", n.title, n.body)).collect())
        }
        RemindersCommand::Quiet { from, to, off } => {
            let quiet = match (off, from, to) {
                (true, _, _) => None,
                (false, Some(f), Some(t)) => Some(QuietHours { start: parse_time(&f)?, end: parse_time(&t)? }),
                _ => return Err(AppError::invalid("quiet_hours", "give --from HH:MM and --to HH:MM, or --off")),
            };
            app.set_quiet_hours(quiet)?;
            println!("quiet hours {}", quiet_text(quiet));
            Ok(())
        }
    }
}

/// Pauses every reminder for `length`, or resumes them without one.
fn pause(app: &mut App, length: Option<PauseArg>) -> AppResult<()> {
    let pause = length.map(|l| match l {
        PauseArg::Hour => PauseFor::Hour,
        PauseArg::UntilTomorrow => PauseFor::UntilTomorrow,
    });
    match pause {
        Some(p) => println!("reminders paused until {}", app.pause_reminders_for(p)?.to_rfc3339()),
        None => {
            app.pause_reminders(None)?;
            println!("reminders resumed");
        }
    }
    Ok(())
}

fn settings_lines(s: &ReminderSettings) -> Vec<String> {
    let mut lines: Vec<String> = s
        .reminders
        .iter()
        .map(|r| {
            let next = r.next_at.map_or("never".into(), |t| t.to_rfc3339());
            format!("{}  next {next}  {:?}", r.reminder.id, r.reminder.kind)
        })
        .collect();
    lines.push(format!("quiet hours: {}", quiet_text(s.quiet_hours)));
    lines.push(format!("paused until: {}", s.paused_until.map_or("not paused".into(), |t| t.to_rfc3339())));
    lines
}

/// The kind of a daily, reviews or streak reminder from its arguments.
fn repeating(
    kind: KindArg,
    times: Vec<chrono::NaiveTime>,
    days: Option<String>,
    threshold: u32,
    every: u32,
) -> AppResult<ReminderKind> {
    Ok(match kind {
        KindArg::Daily => ReminderKind::Daily {
            times,
            days: match days {
                Some(d) => parse_days(&d)?,
                None => Weekday::ALL.to_vec(),
            },
        },
        KindArg::Reviews => {
            ReminderKind::ReviewsDue { threshold, every_minutes: every, at_or_after: times.first().copied() }
        }
        KindArg::Streak => ReminderKind::StreakAtRisk {
            time: *times
                .first()
                .ok_or_else(|| AppError::invalid("time", "give the evening time, e.g. --time 20:00"))?,
        },
        KindArg::Once => return Err(AppError::invalid("kind", "a once reminder takes --at")),
    })
}

fn quiet_text(quiet: Option<QuietHours>) -> String {
    quiet.map_or("off".into(), |q| format!("{}–{}", q.start.format("%H:%M"), q.end.format("%H:%M")))
}
