//! Turns what went wrong on the wire into an [`AiError`] of the right kind,
//! with a message that says what to check: an HTTP status and its body, or a
//! transport error from `reqwest` (whose cause chain tells refused, DNS, TLS
//! and timeout apart).

use super::wire::{error_message, excerpt};
use crate::error::{AiError, ErrorKind};
use std::error::Error as _;
use std::time::Duration;

/// The error for an HTTP error status. `body` is the (bounded) reply text,
/// `retry_after` the `Retry-After` header, `what` the request in words.
pub(super) fn from_status(status: u16, retry_after: Option<&str>, body: &str, what: &str, model: &str) -> AiError {
    let said = serde_json::from_str(body).ok().and_then(|v| error_message(&v)).unwrap_or_else(|| excerpt(body));
    let said = if said.is_empty() { String::new() } else { format!(": {said}") };
    match status {
        401 | 403 => AiError::new(
            ErrorKind::Unauthorized,
            format!(
                "the server refused the API key ({status}{said}); check the key in Settings → Assistant \
                 (or WAYMARK_AI_KEY)"
            ),
        ),
        404 => AiError::new(
            ErrorKind::NotFound,
            format!(
                "{what} was not found (404{said}); check that the address ends in /v1 and that the model \
                 \"{model}\" exists on the server (Test lists its models)"
            ),
        ),
        429 => {
            let wait = retry_after.and_then(|v| v.trim().parse::<u64>().ok()).map(Duration::from_secs);
            let when = wait.map_or("later".to_string(), |w| format!("in {} s", w.as_secs()));
            let mut e = AiError::new(ErrorKind::Busy, format!("the server is busy (429{said}); try again {when}"));
            e.retry_after = wait;
            e
        }
        400 | 422 if mentions_response_format(body) => AiError::new(
            ErrorKind::FormatRejected,
            format!("the server does not take this response_format ({status}{said})"),
        ),
        400..=499 => AiError::new(ErrorKind::Rejected, format!("the server refused {what} ({status}{said})")),
        _ => AiError::new(ErrorKind::Server, format!("the server failed on {what} ({status}{said}); try again later")),
    }
}

fn mentions_response_format(body: &str) -> bool {
    let lower = body.to_ascii_lowercase();
    ["response_format", "json_schema", "response format", "json schema"].iter().any(|w| lower.contains(w))
}

/// The error for a request that got no HTTP answer: refused, DNS, TLS, timeout.
pub(super) fn from_transport(e: &reqwest::Error, host: &str) -> AiError {
    let chain = causes(e);
    let has = |words: &[&str]| words.iter().any(|w| chain.contains(w));
    if has(&["dns error", "failed to lookup address", "name or service not known", "no such host"]) {
        return AiError::new(
            ErrorKind::Dns,
            format!("the host name \"{host}\" does not resolve; check the address (and the network)"),
        );
    }
    if has(&["certificate", "tls", "handshake", "corrupt message", "invalidcontenttype", "alert"]) {
        return AiError::new(
            ErrorKind::Tls,
            format!(
                "the secure connection to {host} failed ({}); check that the address starts with the right \
                 scheme (http:// for a local server) and that its certificate is valid",
                last_cause(e)
            ),
        );
    }
    if e.is_timeout() {
        return AiError::new(ErrorKind::Timeout, format!("{host} did not answer in time; is the server overloaded?"));
    }
    if has(&["connection refused"]) {
        return AiError::new(
            ErrorKind::Unreachable,
            format!("nothing answers at {host} (connection refused); is the model server running on that port?"),
        );
    }
    AiError::new(ErrorKind::Unreachable, format!("{host} cannot be reached ({}); check the address", last_cause(e)))
}

/// The error for a body that broke off while it was being read.
pub(super) fn mid_stream(e: &reqwest::Error, host: &str, received: usize) -> AiError {
    if e.is_timeout() {
        return AiError::new(
            ErrorKind::Timeout,
            format!("{host} stopped sending in the middle of the reply (after {received} bytes); try again"),
        );
    }
    closed(host, received)
}

/// The error for a stream that ended before the reply was complete.
pub(super) fn closed(host: &str, received: usize) -> AiError {
    AiError::new(
        ErrorKind::Closed,
        format!("{host} closed the connection before the reply was complete (after {received} bytes); try again"),
    )
}

fn causes(e: &reqwest::Error) -> String {
    let mut text = e.to_string();
    let mut source = e.source();
    while let Some(s) = source {
        text.push_str(" | ");
        text.push_str(&s.to_string());
        source = s.source();
    }
    text.to_ascii_lowercase()
}

fn last_cause(e: &reqwest::Error) -> String {
    let mut last = e.to_string();
    let mut source = e.source();
    while let Some(s) = source {
        last = s.to_string();
        source = s.source();
    }
    excerpt(&last)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kind(status: u16, body: &str) -> ErrorKind {
        from_status(status, None, body, "the chat request", "m").kind
    }

    #[test]
    fn statuses_have_kinds() {
        assert_eq!(kind(401, r#"{"error":{"message":"Invalid API Key"}}"#), ErrorKind::Unauthorized);
        assert_eq!(kind(403, ""), ErrorKind::Unauthorized);
        assert_eq!(kind(404, "File Not Found"), ErrorKind::NotFound);
        assert_eq!(
            kind(400, r#"{"error":{"message":"response_format type must be one of"}}"#),
            ErrorKind::FormatRejected
        );
        assert_eq!(kind(400, r#"{"error":{"message":"messages is required"}}"#), ErrorKind::Rejected);
        assert_eq!(kind(500, "boom"), ErrorKind::Server);
        assert_eq!(kind(503, ""), ErrorKind::Server);
    }

    #[test]
    fn busy_says_how_long_to_wait() {
        let e = from_status(429, Some("12"), "", "the chat request", "m");
        assert_eq!((e.kind, e.retry_after), (ErrorKind::Busy, Some(Duration::from_secs(12))));
        assert!(e.message.contains("in 12 s"), "{}", e.message);
        let e = from_status(429, Some("Wed, 21 Oct 2026 07:28:00 GMT"), "", "the chat request", "m");
        assert_eq!(e.retry_after, None);
    }

    #[test]
    fn messages_say_what_to_check_and_quote_the_server() {
        let e = from_status(401, None, r#"{"error":{"message":"Invalid API Key"}}"#, "the model list", "m");
        assert!(e.message.contains("Invalid API Key") && e.message.contains("key"), "{}", e.message);
        let e = from_status(404, None, "", "the chat request", "qwen3");
        assert!(e.message.contains("/v1") && e.message.contains("qwen3"), "{}", e.message);
    }
}
