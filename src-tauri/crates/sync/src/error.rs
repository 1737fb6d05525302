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

    /// Removes `secret` from the message (the driver may quote it).
    pub(crate) fn scrub(mut self, secret: Option<&str>) -> Self {
        if let Some(s) = secret.filter(|s| !s.is_empty()) {
            self.message = self.message.replace(s, "***");
        }
        self
    }
}

impl From<waymark_store::StoreError> for SyncError {
    fn from(e: waymark_store::StoreError) -> Self {
        Self::new(ErrorKind::Local, format!("local store: {e}"))
    }
}

/// A connection string with its password (and any `…password=` option)
/// replaced by `***`: safe for logs, errors and display.
pub fn redact(uri: &str) -> String {
    let (head, query) = match uri.split_once('?') {
        Some((h, q)) => (h, Some(q)),
        None => (uri, None),
    };
    let mut out = match head.split_once("://") {
        Some((scheme, rest)) => {
            let (authority, path) = match rest.find('/') {
                Some(i) => rest.split_at(i),
                None => (rest, ""),
            };
            let authority = match authority.rsplit_once('@') {
                Some((userinfo, hosts)) => match userinfo.split_once(':') {
                    Some((user, _)) => format!("{user}:***@{hosts}"),
                    None => format!("{userinfo}@{hosts}"),
                },
                None => authority.to_string(),
            };
            format!("{scheme}://{authority}{path}")
        }
        None => head.to_string(),
    };
    if let Some(q) = query {
        let parts: Vec<String> = q
            .split('&')
            .map(|kv| match kv.split_once('=') {
                Some((k, _)) if k.to_ascii_lowercase().contains("password") => format!("{k}=***"),
                _ => kv.to_string(),
            })
            .collect();
        out.push('?');
        out.push_str(&parts.join("&"));
    }
    out
}

/// The password part of a connection string, to scrub from driver messages.
pub(crate) fn password_of(uri: &str) -> Option<String> {
    let rest = uri.split_once("://")?.1;
    let authority = &rest[..rest.find('/').unwrap_or(rest.len())];
    let userinfo = authority.rsplit_once('@')?.0;
    let password = userinfo.split_once(':')?.1;
    (!password.is_empty()).then(|| password.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_never_survive_redaction() {
        let cases = [
            ("mongodb://ann:s3cr%40t@h1:27017,h2/waymark?tls=true", "mongodb://ann:***@h1:27017,h2/waymark?tls=true"),
            ("mongodb+srv://ann:pw@cluster0.example.net/", "mongodb+srv://ann:***@cluster0.example.net/"),
            (
                "mongodb://h:1/?tlsCertificateKeyFilePassword=zz&w=1",
                "mongodb://h:1/?tlsCertificateKeyFilePassword=***&w=1",
            ),
            ("mongodb://ann@h", "mongodb://ann@h"),
            ("mongodb://h", "mongodb://h"),
        ];
        for (uri, want) in cases {
            assert_eq!(redact(uri), want);
        }
        assert_eq!(password_of("mongodb://ann:pw@h/x").as_deref(), Some("pw"));
        assert_eq!(password_of("mongodb://h/x"), None);
        let e = SyncError::new(ErrorKind::AuthFailed, "bad login pw for ann").scrub(Some("pw"));
        assert_eq!(e.to_string(), "bad login *** for ann");
    }
}
