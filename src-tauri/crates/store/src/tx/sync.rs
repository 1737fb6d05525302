//! The sync view of a transaction: what only the sync engine (and the
//! conflicts list) does — applying pulled documents, asking whether a
//! document waits to be pushed, acknowledging a push, purging tombstones,
//! joining a remote learner, keeping conflicts, keeping aside the pulled
//! documents that cannot be applied, and the sync state and log.

use super::Tx;
use super::raw::Write;
use crate::entity::{Entity, check};
use crate::error::{StoreError, StoreResult};
use crate::meta;
use crate::schema::{Collection, RawDoc, field};
use crate::tracking::conflicts::{CONFLICTS, Conflict};
use crate::tracking::outbox::DocKey;
use crate::tracking::quarantine::{QUARANTINE, Quarantined};
use crate::tracking::sync_state::{self, SyncLogEntry, SyncState};
use polodb_core::CollectionT;
use polodb_core::bson::{Document, doc};
use waymark_core::hlc::Hlc;
use waymark_core::profile::Profile;

/// A transaction seen by sync; from [`Tx::sync`].
pub struct SyncTx<'t, 'a> {
    tx: &'t mut Tx<'a>,
}

impl<'t, 'a> SyncTx<'t, 'a> {
    pub(super) fn new(tx: &'t mut Tx<'a>) -> Self {
        Self { tx }
    }

    /// One document as stored, inside the transaction (sees its writes).
    pub fn get_raw(&self, collection: Collection, id: &str) -> StoreResult<Option<RawDoc>> {
        self.tx.get_raw(collection, id)
    }

    /// Writes a document pulled from the sync remote, like [`Tx::put_raw`]
    /// but not tracked (it is already on the remote). A remote-only
    /// `push_hlc` field is dropped.
    pub fn apply_remote(&mut self, collection: Collection, mut doc: RawDoc) -> StoreResult<()> {
        doc.remove_push_hlc();
        self.tx.store_raw(collection, doc, Write::Remote)
    }

    /// [`SyncTx::apply_remote`] for a document this transaction has just
    /// found absent (with [`SyncTx::get_raw`]): it is inserted without looking again.
    /// A document that is not a readable one of `collection` is not written
    /// and comes back with why (`Ok(Some(..))`), to be kept aside.
    pub fn insert_remote(
        &mut self,
        collection: Collection,
        mut doc: RawDoc,
    ) -> StoreResult<Option<(RawDoc, StoreError)>> {
        doc.remove_push_hlc();
        match check(collection, &doc, self.tx.now) {
            Ok(checked) => self.tx.store_checked(collection, doc, checked, Write::RemoteAbsent).map(|()| None),
            Err(e @ StoreError::BadDocument { .. }) => Ok(Some((doc, e))),
            Err(e) => Err(e),
        }
    }

    /// Whether the document, stored with stamp `hlc`, changed locally since
    /// it was last pushed; see [`SyncTx::change_base`].
    pub fn is_dirty(&self, collection: Collection, id: &str, hlc: &Hlc) -> bool {
        self.change_base(collection, id, hlc).is_some()
    }

    /// The local change of a document waiting to be pushed, if any (the
    /// document is stored with stamp `hlc`): `Some(base)` where `base` is the
    /// stamp of the version the change was made on — a remote version at or
    /// before it is an ancestor, not a rival. `Some(None)`: a new document,
    /// or the base is not known (the initial push). `None`: no local change.
    pub fn change_base(&self, collection: Collection, id: &str, hlc: &Hlc) -> Option<Option<Hlc>> {
        self.tx.tracking.change_base(&DocKey::new(collection, id), hlc)
    }

    /// Forgets the local change of a document: it lost a conflict, so there
    /// is nothing of it left to push.
    pub fn settle(&mut self, collection: Collection, id: &str) -> StoreResult<()> {
        self.tx.tracking.settle(&self.tx.txn, &DocKey::new(collection, id))
    }

    /// Acknowledges a push: the outbox entries up to `upto` are done, except
    /// for the documents in `keep`, which stay waiting.
    pub fn acknowledge_push(&mut self, upto: i64, keep: Vec<DocKey>) -> StoreResult<()> {
        self.tx.tracking.acknowledge(&self.tx.txn, upto, keep)
    }

