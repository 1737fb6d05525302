//! Study commands of the CLI: the daily test, the review queue, card import.

use super::{Output, emit, read_file};
use chrono::{DateTime, Utc};
use clap::Subcommand;
use std::path::PathBuf;
use waymark_app::limits::InputKind;
use waymark_app::{App, AppError, AppResult};

/// `waymark test …`
#[derive(Debug, Subcommand)]
pub enum TestCommand {
    /// Show today's verification test: state, questions, attempts.
    Today(Output),
}

/// `waymark review …`
#[derive(Debug, Subcommand)]
pub enum ReviewCommand {
    /// List the cards due (now, or at --at).
    Due {
        /// The instant to ask about (RFC 3339), default now.
        #[arg(long)]
        at: Option<DateTime<Utc>>,
        #[command(flatten)]
        out: Output,
    },
    /// Rate a card 1 (Again), 2 (Hard), 3 (Good) or 4 (Easy).
    Rate {
        /// The card id.
        card_id: String,
        /// 1–4.
        rating: u8,
        /// When the review happened (RFC 3339), default now.
        #[arg(long)]
        at: Option<DateTime<Utc>>,
        #[command(flatten)]
        out: Output,
    },
    /// Fit FSRS to your review log (needs 400 reviews).
    Optimize(Output),
}

/// `waymark cards …`
#[derive(Debug, Subcommand)]
pub enum CardsCommand {
    /// Import recall cards from an Anki-style text export (front, back, tags).
    Import {
        /// The .csv/.txt file.
        file: PathBuf,
        /// The goal to add them to (default: the only active goal).
        #[arg(long)]
        goal: Option<String>,
        /// Import the valid lines even when some lines fail.
        #[arg(long)]
        yes: bool,
        #[command(flatten)]
        out: Output,
    },
}

/// `waymark test …`
pub fn test(app: &mut App, cmd: TestCommand) -> AppResult<()> {
    match cmd {
        TestCommand::Today(out) => {
            let t = app.today_test()?;
            emit(&out, &t, || {
                let mut lines = vec![format!("{} — test {:?}, {} questions", t.date, t.state, t.questions.len())];
                lines.extend(t.questions.iter().map(|q| format!("  {}  {}", q.id, q.prompt)));
                lines
            })
        }
    }
}

/// `waymark review …`
pub fn review(app: &mut App, cmd: ReviewCommand) -> AppResult<()> {
    match cmd {
        ReviewCommand::Due { at, out } => {
            let cards = app.due_cards(at)?;
            emit(&out, &cards, || {
                cards.iter().map(|c| format!("{}  {:?}  {}", c.id, c.state, c.question.prompt)).collect()
            })
        }
        ReviewCommand::Rate { card_id, rating, at, out } => {
            let rated = app.rate_card(&card_id, rating, at, None)?;
            emit(&out, &rated, || vec![format!("{} due {} ({:.1} days)", rated.id, rated.due, rated.interval_days)])
        }
        ReviewCommand::Optimize(out) => {
            let o = app.optimize_fsrs()?;
            emit(&out, &o, || {
                vec![format!("log loss {:.4} → {:.4} over {} reviews", o.log_loss_before, o.log_loss_after, o.reviews)]
            })
        }
    }
}

/// `waymark cards …`
pub fn cards(app: &mut App, cmd: CardsCommand) -> AppResult<()> {
    match cmd {
        CardsCommand::Import { file, goal, yes, out } => {
            let text = read_file(app, InputKind::Cards, &file)?;
            let result = app.import_cards(&text, goal.as_deref(), yes)?;
            if result.needs_confirmation {
                let first = result.errors.first().map(|e| e.message.clone()).unwrap_or_default();
                return Err(AppError::invalid(
                    "file",
                    format!(
                        "{} lines could not be read ({first}); nothing imported — run again with --yes to import the {} valid lines",
                        result.errors.len(),
                        result.valid
                    ),
                ));
            }
            emit(&out, &result, || {
                let mut lines = vec![format!("imported {} cards", result.imported)];
                lines.extend(result.errors.iter().map(|e| format!("  skipped {}", e.message)));
                lines
            })
        }
    }
}
