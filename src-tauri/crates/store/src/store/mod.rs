//! The open store: opening it (migrations, identity, clock, outbox and
//! indexes loaded), running transactions and following their commits in
//! memory. Its reads are in [`reads`].

mod reads;
mod restamp;

use crate::entity::CheckedDocument;
use crate::error::{StoreError, StoreResult};
use crate::index::Indexes;
use crate::meta;
use crate::schema::field;
use crate::tracking::outbox::Outbox;
use crate::tracking::sync_state;
use crate::tx::replace::{self, Replace, Replaced};
use crate::tx::{Tx, Writer};
use chrono::{DateTime, Utc};
use polodb_core::bson::{Document, doc};
use polodb_core::{CollectionT, Database};
use std::path::Path;
use uuid::Uuid;
use waymark_core::hlc::{Hlc, HlcClock};

/// Who writes through this store: the learner's user id (shared by their
/// devices once sync is on) and this device's id (part of every HLC stamp).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoreIdentity {
    /// The learner.
    pub user_id: String,
    /// This installation.
    pub device_id: String,
}

/// The open local database. Open it once per process.
pub struct Store {
    db: Database,
    identity: StoreIdentity,
    clock: HlcClock,
    indexes: Indexes,
    outbox: Outbox,
    generation: u64,
}

impl Store {
    /// Opens (creating if needed) the database in directory `dir`. `now` seeds
    /// the ids made for a new store.
    pub fn open(dir: &Path, now: DateTime<Utc>) -> StoreResult<Self> {
        std::fs::create_dir_all(dir)
            .map_err(|e| StoreError::Directory { path: dir.to_path_buf(), message: e.to_string() })?;
        let db = Database::open_path(dir).map_err(|e| {
            let text = e.to_string();
            if text.to_lowercase().contains("lock") {
                StoreError::AlreadyOpen { path: dir.to_path_buf() }
            } else {
                StoreError::Directory { path: dir.to_path_buf(), message: text }
            }
        })?;
        let (identity, last_hlc, sync_on) = {
            let txn = db.start_transaction()?;
            let fresh = txn.collection::<Document>(meta::META).count_documents()? == 0;
            meta::migrate(&txn, fresh)?;
            let identity = match meta::read(&txn, meta::IDENTITY)? {
                Some(d) => StoreIdentity {
                    user_id: d.get_str(field::USER_ID).unwrap_or_default().to_string(),
                    device_id: d.get_str("device_id").unwrap_or_default().to_string(),
                },
                None => {
                    let id = new_identity(now);
                    let body = doc! { (field::USER_ID): &id.user_id, "device_id": &id.device_id };
                    meta::write(&txn, meta::IDENTITY, body)?;
                    id
                }
            };
            let last = meta::read(&txn, meta::CLOCK)?.and_then(|d| d.get_str("last").ok().and_then(Hlc::parse));
            let sync_on = sync_state::read_enabled(&txn)?;
            txn.commit()?;
            (identity, last, sync_on)
        };
        let clock = HlcClock::resume(identity.device_id.clone(), last_hlc.as_ref());
        let outbox = Outbox::load(&db, sync_on)?;
        let indexes = Indexes::build(&db)?;
        let mut store = Self { db, identity, clock, indexes, outbox, generation: 0 };
        store.finish_restamp(now)?;
        Ok(store)
    }

