//! Reading the store: values by id (PoloDB's primary key), the hot reads from
//! the in-memory indexes, raw documents for sync and exports, the sync
//! tracking, and the stats facts. Each read is answered by the layer that
//! holds it; this file only routes.

use super::{Store, StoreIdentity};
use crate::entity::{Entity, for_each_live, from_document};
use crate::error::{StoreError, StoreResult};
use crate::index::{ScannedStats, StatsScan};
use crate::meta;
use crate::schema::{Collection, RawDoc, field};
use crate::tracking::outbox::OutboxSnapshot;
use crate::tracking::{Conflict, Quarantined, SyncLogEntry, SyncState, conflicts, quarantine, sync_state};
use crate::tx::replace;
use chrono::{DateTime, NaiveDate, Utc};
use polodb_core::CollectionT;
use polodb_core::bson::doc;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use waymark_core::activity::Activity;
use waymark_core::card::{Card, Review, TestAttempt};
use waymark_core::goal::Goal;
use waymark_core::hlc::Hlc;
use waymark_core::ids::{GoalId, QuestionId, TaskId};
use waymark_core::roadmap::Roadmap;
use waymark_core::stats::{ReviewFact, StepDone};
use waymark_core::task::Task;

/// Just the fields a stamp scan decodes.
#[derive(Serialize, Deserialize)]
struct Stamp {
    _id: String,
    hlc: String,
}

impl Store {
    /// A number that grows with every committed transaction: values derived
    /// from the store can be cached under it.
    pub fn generation(&self) -> u64 {
        self.generation
    }

    /// The learner and device ids.
    pub fn identity(&self) -> &StoreIdentity {
        &self.identity
    }

    /// The live value with this id.
    pub fn get<E: Entity>(&self, id: &str) -> StoreResult<Option<E>> {
        match self.raw_document(E::COLLECTION, id)? {
            Some(d) if !d.is_deleted() => Ok(Some(from_document(d)?)),
            _ => Ok(None),
        }
    }

    /// The HLC stamp of a document, live or tombstone.
    pub fn stamp_of<E: Entity>(&self, id: &str) -> StoreResult<Option<Hlc>> {
        Ok(self.raw_document(E::COLLECTION, id)?.and_then(|d| d.hlc()))
    }

    /// Every live value of a collection, by a full scan. For small collections
    /// (goals) and for checking the indexes.
    pub fn scan<E: Entity>(&self) -> StoreResult<Vec<E>> {
        let mut out = Vec::new();
        for_each_live(&self.db, |value| out.push(value))?;
        Ok(out)
    }

    /// Every document of a collection as stored — tombstones included — in
    /// PoloDB's order.
    pub fn raw_documents(&self, collection: Collection) -> StoreResult<Vec<RawDoc>> {
        let mut out = Vec::new();
        for d in self.db.collection::<RawDoc>(collection.name()).find(doc! {}).run()? {
            out.push(d?);
        }
        Ok(out)
    }

    /// One document as stored (live or tombstone).
    pub fn raw_document(&self, collection: Collection, id: &str) -> StoreResult<Option<RawDoc>> {
        Ok(self.db.collection::<RawDoc>(collection.name()).find_one(doc! { (field::ID): id })?)
    }

    /// The HLC stamp of every document of `collection` (tombstones included), by id.
    pub fn stamps(&self, collection: Collection) -> StoreResult<HashMap<String, Hlc>> {
        let mut out = HashMap::new();
        for s in self.db.collection::<Stamp>(collection.name()).find(doc! {}).run()? {
            let s = s?;
            let hlc = Hlc::parse(&s.hlc).ok_or_else(|| StoreError::BadDocument {
                collection: collection.name().to_string(),
                message: format!("{}: stored `hlc` \"{}\" is not a stamp", s._id, s.hlc),
            })?;
            out.insert(s._id, hlc);
        }
        Ok(out)
    }

