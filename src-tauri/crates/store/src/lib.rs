//! Waymark's local store: documents in an embedded PoloDB database, written in
//! all-or-nothing transactions, stamped for sync, and read through in-memory
//! indexes.
//!
//! Invariants:
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
//!   ([`Tx::apply_remote`]) are not tracked. Conflicts, the sync state and
//!   the sync log are local collections, never synced.

mod conflicts;
mod doc;
mod entity;
mod error;
mod index;
mod meta;
mod outbox;
mod raw;
mod replace;
mod stamps;
mod stats_facts;
mod store;
mod sync_state;
mod tx;

pub use conflicts::Conflict;
pub use entity::Entity;
pub use error::{StoreError, StoreResult};
pub use index::IndexChange;
pub use meta::SCHEMA_VERSION;
pub use outbox::{DocKey, OutboxSnapshot, PendingDoc};
pub use raw::{APPEND_ONLY, COLLECTIONS, RawStamps, stamps_of};
pub use replace::{Replace, Replaced};
pub use stamps::{CheckedDocument, check_document};
pub use stats_facts::{ScannedStats, StatsScan};
pub use store::{Store, StoreIdentity};
pub use sync_state::{PullProgress, PushProgress, SYNC_LOG_KEEP, SyncLogEntry, SyncState};
pub use tx::Tx;
