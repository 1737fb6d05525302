//! Sync tracking, all of it local and never synced: the outbox of documents
//! changed since they were last pushed ([`outbox`]), the losing versions of
//! sync conflicts ([`conflicts`]), the pulled documents that could not be
//! applied ([`quarantine`]), and the sync state and log ([`sync_state`]). Transactions write them; the store reads them.

pub(crate) mod conflicts;
pub(crate) mod outbox;
pub(crate) mod quarantine;
pub(crate) mod record;
pub(crate) mod sync_state;

pub use conflicts::Conflict;
pub use outbox::{DocKey, OutboxSnapshot, PendingDoc};
pub use quarantine::Quarantined;
pub use sync_state::{PullProgress, PushProgress, SYNC_LOG_KEEP, SyncLogEntry, SyncState};