    /// Whether the store holds no learner document at all (not even a tombstone).
    pub fn is_empty_of_learner_data(&self) -> StoreResult<bool> {
        replace::is_empty(&self.db)
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
    pub fn card(&self, id: &QuestionId) -> Option<Card> {
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
        let coll = self.db.collection::<RawDoc>(Activity::COLLECTION.name());
        let mut out = Vec::new();
        for id in self.indexes.activities(goal).rev().take(limit) {
            if let Some(d) = coll.find_one(doc! { (field::ID): id.as_str() })? {
                out.push(from_document::<Activity>(d)?);
            }
        }
        Ok(out)
    }

    /// A device-local value kept in `meta` (never synced), e.g. the last day seen.
    pub fn local<T: DeserializeOwned>(&self, key: &str) -> StoreResult<Option<T>> {
        let txn = self.db.start_transaction()?;
        let found = meta::read(&txn, &meta::local_key(key))?;
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

    /// Whether sync is on for this device (then every local write is tracked).
    pub fn sync_enabled(&self) -> bool {
        self.outbox.enabled
    }

    /// The sync bookkeeping of this device.
    pub fn sync_state(&self) -> StoreResult<SyncState> {
        sync_state::read_state(&self.db)
    }

    /// The last `limit` sync runs, newest first.
    pub fn sync_log(&self, limit: usize) -> StoreResult<Vec<SyncLogEntry>> {
        sync_state::read_log(&self.db, limit)
    }

    /// How many distinct documents changed locally and wait to be pushed.
    /// After sync was turned on this scans the store (every document then
    /// waits for the initial push); otherwise it is read from memory.
    pub fn pending_changes(&self) -> StoreResult<u64> {
        self.outbox.pending_changes(&self.db)
    }

    /// Whether anything waits to be pushed (cheap: no scan).
    pub fn outbox_is_empty(&self) -> bool {
        self.outbox.is_empty()
    }

    /// Every document waiting to be pushed with its current stamp, oldest
    /// first. Documents that no longer exist (purged) are left out.
    pub fn outbox_snapshot(&self) -> StoreResult<OutboxSnapshot> {
        self.outbox.snapshot(&self.db)
    }

    /// Every kept losing version, newest first.
    pub fn conflicts(&self) -> StoreResult<Vec<Conflict>> {
        conflicts::list(&self.db)
    }

    /// The pulled documents kept aside because they could not be applied.
    pub fn quarantined(&self) -> StoreResult<Vec<Quarantined>> {
        quarantine::list(&self.db)
    }

    /// One kept losing version.
    pub fn conflict(&self, id: &str) -> StoreResult<Option<Conflict>> {
        conflicts::find(&self.db, id)
    }

    /// Starts a background build of the stats facts: `None` when they are
    /// built already. Until [`Store::install_stats`], the store keeps the
    /// review and activity changes it commits.
    pub fn stats_scan(&mut self) -> Option<StatsScan> {
        self.indexes.stats_scan(&self.db)
    }

    /// Installs a background scan's result with the changes committed since
    /// it began. A failed scan is reported and forgotten (the next read scans
    /// in place); a scan that finishes after a read built the facts is dropped.
    pub fn install_stats(&mut self, scanned: StoreResult<ScannedStats>) -> StoreResult<()> {
        self.indexes.install_stats(scanned)
    }

    /// Whether the stats facts are in memory.
    pub fn stats_ready(&self) -> bool {
        self.indexes.stats_ready()
    }

    /// The review log of one goal, or of every goal (deleted ones included), in
    /// no particular order. Built by a scan on the first read unless a
    /// background scan was installed before.
    pub fn review_facts(&self, goal: Option<&GoalId>) -> StoreResult<Vec<ReviewFact>> {
        self.indexes.review_facts(&self.db, goal)
    }

    /// The step completions of the activity log, of one goal or of all.
    pub fn steps_done(&self, goal: Option<&GoalId>) -> StoreResult<Vec<StepDone>> {
        self.indexes.steps_done(&self.db, goal)
    }
}
