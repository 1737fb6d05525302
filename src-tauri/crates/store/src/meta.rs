//! The `meta` collection: schema version with its migrations, the store's
//! identity (user and device ids), and the last HLC stamp issued.

use crate::error::{StoreError, StoreResult};
use crate::schema::{Collection, field};
use polodb_core::bson::{Document, doc};
use polodb_core::{CollectionT, Transaction};

/// The schema version this build writes.
pub const SCHEMA_VERSION: i64 = 2;

pub(crate) const META: &str = "meta";

/// A migration lifts the store from version `n` to `n + 1` inside one transaction.
type Migration = fn(&Transaction) -> StoreResult<()>;

/// `MIGRATIONS[n - 1]` lifts version `n` to `n + 1`; add entries here, never
/// edit them.
const MIGRATIONS: &[Migration] = &[goals_get_a_weekly_pattern];

/// Version 2: goals carry `week_minutes` (minutes per weekday, Monday first);
/// version 1 goals spread their weekly hours evenly.
fn goals_get_a_weekly_pattern(txn: &Transaction) -> StoreResult<()> {
    let goals = txn.collection::<Document>(Collection::Goals.name());
    let mut updates = Vec::new();
    for d in goals.find(doc! {}).run()? {
        let d = d?;
        if d.contains_key("week_minutes") {
            continue;
        }
        let hours = d.get_f64("hours_per_week").unwrap_or(waymark_core::goal::DEFAULT_HOURS_PER_WEEK);
        let week = waymark_core::availability::WeekMinutes::even(hours);
        let id = d
            .get(field::ID)
            .cloned()
            .ok_or(StoreError::Corrupt { collection: Collection::Goals.name(), message: "a goal has no _id".into() })?;
        updates.push((id, week.0.iter().map(|m| i64::from(*m)).collect::<Vec<i64>>()));
    }
    for (id, minutes) in updates {
        goals.update_one(doc! { (field::ID): id }, doc! { "$set": { "week_minutes": minutes } })?;
    }
    Ok(())
}

pub(crate) fn read(txn: &Transaction, key: &str) -> StoreResult<Option<Document>> {
    Ok(txn.collection::<Document>(META).find_one(doc! { (field::ID): key })?)
}

pub(crate) fn write(txn: &Transaction, key: &str, mut body: Document) -> StoreResult<()> {
    let coll = txn.collection::<Document>(META);
    if coll.find_one(doc! { (field::ID): key })?.is_some() {
        coll.update_one(doc! { (field::ID): key }, doc! { "$set": body })?;
    } else {
        body.insert(field::ID, key);
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

/// The key of the store's identity (user and device ids).
pub(crate) const IDENTITY: &str = "identity";
/// The key of the last HLC stamp issued.
pub(crate) const CLOCK: &str = "clock";
/// How device-local values are keyed (see [`crate::Tx::put_local`]).
pub(crate) const LOCAL_PREFIX: &str = "local:";

/// The key of the device-local value `key`.
pub(crate) fn local_key(key: &str) -> String {
    format!("{LOCAL_PREFIX}{key}")
}
/// The key of the sync switch.
pub(crate) const SYNC: &str = "sync";
