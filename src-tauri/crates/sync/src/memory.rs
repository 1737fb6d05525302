//! An in-memory [`Remote`] for large randomized tests: it models MongoDB's
//! semantics for exactly the operations the engine uses — unique `_id` per
//! collection (duplicate inserts fail, unordered `insert_many` inserts the
//! rest), `update_one` as a conditional single-document update, string
//! comparison of stamps, sorted cursors read from a snapshot taken when the
//! query starts (MongoDB may or may not show later writes; a snapshot is one
//! of the allowed behaviours). It counts round trips like the real remote
//! and can simulate a connection lost at a chosen request.

use crate::error::SyncError;
use crate::remote::{HEADS, OWNER, PullCursor, Remote};
use mongodb::bson::{Bson, Document, doc};
use std::collections::{BTreeMap, HashMap};
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};

/// An in-memory remote (see the module docs for what it models).
#[derive(Debug, Default)]
pub struct MemoryRemote {
    data: Mutex<HashMap<String, BTreeMap<String, Document>>>,
    trips: AtomicU64,
    fail_at: Mutex<Option<FaultPlan>>,
}

#[derive(Debug, Clone, Copy)]
struct FaultPlan {
    at: u64,
    applied: bool,
}

/// The cursor of a [`MemoryRemote`] pull.
#[derive(Debug)]
pub struct MemoryCursor<'a> {
    remote: &'a MemoryRemote,
    docs: std::vec::IntoIter<Document>,
    batch: usize,
    first: bool,
}

impl MemoryRemote {
    /// An empty remote.
    pub fn new() -> Self {
        Self::default()
    }

    /// From request number `at` on (counting from the next one, 0-based),
    /// every request fails as if the network were cut. When `applied`, the
    /// first failing request still takes effect before failing (its answer
    /// is what got lost).
    pub fn cut_after(&self, at: u64, applied: bool) {
        let base = self.trips.load(Ordering::SeqCst);
        *self.fail_at.lock().expect("fault plan") = Some(FaultPlan { at: base + at, applied });
    }

    /// Reconnects after [`MemoryRemote::cut_after`].
    pub fn heal(&self) {
        *self.fail_at.lock().expect("fault plan") = None;
    }

    /// Every document of a collection (heads and owner included), by `_id`.
    pub fn documents(&self, collection: &str) -> Vec<Document> {
        self.data
            .lock()
            .expect("remote data")
            .get(collection)
            .map(|c| c.values().cloned().collect())
            .unwrap_or_default()
    }

    /// Counts a request; `Ok(true)` when it may take effect but must then fail.
    fn trip(&self) -> Result<bool, SyncError> {
        let n = self.trips.fetch_add(1, Ordering::SeqCst);
        match *self.fail_at.lock().expect("fault plan") {
            Some(plan) if n == plan.at && plan.applied => Ok(true),
            Some(plan) if n >= plan.at => Err(SyncError::unreachable("connection lost (simulated)")),
            _ => Ok(false),
        }
    }

    fn finish<T>(&self, lost: bool, value: T) -> Result<T, SyncError> {
        if lost { Err(SyncError::unreachable("connection lost after the request (simulated)")) } else { Ok(value) }
    }

    fn with<R>(&self, collection: &str, f: impl FnOnce(&mut BTreeMap<String, Document>) -> R) -> R {
        let mut data = self.data.lock().expect("remote data");
        f(data.entry(collection.to_string()).or_default())
    }
}

fn text<'d>(d: &'d Document, field: &str) -> &'d str {
    d.get_str(field).unwrap_or("")
}

fn id_of(d: &Document) -> String {
    match d.get("_id") {
        Some(Bson::String(s)) => s.clone(),
        Some(other) => other.to_string(),
        None => String::new(),
    }
}

impl PullCursor for MemoryCursor<'_> {
    async fn next_batch(&mut self) -> Result<Vec<Document>, SyncError> {
        if !self.first {
            let lost = self.remote.trip()?;
            self.remote.finish(lost, ())?;
        }
        self.first = false;
        Ok(self.docs.by_ref().take(self.batch).collect())
    }
}

impl Remote for MemoryRemote {
    type Cursor<'a> = MemoryCursor<'a>;

    fn fingerprint(&self) -> String {
        format!("memory:{:p}", self)
    }

    fn round_trips(&self) -> u64 {
        self.trips.load(Ordering::SeqCst)
    }

    async fn claim_owner(&self, user: &str, claimed_at: &str) -> Result<String, SyncError> {
        let lost = self.trip()?;
        let owner = self.with(OWNER, |c| {
            let d = c
                .entry("owner".into())
                .or_insert_with(|| doc! { "_id": "owner", "user_id": user, "claimed_at": claimed_at });
            text(d, "user_id").to_string()
        });
        self.finish(lost, owner)
    }

