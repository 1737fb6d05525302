//! Waymark's local store: documents in an embedded PoloDB database, written in
//! all-or-nothing transactions, stamped for sync, and read through in-memory
//! indexes.
//!
//! # Layers
//! Each module uses only the ones above it in this list:
//! 1. [`schema`] — the collections ([`Collection`]), the stamp field names
//!    ([`field`]) and a document as stored ([`RawDoc`]); `error` and `meta`
//!    (schema version, identity, clock) sit beside it.
//! 2. `entity` — domain values as documents ([`Entity`]), how a write
//!    changes the indexes ([`IndexChange`]), the check of a raw document
//!    ([`check_document`]).
//! 3. `index` — the in-memory indexes and the stats facts.
//! 4. `tracking` — sync bookkeeping kept locally: the outbox, conflicts,
//!    the sync state and log.
//! 5. `tx` — a write transaction ([`Tx`]), its sync view ([`SyncTx`]) and
//!    the replacement of all learner data.
//! 6. `store` — the open [`Store`]: opening, transactions, reads. The only
//!    `impl Store` blocks are in its two files.
//!
//! # Invariants
//! - Every document carries `_id`, `user_id`, `created_at`, `updated_at`, `hlc`
//!   and `deleted`. Deletes are soft (tombstones) so sync can carry them.
//! - Every write goes through [`Store::transact`]: one PoloDB transaction, fsynced
//!   on commit; on error nothing is written and the indexes are untouched.
//! - PoloDB 5.3's secondary indexes return wrong results outside single-field
//!   equality, so the store creates none. The hot reads (tasks by day, tasks and
//!   roadmap by goal, activities by time) use indexes kept in memory — live
//!   tasks, goals and roadmaps whole: built by one scan at open and updated
//!   after each commit. Documents themselves are read by `_id`, PoloDB's
//!   primary key.
//! - Sync change tracking: while sync is on, every committed transaction
//!   that wrote learner data (including [`Tx::put_raw`]) appends one entry to
//!   the local outbox; documents pulled from the remote
//!   ([`SyncTx::apply_remote`]) are not tracked. Conflicts, the sync state and
//!   the sync log are local collections, never synced.
//! - Outside this crate documents are [`RawDoc`]s and collections are
//!   [`Collection`]s: no caller spells a stamp field or a collection name.

mod entity;
mod error;
mod index;
mod meta;
pub mod schema;
mod store;
mod tracking;
mod tx;

pub use entity::{CheckedDocument, Entity, IndexChange, check_document};
pub use error::{StoreError, StoreResult};
pub use index::{ScannedStats, StatsScan};
pub use meta::SCHEMA_VERSION;
pub use polodb_core::bson;
pub use schema::{Collection, RawDoc, RawStamps, field};
pub use store::{Store, StoreIdentity};
pub use tracking::{
    Conflict, DocKey, OutboxSnapshot, PendingDoc, PullProgress, PushProgress, Quarantined, SYNC_LOG_KEEP, SyncLogEntry,
    SyncState,
};
pub use tx::replace::{Replace, Replaced};
pub use tx::{SyncTx, Tx};
