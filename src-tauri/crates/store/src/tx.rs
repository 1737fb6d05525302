//! A write transaction: stamps every document it writes, records how the
//! in-memory indexes must change once it commits, and — while sync is on —
//! lists what it wrote in one outbox entry.

use crate::conflicts::{CONFLICTS, Conflict};
use crate::doc::{Stamps, from_document, is_deleted, to_document};
use crate::entity::Entity;
use crate::error::{StoreError, StoreResult};
use crate::index::{IndexChange, Indexes};
use crate::meta;
use crate::outbox::{self, DocKey, Entry, Outbox, OutboxChange, Tracked};
use crate::raw::{self, COLLECTIONS};
use crate::sync_state::{self, SyncLogEntry, SyncState};
use chrono::{DateTime, SecondsFormat, Utc};
use polodb_core::bson::{Document, doc};
use polodb_core::{CollectionT, Transaction};
use std::collections::{HashMap, HashSet};
use waymark_core::hlc::{Hlc, HlcClock};
use waymark_core::profile::Profile;

/// How [`Tx::store_raw`] writes a raw document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Write {
    /// A local change: tracked for the next push.
    Tracked,
    /// A pulled document: not tracked.
    Remote,
    /// A pulled document the transaction has just found absent.
    RemoteAbsent,
}

/// Documents named per outbox entry (a transaction that writes more appends several).
const NAMED_PER_ENTRY: usize = 5_000;

/// What a committed transaction changes in memory.
pub(crate) struct Committed {
    pub(crate) indexes: Vec<IndexChange>,
    pub(crate) outbox: OutboxChange,
    pub(crate) user_id: Option<String>,
}

/// An open write transaction; see [`crate::Store::transact`].
pub struct Tx<'a> {
    txn: Transaction,
    clock: &'a mut HlcClock,
    user_id: String,
    device_id: &'a str,
    indexes: &'a Indexes,
    outbox: &'a Outbox,
    now: DateTime<Utc>,
    now_ms: i64,
    updated_at: String,
    changes: Vec<IndexChange>,
    last: Option<Hlc>,
    tracking: bool,
    written: Vec<Tracked>,
    written_set: HashSet<DocKey>,
    outbox_change: OutboxChange,
    rewrites: HashMap<i64, Vec<Tracked>>,
    next_seq: i64,
    new_user: Option<String>,
}

impl<'a> Tx<'a> {
    pub(crate) fn new(
        txn: Transaction,
        clock: &'a mut HlcClock,
        identity: &'a crate::StoreIdentity,
        indexes: &'a Indexes,
        outbox: &'a Outbox,
        now: DateTime<Utc>,
    ) -> Self {
        Self {
            txn,
            clock,
            user_id: identity.user_id.clone(),
            device_id: &identity.device_id,
            indexes,
            outbox,
            now,
            now_ms: now.timestamp_millis(),
            updated_at: now.to_rfc3339_opts(SecondsFormat::Millis, true),
            changes: Vec::new(),
            last: None,
            tracking: outbox.enabled,
            written: Vec::new(),
            written_set: HashSet::new(),
            outbox_change: OutboxChange::default(),
            rewrites: HashMap::new(),
            next_seq: outbox.next_seq,
            new_user: None,
        }
    }

    /// Inserts or replaces `value`, stamped with a fresh HLC.
    pub fn put<E: Entity>(&mut self, value: &E) -> StoreResult<()> {
        self.write(value, false)
    }

    /// Deletes `value`: it becomes a tombstone that keeps its last content, so
    /// sync can carry the deletion.
    pub fn delete<E: Entity>(&mut self, value: &E) -> StoreResult<()> {
        self.write(value, true)
    }

    /// Reads a live value inside the transaction (sees this transaction's writes).
    pub fn get<E: Entity>(&self, id: &str) -> StoreResult<Option<E>> {
        match self.txn.collection::<Document>(E::COLLECTION).find_one(doc! { "_id": id })? {
            Some(d) if !is_deleted(&d) => Ok(Some(from_document(d)?)),
            _ => Ok(None),
        }
    }

    /// Writes a device-local value into `meta` (read back with [`crate::Store::local`]).
    pub fn put_local<T: serde::Serialize>(&mut self, key: &str, value: &T) -> StoreResult<()> {
        let value = polodb_core::bson::to_bson(value)
            .map_err(|e| crate::StoreError::Corrupt { collection: meta::META, message: e.to_string() })?;
        meta::write(&self.txn, &format!("local:{key}"), doc! { "value": value })
    }

