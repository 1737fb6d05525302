//! The `meta` collection: schema version with its migrations, the store's
//! identity (user and device ids), and the last HLC stamp issued.

use crate::error::{StoreError, StoreResult};
use polodb_core::bson::{Document, doc};
use polodb_core::{CollectionT, Transaction};

/// The schema version this build writes.
pub const SCHEMA_VERSION: i64 = 1;

pub(crate) const META: &str = "meta";

/// A migration lifts the store from version `n` to `n + 1` inside one transaction.
type Migration = fn(&Transaction) -> StoreResult<()>;

/// `MIGRATIONS[n - 1]` lifts version `n` to `n + 1`. Version 1 is the first
/// schema, so there is nothing to lift yet; add entries here, never edit them.
const MIGRATIONS: &[Migration] = &[];

pub(crate) fn read(txn: &Transaction, key: &str) -> StoreResult<Option<Document>> {
    Ok(txn.collection::<Document>(META).find_one(doc! { "_id": key })?)
}

pub(crate) fn write(txn: &Transaction, key: &str, mut body: Document) -> StoreResult<()> {
    let coll = txn.collection::<Document>(META);
    if coll.find_one(doc! { "_id": key })?.is_some() {
        coll.update_one(doc! { "_id": key }, doc! { "$set": body })?;
    } else {
        body.insert("_id", key);
        coll.insert_one(body)?;
    }
    Ok(())
}

/// Brings the schema up to [`SCHEMA_VERSION`], or refuses a newer one.
pub(crate) fn migrate(txn: &Transaction, fresh: bool) -> StoreResult<()> {
    let found = match read(txn, "schema")? {
        Some(d) => {
            d.get_i64("version").map_err(|e| StoreError::Corrupt { collection: META, message: e.to_string() })?
        }
        None if fresh => SCHEMA_VERSION,
        None => 1,
    };
    if found > SCHEMA_VERSION {
        return Err(StoreError::NewerSchema { found, supported: SCHEMA_VERSION });
    }
    for version in found..SCHEMA_VERSION {
        let index = usize::try_from(version - 1).unwrap_or(usize::MAX);
        let step =
            MIGRATIONS.get(index).ok_or_else(|| StoreError::Db(format!("no migration from schema {version}")))?;
        step(txn)?;
    }
    write(txn, "schema", doc! { "version": SCHEMA_VERSION })
}
