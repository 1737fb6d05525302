//! Where Waymark's secrets live: the sync connection string (it holds a
//! password) and the assistant's API key. Each is kept in the OS keyring
//! (Secret Service on Linux, Keychain on macOS, Credential Manager on
//! Windows) and never in a plain file or a log. Headless use and tests give
//! it in an environment variable instead ([`SYNC_URI`]: `WAYMARK_SYNC_URI`,
//! [`AI_KEY`]: `WAYMARK_AI_KEY`), which is read, never written.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// The environment variable that gives the connection string (headless, tests).
pub const SYNC_URI_ENV: &str = "WAYMARK_SYNC_URI";
/// The environment variable that gives the remote database name with it.
pub const SYNC_DB_ENV: &str = "WAYMARK_SYNC_DB";
/// The environment variable that gives the assistant's API key.
pub const AI_KEY_ENV: &str = "WAYMARK_AI_KEY";

/// One secret of this device: its keyring entry and the variable that overrides it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Secret {
    /// The keyring service name.
    service: &'static str,
    /// The keyring account, before the device id.
    account: &'static str,
    /// The environment variable that wins over the keyring.
    pub env: &'static str,
    /// What the secret is, for messages ("the connection string").
    pub what: &'static str,
}

/// The sync connection string.
pub const SYNC_URI: Secret =
    Secret { service: "Waymark sync", account: "connection-string", env: SYNC_URI_ENV, what: "the connection string" };
/// The assistant's API key.
pub const AI_KEY: Secret =
    Secret { service: "Waymark assistant", account: "api-key", env: AI_KEY_ENV, what: "the API key" };

/// Where a secret in use came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum UriSource {
    /// The OS keyring.
    Keyring,
    /// The environment (`WAYMARK_SYNC_URI`, `WAYMARK_AI_KEY`).
    Environment,
}

/// Why the keyring could not be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SecretError {
    /// There is no usable OS keyring (no Secret Service on this desktop, or locked).
    #[error(
        "no OS keyring is available here ({detail}). Waymark keeps {what} only in a keyring: start or unlock one (GNOME Keyring, KWallet), or give it in the {env} environment variable"
    )]
    NoKeyring {
        /// What the keyring said.
        detail: String,
        /// What could not be kept.
        what: &'static str,
        /// The variable to use instead.
        env: &'static str,
    },
    /// The keyring answered with an error.
    #[error("the OS keyring refused: {0}")]
    Keyring(String),
}

impl Secret {
    /// The secret for this device, or `None` when none is set. The
    /// environment wins over the keyring.
    pub fn read(self, device_id: &str) -> Result<Option<(String, UriSource)>, SecretError> {
        if let Some(value) = self.from_env() {
            return Ok(Some((value, UriSource::Environment)));
        }
        match off_runtime(|| self.entry(device_id)?.get_password().map_err(Into::into)) {
            Ok(value) => Ok(Some((value, UriSource::Keyring))),
            Err(Keyring::Error(keyring::Error::NoEntry)) => Ok(None),
            Err(Keyring::Error(e)) => Err(self.classify(e)),
            Err(Keyring::Secret(e)) => Err(e),
        }
    }

    /// The secret the environment gives, when it gives one.
    pub fn from_env(self) -> Option<String> {
        std::env::var(self.env).ok().filter(|v| !v.trim().is_empty())
    }

    /// Keeps `value` in the OS keyring for this device.
    pub fn save(self, device_id: &str, value: &str) -> Result<(), SecretError> {
        match off_runtime(|| self.entry(device_id)?.set_password(value).map_err(Into::into)) {
            Ok(()) => Ok(()),
            Err(Keyring::Error(e)) => Err(self.classify(e)),
            Err(Keyring::Secret(e)) => Err(e),
        }
    }

    /// Removes this device's secret from the keyring (nothing there is fine).
    pub fn forget(self, device_id: &str) -> Result<(), SecretError> {
        match off_runtime(|| self.entry(device_id)?.delete_credential().map_err(Into::into)) {
            Ok(()) | Err(Keyring::Error(keyring::Error::NoEntry)) => Ok(()),
            Err(Keyring::Error(e)) => Err(self.classify(e)),
            Err(Keyring::Secret(e)) => Err(e),
        }
    }

    fn entry(self, device_id: &str) -> Result<keyring::Entry, SecretError> {
        keyring::Entry::new(self.service, &format!("{}-{device_id}", self.account)).map_err(|e| self.classify(e))
    }

    fn classify(self, e: keyring::Error) -> SecretError {
        let no_keyring = |detail: String| SecretError::NoKeyring { detail, what: self.what, env: self.env };
        match e {
            keyring::Error::NoStorageAccess(inner) => no_keyring(inner.to_string()),
            keyring::Error::PlatformFailure(inner) => no_keyring(inner.to_string()),
            other => SecretError::Keyring(other.to_string()),
        }
    }
}

/// The connection string for this device, or `None` when none is set. The
/// environment wins over the keyring.
pub fn read_uri(device_id: &str) -> Result<Option<(String, UriSource)>, SecretError> {
    SYNC_URI.read(device_id)
}

/// Keeps `uri` in the OS keyring for this device.
pub fn save_uri(device_id: &str, uri: &str) -> Result<(), SecretError> {
    SYNC_URI.save(device_id, uri)
}

/// Removes this device's connection string from the keyring (nothing there is fine).
pub fn forget_uri(device_id: &str) -> Result<(), SecretError> {
    SYNC_URI.forget(device_id)
}

/// The database name from `WAYMARK_SYNC_DB`, when the environment gives one.
pub fn env_database() -> Option<String> {
    std::env::var(SYNC_DB_ENV).ok().filter(|d| !d.trim().is_empty())
}

/// A keyring answer before it is sorted into [`SecretError`]s.
enum Keyring {
    Error(keyring::Error),
    Secret(SecretError),
}

impl From<keyring::Error> for Keyring {
    fn from(e: keyring::Error) -> Self {
        Self::Error(e)
    }
}

impl From<SecretError> for Keyring {
    fn from(e: SecretError) -> Self {
        Self::Secret(e)
    }
}

/// Runs a keyring call on its own thread: the Secret Service client blocks on
/// its own executor and must not run inside the caller's async runtime.
fn off_runtime<T: Send>(f: impl FnOnce() -> Result<T, Keyring> + Send) -> Result<T, Keyring> {
    std::thread::scope(|s| {
        s.spawn(f)
            .join()
            .unwrap_or_else(|_| Err(Keyring::Secret(SecretError::Keyring("the keyring call failed".into()))))
    })
}