    /// Writes a document exactly as given — its `_id`, `user_id`, `hlc` and
    /// `deleted` kept — after checking it is a well-formed document of
    /// `collection` (an error writes nothing). The clock observes its stamp,
    /// so later local writes order after it. For imports and backups: it is
    /// a local write, so sync pushes it.
    pub fn put_raw(&mut self, collection: &str, doc: Document) -> StoreResult<()> {
        self.store_raw(collection, doc, Write::Tracked)
    }

    /// Writes `doc` again as a local change of this store's learner: a fresh
    /// `hlc` and `updated_at`, this `user_id`, deleted (a tombstone) when
    /// `delete` is set, tracked for the next push.
    /// For a replacement of the whole store (a restore) that must win over
    /// the older copies other desktops hold.
    pub fn put_raw_again(&mut self, collection: &str, mut doc: Document, delete: bool) -> StoreResult<()> {
        let hlc = self.clock.tick(self.now_ms);
        doc.insert("hlc", hlc.to_string());
        doc.insert("updated_at", self.updated_at.as_str());
        doc.insert("user_id", self.user_id.as_str());
        if delete {
            doc.insert("deleted", true);
        }
        self.store_raw(collection, doc, Write::Tracked)
    }

    /// Writes a document pulled from the sync remote, like [`Tx::put_raw`]
    /// but not tracked (it is already on the remote). A remote-only
    /// `push_hlc` field is dropped.
    pub fn apply_remote(&mut self, collection: &str, mut doc: Document) -> StoreResult<()> {
        doc.remove("push_hlc");
        self.store_raw(collection, doc, Write::Remote)
    }

    /// [`Tx::apply_remote`] for a document this transaction has just found
    /// absent (with [`Tx::get_raw`]): it is inserted without looking again.
    pub fn insert_remote(&mut self, collection: &str, mut doc: Document) -> StoreResult<()> {
        doc.remove("push_hlc");
        self.store_raw(collection, doc, Write::RemoteAbsent)
    }

    /// One document as stored, inside the transaction (sees its writes).
    pub fn get_raw(&self, collection: &str, id: &str) -> StoreResult<Option<Document>> {
        raw::known(collection)?;
        Ok(self.txn.collection::<Document>(collection).find_one(doc! { "_id": id })?)
    }

    fn store_raw(&mut self, collection: &str, doc: Document, how: Write) -> StoreResult<()> {
        let track = how == Write::Tracked;
        let (stamps, change) = raw::check(collection, &doc)?;
        let coll = self.txn.collection::<Document>(collection);
        let key = doc! { "_id": stamps.id.as_str() };
        let needs_base = track && self.tracking && !self.names(collection, &stamps.id);
        let known_live = how != Write::RemoteAbsent && self.indexes.is_live(collection, &stamps.id);
        let previous =
            if how == Write::RemoteAbsent || (known_live && !needs_base) { None } else { coll.find_one(key.clone())? };
        if known_live || previous.is_some() {
            coll.delete_one(key)?;
        }
        coll.insert_one(doc)?;
        let base = previous.as_ref().and_then(|d| d.get_str("hlc").ok()).and_then(Hlc::parse);
        self.clock.observe(&stamps.hlc);
        if self.last.as_ref().is_none_or(|last| *last < stamps.hlc) {
            self.last = Some(stamps.hlc);
        }
        if let Some(change) = change {
            self.changes.push(change);
        }
        if track {
            self.track(collection, &stamps.id, base);
        }
        Ok(())
    }

    fn write<E: Entity>(&mut self, value: &E, deleted: bool) -> StoreResult<()> {
        let hlc = self.clock.tick(self.now_ms);
        let hlc_text = hlc.to_string();
        let stamps = Stamps { user_id: &self.user_id, updated_at: &self.updated_at, hlc: &hlc_text, deleted };
        let doc = to_document(value, &stamps)?;
        let coll = self.txn.collection::<Document>(E::COLLECTION);
        let key = doc! { "_id": value.id() };
        let known_live = self.indexes.is_live(E::COLLECTION, value.id());
        let needs_base = self.tracking && !self.names(E::COLLECTION, value.id());
        let previous = if known_live && !needs_base { None } else { coll.find_one(key.clone())? };
        let base = previous.as_ref().and_then(|d| d.get_str("hlc").ok()).and_then(Hlc::parse);
        if known_live || previous.is_some() {
            let mut body = doc;
            body.remove("_id");
            coll.update_one(key, doc! { "$set": body })?;
        } else {
            coll.insert_one(doc)?;
        }
        if let Some(change) = value.index_change(!deleted) {
            self.changes.push(change);
        }
        self.last = Some(hlc);
        self.track(E::COLLECTION, value.id(), base);
        Ok(())
    }

