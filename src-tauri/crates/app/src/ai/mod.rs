//! The assistant as the front ends use it (issue 14): its settings, the
//! roadmap and questions proposals with their previews, Accept, the
//! generated questions of a goal, and Fill the gaps.
//!
//! Requests run on a [`SharedApp`](crate::SharedApp) and hold its lock only
//! to read their brief and to build the preview — never while the model
//! writes — so the rest of the app stays usable; dropping a request's future
//! cancels it. Proposals write nothing of the learner's data; Accept
//! (`accept_roadmap`, `accept_questions`) is a plain facade call that checks
//! its input on the same path as a hand edit and writes in one transaction.

mod errors;
mod fill;
mod questions;
mod reply;
mod roadmap;
mod run;
mod settings;
mod tuning;

pub use errors::cancelled;
pub use fill::{FillOptions, FillProgress, FillReport, FillStep, fill_gaps};
pub use questions::QuestionsPreview;
pub use reply::ReplyInfo;
pub use roadmap::{AcceptMode, PlanPreview, ProposedStep, RoadmapPreview};
pub use run::{AssistantCheck, check, propose_questions, propose_roadmap};
pub use settings::{AI_MODEL_ENV, AI_URL_ENV, AssistantInput, AssistantOverride, AssistantSource, AssistantView};
pub use tuning::{AI_TUNING_ENV, parse_tuning};
pub use waymark_assistant::{DEFAULT_QUESTIONS, Limits, OutputMode, PRESETS, Preset, Problem, QuestionKind, Sampling};

pub(crate) use settings::AiState;
pub(crate) use tuning::tuning_from_env;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// What a running request tells the window (over a Tauri channel).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum AiEvent {
    /// More of the reply's text.
    Delta {
        /// The new text.
        text: String,
    },
    /// Fill the gaps moved on to another step.
    Progress {
        /// Where it stands.
        progress: FillProgress,
    },
}
