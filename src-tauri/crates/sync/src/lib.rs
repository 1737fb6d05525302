//! Waymark's optional sync to a remote MongoDB: local-first, resumable, no
//! lost update. The remote schema and the rules another client must follow
//! are in `docs/sync.md`.
//!
//! # Public API (what the facade calls)
//! - [`enable`] / [`disable`] (`(&mut Store, now)`), [`status`] →
//!   [`SyncStatus`], [`sync_log`], [`conflicts`], [`restore_conflict`],
//!   [`dismiss_conflict`], [`forget_remote`].
//! - [`sync_once`]`(&impl Local, &impl Remote, &dyn Fn(Progress))` →
//!   [`SyncReport`]: one run, recorded in the sync log (also on failure).
//!   The engine never holds the store across an `.await`: it takes a batch
//!   out inside [`Local::with_store`], talks to the remote, then commits
//!   inside `with_store` again. Runs of one store are serialized.
//! - [`MongoRemote::connect`]`(uri, db)` (majority writes, retryable writes,
//!   short timeouts, app name "waymark"); [`MemoryRemote`] for tests.
//! - [`delete_remote_data`]`(&remote, user_id)`, [`test_connection`]`(uri, db)`
//!   → [`ServerInfo`], [`redact`]`(uri)`.
//! - [`SyncError`] with [`SyncError::kind`] → [`ErrorKind::code`]: `bad_uri`,
//!   `dns`, `refused`, `auth_failed`, `tls`, `timeout`, `unreachable`,
//!   `server`, `local`. No message ever contains a password.
//!
//! # How a run goes
//! 1. Join (first run against a remote): claim the database for this user,
//!    or adopt the user that owns it (local documents are re-stamped with
//!    that `user_id`; the remote profile wins).
//! 2. Read the user's head (`sync_heads`): when it is not past the checkpoint
//!    and nothing waits locally, the run is over — one round trip.
//! 3. Pull every document with `checkpoint < push_hlc <= head`, apply each
//!    batch in one local transaction, then move the checkpoint to the head.
//! 4. Push the outbox in batches, each committed by a compare-and-swap of
//!    the head; conflicts found on the way are applied as in a pull.
//! 5. Check the head again (back to 2, at most three rounds).

mod api;
mod engine;
mod erase;
mod error;
mod memory;
mod mongo;
mod pull;
mod push;
mod remote;
mod report;
mod run;

pub use api::{
    conflicts, disable, dismiss_conflict, enable, forget_remote, restore_conflict, status, sync_log, test_connection,
};
pub use engine::sync_once;
pub use erase::delete_remote_data;
pub use error::{ErrorKind, SyncError};
pub use memory::{MemoryCursor, MemoryRemote};
pub use mongo::{MongoCursor, MongoRemote, redact};
pub use remote::{HEADS, OWNER, PullCursor, Remote};
pub use report::{Phase, Progress, ServerInfo, SyncReport, SyncStatus};
pub use run::{Local, StoreLocal};
pub use waymark_store::{Collection, Conflict, DocKey, RawDoc, SyncLogEntry};