    /// Removes a tombstone for good, once the remote is known to hold it: only
    /// when it is still the tombstone stamped `hlc` and has no local change
    /// waiting. Returns whether it was removed.
    pub fn purge_tombstone(&mut self, collection: Collection, id: &str, hlc: &Hlc) -> StoreResult<bool> {
        let Some(found) = self.get_raw(collection, id)? else { return Ok(false) };
        if found.hlc().as_ref() != Some(hlc) || !found.is_deleted() || self.is_dirty(collection, id, hlc) {
            return Ok(false);
        }
        self.tx.txn.collection::<RawDoc>(collection.name()).delete_one(doc! { (field::ID): id })?;
        Ok(true)
    }

    /// Keeps `losing` (a raw document of `collection`) as the loser of a sync
    /// conflict against the version stamped `winning_hlc`. Recording the same
    /// losing version twice keeps one.
    pub fn record_conflict(&mut self, collection: Collection, losing: RawDoc, winning_hlc: &Hlc) -> StoreResult<()> {
        let stamps = losing.stamps(collection)?;
        let mut losing = losing;
        losing.remove_push_hlc();
        let conflict = Conflict {
            id: format!("{collection}/{}/{}", stamps.id, stamps.hlc),
            collection,
            doc_id: stamps.id,
            losing,
            losing_hlc: stamps.hlc.to_string(),
            winning_hlc: winning_hlc.to_string(),
            recorded_at: self.tx.now,
        };
        let coll = self.tx.txn.collection::<Document>(CONFLICTS);
        if coll.find_one(doc! { (field::ID): &conflict.id })?.is_none() {
            coll.insert_one(conflict.to_document())?;
        }
        Ok(())
    }

    /// Writes a conflict's losing version back as a new local change (fresh
    /// stamp, so it wins and syncs) and forgets the conflict.
    pub fn restore_conflict(&mut self, id: &str) -> StoreResult<DocKey> {
        let found = self.tx.txn.collection::<Document>(CONFLICTS).find_one(doc! { (field::ID): id })?;
        let conflict = Conflict::from_document(&found.ok_or_else(|| not_found(id))?)?;
        let mut restored = conflict.losing.clone();
        restored.set_user_id(&self.tx.user_id);
        self.tx.restamp(&mut restored)?;
        self.tx.store_raw(conflict.collection, restored, Write::Tracked)?;
        self.tx.txn.collection::<Document>(CONFLICTS).delete_one(doc! { (field::ID): id })?;
        Ok(DocKey::new(conflict.collection, conflict.doc_id))
    }

    /// Forgets a conflict (its losing version is dropped, as the learner asked).
    pub fn dismiss_conflict(&mut self, id: &str) -> StoreResult<()> {
        let coll = self.tx.txn.collection::<Document>(CONFLICTS);
        if coll.find_one(doc! { (field::ID): id })?.is_none() {
            return Err(not_found(id));
        }
        coll.delete_one(doc! { (field::ID): id })?;
        Ok(())
    }

    /// Keeps a pulled document of `collection` aside, with why it could not
    /// be applied; the entry of an earlier version of it is replaced (its
    /// first sighting and tries carried over).
    pub fn quarantine(&mut self, collection: Collection, mut pulled: RawDoc, reason: &str) -> StoreResult<()> {
        pulled.remove_push_hlc();
        let doc_id = pulled.id().unwrap_or("?").to_string();
        let id = Quarantined::key(collection, &doc_id);
        let coll = self.tx.txn.collection::<Document>(QUARANTINE);
        let earlier = coll.find_one(doc! { (field::ID): &id })?.map(|d| Quarantined::from_document(&d)).transpose()?;
        let now = self.tx.now;
        let entry = Quarantined {
            id: id.clone(),
            collection,
            doc_id,
            doc: pulled,
            reason: reason.to_string(),
            first_seen: earlier.as_ref().map_or(now, |e| e.first_seen),
            last_tried: now,
            tries: earlier.as_ref().map_or(1, |e| e.tries.saturating_add(1)),
        };
        if earlier.is_some() {
            coll.delete_one(doc! { (field::ID): &id })?;
        }
        coll.insert_one(entry.to_document())?;
        Ok(())
    }

