//! The calls around a sync run: turning sync on and off, its status, the
//! conflicts list, deleting the learner's remote data, testing a connection.

use crate::error::SyncError;
use crate::mongo::MongoRemote;
use crate::report::{ServerInfo, SyncStatus};
use chrono::{DateTime, Utc};
use std::time::Instant;
use waymark_store::{Conflict, DocKey, Store, StoreError, SyncLogEntry};

/// Turns sync on: from now on every local write is tracked, and the next run
/// pushes everything changed while it was off (all data the first time).
pub fn enable(store: &mut Store, now: DateTime<Utc>) -> Result<(), SyncError> {
    Ok(store.transact(now, |tx| tx.sync().set_sync_enabled(true))?)
}

/// Turns sync off: local writes are no longer tracked (what already waits
/// stays queued). The checkpoint is kept, so turning it on again resumes.
pub fn disable(store: &mut Store, now: DateTime<Utc>) -> Result<(), SyncError> {
    Ok(store.transact(now, |tx| tx.sync().set_sync_enabled(false))?)
}

/// On/off, last success, changes waiting, last error, conflicts waiting.
pub fn status(store: &Store) -> Result<SyncStatus, SyncError> {
    let state = store.sync_state()?;
    Ok(SyncStatus {
        enabled: store.sync_enabled(),
        last_success: state.last_success,
        last_attempt: state.last_attempt,
        pending: store.pending_changes()?,
        last_error: state.last_error,
        last_error_kind: state.last_error_kind,
        conflicts: store.conflicts()?.len() as u64,
    })
}

/// The last `limit` runs, newest first.
pub fn sync_log(store: &Store, limit: usize) -> Result<Vec<SyncLogEntry>, SyncError> {
    Ok(store.sync_log(limit)?)
}

/// Losing versions waiting for the learner, newest first. The winning
/// version is the stored one: `store.raw_document(c.collection, &c.doc_id)`.
pub fn conflicts(store: &Store) -> Result<Vec<Conflict>, SyncError> {
    Ok(store.conflicts()?)
}

/// Writes a conflict's losing version back as a new local change (it wins
/// and syncs); returns the document restored.
pub fn restore_conflict(store: &mut Store, now: DateTime<Utc>, id: &str) -> Result<DocKey, SyncError> {
    Ok(store.transact(now, |tx| tx.sync().restore_conflict(id))?)
}

/// Drops a conflict's losing version.
pub fn dismiss_conflict(store: &mut Store, now: DateTime<Utc>, id: &str) -> Result<(), SyncError> {
    Ok(store.transact(now, |tx| tx.sync().dismiss_conflict(id))?)
}

/// Connects to `uri` and pings database `db`: the errors say what is wrong
/// (bad URI, DNS, refused, auth, TLS, timeout) without the password.
pub async fn test_connection(uri: &str, db: &str) -> Result<ServerInfo, SyncError> {
    let started = Instant::now();
    let remote = MongoRemote::connect(uri, db).await?;
    let version = remote.ping().await?;
    Ok(ServerInfo { version, round_trip_ms: u64::try_from(started.elapsed().as_millis()).unwrap_or(u64::MAX) })
}

/// Forgets the local sync bookkeeping of the remote (checkpoint, joined user):
/// the next run joins again, pulls everything and pushes everything. For
/// after [`delete_remote_data`] or when the learner points sync elsewhere
/// (a different remote is also detected by itself).
pub fn forget_remote(store: &mut Store, now: DateTime<Utc>) -> Result<(), SyncError> {
    store.transact(now, |tx| {
        let mut tx = tx.sync();
        let state = tx.sync_state()?;
        let fresh = waymark_store::SyncState {
            remote: None,
            joined_user: None,
            checkpoint: None,
            pull: None,
            push: None,
            ..state
        };
        tx.set_sync_state(&fresh)?;
        Ok::<_, StoreError>(())
    })?;
    Ok(())
}
