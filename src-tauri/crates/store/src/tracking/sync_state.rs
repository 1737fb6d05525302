//! Device-local sync bookkeeping (never synced): whether sync is on, the pull
//! checkpoint and the progress of an interrupted run (collection
//! `sync_state`), and the log of runs (collection `sync_log`, the last
//! [`SYNC_LOG_KEEP`] runs).

use crate::error::{StoreError, StoreResult};
use crate::meta;
use crate::schema::field;
use chrono::{DateTime, Utc};
use polodb_core::bson::{self, Document, doc};
use polodb_core::{CollectionT, Database, Transaction};
use serde::{Deserialize, Serialize};

pub(crate) const SYNC_STATE: &str = "sync_state";
pub(crate) const SYNC_LOG: &str = "sync_log";
/// The `_id` of the one sync state document.
const STATE_KEY: &str = "state";

/// How many runs the sync log keeps.
pub const SYNC_LOG_KEEP: usize = 200;

/// Where sync stands on this device. Written by the sync engine in the same
/// local transaction as the documents it applied, so it never runs ahead.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct SyncState {
    /// Which remote this state belongs to (its redacted address and database);
    /// another remote starts over.
    pub remote: Option<String>,
    /// The remote user this device joined (its documents carry that `user_id`).
    pub joined_user: Option<String>,
    /// Every push committed on the remote up to this head stamp is applied here.
    pub checkpoint: Option<String>,
    /// A pull that was interrupted: where it stood.
    pub pull: Option<PullProgress>,
    /// A push that was interrupted: where it stood.
    pub push: Option<PushProgress>,
    /// The clock's last stamp when sync was turned off: turning it on again
    /// pushes the documents stamped after it.
    pub tracked_through: Option<String>,
    /// When the last run started.
    pub last_attempt: Option<DateTime<Utc>>,
    /// When the last run succeeded.
    pub last_success: Option<DateTime<Utc>>,
    /// The last run's error, in words (`None` after a success).
    pub last_error: Option<String>,
    /// The last run's error kind (a stable code, see the sync crate).
    pub last_error_kind: Option<String>,
}

/// An interrupted pull: the head it was pulling up to and the collection it
/// was in. Collections are pulled in [`crate::Collection::ALL`] order; those
/// before `collection` are done, and `collection` is read again from its
/// start (a replay is harmless). Pull order within a collection is not relied
/// on: PoloDB's wire server ignores `sort`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PullProgress {
    /// The head stamp this pull reads up to.
    pub target: String,
    /// The collection being pulled.
    pub collection: String,
}

/// An interrupted push: the outbox entries it covers and the last document
/// pushed, in `(hlc, collection, _id)` order.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PushProgress {
    /// The newest outbox entry of the snapshot being pushed.
    pub upto: i64,
    /// The stamp of the last document pushed.
    pub hlc: String,
    /// Its collection.
    pub collection: String,
    /// Its `_id`.
    pub id: String,
}

/// One sync run, as kept in the sync log.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SyncLogEntry {
    /// When it started.
    pub started_at: DateTime<Utc>,
    /// When it ended.
    pub finished_at: DateTime<Utc>,
    /// Documents pushed.
    pub pushed: u64,
    /// Documents pulled and applied.
    pub pulled: u64,
    /// Conflicts found.
    pub conflicts: u64,
    /// Pulled documents kept aside because they could not be applied.
    #[serde(default)]
    pub kept_aside: u64,
    /// Whether it failed.
    pub failed: bool,
    /// Its error, in words.
    pub error: Option<String>,
}

fn corrupt(collection: &'static str, e: impl ToString) -> StoreError {
    StoreError::Corrupt { collection, message: e.to_string() }
}

pub(crate) fn read_enabled(txn: &Transaction) -> StoreResult<bool> {
    Ok(meta::read(txn, "sync")?.and_then(|d| d.get_bool("enabled").ok()).unwrap_or(false))
}

pub(crate) fn write_state(txn: &Transaction, state: &SyncState) -> StoreResult<()> {
    let body = bson::to_document(state).map_err(|e| corrupt(SYNC_STATE, e))?;
    let coll = txn.collection::<Document>(SYNC_STATE);
    if coll.find_one(doc! { (field::ID): STATE_KEY })?.is_some() {
        coll.delete_one(doc! { (field::ID): STATE_KEY })?;
    }
    let mut d = doc! { (field::ID): STATE_KEY };
    d.extend(body);
    coll.insert_one(d)?;
    Ok(())
}

pub(crate) fn read_state_in(txn: &Transaction) -> StoreResult<SyncState> {
    match txn.collection::<Document>(SYNC_STATE).find_one(doc! { (field::ID): STATE_KEY })? {
        Some(mut d) => {
            d.remove(field::ID);
            bson::from_document(d).map_err(|e| corrupt(SYNC_STATE, e))
        }
        None => Ok(SyncState::default()),
    }
}

pub(crate) fn append_log(txn: &Transaction, entry: &SyncLogEntry) -> StoreResult<()> {
    let coll = txn.collection::<Document>(SYNC_LOG);
    let mut seqs: Vec<i64> = Vec::new();
    for d in coll.find(doc! {}).run()? {
        if let Ok(s) = d?.get_i64(field::ID) {
            seqs.push(s);
        }
    }
    seqs.sort_unstable();
    let next = seqs.last().map_or(1, |s| s + 1);
    let mut d = doc! { (field::ID): next };
    d.extend(bson::to_document(entry).map_err(|e| corrupt(SYNC_LOG, e))?);
    coll.insert_one(d)?;
    let excess = (seqs.len() + 1).saturating_sub(SYNC_LOG_KEEP);
    for s in seqs.iter().take(excess) {
        coll.delete_one(doc! { (field::ID): *s })?;
    }
    Ok(())
}

/// The sync bookkeeping of this device, read in its own transaction.
pub(crate) fn read_state(db: &Database) -> StoreResult<SyncState> {
    let txn = db.start_transaction()?;
    let state = read_state_in(&txn)?;
    txn.commit()?;
    Ok(state)
}

/// The last `limit` sync runs, newest first.
pub(crate) fn read_log(db: &Database, limit: usize) -> StoreResult<Vec<SyncLogEntry>> {
    let mut rows: Vec<(i64, SyncLogEntry)> = Vec::new();
    for d in db.collection::<Document>(SYNC_LOG).find(doc! {}).run()? {
        let mut d = d?;
        let seq = d.get_i64(field::ID).map_err(|e| corrupt(SYNC_LOG, e))?;
        d.remove(field::ID);
        rows.push((seq, bson::from_document(d).map_err(|e| corrupt(SYNC_LOG, e))?));
    }
    rows.sort_by_key(|r| std::cmp::Reverse(r.0));
    Ok(rows.into_iter().take(limit).map(|(_, e)| e).collect())
}
