//! The remote as the engine sees it: the few operations sync needs, each with
//! the meaning it has on MongoDB (and on PoloDB's wire server, which the
//! MongoDB implementation is tested against). Generic, not `dyn`: the engine
//! is compiled for each implementation.
//!
//! Remote documents are the local ones plus `push_hlc`, handed over as
//! [`RawDoc`]s (the MongoDB remote converts to the driver's documents); the per-user head
//! document lives in `sync_heads` and the database's owner claim in
//! `sync_owner` (see `docs/sync.md`).

use crate::error::SyncError;
use std::future::Future;
use waymark_store::{Collection, RawDoc};

/// The remote collection holding one head document per user.
pub const HEADS: &str = "sync_heads";
/// The remote collection holding the database's owner claim.
pub const OWNER: &str = "sync_owner";
/// The `_id` of the owner claim.
pub(crate) const OWNER_KEY: &str = "owner";

/// Documents of a pull, handed out in batches.
pub trait PullCursor: Send {
    /// The next batch (at most the batch size given to [`Remote::pull`]);
    /// empty when the pull is complete.
    fn next_batch(&mut self) -> impl Future<Output = Result<Vec<RawDoc>, SyncError>> + Send;
}

/// A sync remote. Every operation is one request (one round trip, plus
/// `getMore`s for a pull) and is safe to retry.
pub trait Remote: Sync {
    /// The cursor of a pull.
    type Cursor<'a>: PullCursor
    where
        Self: 'a;

    /// Names the remote (address without credentials, and database): local
    /// sync bookkeeping belongs to one remote.
    fn fingerprint(&self) -> String;

    /// Requests sent so far (round trips).
    fn round_trips(&self) -> u64;

    /// The user owning the database: claims it for `user` when nobody has
    /// (insert of `{_id: "owner"}`; a duplicate means someone else was first).
    fn claim_owner(&self, user: &str, claimed_at: &str) -> impl Future<Output = Result<String, SyncError>> + Send;

    /// The `push_hlc` of `user`'s head document; `None` when there is none.
    fn read_head(&self, user: &str) -> impl Future<Output = Result<Option<String>, SyncError>> + Send;

    /// Creates `user`'s head at `push_hlc`; `false` when it already exists.
    fn create_head(&self, user: &str, push_hlc: &str) -> impl Future<Output = Result<bool, SyncError>> + Send;

    /// Moves `user`'s head from `from` to `to` only if it is still at `from`
    /// (compare and swap); `false` when it moved meanwhile.
    fn advance_head(&self, user: &str, from: &str, to: &str) -> impl Future<Output = Result<bool, SyncError>> + Send;

    /// `user`'s documents of `collection` among `ids` (one `$in` query).
    fn find_present(
        &self,
        collection: Collection,
        user: &str,
        ids: &[String],
    ) -> impl Future<Output = Result<Vec<RawDoc>, SyncError>> + Send;

    /// Inserts documents (unordered: one duplicate does not stop the others);
    /// returns the `_id`s that already existed.
    fn insert_many(
        &self,
        collection: Collection,
        docs: Vec<RawDoc>,
    ) -> impl Future<Output = Result<Vec<String>, SyncError>> + Send;

    /// Inserts one document; `false` when its `_id` already exists.
    fn insert_one(&self, collection: Collection, doc: RawDoc) -> impl Future<Output = Result<bool, SyncError>> + Send;

    /// Replaces `user`'s copy of `doc` (by `_id`) with `doc` only when the
    /// copy's `hlc` is not newer: `update_one({$and: [{_id}, {user_id},
    /// {hlc: {$lte: doc.hlc}}]}, {$set: doc})`. `false` when nothing matched
    /// (absent, or newer).
    fn replace_if_not_newer(
        &self,
        collection: Collection,
        user: &str,
        doc: RawDoc,
    ) -> impl Future<Output = Result<bool, SyncError>> + Send;

    /// Sets `push_hlc` to `to` on `user`'s documents among `ids` that still
    /// carry `push_hlc == from`.
    fn restamp(
        &self,
        collection: Collection,
        user: &str,
        ids: &[String],
        from: &str,
        to: &str,
    ) -> impl Future<Output = Result<(), SyncError>> + Send;

    /// `user`'s documents of `collection` with `after < push_hlc <= upto`,
    /// in batches of `batch`, in no particular order (none is asked for:
    /// PoloDB's wire server re-sorts its whole result for every document it
    /// returns when given a `sort`, which makes a large pull quadratic).
    fn pull(
        &self,
        collection: Collection,
        user: &str,
        after: Option<&str>,
        upto: &str,
        batch: usize,
    ) -> impl Future<Output = Result<Self::Cursor<'_>, SyncError>> + Send;

    /// One of `user`'s documents by `_id`.
    fn find_one(
        &self,
        collection: Collection,
        user: &str,
        id: &str,
    ) -> impl Future<Output = Result<Option<RawDoc>, SyncError>> + Send;

    /// Deletes every document of `user` in `collections`, its head, and the
    /// owner claim when it is `user`'s. Returns how many documents went.
    fn delete_user(
        &self,
        collections: &[Collection],
        user: &str,
    ) -> impl Future<Output = Result<u64, SyncError>> + Send;
}
