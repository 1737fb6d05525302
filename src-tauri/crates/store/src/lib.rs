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

mod doc;
mod entity;
mod error;
mod index;
mod meta;
mod raw;
mod replace;
mod stamps;
mod store;
mod tx;

pub use entity::Entity;
pub use error::{StoreError, StoreResult};
pub use index::IndexChange;
pub use meta::SCHEMA_VERSION;
pub use raw::{APPEND_ONLY, COLLECTIONS, RawStamps, stamps_of};
pub use replace::{Replace, Replaced};
pub use stamps::{CheckedDocument, check_document};
pub use store::{Store, StoreIdentity};
pub use tx::Tx;
