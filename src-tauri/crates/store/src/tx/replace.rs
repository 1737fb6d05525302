//! Replacing all learner data at once — restoring a backup, importing an export
//! into an empty store, deleting everything.
//!
//! The old documents are *hard*-deleted, tombstones included: a wipe leaves
//! nothing behind for sync to carry as deletions (what sync does about a wipe
//! is decided above the store). The new documents come checked (see
//! [`crate::check_document`]) and are written with their stamps. Everything
//! happens in one PoloDB transaction — an error writes nothing — and after the
//! commit the in-memory indexes are rebuilt from the documents written.

use super::restamp;
use crate::entity::{CheckedDocument, IndexChange};
use crate::error::{StoreError, StoreResult};
use crate::meta;
use crate::schema::{Collection, RawDoc, field};
use crate::tracking::conflicts::CONFLICTS;
use crate::tracking::quarantine::QUARANTINE;
use polodb_core::bson::{Document, doc};
use polodb_core::{CollectionT, Database, Transaction};
use std::collections::{BTreeMap, HashMap, HashSet};
use waymark_core::hlc::Hlc;

/// Options of [`crate::Store::replace_learner_data`].
#[derive(Debug, Clone, Default)]
pub struct Replace {
    /// Make this the store's learner (user id) from now on; `None` keeps the current one.
    pub user_id: Option<String>,
    /// Also forget the device-local values (see [`crate::Tx::put_local`]),
    /// the kept conflict versions and the documents kept aside. The store's
    /// identity, schema version and clock are always kept.
    pub forget_local: bool,
    /// Make the replacement a change made now, for sync: once it commits,
    /// [`crate::Store::finish_restamp`] writes every document again with a
    /// fresh stamp and a tombstone for each live document it removed — and
    /// if the process stops first, the next open does (the removed documents
    /// are kept, and the re-stamp marked pending, in this transaction).
    pub restamp: bool,
}

/// What a replacement did, per collection.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Replaced {
    /// Documents removed (tombstones included), by collection.
    pub removed: BTreeMap<String, u64>,
    /// Documents written, by collection.
    pub written: BTreeMap<String, u64>,
}

/// A committed replacement, for the store to follow in memory.
pub(crate) struct Replacement {
    pub(crate) replaced: Replaced,
    pub(crate) newest: Option<Hlc>,
    pub(crate) changes: Vec<IndexChange>,
}

/// Whether `db` holds no learner document at all (not even a tombstone).
pub(crate) fn is_empty(db: &Database) -> StoreResult<bool> {
    for collection in Collection::ALL {
        if db.collection::<Document>(collection.name()).find(doc! {}).run()?.next().is_some() {
            return Ok(false);
        }
    }
    Ok(true)
}

/// Replaces the learner data of `db` in one transaction; see
/// [`crate::Store::replace_learner_data_from`].
pub(crate) fn replace<E: From<StoreError>>(
    db: &Database,
    batches: impl IntoIterator<Item = Result<Vec<CheckedDocument>, E>>,
    options: &Replace,
    device_id: &str,
) -> Result<Replacement, E> {
    let txn = db.start_transaction().map_err(StoreError::from)?;
    let mut writing = Writing::default();
    if let Err(e) = writing.run(&txn, batches, options, device_id) {
        // Nothing was committed; a failing rollback changes nothing more.
        let _ = txn.rollback();
        return Err(e);
    }
    txn.commit().map_err(StoreError::from)?;
    Ok(Replacement { replaced: writing.replaced, newest: writing.newest, changes: writing.changes })
}

/// The state of a replacement while its transaction is open.
#[derive(Default)]
struct Writing {
    replaced: Replaced,
    ids: HashMap<Collection, HashSet<String>>,
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
            let last = meta::read(txn, meta::CLOCK)?.and_then(|d| d.get_str("last").ok().and_then(Hlc::parse));
            if last.as_ref().is_none_or(|l| l < newest) {
                meta::write(txn, meta::CLOCK, doc! { "last": newest.to_string() })?;
            }
        }
        Ok(())
    }

    /// Hard-deletes the learner documents (and maybe the device-local values)
    /// and records the new user id.
    fn clear(&mut self, txn: &Transaction, options: &Replace, device_id: &str) -> StoreResult<()> {
        let earlier = if options.restamp { Some(restamp::mark(txn)?) } else { None };
        for collection in Collection::ALL {
            if let Some(earlier) = earlier {
                restamp::keep_removed(txn, collection, earlier)?;
            }
            let removed = txn.collection::<Document>(collection.name()).delete_many(doc! {})?.deleted_count;
            self.replaced.removed.insert(collection.name().to_string(), removed);
        }
        if options.forget_local {
            restamp::forget(txn)?;
            // Kept versions and documents kept aside hold learner data too.
            for local in [CONFLICTS, QUARANTINE] {
                txn.collection::<Document>(local).delete_many(doc! {})?;
            }
            let meta = txn.collection::<Document>(meta::META);
            let mut local = Vec::new();
            for d in meta.find(doc! {}).run()? {
                if let Ok(id) = d?.get_str(field::ID)
                    && id.starts_with(meta::LOCAL_PREFIX)
                {
                    local.push(id.to_string());
                }
            }
            for id in local {
                meta.delete_one(doc! { (field::ID): id })?;
            }
        }
        if let Some(user_id) = &options.user_id {
            meta::write(txn, meta::IDENTITY, doc! { (field::USER_ID): user_id, "device_id": device_id })?;
        }
        Ok(())
    }

    /// Writes one batch, collection by collection.
    fn write(&mut self, txn: &Transaction, batch: Vec<CheckedDocument>) -> StoreResult<()> {
        let mut group: Option<(Collection, Vec<RawDoc>)> = None;
        for d in batch {
            if !self.ids.entry(d.collection).or_default().insert(d.stamps.id.clone()) {
                return Err(StoreError::BadDocument {
                    collection: d.collection.name().to_string(),
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

    fn insert(&mut self, txn: &Transaction, collection: Collection, docs: Vec<RawDoc>) -> StoreResult<()> {
        let count = docs.len() as u64;
        txn.collection::<RawDoc>(collection.name()).insert_many(docs)?;
        *self.replaced.written.entry(collection.name().to_string()).or_default() += count;
        Ok(())
    }
}
