//! Waymark's assistant: roadmaps and questions from a language model the
//! learner picks, local first.
//!
//! # Terms
//!
//! - A **model** is anything behind the [`Model`] trait: list the models,
//!   stream one chat completion. [`OpenAiClient`] is the implementation for
//!   every OpenAI-compatible server (Ollama, LM Studio, llama.cpp, hosted
//!   APIs); the facade and its tests do not care which server answers.
//! - A **brief** ([`GoalBrief`], [`StepBrief`]) is everything that is sent
//!   about the learner: the prompt files in `prompts/` are filled with it,
//!   cut to the context budget of [`Limits`].
//! - A **proposal** ([`RoadmapProposal`], [`QuestionsProposal`]) is a reply
//!   checked item by item by core's own rules, with the valid items and a
//!   [`Problem`] for each invalid one.
//! - The **output mode** ([`OutputMode`]) is how JSON is asked for: a JSON
//!   schema in `response_format`, JSON mode, or the prompt only. A server that
//!   rejects one is asked with the next, and the mode it took is remembered
//!   ([`Assistant::output_mode`], shown by `ai status`).
//!
//! # Invariants
//!
//! - Nothing here writes to the store: a proposal is data for a preview; the
//!   facade writes what the learner accepts.
//! - Everything that comes back is bounded: `max_tokens`, the bytes of the
//!   reply, the number of items; every item passes `StepInput::validate` or
//!   `QuestionInput::validate` before it is offered.
//! - Dropping a request's future cancels it: the connection closes and the
//!   delta callback is called no more.
//! - The API key is never printed: [`ApiKey`] and [`Endpoint`] redact it in
//!   `Debug` and `Display`, and no error message contains it.

mod assistant;
mod brief;
mod budget;
mod config;
mod error;
mod model;
mod openai;
mod prompt;
pub mod proposal;
mod schema;
mod sse;
mod template;

pub use assistant::{Assistant, Check, DEFAULT_QUESTIONS, Generated, Sampling};
pub use brief::{GoalBrief, QuestionKind, StepBrief};
pub use config::{ApiKey, CHARS_PER_TOKEN, Endpoint, Limits, PRESETS, Preset, Timeouts};
pub use error::{AiError, AiResult, ErrorKind};
pub use model::{ChatRequest, Finish, Message, Model, OutputMode, Reply, Role, Schema};
pub use openai::OpenAiClient;
pub use proposal::{Problem, Proposed, QuestionsProposal, RoadmapProposal, parse_questions, parse_roadmap};
pub use sse::SseParser;

/// The prompt files, for the docs and for a preview that shows what is sent.
pub mod prompts {
    pub use crate::prompt::{JSON_ONLY, QUESTIONS_SYSTEM, QUESTIONS_USER, ROADMAP_SYSTEM, ROADMAP_USER};
}
