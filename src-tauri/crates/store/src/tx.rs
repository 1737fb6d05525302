//! A write transaction: stamps every document it writes and records how the
//! in-memory indexes must change once it commits.

use crate::doc::{Stamps, from_document, is_deleted, to_document};
use crate::entity::Entity;
use crate::error::StoreResult;
use crate::index::{IndexChange, Indexes};
use crate::meta;
use crate::raw;
use chrono::{DateTime, SecondsFormat, Utc};
use polodb_core::bson::{Document, doc};
use polodb_core::{CollectionT, Transaction};
use waymark_core::hlc::{Hlc, HlcClock};

/// An open write transaction; see [`crate::Store::transact`].
pub struct Tx<'a> {
    txn: Transaction,
    clock: &'a mut HlcClock,
    user_id: &'a str,
    indexes: &'a Indexes,
    now_ms: i64,
    updated_at: String,
    changes: Vec<IndexChange>,
    last: Option<Hlc>,
}

impl<'a> Tx<'a> {
    pub(crate) fn new(
        txn: Transaction,
        clock: &'a mut HlcClock,
        user_id: &'a str,
        indexes: &'a Indexes,
        now: DateTime<Utc>,
    ) -> Self {
        Self {
            txn,
            clock,
            user_id,
            indexes,
            now_ms: now.timestamp_millis(),
            updated_at: now.to_rfc3339_opts(SecondsFormat::Millis, true),
            changes: Vec::new(),
            last: None,
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
    /// so later local writes order after it. For imports, backups and sync.
    pub fn put_raw(&mut self, collection: &str, doc: Document) -> StoreResult<()> {
        let (stamps, change) = raw::check(collection, &doc)?;
        let coll = self.txn.collection::<Document>(collection);
        let key = doc! { "_id": stamps.id.as_str() };
        if self.indexes.is_live(collection, &stamps.id) || coll.find_one(key.clone())?.is_some() {
            let mut body = doc;
            body.remove("_id");
            coll.update_one(key, doc! { "$set": body })?;
        } else {
            coll.insert_one(doc)?;
        }
        self.clock.observe(&stamps.hlc);
        if self.last.as_ref().is_none_or(|last| *last < stamps.hlc) {
            self.last = Some(stamps.hlc);
        }
        if let Some(change) = change {
            self.changes.push(change);
        }
        Ok(())
    }

    /// One document as stored, inside the transaction (sees its writes).
    pub fn get_raw(&self, collection: &str, id: &str) -> StoreResult<Option<Document>> {
        raw::known(collection)?;
        Ok(self.txn.collection::<Document>(collection).find_one(doc! { "_id": id })?)
    }

    fn write<E: Entity>(&mut self, value: &E, deleted: bool) -> StoreResult<()> {
        let hlc = self.clock.tick(self.now_ms);
        let hlc_text = hlc.to_string();
        let stamps = Stamps { user_id: self.user_id, updated_at: &self.updated_at, hlc: &hlc_text, deleted };
        let doc = to_document(value, &stamps)?;
        let coll = self.txn.collection::<Document>(E::COLLECTION);
        let key = doc! { "_id": value.id() };
        let known_live = self.indexes.is_live(E::COLLECTION, value.id());
        if known_live || coll.find_one(key.clone())?.is_some() {
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
        Ok(())
    }

    pub(crate) fn commit(self) -> StoreResult<Vec<IndexChange>> {
        if let Some(last) = &self.last {
            meta::write(&self.txn, "clock", doc! { "last": last.to_string() })?;
        }
        self.txn.commit()?;
        Ok(self.changes)
    }

    pub(crate) fn rollback(self) {
        // Dropping an uncommitted PoloDB transaction discards it; an explicit
        // rollback failure changes nothing more, so it is not reported.
        let _ = self.txn.rollback();
    }
}
