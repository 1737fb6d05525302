//! The one error type every front end sees: a stable machine code, a sentence
//! for the learner, and the field at fault when there is one.

use serde::{Deserialize, Serialize};
use std::fmt;
use ts_rs::TS;
use waymark_core::ValidationError;
use waymark_store::StoreError;

/// Stable machine codes. Front ends branch on these, never on message text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    /// The id names nothing (or something deleted).
    NotFound,
    /// The input breaks a rule; `field` says which.
    InvalidInput,
    /// The request contradicts the current state.
    Conflict,
    /// The data is open in another Waymark process.
    AlreadyOpen,
    /// The local database failed.
    Storage,
    /// A system service outside Waymark (browser, notifications) failed.
    System,
    /// The sync server cannot be reached (offline, DNS, refused, timeout): changes wait.
    SyncUnreachable,
    /// The sync server refused the user name or password.
    SyncAuth,
    /// The TLS connection to the sync server failed.
    SyncTls,
    /// The sync server answered with an error.
    SyncServer,
    /// No OS keyring is available to keep the connection string or the API key.
    NoKeyring,
    /// The assistant is not set up, or its remote host was not acknowledged
    /// (`field: acknowledged`).
    AssistantOff,
    /// The assistant's server cannot be reached (refused, DNS, timeout, closed mid-reply).
    AssistantUnreachable,
    /// The assistant's server refused the API key (401/403).
    AssistantAuth,
    /// The assistant's server has no such path or model (404).
    AssistantNotFound,
    /// The assistant's server is busy (429); the message says how long to wait.
    AssistantBusy,
    /// The TLS connection to the assistant's server failed.
    AssistantTls,
    /// The assistant's server failed or answered something that is not the API.
    AssistantServer,
    /// The learner cancelled the request; nothing was written.
    Cancelled,
}

/// An error as front ends receive it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct AppError {
    /// What kind of failure.
    pub code: ErrorCode,
    /// What happened and what to do, for the learner.
    pub message: String,
    /// The input field at fault, for `invalid_input`.
    pub field: Option<String>,
}

impl AppError {
    /// A `not_found` error for a `what` (e.g. "goal") with this id.
    pub fn not_found(what: &str, id: &str) -> Self {
        Self { code: ErrorCode::NotFound, message: format!("no {what} with id {id}"), field: None }
    }

    /// An `invalid_input` error on `field`.
    pub fn invalid(field: &str, message: impl Into<String>) -> Self {
        Self {
            code: ErrorCode::InvalidInput,
            message: format!("{field}: {}", message.into()),
            field: Some(field.into()),
        }
    }

    /// A `system` error: a service outside Waymark failed.
    pub fn system(message: impl Into<String>) -> Self {
        Self { code: ErrorCode::System, message: message.into(), field: None }
    }

    /// A `conflict` error.
    pub fn conflict(message: impl Into<String>) -> Self {
        Self { code: ErrorCode::Conflict, message: message.into(), field: None }
    }
}

impl fmt::Display for AppError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for AppError {}

impl From<ValidationError> for AppError {
    fn from(e: ValidationError) -> Self {
        Self::invalid(e.field, e.message)
    }
}

impl From<StoreError> for AppError {
    fn from(e: StoreError) -> Self {
        let code = match e {
            StoreError::AlreadyOpen { .. } => ErrorCode::AlreadyOpen,
            _ => ErrorCode::Storage,
        };
        Self { code, message: e.to_string(), field: None }
    }
}

/// The result of a facade call.
pub type AppResult<T> = Result<T, AppError>;
