//! Where the sync connection string lives. It holds a password, so it is kept
//! in the OS keyring (Secret Service on Linux, Keychain on macOS, Credential
//! Manager on Windows) and never in a plain file or a log. Headless use and
//! tests give it in `WAYMARK_SYNC_URI` instead, which is read, never written.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// The environment variable that gives the connection string (headless, tests).
pub const SYNC_URI_ENV: &str = "WAYMARK_SYNC_URI";
/// The environment variable that gives the remote database name with it.
pub const SYNC_DB_ENV: &str = "WAYMARK_SYNC_DB";

const SERVICE: &str = "Waymark sync";

/// Where the connection string in use came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum UriSource {
    /// The OS keyring.
    Keyring,
    /// `WAYMARK_SYNC_URI`.
    Environment,
}

/// Why the keyring could not be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SecretError {
    /// There is no usable OS keyring (no Secret Service on this desktop, or locked).
    #[error(
        "no OS keyring is available here ({0}). Waymark keeps the connection string only in a keyring: start or unlock one (GNOME Keyring, KWallet), or give it in the WAYMARK_SYNC_URI environment variable"
    )]
    NoKeyring(String),
    /// The keyring answered with an error.
    #[error("the OS keyring refused: {0}")]
    Keyring(String),
}

/// The connection string for this device, or `None` when none is set. The
/// environment wins over the keyring.
pub fn read_uri(device_id: &str) -> Result<Option<(String, UriSource)>, SecretError> {
    if let Ok(uri) = std::env::var(SYNC_URI_ENV)
        && !uri.trim().is_empty()
    {
        return Ok(Some((uri, UriSource::Environment)));
    }
    match entry(device_id)?.get_password() {
        Ok(uri) => Ok(Some((uri, UriSource::Keyring))),
        Err(keyring::Error::NoEntry) => Ok(None),
        Err(e) => Err(classify(e)),
    }
}

/// Keeps `uri` in the OS keyring for this device.
pub fn save_uri(device_id: &str, uri: &str) -> Result<(), SecretError> {
    entry(device_id)?.set_password(uri).map_err(classify)
}

/// Removes this device's connection string from the keyring (nothing there is fine).
pub fn forget_uri(device_id: &str) -> Result<(), SecretError> {
    match entry(device_id)?.delete_credential() {
        Ok(()) | Err(keyring::Error::NoEntry) => Ok(()),
        Err(e) => Err(classify(e)),
    }
}

/// The database name from `WAYMARK_SYNC_DB`, when the environment gives one.
pub fn env_database() -> Option<String> {
    std::env::var(SYNC_DB_ENV).ok().filter(|d| !d.trim().is_empty())
}

fn entry(device_id: &str) -> Result<keyring::Entry, SecretError> {
    keyring::Entry::new(SERVICE, &format!("connection-string-{device_id}")).map_err(classify)
}

fn classify(e: keyring::Error) -> SecretError {
    match e {
        keyring::Error::NoStorageAccess(inner) => SecretError::NoKeyring(inner.to_string()),
        keyring::Error::PlatformFailure(inner) => SecretError::NoKeyring(inner.to_string()),
        other => SecretError::Keyring(other.to_string()),
    }
}
