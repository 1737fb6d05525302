//! Assistant errors, sorted into the few kinds a learner can act on (the
//! facade maps [`ErrorKind::code`] to the `{code, message}` the UI shows), each
//! with a message that says what to change. No message ever holds the API key:
//! keys travel only in the `Authorization` header and are redacted in every
//! `Debug` and `Display` of the configuration.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::time::Duration;
use ts_rs::TS;

/// What kind of failure, in terms a learner can act on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ErrorKind {
    /// The endpoint address is not a usable http(s) URL.
    BadUrl,
    /// Nothing listens at the address (connection refused) or the host cannot
    /// be reached.
    Unreachable,
    /// The host name does not resolve.
    Dns,
    /// The server did not connect or answer in time.
    Timeout,
    /// The TLS handshake or the certificate check failed.
    Tls,
    /// The server refused the API key (401 or 403).
    Unauthorized,
    /// The path or the model does not exist on the server (404).
    NotFound,
    /// The server is busy or rate-limits (429); see [`AiError::retry_after`].
    Busy,
    /// The server does not take this `response_format` (a 400 that names it):
    /// the caller retries with a simpler output mode.
    FormatRejected,
    /// The server refused the request otherwise (another 4xx).
    Rejected,
    /// The server failed (5xx).
    Server,
    /// The answer is not the OpenAI-compatible API: not JSON, or the wrong shape.
    NotTheApi,
    /// The server closed the connection before the reply was complete.
    Closed,
    /// The reply is larger than the limit the assistant accepts.
    TooLarge,
}

impl ErrorKind {
    /// The stable code (`bad_url`, `unreachable`, `dns`, `timeout`, `tls`,
    /// `unauthorized`, `not_found`, `busy`, `format_rejected`, `rejected`,
    /// `server`, `not_the_api`, `closed`, `too_large`).
    pub fn code(self) -> &'static str {
        match self {
            Self::BadUrl => "bad_url",
            Self::Unreachable => "unreachable",
            Self::Dns => "dns",
            Self::Timeout => "timeout",
            Self::Tls => "tls",
            Self::Unauthorized => "unauthorized",
            Self::NotFound => "not_found",
            Self::Busy => "busy",
            Self::FormatRejected => "format_rejected",
            Self::Rejected => "rejected",
            Self::Server => "server",
            Self::NotTheApi => "not_the_api",
            Self::Closed => "closed",
            Self::TooLarge => "too_large",
        }
    }
}

impl fmt::Display for ErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// An assistant failure: its kind, a message in words, and for [`ErrorKind::Busy`]
/// the wait the server asked for.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct AiError {
    /// What kind of failure.
    pub kind: ErrorKind,
    /// What happened and what to do, for the learner.
    pub message: String,
    /// How long the server asked to wait (`Retry-After`), when it said.
    pub retry_after: Option<Duration>,
}

impl AiError {
    /// An error of `kind` with `message`.
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> Self {
        Self { kind, message: message.into(), retry_after: None }
    }
}

/// The result of an assistant operation.
pub type AiResult<T> = Result<T, AiError>;