    fn track(&mut self, collection: &str, id: &str, base: Option<Hlc>) {
        if self.tracking {
            let key = DocKey::new(collection, id);
            if self.written_set.insert(key.clone()) {
                self.written.push(Tracked { key, base });
            }
        }
    }

    /// Whether an outbox entry (or this transaction) names the document.
    fn names(&self, collection: &str, id: &str) -> bool {
        let key = DocKey::new(collection, id);
        self.written_set.contains(&key) || self.named_base(&key).is_some()
    }

    /// The base of the oldest live explicit entry naming `key`.
    fn named_base(&self, key: &DocKey) -> Option<Option<Hlc>> {
        let removed = &self.outbox_change.removed;
        self.outbox.entries_naming(key).into_iter().filter(|(seq, _)| !removed.contains(seq)).find_map(
            |(seq, entry)| {
                let docs = match (self.rewrites.get(&seq), entry) {
                    (Some(docs), _) => docs,
                    (None, Entry::Docs(docs)) => docs,
                    (None, Entry::Scan { .. }) => return None,
                };
                docs.iter().find(|t| t.key == *key).map(|t| t.base.clone())
            },
        )
    }

    /// Whether the document, stored with stamp `hlc`, changed locally since
    /// it was last pushed; see [`Tx::change_base`].
    pub fn is_dirty(&self, collection: &str, id: &str, hlc: &Hlc) -> bool {
        self.change_base(collection, id, hlc).is_some()
    }

    /// The local change of a document waiting to be pushed, if any (the
    /// document is stored with stamp `hlc`): `Some(base)` where `base` is the
    /// stamp of the version the change was made on — a remote version at or
    /// before it is an ancestor, not a rival. `Some(None)`: a new document,
    /// or the base is not known (the initial push). `None`: no local change.
    pub fn change_base(&self, collection: &str, id: &str, hlc: &Hlc) -> Option<Option<Hlc>> {
        let key = DocKey::new(collection, id);
        if let Some(base) = self.named_base(&key) {
            return Some(base);
        }
        if let Some(t) = self.written.iter().find(|t| t.key == key) {
            return Some(t.base.clone());
        }
        self.outbox.scan_covers(hlc, &self.outbox_change.removed).then_some(None)
    }

    /// Forgets the local change of a document: it lost a conflict, so there
    /// is nothing of it left to push.
    pub fn settle(&mut self, collection: &str, id: &str) -> StoreResult<()> {
        let key = DocKey::new(collection, id);
        for (seq, entry) in self.outbox.entries_naming(&key) {
            let docs = match self.rewrites.get(&seq) {
                Some(docs) => docs.clone(),
                None => match entry {
                    Entry::Docs(docs) => docs.clone(),
                    Entry::Scan { .. } => continue,
                },
            };
            if !docs.iter().any(|t| t.key == key) {
                continue;
            }
            let rest: Vec<Tracked> = docs.into_iter().filter(|t| t.key != key).collect();
            outbox::delete(&self.txn, seq)?;
            if !rest.is_empty() {
                outbox::write(&self.txn, seq, &Entry::Docs(rest.clone()))?;
            }
            self.rewrites.insert(seq, rest);
        }
        if self.written_set.remove(&key) {
            self.written.retain(|t| t.key != key);
        }
        Ok(())
    }

    /// Acknowledges a push: the outbox entries up to `upto` are done, except
    /// for the documents in `keep`, which stay waiting.
    pub fn acknowledge_push(&mut self, upto: i64, keep: Vec<DocKey>) -> StoreResult<()> {
        let keep: Vec<Tracked> =
            keep.into_iter().map(|key| Tracked { base: self.named_base(&key).flatten(), key }).collect();
        for seq in self.outbox.seqs_upto(upto) {
            outbox::delete(&self.txn, seq)?;
            self.outbox_change.removed.push(seq);
            self.rewrites.remove(&seq);
        }
        if !keep.is_empty() {
            let seq = self.take_seq();
            let entry = Entry::Docs(keep);
            outbox::write(&self.txn, seq, &entry)?;
            self.outbox_change.added.push((seq, entry));
        }
        Ok(())
    }