    async fn read_head(&self, user: &str) -> Result<Option<String>, SyncError> {
        let lost = self.trip()?;
        let head = self.with(HEADS, |c| c.get(user).map(|d| text(d, "push_hlc").to_string()));
        self.finish(lost, head)
    }

    async fn create_head(&self, user: &str, push_hlc: &str) -> Result<bool, SyncError> {
        let lost = self.trip()?;
        let created = self.with(HEADS, |c| {
            if c.contains_key(user) {
                false
            } else {
                c.insert(user.to_string(), doc! { "_id": user, "push_hlc": push_hlc });
                true
            }
        });
        self.finish(lost, created)
    }

    async fn advance_head(&self, user: &str, from: &str, to: &str) -> Result<bool, SyncError> {
        let lost = self.trip()?;
        let moved = self.with(HEADS, |c| match c.get_mut(user) {
            Some(d) if text(d, "push_hlc") == from => {
                d.insert("push_hlc", to);
                true
            }
            _ => false,
        });
        self.finish(lost, moved)
    }

    async fn find_present(&self, collection: &str, user: &str, ids: &[String]) -> Result<Vec<Document>, SyncError> {
        let lost = self.trip()?;
        let found = self.with(collection, |c| {
            ids.iter().filter_map(|id| c.get(id)).filter(|d| text(d, "user_id") == user).cloned().collect()
        });
        self.finish(lost, found)
    }

    async fn insert_many(&self, collection: &str, docs: Vec<Document>) -> Result<Vec<String>, SyncError> {
        let lost = self.trip()?;
        let dups = self.with(collection, |c| {
            let mut dups = Vec::new();
            for d in docs {
                let id = id_of(&d);
                if c.contains_key(&id) {
                    dups.push(id);
                } else {
                    c.insert(id, d);
                }
            }
            dups
        });
        self.finish(lost, dups)
    }

    async fn insert_one(&self, collection: &str, doc: Document) -> Result<bool, SyncError> {
        let lost = self.trip()?;
        let id = id_of(&doc);
        let inserted = self.with(collection, |c| {
            if c.contains_key(&id) {
                false
            } else {
                c.insert(id, doc);
                true
            }
        });
        self.finish(lost, inserted)
    }

    async fn replace_if_not_newer(&self, collection: &str, user: &str, doc: Document) -> Result<bool, SyncError> {
        let lost = self.trip()?;
        let id = id_of(&doc);
        let replaced = self.with(collection, |c| match c.get_mut(&id) {
            Some(old) if text(old, "user_id") == user && text(old, "hlc") <= text(&doc, "hlc") => {
                for (k, v) in doc {
                    old.insert(k, v);
                }
                true
            }
            _ => false,
        });
        self.finish(lost, replaced)
    }

    async fn restamp(
        &self,
        collection: &str,
        user: &str,
        ids: &[String],
        from: &str,
        to: &str,
    ) -> Result<(), SyncError> {
        let lost = self.trip()?;
        self.with(collection, |c| {
            for id in ids {
                if let Some(d) = c.get_mut(id)
                    && text(d, "user_id") == user
                    && text(d, "push_hlc") == from
                {
                    d.insert("push_hlc", to);
                }
            }
        });
        self.finish(lost, ())
    }

    async fn pull(
        &self,
        collection: &str,
        user: &str,
        after: Option<&str>,
        upto: &str,
        batch: usize,
    ) -> Result<Self::Cursor<'_>, SyncError> {
        let lost = self.trip()?;
        let mut docs: Vec<Document> = self.with(collection, |c| {
            c.values()
                .filter(|d| text(d, "user_id") == user)
                .filter(|d| {
                    let p = text(d, "push_hlc");
                    after.is_none_or(|a| p > a) && p <= upto
                })
                .cloned()
                .collect()
        });
        docs.sort_by(|a, b| (text(a, "push_hlc"), id_of(a)).cmp(&(text(b, "push_hlc"), id_of(b))));
        self.finish(lost, MemoryCursor { remote: self, docs: docs.into_iter(), batch: batch.max(1), first: true })
    }

    async fn find_one(&self, collection: &str, user: &str, id: &str) -> Result<Option<Document>, SyncError> {
        let lost = self.trip()?;
        let found = self.with(collection, |c| c.get(id).filter(|d| text(d, "user_id") == user).cloned());
        self.finish(lost, found)
    }

    async fn delete_user(&self, collections: &[&str], user: &str) -> Result<u64, SyncError> {
        let mut deleted = 0;
        for collection in collections {
            let lost = self.trip()?;
            deleted += self.with(collection, |c| {
                let before = c.len();
                c.retain(|_, d| text(d, "user_id") != user);
                (before - c.len()) as u64
            });
            self.finish(lost, ())?;
        }
        let lost = self.trip()?;
        self.with(HEADS, |c| c.remove(user));
        self.finish(lost, ())?;
        let lost = self.trip()?;
        self.with(OWNER, |c| c.retain(|_, d| text(d, "user_id") != user));
        self.finish(lost, deleted)
    }
}
