//! Replacing all learner data at once — restoring a backup, importing an export
//! into an empty store, deleting everything.
//!
//! The old documents are *hard*-deleted, tombstones included: a wipe leaves
//! nothing behind for sync to carry as deletions (what sync does about a wipe
//! is decided above the store). The new documents come checked (see
//! [`crate::check_document`]) and are written with their stamps. Everything
//! happens in one PoloDB transaction — an error writes nothing — and after the
//! commit the in-memory indexes are rebuilt from the documents written.

use crate::error::{StoreError, StoreResult};
use crate::index::{IndexChange, Indexes};
use crate::meta;
use crate::raw::COLLECTIONS;
use crate::stamps::CheckedDocument;
use crate::store::Store;
use polodb_core::bson::{Document, doc};
use polodb_core::{CollectionT, Transaction};
use std::collections::{BTreeMap, HashMap, HashSet};
use waymark_core::hlc::Hlc;

/// How device-local values are keyed in `meta` (see [`crate::Tx::put_local`]).
const LOCAL_PREFIX: &str = "local:";

/// Options of [`Store::replace_learner_data`].
#[derive(Debug, Clone, Default)]
pub struct Replace {
    /// Make this the store's learner (user id) from now on; `None` keeps the current one.
    pub user_id: Option<String>,
    /// Also forget the device-local values (see [`crate::Tx::put_local`]). The
    /// store's identity, schema version and clock are always kept.
    pub forget_local: bool,
}

/// What a replacement did, per collection.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Replaced {
    /// Documents removed (tombstones included), by collection.
    pub removed: BTreeMap<String, u64>,
    /// Documents written, by collection.
    pub written: BTreeMap<String, u64>,
}

impl Store {
    /// Whether the store holds no learner document at all (not even a tombstone).
    pub fn is_empty_of_learner_data(&self) -> StoreResult<bool> {
        for collection in COLLECTIONS {
            if self.db.collection::<Document>(collection).find(doc! {}).run()?.next().is_some() {
                return Ok(false);
            }
        }
        Ok(true)
    }

    /// Hard-deletes every document of every learner collection and writes
    /// `documents` in their place, stamps kept, in one transaction; ids must
    /// not repeat within a collection, otherwise nothing is written. The clock
    /// observes the newest stamp written.
    pub fn replace_learner_data(&mut self, documents: Vec<CheckedDocument>, options: Replace) -> StoreResult<Replaced> {
        self.replace_learner_data_from([Ok::<_, StoreError>(documents)], options)
    }

    /// Like [`Store::replace_learner_data`], with the documents arriving in
    /// batches while the writing goes on — e.g. from a thread that checks them
    /// — so that checking and writing overlap. The first `Err` batch (or a
    /// repeated id) stops the replacement and nothing is written.
    pub fn replace_learner_data_from<E: From<StoreError>>(
        &mut self,
        batches: impl IntoIterator<Item = Result<Vec<CheckedDocument>, E>>,
        options: Replace,
    ) -> Result<Replaced, E> {
        let txn = self.db.start_transaction().map_err(StoreError::from)?;
        let mut writing = Writing::default();
        let written = writing.run(&txn, batches, &options, &self.identity.device_id);
        if let Err(e) = written {
            // Nothing was committed; a failing rollback changes nothing more.
            let _ = txn.rollback();
            return Err(e);
        }
        txn.commit().map_err(StoreError::from)?;
        if let Some(user_id) = options.user_id {
            self.identity.user_id = user_id;
        }
        if let Some(newest) = &writing.newest {
            self.clock.observe(newest);
        }
        let mut indexes = Indexes::default();
        for change in writing.changes {
            indexes.apply(change);
        }
        self.indexes = indexes;
        self.generation += 1;
        Ok(writing.replaced)
    }
}

/// The state of a replacement while its transaction is open.
#[derive(Default)]
struct Writing {
    replaced: Replaced,
    ids: HashMap<String, HashSet<String>>,
    newest: Option<Hlc>,
    changes: Vec<IndexChange>,
}

impl Writing {
    fn run<E: From<StoreError>>(
        &mut self,
        txn: &Transaction,
        batches: impl IntoIterator<Item = Result<Vec<CheckedDocument>, E>>,
        options: &Replace,
        device_id: &str,
    ) -> Result<(), E> {
        self.clear(txn, options, device_id)?;
        for batch in batches {
            self.write(txn, batch?)?;
        }
        if let Some(newest) = &self.newest {
            let last = meta::read(txn, "clock")?.and_then(|d| d.get_str("last").ok().and_then(Hlc::parse));
            if last.as_ref().is_none_or(|l| l < newest) {
                meta::write(txn, "clock", doc! { "last": newest.to_string() })?;
            }
        }
        Ok(())
    }

    /// Hard-deletes the learner documents (and maybe the device-local values)
    /// and records the new user id.
    fn clear(&mut self, txn: &Transaction, options: &Replace, device_id: &str) -> StoreResult<()> {
        for collection in COLLECTIONS {
            let removed = txn.collection::<Document>(collection).delete_many(doc! {})?.deleted_count;
            self.replaced.removed.insert(collection.to_string(), removed);
        }
        if options.forget_local {
            let meta = txn.collection::<Document>(meta::META);
            let mut local = Vec::new();
            for d in meta.find(doc! {}).run()? {
                if let Ok(id) = d?.get_str("_id")
                    && id.starts_with(LOCAL_PREFIX)
                {
                    local.push(id.to_string());
                }
            }
            for id in local {
                meta.delete_one(doc! { "_id": id })?;
            }
        }
        if let Some(user_id) = &options.user_id {
            meta::write(txn, "identity", doc! { "user_id": user_id, "device_id": device_id })?;
        }
        Ok(())
    }

    /// Writes one batch, collection by collection.
    fn write(&mut self, txn: &Transaction, batch: Vec<CheckedDocument>) -> StoreResult<()> {
        let mut group: Option<(String, Vec<Document>)> = None;
        for d in batch {
            if !self.ids.entry(d.collection.clone()).or_default().insert(d.stamps.id.clone()) {
                return Err(StoreError::BadDocument {
                    collection: d.collection,
                    message: format!("{}: the id appears twice", d.stamps.id),
                });
            }
            if self.newest.as_ref().is_none_or(|n| *n < d.stamps.hlc) {
                self.newest = Some(d.stamps.hlc.clone());
            }
            self.changes.extend(d.change);
            match &mut group {
                Some((c, docs)) if *c == d.collection => docs.push(d.doc),
                _ => {
                    if let Some((c, docs)) = group.take() {
                        self.insert(txn, c, docs)?;
                    }
                    group = Some((d.collection, vec![d.doc]));
                }
            }
        }
        if let Some((c, docs)) = group {
            self.insert(txn, c, docs)?;
        }
        Ok(())
    }

    fn insert(&mut self, txn: &Transaction, collection: String, docs: Vec<Document>) -> StoreResult<()> {
        let count = docs.len() as u64;
        txn.collection::<Document>(&collection).insert_many(docs)?;
        *self.replaced.written.entry(collection).or_default() += count;
        Ok(())
    }
}
