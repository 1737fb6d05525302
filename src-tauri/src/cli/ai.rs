//! The assistant on the command line: its status, the Test, and proposals
//! for a roadmap, a step's questions and every step without questions. The
//! endpoint comes from Settings → Assistant or `WAYMARK_AI_URL`,
//! `WAYMARK_AI_MODEL` and `WAYMARK_AI_KEY`. A proposal is printed and nothing
//! is written without `--accept`. The reply streams to stderr when stderr is
//! a terminal.

use super::{Output, emit, runtime};
use clap::{Args, Subcommand};
use serde::Serialize;
use std::io::{IsTerminal, Write};
use waymark_app::ai::{self, AcceptMode, FillOptions, FillProgress, Limits, QuestionKind, Sampling};
use waymark_app::{App, AppError, AppResult, SharedApp};

/// `waymark ai …`
#[derive(Debug, Subcommand)]
pub enum AiCommand {
    /// The endpoint, the model, whether a key is set and the output mode the server took.
    Status(Output),
    /// List the server's models and make one tiny request.
    Test(Output),
    /// Propose a roadmap for a goal (written only with --accept).
    Roadmap {
        /// The goal's id.
        goal_id: String,
        /// A note on the previous proposal ("more practice, fewer videos").
        #[arg(long)]
        note: Option<String>,
        /// What you already know about the subject.
        #[arg(long, default_value = "")]
        known: String,
        /// Write the valid steps: replace the roadmap or append to it.
        #[arg(long)]
        accept: Option<AcceptMode>,
        /// The most steps to ask for.
        #[arg(long)]
        max_steps: Option<usize>,
        #[command(flatten)]
        tuning: Tuning,
        #[command(flatten)]
        out: Output,
    },
    /// Propose questions for a roadmap step (written only with --accept).
    Questions {
        /// The step's id.
        step_id: String,
        #[command(flatten)]
        ask: Ask,
        #[command(flatten)]
        out: Output,
    },
    /// Propose questions for every step of a goal that has none (each step written on its own with --accept).
    Fill {
        /// The goal's id.
        goal_id: String,
        #[command(flatten)]
        ask: Ask,
        #[command(flatten)]
        out: Output,
    },
}

/// What to ask for questions.
#[derive(Debug, Args)]
pub struct Ask {
    /// How many questions (per step).
    #[arg(long, default_value_t = ai::DEFAULT_QUESTIONS)]
    count: usize,
    /// The kinds allowed, comma-separated: mc, tf, short, recall (default: all).
    #[arg(long, value_delimiter = ',')]
    kinds: Vec<QuestionKind>,
    /// Write the valid questions as cards.
    #[arg(long)]
    accept: bool,
    #[command(flatten)]
    tuning: Tuning,
}

/// Bounds and sampling of the reply (the assistant's defaults when not given).
#[derive(Debug, Args)]
pub struct Tuning {
    /// The longest reply, in tokens.
    #[arg(long)]
    max_tokens: Option<u32>,
    /// The longest text of any field, in characters (for servers that take `maxLength`).
    #[arg(long)]
    max_text: Option<usize>,
    /// The sampling temperature.
    #[arg(long)]
    temperature: Option<f32>,
    /// The sampling seed, for repeatable replies.
    #[arg(long)]
    seed: Option<u64>,
}

impl Tuning {
    /// The flags given over what the app runs with (`WAYMARK_AI_TUNING` or the defaults).
    fn apply(&self, shared: &SharedApp, max_steps: Option<usize>) -> AppResult<()> {
        shared.with(|app| {
            let (d, s) = app.assistant_tuning();
            let limits = Limits {
                max_tokens: self.max_tokens.unwrap_or(d.max_tokens),
                max_text_chars: self.max_text.or(d.max_text_chars),
                max_steps: max_steps.unwrap_or(d.max_steps),
                ..d
            };
            let sampling = Sampling { temperature: self.temperature.or(s.temperature), seed: self.seed.or(s.seed) };
            app.set_assistant_tuning(limits, sampling);
            Ok(())
        })
    }
}

/// A proposal and what accepting it wrote.
#[derive(Serialize)]
struct Outcome<P, A> {
    #[serde(flatten)]
    preview: P,
    accepted: Option<A>,
}

/// Runs an assistant command (it owns the app: requests let go of it while the model writes).
pub fn run(app: App, cmd: AiCommand) -> AppResult<()> {
    let shared = SharedApp::new(app);
    let runtime = runtime()?;
    let mut on_delta = stream();
    match cmd {
        AiCommand::Status(out) => {
            let v = shared.with(|app| app.assistant_view())?;
            emit(&out, &v, || super::ai_words::status(&v))
        }
        AiCommand::Test(out) => {
            let check = runtime.block_on(ai::check(&shared))?;
            emit(&out, &check, || vec![check.message.clone()])
        }
        AiCommand::Roadmap { goal_id, note, known, accept, max_steps, tuning, out } => {
            tuning.apply(&shared, max_steps)?;
            let preview =
                runtime.block_on(ai::propose_roadmap(&shared, &goal_id, &known, note.as_deref(), &mut on_delta))?;
            let accepted = match accept {
                Some(_) if preview.steps.is_empty() => return Err(nothing_valid(&preview.problems)),
                Some(mode) => {
                    let steps = preview.steps.iter().map(|s| s.step.clone()).collect();
                    Some(shared.with(|app| app.accept_roadmap(&goal_id, steps, mode))?)
                }
                None => None,
            };
            let lines = super::ai_words::roadmap(&preview, accepted.as_ref());
            emit(&out, &Outcome { preview, accepted }, || lines)
        }
        AiCommand::Questions { step_id, ask, out } => {
            ask.tuning.apply(&shared, None)?;
            let preview =
                runtime.block_on(ai::propose_questions(&shared, &step_id, ask.count, &ask.kinds, &mut on_delta))?;
            let accepted = if ask.accept && preview.questions.is_empty() {
                return Err(nothing_valid(&preview.problems));
            } else if ask.accept {
                let questions = preview.questions.iter().map(|q| q.value.clone()).collect();
                Some(shared.with(|app| app.accept_questions(&step_id, questions))?)
            } else {
                None
            };
            let lines = super::ai_words::questions(&preview, accepted.as_deref());
            emit(&out, &Outcome { preview, accepted }, || lines)
        }
        AiCommand::Fill { goal_id, ask, out } => {
            ask.tuning.apply(&shared, None)?;
            let options = FillOptions { count: ask.count, kinds: ask.kinds, accept: ask.accept };
            let quiet = out.json;
            let mut progress = move |p: FillProgress| {
                if let (false, Some(title)) = (quiet, &p.step_title) {
                    eprintln!("step {} of {}: {title}", p.done + 1, p.total);
                }
            };
            let report = runtime.block_on(ai::fill_gaps(&shared, &goal_id, &options, &mut progress, &mut on_delta))?;
            emit(&out, &report, || super::ai_words::fill(&report))
        }
    }
}

/// Writes the reply to stderr as it arrives when stderr is a terminal.
fn stream() -> impl FnMut(&str) + Send {
    let live = std::io::stderr().is_terminal();
    move |text: &str| {
        if live {
            let mut err = std::io::stderr();
            let _ = err.write_all(text.as_bytes());
            let _ = err.flush();
        }
    }
}

/// A proposal with nothing valid cannot be accepted.
fn nothing_valid(problems: &[ai::Problem]) -> AppError {
    let first = problems.first().map_or("the reply held no item", |p| p.message.as_str());
    AppError::invalid("accept", format!("nothing valid to accept ({first}); run it again without --accept to see why"))
}