    /// Runs `f` in one transaction stamped at `now`: everything `f` writes is
    /// committed together, or — when `f` or the commit fails — nothing is.
    pub fn transact<R, E: From<StoreError>>(
        &mut self,
        now: DateTime<Utc>,
        f: impl FnOnce(&mut Tx<'_>) -> Result<R, E>,
    ) -> Result<R, E> {
        let txn = self.db.start_transaction().map_err(StoreError::from)?;
        let writer = Writer {
            clock: &mut self.clock,
            user_id: self.identity.user_id.clone(),
            device_id: &self.identity.device_id,
            now,
        };
        let mut tx = Tx::new(txn, writer, &self.indexes, &self.outbox);
        let result = f(&mut tx);
        match result {
            Ok(value) => {
                let committed = tx.commit()?;
                for change in committed.indexes {
                    self.indexes.apply(change);
                }
                self.outbox.apply(committed.outbox);
                if let Some(user) = committed.user_id {
                    self.identity.user_id = user;
                }
                self.generation += 1;
                Ok(value)
            }
            Err(e) => {
                tx.rollback();
                Err(e)
            }
        }
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
        let done = replace::replace(&self.db, batches, &options, &self.identity.device_id)?;
        if let Some(user_id) = options.user_id {
            self.identity.user_id = user_id;
        }
        if let Some(newest) = &done.newest {
            self.clock.observe(newest);
        }
        let mut indexes = Indexes::default();
        for change in done.changes {
            indexes.apply(change);
        }
        self.indexes = indexes;
        self.generation += 1;
        Ok(done.replaced)
    }
}

/// The ids of a new store, made from the time it is created.
fn new_identity(now: DateTime<Utc>) -> StoreIdentity {
    let ts = uuid::Timestamp::from_unix(uuid::NoContext, now.timestamp().max(0) as u64, now.timestamp_subsec_nanos());
    StoreIdentity {
        user_id: Uuid::new_v7(ts).to_string(),
        device_id: Uuid::new_v7(ts).simple().to_string()[20..].to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn schema_1_goals_get_an_even_weekly_pattern() {
        let dir = tempfile::tempdir().unwrap();
        let now = Utc.with_ymd_and_hms(2026, 3, 2, 9, 0, 0).unwrap();
        {
            let store = Store::open(dir.path(), now).unwrap();
            let txn = store.db.start_transaction().unwrap();
            meta::write(&txn, "schema", doc! { "version": 1_i64 }).unwrap();
            txn.collection::<Document>("goals")
                .insert_one(doc! {
                    "_id": "0190a000-0000-7000-8000-000000000001", "title": "Old", "description": "", "category": "",
                    "difficulty": "beginner", "target_date": null, "hours_per_week": 7.0, "skills": [],
                    "prerequisites": [], "status": "active", "created_at": "2026-03-01T09:00:00Z",
                    "completed_at": null, "user_id": "u", "updated_at": "2026-03-01T09:00:00Z",
                    "hlc": "0000000000000-00000-dev", "deleted": false,
                })
                .unwrap();
            txn.commit().unwrap();
        }
        let store = Store::open(dir.path(), now).unwrap();
        let goals = store.goals().unwrap();
        assert_eq!(goals.len(), 1);
        assert_eq!(goals[0].week_minutes.0, [60; 7]);
    }

    #[test]
    fn a_store_from_a_newer_schema_is_refused_and_left_alone() {
        let dir = tempfile::tempdir().unwrap();
        let now = Utc.with_ymd_and_hms(2026, 3, 2, 9, 0, 0).unwrap();
        {
            let store = Store::open(dir.path(), now).unwrap();
            let txn = store.db.start_transaction().unwrap();
            meta::write(&txn, "schema", doc! { "version": meta::SCHEMA_VERSION + 1 }).unwrap();
            txn.commit().unwrap();
        }
        match Store::open(dir.path(), now) {
            Err(StoreError::NewerSchema { found, supported }) => {
                assert_eq!((found, supported), (meta::SCHEMA_VERSION + 1, meta::SCHEMA_VERSION));
            }
            other => panic!("expected NewerSchema, got {:?}", other.err()),
        }
        let db = Database::open_path(dir.path()).unwrap();
        let schema = db.collection::<Document>(meta::META).find_one(doc! { "_id": "schema" }).unwrap().unwrap();
        assert_eq!(schema.get_i64("version").unwrap(), meta::SCHEMA_VERSION + 1, "the newer store is untouched");
    }
}
