//! Settings on the command line: the day start hour, the time zone and the
//! days off.

use super::{Output, emit};
use chrono::NaiveDate;
use clap::{Args, Subcommand};
use waymark_app::{App, AppResult, SettingsInput, SettingsView};
use waymark_core::profile::DayOffInput;

/// Arguments of `settings`.
#[derive(Debug, Args)]
pub struct SettingsArgs {
    /// The hour (0–23) a new learner day starts.
    #[arg(long)]
    day_start: Option<u8>,
    /// An IANA time zone (e.g. Europe/Berlin), or "system".
    #[arg(long)]
    time_zone: Option<String>,
    #[command(flatten)]
    out: Output,
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

/// `waymark settings`: shows the settings, after changing what was given.
pub fn settings(app: &mut App, args: SettingsArgs) -> AppResult<()> {
    if args.day_start.is_some() || args.time_zone.is_some() {
        let current = app.settings();
        let time_zone = match args.time_zone {
            Some(z) if z.eq_ignore_ascii_case("system") => None,
            Some(z) => Some(z),
            None => current.time_zone,
        };
        app.update_settings(SettingsInput {
            day_start_hour: args.day_start.unwrap_or(current.day_start_hour),
            time_zone,
        })?;
    }
    let s = app.settings();
    emit(&args.out, &s, || {
        let mut lines =
            vec![format!("today {} · day starts at {}:00 · time zone {}", s.today, s.day_start_hour, s.zone_in_effect)];
        lines.extend(days_off(&s).into_iter().map(|d| format!("  {d}")));
        lines
    })
}

/// `waymark day-off add|remove`.
pub fn day_off(app: &mut App, cmd: DayOffCommand) -> AppResult<()> {
    let (s, out) = match cmd {
        DayOffCommand::Add { start, end, note, out } => {
            (app.add_day_off(DayOffInput { start: Some(start), end, note })?, out)
        }
        DayOffCommand::Remove { start, out } => (app.remove_day_off(start)?, out),
    };
    emit(&out, &s, || days_off(&s))
}

fn days_off(s: &SettingsView) -> Vec<String> {
    s.days_off.iter().map(|d| format!("off {} – {} {}", d.start, d.end, d.note)).collect()
}
