//! A restore with sync on is, for the learner, a change made now: every
//! document it wrote must be stamped again and every live document it
//! removed must leave a tombstone, or the next pull brings the remote's
//! newer copies back. That takes two transactions (the replacement writes
//! with the backup's stamps), so it is made durable: the replacement's own
//! transaction keeps a copy of each live document it removes (local
//! collection `restamp_pending`, never synced) and a marker; the re-stamp
//! writes everything again, the tombstones, and clears both, in one
//! transaction. A process stopped in between finishes it at the next open.

use super::Tx;
use crate::error::StoreResult;
use crate::meta;
use crate::schema::{Collection, RawDoc, field};
use crate::tracking::record;
use polodb_core::bson::{Document, doc};
use polodb_core::{CollectionT, Database, Transaction};

pub(crate) const PENDING: &str = "restamp_pending";
const MARKER: &str = "restamp_pending";

/// Inside a replacement: marks the re-stamp as pending. Returns whether an
/// earlier one still was (its kept documents stay, to be tombstoned too).
pub(crate) fn mark(txn: &Transaction) -> StoreResult<bool> {
    let earlier = meta::read(txn, MARKER)?.is_some();
    meta::write(txn, MARKER, doc! { "pending": true })?;
    Ok(earlier)
}

/// Inside a replacement, before it deletes `collection`: keeps a copy of
/// each live document of `collection` (over an earlier copy when `earlier`).
pub(crate) fn keep_removed(txn: &Transaction, collection: Collection, earlier: bool) -> StoreResult<()> {
    let kept = txn.collection::<Document>(PENDING);
    for d in txn.collection::<RawDoc>(collection.name()).find(doc! {}).run()? {
        let d = d?;
        let Some(id) = d.id().map(str::to_string) else { continue };
        if d.is_deleted() {
            continue;
        }
        let key = format!("{}/{id}", collection.name());
        if earlier {
            kept.delete_one(doc! { (field::ID): &key })?;
        }
        kept.insert_one(doc! { (field::ID): key, "collection": collection.name(), "doc": d.into_document() })?;
    }
    Ok(())
}

/// Forgets a pending re-stamp (for a replacement that wipes everything).
pub(crate) fn forget(txn: &Transaction) -> StoreResult<()> {
    txn.collection::<Document>(PENDING).delete_many(doc! {})?;
    txn.collection::<Document>(meta::META).delete_one(doc! { (field::ID): MARKER })?;
    Ok(())
}

/// The documents a pending re-stamp removed, or `None` when none is pending.
pub(crate) fn pending(db: &Database) -> StoreResult<Option<Vec<(Collection, RawDoc)>>> {
    let marked = db.collection::<Document>(meta::META).find_one(doc! { (field::ID): MARKER })?.is_some();
    if !marked {
        return Ok(None);
    }
    record::all(db, PENDING, |f| Ok((f.collection("collection")?, f.raw("doc")?))).map(Some)
}

impl Tx<'_> {
    /// Clears the pending re-stamp, inside this transaction.
    pub(crate) fn clear_restamp(&mut self) -> StoreResult<()> {
        forget(&self.txn)
    }
}
