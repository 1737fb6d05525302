//! Reminder commands of the CLI: add, list, and what would ring at a time.

use crate::cli::{Output, emit};
use chrono::{DateTime, Utc};
use clap::{Subcommand, ValueEnum};
use waymark_app::{App, AppError, AppResult};
use waymark_core::reminder::{QuietHours, ReminderInput, ReminderKind, Weekday, parse_days, parse_time};

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
        /// The instant of a once reminder (RFC 3339).
        #[arg(long)]
        at: Option<DateTime<Utc>>,
        /// A note for a once reminder.
        #[arg(long, default_value = "")]
        note: String,
        #[command(flatten)]
        out: Output,
    },
    /// List the reminders.
    List(Output),
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

pub fn run(app: &mut App, cmd: RemindersCommand) -> AppResult<()> {
    match cmd {
        RemindersCommand::Add { kind, time, days, threshold, every, at, note, out } => {
            let times = time.iter().map(|t| parse_time(t)).collect::<Result<Vec<_>, _>>()?;
            let kind = match kind {
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
                KindArg::Once => ReminderKind::At {
                    at: at
                        .ok_or_else(|| AppError::invalid("at", "give the instant, e.g. --at 2026-12-01T18:00:00Z"))?,
                    goal_id: None,
                    task_id: None,
                    note,
                },
            };
            let r = app.add_reminder(ReminderInput { kind })?;
            emit(&out, &r, || vec![format!("added reminder {}", r.id)])
        }
        RemindersCommand::List(out) => {
            let list = app.reminders()?;
            emit(&out, &list, || list.iter().map(|r| format!("{}  {:?}", r.id, r.kind)).collect())
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
            println!(
                "quiet hours {}",
                quiet.map(|q| format!("{}–{}", q.start.format("%H:%M"), q.end.format("%H:%M"))).unwrap_or("off".into())
            );
            Ok(())
        }
    }
}
