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
use crate::index::Indexes;
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
        let mut newest: Option<&Hlc> = None;
        let mut ids: HashMap<&str, HashSet<&str>> = HashMap::new();
        for d in &documents {
            if !ids.entry(d.collection.as_str()).or_default().insert(d.stamps.id.as_str()) {
                return Err(StoreError::BadDocument {
                    collection: d.collection.clone(),
                    message: format!("{}: the id appears twice", d.stamps.id),
                });
            }
            if newest.is_none_or(|n| *n < d.stamps.hlc) {
                newest = Some(&d.stamps.hlc);
            }
        }
        let newest = newest.cloned();
        drop(ids);
        let mut changes = Vec::with_capacity(documents.len());
        let mut grouped: Vec<(String, Vec<Document>)> = Vec::new();
        for d in documents {
            changes.extend(d.change);
            match grouped.last_mut() {
                Some((c, docs)) if *c == d.collection => docs.push(d.doc),
                _ => grouped.push((d.collection, vec![d.doc])),
            }
        }
        let txn = self.db.start_transaction()?;
        let written = write_all(&txn, grouped, &options, &self.identity.device_id, newest.as_ref());
        let replaced = match written {
            Ok(replaced) => replaced,
            Err(e) => {
                // Nothing was committed; a failing rollback changes nothing more.
                let _ = txn.rollback();
                return Err(e);
            }
        };
        txn.commit()?;
        if let Some(user_id) = options.user_id {
            self.identity.user_id = user_id;
        }
        if let Some(newest) = &newest {
            self.clock.observe(newest);
        }
        let mut indexes = Indexes::default();
        for change in changes {
            indexes.apply(change);
        }
        self.indexes = indexes;
        self.generation += 1;
        Ok(replaced)
    }
}

/// The writes of a replacement, inside its transaction.
fn write_all(
    txn: &Transaction,
    documents: Vec<(String, Vec<Document>)>,
    options: &Replace,
    device_id: &str,
    newest: Option<&Hlc>,
) -> StoreResult<Replaced> {
    let mut replaced = Replaced::default();
    for collection in COLLECTIONS {
        let removed = txn.collection::<Document>(collection).delete_many(doc! {})?.deleted_count;
        replaced.removed.insert(collection.to_string(), removed);
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
    if let Some(newest) = newest {
        let last = meta::read(txn, "clock")?.and_then(|d| d.get_str("last").ok().and_then(Hlc::parse));
        if last.as_ref().is_none_or(|l| l < newest) {
            meta::write(txn, "clock", doc! { "last": newest.to_string() })?;
        }
    }
    for (collection, docs) in documents {
        let count = docs.len() as u64;
        if !docs.is_empty() {
            txn.collection::<Document>(&collection).insert_many(docs)?;
        }
        *replaced.written.entry(collection).or_default() += count;
    }
    Ok(replaced)
}
