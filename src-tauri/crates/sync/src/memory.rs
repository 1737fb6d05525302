//! An in-memory [`Remote`] for large randomized tests: it models MongoDB's
//! semantics for exactly the operations the engine uses — unique `_id` per
//! collection (duplicate inserts fail, unordered `insert_many` inserts the
//! rest), `update_one` as a conditional single-document update, string
//! comparison of stamps, sorted cursors read from a snapshot taken when the
//! query starts (MongoDB may or may not show later writes; a snapshot is one
//! of the allowed behaviours). It counts round trips like the real remote
//! and can simulate a connection lost at a chosen request.

use crate::error::SyncError;
use crate::remote::{HEADS, OWNER, OWNER_KEY, PullCursor, Remote};
use std::collections::{BTreeMap, HashMap};
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};
use waymark_store::bson::doc;
use waymark_store::{Collection, RawDoc, field};

/// An in-memory remote (see the module docs for what it models).
#[derive(Debug, Default)]
pub struct MemoryRemote {
    data: Mutex<HashMap<String, BTreeMap<String, RawDoc>>>,
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
    docs: std::vec::IntoIter<RawDoc>,
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
    pub fn documents(&self, collection: &str) -> Vec<RawDoc> {
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

    fn with<R>(&self, collection: &str, f: impl FnOnce(&mut BTreeMap<String, RawDoc>) -> R) -> R {
        let mut data = self.data.lock().expect("remote data");
        f(data.entry(collection.to_string()).or_default())
    }
}

fn text<'d>(d: &'d RawDoc, name: &str) -> &'d str {
    d.get_str(name).unwrap_or("")
}

impl PullCursor for MemoryCursor<'_> {
    async fn next_batch(&mut self) -> Result<Vec<RawDoc>, SyncError> {
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
            let d = c.entry(OWNER_KEY.into()).or_insert_with(|| {
                RawDoc::new(doc! { (field::ID): OWNER_KEY, (field::USER_ID): user, "claimed_at": claimed_at })
            });
            text(d, field::USER_ID).to_string()
        });
        self.finish(lost, owner)
    }

    async fn read_head(&self, user: &str) -> Result<Option<String>, SyncError> {
        let lost = self.trip()?;
        let head = self.with(HEADS, |c| c.get(user).map(|d| text(d, field::PUSH_HLC).to_string()));
        self.finish(lost, head)
    }

    async fn create_head(&self, user: &str, push_hlc: &str) -> Result<bool, SyncError> {
        let lost = self.trip()?;
        let created = self.with(HEADS, |c| {
            if c.contains_key(user) {
                false
            } else {
                c.insert(user.to_string(), RawDoc::new(doc! { (field::ID): user, (field::PUSH_HLC): push_hlc }));
                true
            }
        });
        self.finish(lost, created)
    }

    async fn advance_head(&self, user: &str, from: &str, to: &str) -> Result<bool, SyncError> {
        let lost = self.trip()?;
        let moved = self.with(HEADS, |c| match c.get_mut(user) {
            Some(d) if text(d, field::PUSH_HLC) == from => {
                d.set_push_hlc(to);
                true
            }
            _ => false,
        });
        self.finish(lost, moved)
    }

    async fn find_present(&self, collection: Collection, user: &str, ids: &[String]) -> Result<Vec<RawDoc>, SyncError> {
        let lost = self.trip()?;
        let found = self.with(collection.name(), |c| {
            ids.iter().filter_map(|id| c.get(id)).filter(|d| d.user_id() == Some(user)).cloned().collect()
        });
        self.finish(lost, found)
    }

    async fn insert_many(&self, collection: Collection, docs: Vec<RawDoc>) -> Result<Vec<String>, SyncError> {
        let lost = self.trip()?;
        let dups = self.with(collection.name(), |c| {
            let mut dups = Vec::new();
            for d in docs {
                match c.entry(d.id_text()) {
                    std::collections::btree_map::Entry::Occupied(e) => dups.push(e.key().clone()),
                    std::collections::btree_map::Entry::Vacant(e) => {
                        e.insert(d);
                    }
                }
            }
            dups
        });
        self.finish(lost, dups)
    }

    async fn insert_one(&self, collection: Collection, doc: RawDoc) -> Result<bool, SyncError> {
        let lost = self.trip()?;
        let id = doc.id_text();
        let inserted = self.with(collection.name(), |c| match c.entry(id) {
            std::collections::btree_map::Entry::Occupied(_) => false,
            std::collections::btree_map::Entry::Vacant(e) => {
                e.insert(doc);
                true
            }
        });
        self.finish(lost, inserted)
    }

    async fn replace_if_not_newer(&self, collection: Collection, user: &str, doc: RawDoc) -> Result<bool, SyncError> {
        let lost = self.trip()?;
        let id = doc.id_text();
        let replaced = self.with(collection.name(), |c| match c.get_mut(&id) {
            Some(old) if text(old, field::USER_ID) == user && text(old, field::HLC) <= text(&doc, field::HLC) => {
                let mut merged = std::mem::take(old).into_document();
                merged.extend(doc.into_document());
                *old = RawDoc::new(merged);
                true
            }
            _ => false,
        });
        self.finish(lost, replaced)
    }

    async fn restamp(
        &self,
        collection: Collection,
        user: &str,
        ids: &[String],
        from: &str,
        to: &str,
    ) -> Result<(), SyncError> {
        let lost = self.trip()?;
        self.with(collection.name(), |c| {
            for id in ids {
                if let Some(d) = c.get_mut(id)
                    && text(d, field::USER_ID) == user
                    && text(d, field::PUSH_HLC) == from
                {
                    d.set_push_hlc(to);
                }
            }
        });
        self.finish(lost, ())
    }

    async fn pull(
        &self,
        collection: Collection,
        user: &str,
        after: Option<&str>,
        upto: &str,
        batch: usize,
    ) -> Result<Self::Cursor<'_>, SyncError> {
        let lost = self.trip()?;
        let mut docs: Vec<RawDoc> = self.with(collection.name(), |c| {
            c.values()
                .filter(|d| text(d, field::USER_ID) == user)
                .filter(|d| {
                    let p = text(d, field::PUSH_HLC);
                    after.is_none_or(|a| p > a) && p <= upto
                })
                .cloned()
                .collect()
        });
        docs.sort_by(|a, b| (text(a, field::PUSH_HLC), a.id_text()).cmp(&(text(b, field::PUSH_HLC), b.id_text())));
        self.finish(lost, MemoryCursor { remote: self, docs: docs.into_iter(), batch: batch.max(1), first: true })
    }

    async fn find_one(&self, collection: Collection, user: &str, id: &str) -> Result<Option<RawDoc>, SyncError> {
        let lost = self.trip()?;
        let found = self.with(collection.name(), |c| c.get(id).filter(|d| text(d, field::USER_ID) == user).cloned());
        self.finish(lost, found)
    }

    async fn delete_user(&self, collections: &[Collection], user: &str) -> Result<u64, SyncError> {
        let mut deleted = 0;
        for collection in collections {
            let lost = self.trip()?;
            deleted += self.with(collection.name(), |c| {
                let before = c.len();
                c.retain(|_, d| text(d, field::USER_ID) != user);
                (before - c.len()) as u64
            });
            self.finish(lost, ())?;
        }
        let lost = self.trip()?;
        self.with(HEADS, |c| c.remove(user));
        self.finish(lost, ())?;
        let lost = self.trip()?;
        self.with(OWNER, |c| c.retain(|_, d| text(d, field::USER_ID) != user));
        self.finish(lost, deleted)
    }
}
