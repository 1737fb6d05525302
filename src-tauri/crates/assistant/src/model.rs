//! The model as the assistant sees it: the two operations it needs (list the
//! models, stream one chat completion), whatever server answers. Generic, not
//! `dyn`, like the sync engine's `Remote`: the assistant is compiled for each
//! implementation ([`OpenAiClient`](crate::OpenAiClient) for every
//! OpenAI-compatible server; tests may bring their own).
//!
//! Cancelling is dropping: a [`Model::chat`] future that is dropped stops
//! reading and closes its connection, and calls its delta callback no more.

use crate::error::AiResult;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::future::Future;
use ts_rs::TS;

/// Who says a message.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Instructions to the model.
    System,
    /// The learner's side of the conversation.
    User,
}

/// One message of a chat request.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Message {
    /// Who says it.
    pub role: Role,
    /// What is said.
    pub content: String,
}

impl Message {
    /// A system message.
    pub fn system(content: impl Into<String>) -> Self {
        Self { role: Role::System, content: content.into() }
    }

    /// A user message.
    pub fn user(content: impl Into<String>) -> Self {
        Self { role: Role::User, content: content.into() }
    }
}

/// How a request asks for JSON, from the strictest to the loosest. Servers
/// that lack one are asked with the next (see [`ErrorKind::FormatRejected`](crate::ErrorKind::FormatRejected)).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum OutputMode {
    /// `response_format: {type: "json_schema", json_schema: {name, schema, strict: true}}`.
    JsonSchema,
    /// `response_format: {type: "json_object"}`, the schema in the prompt.
    JsonObject,
    /// No `response_format`; the schema in the prompt only.
    PromptOnly,
}

impl OutputMode {
    /// The mode to try when a server rejects this one; `None` after the last.
    pub fn fallback(self) -> Option<Self> {
        match self {
            Self::JsonSchema => Some(Self::JsonObject),
            Self::JsonObject => Some(Self::PromptOnly),
            Self::PromptOnly => None,
        }
    }
}

/// A JSON schema the reply must follow, with the name the API wants for it.
#[derive(Debug, Clone, PartialEq)]
pub struct Schema {
    /// A short name (`roadmap`, `questions`).
    pub name: &'static str,
    /// The JSON schema itself.
    pub schema: Value,
}

/// One chat completion to stream.
#[derive(Debug, Clone, PartialEq)]
pub struct ChatRequest {
    /// The conversation, system message first.
    pub messages: Vec<Message>,
    /// The shape the reply must have, when it is JSON.
    pub schema: Option<Schema>,
    /// How to ask for that shape.
    pub mode: OutputMode,
    /// The longest reply, in tokens.
    pub max_tokens: u32,
    /// The most reply bytes read before the request is stopped.
    pub max_reply_bytes: usize,
    /// Sampling temperature; the server's default when `None`.
    pub temperature: Option<f32>,
    /// Sampling seed, for repeatable replies where the server takes one.
    pub seed: Option<u64>,
}

/// Why the model stopped writing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Finish {
    /// It was done.
    Stop,
    /// It reached `max_tokens`: the reply is cut.
    Length,
    /// Another reason the server gave.
    Other(String),
}

/// A complete reply.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reply {
    /// The text the model wrote (every delta, in order).
    pub text: String,
    /// Why it stopped.
    pub finish: Finish,
    /// How many deltas carried text.
    pub deltas: usize,
}

/// An OpenAI-compatible chat model.
pub trait Model: Sync {
    /// The ids of the models the server offers (`GET /models`).
    fn models(&self) -> impl Future<Output = AiResult<Vec<String>>> + Send;

    /// Streams one completion: `on_delta` gets each piece of text as it
    /// arrives; the whole reply comes back at the end. Dropping the future
    /// cancels the request.
    fn chat(
        &self,
        request: &ChatRequest,
        on_delta: &mut (dyn FnMut(&str) + Send),
    ) -> impl Future<Output = AiResult<Reply>> + Send;
}