    /// Removes a tombstone for good, once the remote is known to hold it: only
    /// when it is still the tombstone stamped `hlc` and has no local change
    /// waiting. Returns whether it was removed.
    pub fn purge_tombstone(&mut self, collection: &str, id: &str, hlc: &Hlc) -> StoreResult<bool> {
        let Some(found) = self.get_raw(collection, id)? else { return Ok(false) };
        let same = found.get_str("hlc").ok().and_then(Hlc::parse).as_ref() == Some(hlc);
        if !same || !is_deleted(&found) || self.is_dirty(collection, id, hlc) {
            return Ok(false);
        }
        self.txn.collection::<Document>(collection).delete_one(doc! { "_id": id })?;
        Ok(true)
    }

    /// Keeps `losing` (a raw document of `collection`) as the loser of a sync
    /// conflict against the version stamped `winning_hlc`. Recording the same
    /// losing version twice keeps one.
    pub fn record_conflict(&mut self, collection: &str, losing: Document, winning_hlc: &Hlc) -> StoreResult<()> {
        let stamps = raw::stamps_of(collection, &losing)?;
        let mut losing = losing;
        losing.remove("push_hlc");
        let conflict = Conflict {
            id: format!("{collection}/{}/{}", stamps.id, stamps.hlc),
            collection: collection.to_string(),
            doc_id: stamps.id,
            losing,
            losing_hlc: stamps.hlc.to_string(),
            winning_hlc: winning_hlc.to_string(),
            recorded_at: self.now,
        };
        let coll = self.txn.collection::<Document>(CONFLICTS);
        if coll.find_one(doc! { "_id": &conflict.id })?.is_none() {
            coll.insert_one(conflict.to_document())?;
        }
        Ok(())
    }

    /// Writes a conflict's losing version back as a new local change (fresh
    /// stamp, so it wins and syncs) and forgets the conflict.
    pub fn restore_conflict(&mut self, id: &str) -> StoreResult<DocKey> {
        let found = self.txn.collection::<Document>(CONFLICTS).find_one(doc! { "_id": id })?;
        let conflict = Conflict::from_document(&found.ok_or_else(|| not_found(id))?)?;
        let mut restored = conflict.losing.clone();
        let hlc = self.clock.tick(self.now_ms);
        restored.insert("user_id", self.user_id.as_str());
        restored.insert("hlc", hlc.to_string());
        restored.insert("updated_at", self.updated_at.as_str());
        self.store_raw(&conflict.collection, restored, Write::Tracked)?;
        self.txn.collection::<Document>(CONFLICTS).delete_one(doc! { "_id": id })?;
        Ok(DocKey::new(conflict.collection, conflict.doc_id))
    }

    /// Forgets a conflict (its losing version is dropped, as the learner asked).
    pub fn dismiss_conflict(&mut self, id: &str) -> StoreResult<()> {
        let coll = self.txn.collection::<Document>(CONFLICTS);
        if coll.find_one(doc! { "_id": id })?.is_none() {
            return Err(not_found(id));
        }
        coll.delete_one(doc! { "_id": id })?;
        Ok(())
    }

    /// The sync bookkeeping, as this transaction sees it.
    pub fn sync_state(&self) -> StoreResult<SyncState> {
        sync_state::read_state_in(&self.txn)
    }

    /// Replaces the sync bookkeeping.
    pub fn set_sync_state(&mut self, state: &SyncState) -> StoreResult<()> {
        sync_state::write_state(&self.txn, state)
    }

    /// Appends a run to the sync log (the oldest beyond [`crate::SYNC_LOG_KEEP`] go).
    pub fn append_sync_log(&mut self, entry: &SyncLogEntry) -> StoreResult<()> {
        sync_state::append_log(&self.txn, entry)
    }

    /// Turns change tracking on or off. Turning it on queues every document
    /// changed while it was off (all of them the first time) for the next push.
    pub fn set_sync_enabled(&mut self, on: bool) -> StoreResult<()> {
        if on == self.tracking {
            return Ok(());
        }
        meta::write(&self.txn, "sync", doc! { "enabled": on })?;
        let mut state = self.sync_state()?;
        if on {
            let since = state.tracked_through.as_deref().and_then(Hlc::parse);
            self.queue_scan(since)?;
        } else {
            let through = self.clock.tick(self.now_ms);
            state.tracked_through = Some(through.to_string());
            self.last = Some(through);
            self.set_sync_state(&state)?;
        }
        self.tracking = on;
        self.outbox_change.enabled = Some(on);
        Ok(())
    }

    /// Queues every document for the next push (joining a new remote).
    pub fn queue_full_push(&mut self) -> StoreResult<()> {
        self.queue_scan(None)
    }

