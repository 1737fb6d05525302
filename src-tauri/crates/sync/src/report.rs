//! What a sync run reports and what the status screen shows.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// The step a running sync is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(rename = "SyncPhase")]
pub enum Phase {
    /// Joining the remote (first sync, or a new remote).
    Join,
    /// Reading changes from the remote.
    Pull,
    /// Sending local changes.
    Push,
}

/// Progress of a running sync, for a progress bar.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(rename = "SyncProgress")]
pub struct Progress {
    /// The step.
    pub phase: Phase,
    /// Documents done in this step.
    pub done: u64,
    /// Documents in this step when known (a push knows, a pull does not).
    pub total: Option<u64>,
}

/// The outcome of one sync run.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct SyncReport {
    /// Documents sent to the remote.
    pub pushed: u64,
    /// Remote documents applied or found already present.
    pub pulled: u64,
    /// Conflicts found (losing versions kept in the conflicts list).
    pub conflicts: u64,
    /// Local changes the remote refused because it holds a newer version:
    /// they stay queued; the next pull records the conflict.
    pub deferred: u64,
    /// Remote documents that could not be applied (not a document this
    /// Waymark reads, or stamped too far ahead): kept aside in the quarantine.
    pub invalid: u64,
    /// Documents kept aside earlier that applied this time (and left the quarantine).
    pub released: u64,
    /// Tombstones removed for good (the remote holds them).
    pub purged: u64,
    /// Requests sent to the remote.
    pub round_trips: u64,
    /// Whether this run joined the remote (first sync or a new remote).
    pub joined: bool,
    /// When it started.
    pub started_at: DateTime<Utc>,
    /// When it ended.
    pub finished_at: DateTime<Utc>,
}

impl SyncReport {
    pub(crate) fn new(started_at: DateTime<Utc>) -> Self {
        Self {
            pushed: 0,
            pulled: 0,
            conflicts: 0,
            deferred: 0,
            invalid: 0,
            released: 0,
            purged: 0,
            round_trips: 0,
            joined: false,
            started_at,
            finished_at: started_at,
        }
    }
}

/// Sync as the status screen shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SyncStatus {
    /// Whether sync is on.
    pub enabled: bool,
    /// When the last successful run ended.
    pub last_success: Option<DateTime<Utc>>,
    /// When the last run started.
    pub last_attempt: Option<DateTime<Utc>>,
    /// Local changes waiting to be pushed.
    pub pending: u64,
    /// The last run's error in words (`None` after a success).
    pub last_error: Option<String>,
    /// Its stable code (see [`crate::ErrorKind::code`]).
    pub last_error_kind: Option<String>,
    /// Conflicts waiting for the learner.
    pub conflicts: u64,
}

/// What a connection test found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ServerInfo {
    /// The server's version, when it says (PoloDB's wire server does not).
    pub version: Option<String>,
    /// How long the test took, in milliseconds.
    pub round_trip_ms: u64,
}
