//! Opening the store and reading from it.

use crate::doc::{from_document, is_deleted};
use crate::entity::Entity;
use crate::error::{StoreError, StoreResult};
use crate::index::{IndexChange, Indexes};
use crate::meta;
use crate::outbox::Outbox;
use crate::sync_state;
use crate::tx::Tx;
use chrono::{DateTime, NaiveDate, Utc};
use polodb_core::bson::{Document, doc};
use polodb_core::{CollectionT, Database};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use std::path::Path;
use uuid::Uuid;
use waymark_core::activity::Activity;
use waymark_core::card::{Card, Review, TestAttempt};
use waymark_core::goal::Goal;
use waymark_core::hlc::{Hlc, HlcClock};
use waymark_core::ids::{ActivityId, GoalId, TaskId};
use waymark_core::roadmap::Roadmap;
use waymark_core::task::Task;

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
    pub(crate) db: Database,
    pub(crate) identity: StoreIdentity,
    pub(crate) clock: HlcClock,
    pub(crate) indexes: Indexes,
    pub(crate) outbox: Outbox,
    pub(crate) generation: u64,
}

#[derive(Serialize, Deserialize)]
struct ActivityKey {
    _id: ActivityId,
    goal_id: Option<GoalId>,
    #[serde(default)]
    deleted: bool,
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
            let identity = match meta::read(&txn, "identity")? {
                Some(d) => StoreIdentity {
                    user_id: d.get_str("user_id").unwrap_or_default().to_string(),
                    device_id: d.get_str("device_id").unwrap_or_default().to_string(),
                },
                None => {
                    let ts = uuid::Timestamp::from_unix(
                        uuid::NoContext,
                        now.timestamp().max(0) as u64,
                        now.timestamp_subsec_nanos(),
                    );
                    let id = StoreIdentity {
                        user_id: Uuid::new_v7(ts).to_string(),
                        device_id: Uuid::new_v7(ts).simple().to_string()[20..].to_string(),
                    };
                    meta::write(&txn, "identity", doc! { "user_id": &id.user_id, "device_id": &id.device_id })?;
                    id
                }
            };
            let last = meta::read(&txn, "clock")?.and_then(|d| d.get_str("last").ok().and_then(Hlc::parse));
            let sync_on = sync_state::read_enabled(&txn)?;
            txn.commit()?;
            (identity, last, sync_on)
        };
        let clock = HlcClock::resume(identity.device_id.clone(), last_hlc.as_ref());
        let outbox = Outbox::load(&db, sync_on)?;
        let mut store = Self { db, identity, clock, indexes: Indexes::default(), outbox, generation: 0 };
        store.build_indexes()?;
        Ok(store)
    }

    fn build_indexes(&mut self) -> StoreResult<()> {
        let mut indexes = Indexes::default();
        for task in self.scan::<Task>()? {
            indexes.apply(IndexChange::Task { task: Box::new(task), live: true });
        }
        for key in self.db.collection::<ActivityKey>(Activity::COLLECTION).find(doc! {}).run()? {
            let key = key?;
            // Step completions are read with the stats facts, on their first read.
            indexes.apply(IndexChange::Activity { id: key._id, goal: key.goal_id, step: None, live: !key.deleted });
        }
        for card in self.scan::<Card>()? {
            indexes.apply(IndexChange::Card { card: Box::new(card), live: true });
        }
        for test in self.scan::<TestAttempt>()? {
            indexes.apply(IndexChange::Test { test: Box::new(test), live: true });
        }
        for roadmap in self.scan::<Roadmap>()? {
            indexes.apply(IndexChange::Roadmap { roadmap: Box::new(roadmap), live: true });
        }
        for goal in self.scan::<Goal>()? {
            indexes.apply(IndexChange::Goal { goal: Box::new(goal), live: true });
        }
        self.indexes = indexes;
        Ok(())
    }

    /// A number that grows with every committed transaction: values derived
    /// from the store can be cached under it.
    pub fn generation(&self) -> u64 {
        self.generation
    }

    /// The learner and device ids.
    pub fn identity(&self) -> &StoreIdentity {
        &self.identity
    }

    /// Runs `f` in one transaction stamped at `now`: everything `f` writes is
    /// committed together, or — when `f` or the commit fails — nothing is.
    pub fn transact<R, E: From<StoreError>>(
        &mut self,
        now: DateTime<Utc>,
        f: impl FnOnce(&mut Tx<'_>) -> Result<R, E>,
    ) -> Result<R, E> {
        let txn = self.db.start_transaction().map_err(StoreError::from)?;
        let mut tx = Tx::new(txn, &mut self.clock, &self.identity, &self.indexes, &self.outbox, now);
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

    /// The live value with this id.
    pub fn get<E: Entity>(&self, id: &str) -> StoreResult<Option<E>> {
        let found = self.db.collection::<Document>(E::COLLECTION).find_one(doc! { "_id": id })?;
        match found {
            Some(d) if !is_deleted(&d) => Ok(Some(from_document(d)?)),
            _ => Ok(None),
        }
    }

    /// The HLC stamp of a document, live or tombstone.
    pub fn stamp_of<E: Entity>(&self, id: &str) -> StoreResult<Option<Hlc>> {
        let found = self.db.collection::<Document>(E::COLLECTION).find_one(doc! { "_id": id })?;
        Ok(found.and_then(|d| d.get_str("hlc").ok().and_then(Hlc::parse)))
    }

    /// Every live value of a collection, by a full scan. For small collections
    /// (goals) and for checking the indexes.
    pub fn scan<E: Entity>(&self) -> StoreResult<Vec<E>> {
        let mut out = Vec::new();
        for_each_live(&self.db, |value| out.push(value))?;
        Ok(out)
    }

    /// The live goal with this id (from memory).
    pub fn goal(&self, id: &GoalId) -> Option<Goal> {
        self.indexes.goal(id).cloned()
    }

    /// The live goal with this id, borrowed from memory.
    pub fn goal_ref(&self, id: &GoalId) -> Option<&Goal> {
        self.indexes.goal(id)
    }

    /// All live goals, oldest first (from memory).
    pub fn goals(&self) -> StoreResult<Vec<Goal>> {
        let mut goals: Vec<Goal> = self.indexes.goals().cloned().collect();
        goals.sort_by(|a, b| a.created_at.cmp(&b.created_at).then_with(|| a.id.cmp(&b.id)));
        Ok(goals)
    }

    /// Live tasks planned for `date` (index read), in plan order.
    pub fn tasks_on(&self, date: NaiveDate) -> StoreResult<Vec<Task>> {
        self.load_tasks(self.indexes.tasks_on(date))
    }

    /// Live tasks planned from `from` to `to` inclusive (index read).
    pub fn tasks_between(&self, from: NaiveDate, to: NaiveDate) -> StoreResult<Vec<Task>> {
        self.load_tasks(self.indexes.tasks_between(from, to))
    }

    /// Live tasks of a goal (index read), in plan order.
    pub fn tasks_of_goal(&self, goal: &GoalId) -> StoreResult<Vec<Task>> {
        self.load_tasks(self.indexes.tasks_of_goal(goal))
    }

    /// The day of a goal's last live task (index only, no document read).
    pub fn last_task_date(&self, goal: &GoalId) -> Option<NaiveDate> {
        self.indexes.last_task_date(goal)
    }

    /// A goal's live tasks, borrowed from memory (no copies), in no particular order.
    pub fn tasks_of_goal_ref(&self, goal: &GoalId) -> Vec<&Task> {
        self.indexes.tasks_of_goal(goal).filter_map(|id| self.indexes.task(id)).collect()
    }

    /// The live card with this id (from memory).
    pub fn card(&self, id: &waymark_core::ids::QuestionId) -> Option<Card> {
        self.indexes.card(id).cloned()
    }

    /// Every live card, borrowed from memory, in no particular order.
    pub fn cards(&self) -> impl Iterator<Item = &Card> {
        self.indexes.cards()
    }

    /// Live cards due at or before `now`, earliest first (from memory).
    pub fn cards_due_by(&self, now: DateTime<Utc>) -> impl Iterator<Item = &Card> {
        self.indexes.cards_due_by(now)
    }

    /// Every live test attempt, borrowed from memory, in no particular order.
    pub fn tests(&self) -> impl Iterator<Item = &TestAttempt> {
        self.indexes.tests()
    }

    /// The whole review log, by a scan (for the optimizer; not a hot path).
    pub fn reviews(&self) -> StoreResult<Vec<Review>> {
        self.scan::<Review>()
    }

    /// Every live task, in no particular order (from memory).
    pub fn all_tasks(&self) -> impl Iterator<Item = &Task> {
        self.indexes.all_tasks()
    }

    /// The live task with this id (from memory).
    pub fn task(&self, id: &TaskId) -> Option<Task> {
        self.indexes.task(id).cloned()
    }

    /// The latest `limit` activities, newest first — of one goal, or of all.
    pub fn recent_activities(&self, goal: Option<&GoalId>, limit: usize) -> StoreResult<Vec<Activity>> {
        let coll = self.db.collection::<Document>(Activity::COLLECTION);
        let mut out = Vec::new();
        for id in self.indexes.activities(goal).rev().take(limit) {
            if let Some(d) = coll.find_one(doc! { "_id": id.as_str() })? {
                out.push(from_document::<Activity>(d)?);
            }
        }
        Ok(out)
    }

    /// A device-local value kept in `meta` (never synced), e.g. the last day seen.
    pub fn local<T: DeserializeOwned>(&self, key: &str) -> StoreResult<Option<T>> {
        let txn = self.db.start_transaction()?;
        let found = meta::read(&txn, &format!("local:{key}"))?;
        txn.commit()?;
        match found.and_then(|d| d.get("value").cloned()) {
            Some(v) => polodb_core::bson::from_bson(v)
                .map(Some)
                .map_err(|e| StoreError::Corrupt { collection: meta::META, message: e.to_string() }),
            None => Ok(None),
        }
    }

    /// The live roadmap of a goal (from memory).
    pub fn roadmap_of_goal(&self, goal: &GoalId) -> StoreResult<Option<Roadmap>> {
        Ok(self.indexes.roadmap_of_goal(goal).cloned())
    }

    fn load_tasks<'a>(&self, ids: impl Iterator<Item = &'a TaskId>) -> StoreResult<Vec<Task>> {
        let mut tasks: Vec<Task> = ids.filter_map(|id| self.indexes.task(id).cloned()).collect();
        tasks.sort_by(|a, b| (a.date, &a.goal_id, a.seq).cmp(&(b.date, &b.goal_id, b.seq)));
        Ok(tasks)
    }
}

/// Calls `f` with every live value of a collection, by a full scan of `db`.
pub(crate) fn for_each_live<E: Entity>(db: &Database, mut f: impl FnMut(E)) -> StoreResult<()> {
    for d in db.collection::<Document>(E::COLLECTION).find(doc! {}).run()? {
        let d = d?;
        if !is_deleted(&d) {
            f(from_document(d)?);
        }
    }
    Ok(())
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
