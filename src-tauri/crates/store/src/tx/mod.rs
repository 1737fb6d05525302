//! A write transaction: stamps every document it writes, records how the
//! in-memory indexes must change once it commits, and — while sync is on —
//! lists what it wrote in one outbox entry. What only sync does (applying
//! pulled documents, acknowledging pushes, conflicts, the sync state) is on
//! its sync view, [`Tx::sync`].

mod raw;
pub(crate) mod replace;
pub(crate) mod restamp;
mod sync;
mod track;

pub use sync::SyncTx;

use crate::entity::{Entity, IndexChange, Stamps, from_document, to_document};
use crate::error::{StoreError, StoreResult};
use crate::index::Indexes;
use crate::meta;
use crate::schema::{RawDoc, field};
use crate::tracking::outbox::{DocKey, Outbox, OutboxChange};
use chrono::{DateTime, SecondsFormat, Utc};
use polodb_core::bson::doc;
use polodb_core::{CollectionT, Transaction};
use track::Tracking;
use waymark_core::hlc::{Hlc, HlcClock};

/// What a committed transaction changes in memory.
pub(crate) struct Committed {
    pub(crate) indexes: Vec<IndexChange>,
    pub(crate) outbox: OutboxChange,
    pub(crate) user_id: Option<String>,
}

/// Who a transaction writes as and when.
pub(crate) struct Writer<'a> {
    pub(crate) clock: &'a mut HlcClock,
    pub(crate) user_id: String,
    pub(crate) device_id: &'a str,
    pub(crate) now: DateTime<Utc>,
}

/// An open write transaction; see [`crate::Store::transact`].
pub struct Tx<'a> {
    txn: Transaction,
    clock: &'a mut HlcClock,
    user_id: String,
    device_id: &'a str,
    indexes: &'a Indexes,
    now: DateTime<Utc>,
    updated_at: String,
    changes: Vec<IndexChange>,
    last: Option<Hlc>,
    tracking: Tracking<'a>,
    new_user: Option<String>,
}

impl<'a> Tx<'a> {
    pub(crate) fn new(txn: Transaction, writer: Writer<'a>, indexes: &'a Indexes, outbox: &'a Outbox) -> Self {
        Self {
            txn,
            clock: writer.clock,
            user_id: writer.user_id,
            device_id: writer.device_id,
            indexes,
            now: writer.now,
            updated_at: writer.now.to_rfc3339_opts(SecondsFormat::Millis, true),
            changes: Vec::new(),
            last: None,
            tracking: Tracking::new(outbox),
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
        match self.txn.collection::<RawDoc>(E::COLLECTION.name()).find_one(doc! { (field::ID): id })? {
            Some(d) if !d.is_deleted() => Ok(Some(from_document(d)?)),
            _ => Ok(None),
        }
    }

    /// Writes a device-local value into `meta` (read back with [`crate::Store::local`]).
    pub fn put_local<T: serde::Serialize>(&mut self, key: &str, value: &T) -> StoreResult<()> {
        let value = polodb_core::bson::to_bson(value)
            .map_err(|e| StoreError::Corrupt { collection: meta::META, message: e.to_string() })?;
        meta::write(&self.txn, &meta::local_key(key), doc! { "value": value })
    }

    /// The sync view of this transaction: what only sync does.
    pub fn sync(&mut self) -> SyncTx<'_, 'a> {
        SyncTx::new(self)
    }

    /// A fresh stamp from this transaction's clock.
    fn tick(&mut self) -> StoreResult<Hlc> {
        Ok(self.clock.tick(self.now.timestamp_millis())?)
    }

    fn write<E: Entity>(&mut self, value: &E, deleted: bool) -> StoreResult<()> {
        let hlc = self.tick()?;
        let hlc_text = hlc.to_string();
        let stamps = Stamps { user_id: &self.user_id, updated_at: &self.updated_at, hlc: &hlc_text, deleted };
        let doc = RawDoc::new(to_document(value, &stamps)?);
        let coll = self.txn.collection::<RawDoc>(E::COLLECTION.name());
        let key = doc! { (field::ID): value.id() };
        let known_live = self.indexes.is_live(E::COLLECTION, value.id());
        let tracked = DocKey::new(E::COLLECTION, value.id());
        let needs_base = self.tracking.on && !self.tracking.names(&tracked);
        let previous = if known_live && !needs_base { None } else { coll.find_one(key.clone())? };
        let base = previous.as_ref().and_then(RawDoc::hlc);
        if known_live || previous.is_some() {
            let (_, body) = doc.split_id();
            coll.update_one(key, doc! { "$set": body })?;
        } else {
            coll.insert_one(doc)?;
        }
        if let Some(change) = value.index_change(!deleted) {
            self.changes.push(change);
        }
        self.last = Some(hlc);
        self.tracking.track(tracked, base);
        Ok(())
    }

    pub(crate) fn commit(self) -> StoreResult<Committed> {
        if let Some(last) = &self.last {
            meta::write(&self.txn, meta::CLOCK, doc! { "last": last.to_string() })?;
        }
        let outbox = self.tracking.finish(&self.txn)?;
        self.txn.commit()?;
        Ok(Committed { indexes: self.changes, outbox, user_id: self.new_user })
    }

    pub(crate) fn rollback(self) {
        // Dropping an uncommitted PoloDB transaction discards it; an explicit
        // rollback failure changes nothing more, so it is not reported.
        let _ = self.txn.rollback();
    }
}
