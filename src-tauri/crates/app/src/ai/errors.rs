//! The assistant's failures as [`AppError`]s. The codes are what the UI
//! branches on — what to offer next — and the message (the assistant crate's,
//! already in words) is what it shows:
//!
//! - `assistant_off`: not set up, or a remote host not yet acknowledged
//!   (`field: acknowledged`): open Settings → Assistant;
//! - `assistant_unreachable`: refused, unreachable, DNS, timeout, or the
//!   connection closed mid-reply: is the server running? Retry;
//! - `assistant_auth`: 401/403, the key field (`field: key`);
//! - `assistant_not_found`: 404, the path or the model (`field: model`);
//! - `assistant_busy`: 429, retry later (the message says how long);
//! - `assistant_tls`: the certificate or the handshake;
//! - `assistant_server`: any other refusal, a 5xx, a reply that is not the
//!   API or too large: Regenerate, or another server;
//! - `invalid_input` on `base_url` for an address that is not http(s).
//!
//! A request the learner cancels returns `cancelled`.

use crate::error::{AppError, ErrorCode};
use waymark_assistant::{AiError, ErrorKind};

impl From<AiError> for AppError {
    fn from(e: AiError) -> Self {
        let (code, field) = match e.kind {
            ErrorKind::BadUrl => return AppError::invalid("base_url", e.message),
            ErrorKind::Unreachable | ErrorKind::Dns | ErrorKind::Timeout | ErrorKind::Closed => {
                (ErrorCode::AssistantUnreachable, None)
            }
            ErrorKind::Unauthorized => (ErrorCode::AssistantAuth, Some("key")),
            ErrorKind::NotFound => (ErrorCode::AssistantNotFound, Some("model")),
            ErrorKind::Busy => (ErrorCode::AssistantBusy, None),
            ErrorKind::Tls => (ErrorCode::AssistantTls, None),
            ErrorKind::FormatRejected
            | ErrorKind::Rejected
            | ErrorKind::Server
            | ErrorKind::NotTheApi
            | ErrorKind::TooLarge => (ErrorCode::AssistantServer, None),
        };
        Self { code, message: e.message, field: field.map(str::to_string) }
    }
}

/// The error of a request the learner cancelled (nothing was written).
pub fn cancelled() -> AppError {
    AppError { code: ErrorCode::Cancelled, message: "cancelled: nothing was written".into(), field: None }
}
