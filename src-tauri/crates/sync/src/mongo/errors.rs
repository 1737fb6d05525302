//! Driver errors in Waymark's terms: which [`ErrorKind`] a driver error is
//! (by the driver's kinds and codes, and for a server-selection failure by
//! its text), and whether it is a duplicate `_id`.

use super::Secrets;
use crate::error::{ErrorKind, SyncError};
use mongodb::error::{Error as DriverError, ErrorKind as DriverKind, WriteFailure};

/// Whether the driver error is a duplicate `_id` (MongoDB: 11000; PoloDB's
/// wire server: code 1 "duplicate key").
pub(crate) fn is_duplicate(e: &DriverError) -> bool {
    let dup = |code: i32, message: &str| code == 11000 || (code == 1 && message.contains("duplicate key"));
    match &*e.kind {
        DriverKind::Command(c) => dup(c.code, &c.message),
        DriverKind::Write(WriteFailure::WriteError(w)) => dup(w.code, &w.message),
        DriverKind::InsertMany(m) => {
            m.write_concern_error.is_none()
                && m.write_errors.as_ref().is_some_and(|errs| errs.iter().all(|w| dup(w.code, &w.message)))
        }
        _ => false,
    }
}

/// Sorts a driver error into an [`ErrorKind`] by the driver's error kinds and
/// codes; the text of a server-selection failure (which only carries its
/// cause as text) decides between refused, DNS, timeout and TLS.
pub(crate) fn classify(e: &DriverError, tls: bool, secrets: &Secrets) -> SyncError {
    let text = e.to_string();
    let lower = text.to_lowercase();
    let kind = match &*e.kind {
        DriverKind::InvalidArgument { .. } => ErrorKind::BadUri,
        DriverKind::DnsResolve { .. } => ErrorKind::Dns,
        DriverKind::Authentication { .. } => ErrorKind::AuthFailed,
        DriverKind::Io(io) => match io.kind() {
            std::io::ErrorKind::ConnectionRefused => ErrorKind::Refused,
            std::io::ErrorKind::TimedOut => ErrorKind::Timeout,
            _ if tls && looks_like_tls(&lower) => ErrorKind::Tls,
            _ => ErrorKind::Unreachable,
        },
        DriverKind::Command(c) if c.code == 18 || c.code == 13 => ErrorKind::AuthFailed,
        DriverKind::ServerSelection { .. } | DriverKind::ConnectionPoolCleared { .. } => {
            if lower.contains("connection refused") {
                ErrorKind::Refused
            } else if lower.contains("failed to lookup address")
                || lower.contains("name or service not known")
                || lower.contains("no such host")
                || lower.contains("nodename nor servname")
                || lower.contains("dns error")
            {
                ErrorKind::Dns
            } else if lower.contains("certificate")
                || lower.contains("tls")
                || lower.contains("handshake")
                || (tls && looks_like_tls(&lower))
            {
                ErrorKind::Tls
            } else if lower.contains("timed out") || lower.contains("timeout: no available servers") {
                if lower.contains("i/o error: timed out") || !lower.contains("error:") {
                    ErrorKind::Timeout
                } else {
                    ErrorKind::Unreachable
                }
            } else {
                ErrorKind::Unreachable
            }
        }
        _ if lower.contains("authentication") || lower.contains("scram") => ErrorKind::AuthFailed,
        _ => ErrorKind::Server,
    };
    let message = match kind {
        ErrorKind::BadUri => format!("the connection string is not valid: {}", short(&text)),
        ErrorKind::Dns => "the server's host name could not be found (DNS)".to_string(),
        ErrorKind::Refused => {
            "the server refused the connection (nothing listens at that address and port)".to_string()
        }
        ErrorKind::AuthFailed => format!("the server rejected the user name or password: {}", short(&text)),
        ErrorKind::Tls => format!("the secure (TLS) connection failed: {}", short(&text)),
        ErrorKind::Timeout => "the server did not answer in time".to_string(),
        ErrorKind::Unreachable => format!("the server cannot be reached: {}", short(&text)),
        ErrorKind::Server | ErrorKind::Local => format!("the server reported an error: {}", short(&text)),
    };
    SyncError::new(kind, message).scrubbed(|m| secrets.scrub(m))
}

fn looks_like_tls(lower: &str) -> bool {
    lower.contains("connection reset") || lower.contains("unexpected eof") || lower.contains("corrupt message")
}

fn short(text: &str) -> String {
    let first = text.split(", labels:").next().unwrap_or(text);
    first.chars().take(300).collect()
}