    /// Queues every document now in the store stamped after `since` (all of
    /// them when `None`) for a push, naming each one (in entries of
    /// [`NAMED_PER_ENTRY`] documents): what a pull writes afterwards is then
    /// not sent back, as it would be by a scan resolved at push time.
    fn queue_scan(&mut self, since: Option<Hlc>) -> StoreResult<()> {
        let mut keys = Vec::new();
        for collection in COLLECTIONS {
            for d in self.txn.collection::<Document>(collection).find(doc! {}).run()? {
                let d = d?;
                let stamped = d.get_str("hlc").ok().and_then(Hlc::parse);
                if since.as_ref().is_some_and(|s| stamped.as_ref().is_none_or(|h| h <= s)) {
                    continue;
                }
                if let Ok(id) = d.get_str("_id") {
                    keys.push(Tracked { key: DocKey::new(*collection, id), base: None });
                }
            }
        }
        for chunk in keys.chunks(NAMED_PER_ENTRY) {
            let seq = self.take_seq();
            let entry = Entry::Docs(chunk.to_vec());
            outbox::write(&self.txn, seq, &entry)?;
            self.outbox_change.added.push((seq, entry));
        }
        Ok(())
    }

    /// Joins the remote learner `user`: every local document is re-stamped
    /// with that `user_id` and queued for a push. The profile's `_id` is the
    /// user id: the local one is re-keyed; when the remote already has a
    /// profile (stamped `remote_profile`), that one wins and the local one is
    /// kept as a conflict.
    pub fn adopt_user(&mut self, user: &str, remote_profile: Option<&Hlc>) -> StoreResult<()> {
        let old = self.user_id.clone();
        if old == user {
            return Ok(());
        }
        for collection in COLLECTIONS {
            if *collection == <Profile as Entity>::COLLECTION {
                continue;
            }
            self.txn.collection::<Document>(collection).update_many(doc! {}, doc! { "$set": { "user_id": user } })?;
        }
        let profiles = self.txn.collection::<Document>(<Profile as Entity>::COLLECTION);
        if let Some(mut mine) = profiles.find_one(doc! { "_id": old.as_str() })? {
            profiles.delete_one(doc! { "_id": old.as_str() })?;
            mine.insert("_id", user);
            mine.insert("user_id", user);
            match remote_profile {
                Some(winner) => self.record_conflict(<Profile as Entity>::COLLECTION, mine, winner)?,
                None if profiles.find_one(doc! { "_id": user })?.is_none() => {
                    let hlc = self.clock.tick(self.now_ms);
                    mine.insert("hlc", hlc.to_string());
                    mine.insert("updated_at", self.updated_at.as_str());
                    self.store_raw(<Profile as Entity>::COLLECTION, mine, Write::Tracked)?;
                }
                None => {}
            }
        }
        meta::write(&self.txn, "identity", doc! { "user_id": user, "device_id": self.device_id })?;
        self.user_id = user.to_string();
        self.new_user = Some(user.to_string());
        self.queue_scan(None)
    }

    fn take_seq(&mut self) -> i64 {
        let seq = self.next_seq;
        self.next_seq += 1;
        seq
    }

    pub(crate) fn commit(mut self) -> StoreResult<Committed> {
        if let Some(last) = &self.last {
            meta::write(&self.txn, "clock", doc! { "last": last.to_string() })?;
        }
        if self.tracking && !self.written.is_empty() {
            let written = std::mem::take(&mut self.written);
            for chunk in written.chunks(NAMED_PER_ENTRY) {
                let seq = self.take_seq();
                let entry = Entry::Docs(chunk.to_vec());
                outbox::write(&self.txn, seq, &entry)?;
                self.outbox_change.added.push((seq, entry));
            }
        }
        for (seq, keys) in std::mem::take(&mut self.rewrites) {
            if self.outbox_change.removed.contains(&seq) {
                continue;
            }
            if keys.is_empty() {
                self.outbox_change.removed.push(seq);
            } else {
                self.outbox_change.rewritten.push((seq, Entry::Docs(keys)));
            }
        }
        self.txn.commit()?;
        Ok(Committed { indexes: self.changes, outbox: self.outbox_change, user_id: self.new_user })
    }

    pub(crate) fn rollback(self) {
        // Dropping an uncommitted PoloDB transaction discards it; an explicit
        // rollback failure changes nothing more, so it is not reported.
        let _ = self.txn.rollback();
    }
}

fn not_found(id: &str) -> StoreError {
    StoreError::NotFound { what: format!("conflict {id}") }
}
