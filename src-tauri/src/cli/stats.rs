//! `waymark stats`: every figure of the Stats screen (or of one goal's
//! summary), as JSON or as a short text summary.

use super::{Output, emit};
use clap::Args;
use waymark_app::{App, AppResult};
use waymark_core::stats::Stats;

/// `waymark stats [--goal ID] [--json]`
#[derive(Debug, Args)]
pub struct StatsArgs {
    /// Only this goal (its summary).
    #[arg(long)]
    pub goal: Option<String>,
    #[command(flatten)]
    pub out: Output,
}

/// Runs `waymark stats`.
pub fn run(app: &mut App, args: StatsArgs) -> AppResult<()> {
    let stats = app.stats(args.goal.as_deref())?;
    emit(&args.out, &stats, || summary(&stats))
}

fn summary(s: &Stats) -> Vec<String> {
    let pct = |v: Option<f64>| v.map_or("—".to_string(), |v| format!("{:.0}%", v * 100.0));
    let week = s.weekly.weeks.last();
    let t = &s.tests.totals;
    let c = &s.revision.cards;
    let days = |n: u32| if n == 1 { "1 day".to_string() } else { format!("{n} days") };
    vec![
        format!("stats as of {}", s.today),
        format!(
            "streak {} (longest {}); {} min studied on {} in the last 12 months",
            days(s.study.streak.current),
            days(s.study.streak.longest),
            s.study.total_minutes,
            days(s.study.active_days)
        ),
        format!(
            "this week {} min studied; plan kept {}",
            week.map_or(0, |w| w.studied_minutes),
            pct(week.and_then(|w| w.share))
        ),
        format!(
            "tests: {} days, {} passed, average {}, {} perfect",
            t.total,
            t.passed,
            pct((t.total > 0).then_some(t.average_score)),
            t.perfect
        ),
        format!(
            "revision: true retention {}; {} due today; cards new {} / learning {} / review {} / relearning {}",
            pct(s.revision.retention),
            s.revision.forecast.first().map_or(0, |d| d.cards),
            c.new,
            c.learning,
            c.review,
            c.relearning
        ),
        format!(
            "goals: {} of {} completed; average time to complete {}",
            s.goals.completed,
            s.goals.total,
            s.goals.average_days_to_complete.map_or("—".to_string(), |d| days(d.round() as u32))
        ),
    ]
}
