//! Sync errors, sorted into the few kinds a learner can act on (the facade
//! maps [`ErrorKind`] to stable codes), and [`redact`], which keeps
//! passwords out of every message.

use std::fmt;

/// What kind of failure, in terms a learner can act on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ErrorKind {
    /// The connection string is malformed.
    BadUri,
    /// The host name does not resolve.
    Dns,
    /// Nothing listens at the address (connection refused).
    Refused,
    /// The server rejected the user name or password.
    AuthFailed,
    /// The TLS handshake or certificate check failed.
    Tls,
    /// The server did not answer in time.
    Timeout,
    /// The network is down or the server cannot be reached otherwise.
    Unreachable,
    /// The server answered with an error.
    Server,
    /// The local store failed, or sync is not set up.
    Local,
}

impl ErrorKind {
    /// The stable code (`bad_uri`, `dns`, `refused`, `auth_failed`, `tls`,
    /// `timeout`, `unreachable`, `server`, `local`).
    pub fn code(self) -> &'static str {
        match self {
            Self::BadUri => "bad_uri",
            Self::Dns => "dns",
            Self::Refused => "refused",
            Self::AuthFailed => "auth_failed",
            Self::Tls => "tls",
            Self::Timeout => "timeout",
            Self::Unreachable => "unreachable",
            Self::Server => "server",
            Self::Local => "local",
        }
    }

    /// Whether the remote could not be reached at all (the device is offline
    /// or the server is down): worth retrying later without bothering the learner.
    pub fn is_connectivity(self) -> bool {
        matches!(self, Self::Dns | Self::Refused | Self::Timeout | Self::Unreachable)
    }
}

impl fmt::Display for ErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// A sync failure: its kind and a message in words (never containing a password).
#[derive(Debug, Clone, thiserror::Error)]
#[error("{message}")]
pub struct SyncError {
    kind: ErrorKind,
    message: String,
}

impl SyncError {
    /// An error of `kind` with `message` (passwords must already be removed).
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> Self {
        Self { kind, message: message.into() }
    }

    /// Its kind.
    pub fn kind(&self) -> ErrorKind {
        self.kind
    }

    /// Its message.
    pub fn message(&self) -> &str {
        &self.message
    }

    /// A remote that cannot be reached (used by the in-memory remote's fault hook).
    pub fn unreachable(message: impl Into<String>) -> Self {
        Self::new(ErrorKind::Unreachable, message)
    }

    /// Rewrites the message with `scrub` (the remote removes the connection
    /// string's secrets, which the driver may quote).
    pub(crate) fn scrubbed(mut self, scrub: impl FnOnce(&str) -> String) -> Self {
        self.message = scrub(&self.message);
        self
    }
}

impl From<waymark_store::StoreError> for SyncError {
    fn from(e: waymark_store::StoreError) -> Self {
        Self::new(ErrorKind::Local, format!("local store: {e}"))
    }
}