    /// Forgets a document kept aside (it was applied, or a newer version was).
    pub fn release_quarantined(&mut self, id: &str) -> StoreResult<()> {
        self.tx.txn.collection::<Document>(QUARANTINE).delete_one(doc! { (field::ID): id })?;
        Ok(())
    }

    /// The sync bookkeeping, as this transaction sees it.
    pub fn sync_state(&self) -> StoreResult<SyncState> {
        sync_state::read_state_in(&self.tx.txn)
    }

    /// Replaces the sync bookkeeping.
    pub fn set_sync_state(&mut self, state: &SyncState) -> StoreResult<()> {
        sync_state::write_state(&self.tx.txn, state)
    }

    /// Appends a run to the sync log (the oldest beyond [`crate::SYNC_LOG_KEEP`] go).
    pub fn append_sync_log(&mut self, entry: &SyncLogEntry) -> StoreResult<()> {
        sync_state::append_log(&self.tx.txn, entry)
    }

    /// Turns change tracking on or off. Turning it on queues every document
    /// changed while it was off (all of them the first time) for the next push.
    pub fn set_sync_enabled(&mut self, on: bool) -> StoreResult<()> {
        if on == self.tx.tracking.on {
            return Ok(());
        }
        meta::write(&self.tx.txn, meta::SYNC, doc! { "enabled": on })?;
        let mut state = self.sync_state()?;
        if on {
            let since = state.tracked_through.as_deref().and_then(Hlc::parse);
            self.tx.tracking.queue_scan(&self.tx.txn, since)?;
        } else {
            let through = self.tx.tick()?;
            state.tracked_through = Some(through.to_string());
            self.tx.last = Some(through);
            self.set_sync_state(&state)?;
        }
        self.tx.tracking.on = on;
        self.tx.tracking.change.enabled = Some(on);
        Ok(())
    }

    /// Queues every document for the next push (joining a new remote).
    pub fn queue_full_push(&mut self) -> StoreResult<()> {
        self.tx.tracking.queue_scan(&self.tx.txn, None)
    }

    /// Joins the remote learner `user`: every local document is re-stamped
    /// with that `user_id` and queued for a push. The profile's `_id` is the
    /// user id: the local one is re-keyed; when the remote already has a
    /// profile (stamped `remote_profile`), that one wins and the local one is
    /// kept as a conflict.
    pub fn adopt_user(&mut self, user: &str, remote_profile: Option<&Hlc>) -> StoreResult<()> {
        let old = self.tx.user_id.clone();
        if old == user {
            return Ok(());
        }
        for collection in Collection::ALL.into_iter().filter(|c| *c != Profile::COLLECTION) {
            self.tx
                .txn
                .collection::<Document>(collection.name())
                .update_many(doc! {}, doc! { "$set": { (field::USER_ID): user } })?;
        }
        let profiles = self.tx.txn.collection::<RawDoc>(Profile::COLLECTION.name());
        if let Some(mut mine) = profiles.find_one(doc! { (field::ID): old.as_str() })? {
            profiles.delete_one(doc! { (field::ID): old.as_str() })?;
            mine.set_id(user);
            mine.set_user_id(user);
            match remote_profile {
                Some(winner) => self.record_conflict(Profile::COLLECTION, mine, winner)?,
                None if profiles.find_one(doc! { (field::ID): user })?.is_none() => {
                    self.tx.restamp(&mut mine)?;
                    self.tx.store_raw(Profile::COLLECTION, mine, Write::Tracked)?;
                }
                None => {}
            }
        }
        let identity = doc! { (field::USER_ID): user, "device_id": self.tx.device_id };
        meta::write(&self.tx.txn, meta::IDENTITY, identity)?;
        self.tx.user_id = user.to_string();
        self.tx.new_user = Some(user.to_string());
        self.tx.tracking.queue_scan(&self.tx.txn, None)
    }
}

fn not_found(id: &str) -> StoreError {
    StoreError::NotFound { what: format!("conflict {id}") }
}
