//! The sync outbox: which documents changed locally since they were last
//! pushed. While sync is on, every committed transaction that wrote learner
//! data appends ONE outbox entry listing what it wrote (one insert per
//! transaction, however many documents it wrote). Turning sync on (or
//! joining a remote learner) appends entries naming every document stamped
//! after a given HLC (all of them the first time), listed when it happens, so
//! that what a pull writes afterwards is not sent back. Stores written by
//! earlier versions may still hold a "scan" entry, resolved at push time.
//!
//! The entries live in the local collection `sync_outbox` (never synced) and,
//! for quick "is this document dirty?" questions, in memory: loaded at open,
//! changed only after a transaction commits.

use crate::error::{StoreError, StoreResult};
use crate::schema::{Collection, RawDoc, field};
use polodb_core::bson::{Bson, Document, doc};
use polodb_core::{CollectionT, Database, Transaction};
use std::collections::{BTreeMap, BTreeSet, HashMap};
use waymark_core::hlc::Hlc;

pub(crate) const OUTBOX: &str = "sync_outbox";

/// From how many named documents of one collection a snapshot reads the
/// whole collection once instead of looking each one up.
const READ_WHOLE_COLLECTION_FROM: usize = 2_000;

/// One document of learner data: its collection and `_id`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct DocKey {
    /// The collection.
    pub collection: Collection,
    /// The document's `_id`.
    pub id: String,
}

impl DocKey {
    /// The key of document `id` in `collection`.
    pub fn new(collection: Collection, id: impl Into<String>) -> Self {
        Self { collection, id: id.into() }
    }
}

/// A document named by an outbox entry, with the stamp of the version its
/// local change was made on (`None`: a new document, or not known).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Tracked {
    pub(crate) key: DocKey,
    pub(crate) base: Option<Hlc>,
}

/// One outbox entry.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Entry {
    /// The documents one transaction wrote.
    Docs(Vec<Tracked>),
    /// Every document stamped after `since` (every document when `None`);
    /// no longer written, still read from older stores.
    Scan { since: Option<Hlc> },
}

/// A document waiting to be pushed, as found by [`crate::Store::outbox_snapshot`].
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct PendingDoc {
    /// Its stamp when the snapshot was taken (push order).
    pub hlc: String,
    /// Which document.
    pub key: DocKey,
    /// The newest outbox entry that names it (directly or by a scan).
    pub newest_entry: i64,
}

/// What waits to be pushed, oldest stamp first.
#[derive(Debug, Clone, Default)]
pub struct OutboxSnapshot {
    /// The newest outbox entry covered: acknowledging the snapshot removes
    /// the entries up to this one.
    pub upto: i64,
    /// The documents, in `(hlc, collection, id)` order.
    pub docs: Vec<PendingDoc>,
}

/// The in-memory copy of the outbox.
#[derive(Debug, Default)]
pub(crate) struct Outbox {
    pub(crate) enabled: bool,
    pub(crate) next_seq: i64,
    entries: BTreeMap<i64, Entry>,
    dirty: HashMap<DocKey, BTreeSet<i64>>,
    scans: BTreeMap<i64, Option<Hlc>>,
}

/// How a committed transaction changes the in-memory outbox.
#[derive(Debug, Default)]
pub(crate) struct OutboxChange {
    pub(crate) added: Vec<(i64, Entry)>,
    pub(crate) removed: Vec<i64>,
    pub(crate) rewritten: Vec<(i64, Entry)>,
    pub(crate) enabled: Option<bool>,
}

impl Outbox {
    pub(crate) fn load(db: &Database, enabled: bool) -> StoreResult<Self> {
        let mut outbox = Self { enabled, next_seq: 1, ..Self::default() };
        for d in db.collection::<Document>(OUTBOX).find(doc! {}).run()? {
            let d = d?;
            let (seq, entry) = decode(&d)?;
            outbox.insert(seq, entry);
        }
        outbox.next_seq = outbox.entries.keys().next_back().map_or(1, |s| s + 1);
        Ok(outbox)
    }

    fn insert(&mut self, seq: i64, entry: Entry) {
        match &entry {
            Entry::Docs(docs) => {
                for t in docs {
                    self.dirty.entry(t.key.clone()).or_default().insert(seq);
                }
            }
            Entry::Scan { since } => {
                self.scans.insert(seq, since.clone());
            }
        }
        self.entries.insert(seq, entry);
        self.next_seq = self.next_seq.max(seq + 1);
    }

    fn remove(&mut self, seq: i64) {
        match self.entries.remove(&seq) {
            Some(Entry::Docs(docs)) => {
                for t in docs {
                    if let Some(set) = self.dirty.get_mut(&t.key) {
                        set.remove(&seq);
                        if set.is_empty() {
                            self.dirty.remove(&t.key);
                        }
                    }
                }
            }
            Some(Entry::Scan { .. }) => {
                self.scans.remove(&seq);
            }
            None => {}
        }
    }

    pub(crate) fn apply(&mut self, change: OutboxChange) {
        for seq in change.removed {
            self.remove(seq);
        }
        for (seq, entry) in change.rewritten {
            self.remove(seq);
            self.insert(seq, entry);
        }
        for (seq, entry) in change.added {
            self.insert(seq, entry);
        }
        if let Some(on) = change.enabled {
            self.enabled = on;
        }
    }

    /// Whether a waiting scan entry covers a document stamped `hlc`.
    /// Entries in `removed` are being acknowledged and no longer count.
    pub(crate) fn scan_covers(&self, hlc: &Hlc, removed: &[i64]) -> bool {
        self.scans.iter().any(|(seq, since)| !removed.contains(seq) && since.as_ref().is_none_or(|s| hlc > s))
    }

    /// The explicit entries naming `key`, oldest first.
    pub(crate) fn entries_naming(&self, key: &DocKey) -> Vec<(i64, &Entry)> {
        let Some(seqs) = self.dirty.get(key) else { return Vec::new() };
        seqs.iter().filter_map(|s| self.entries.get(s).map(|e| (*s, e))).collect()
    }

    pub(crate) fn seqs_upto(&self, upto: i64) -> Vec<i64> {
        self.entries.range(..=upto).map(|(s, _)| *s).collect()
    }

    pub(crate) fn has_scan(&self) -> bool {
        !self.scans.is_empty()
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

pub(crate) fn encode(seq: i64, entry: &Entry) -> Document {
    match entry {
        Entry::Docs(docs) => {
            let list: Vec<Bson> = docs
                .iter()
                .map(|t| {
                    let mut item = vec![Bson::String(t.key.collection.name().into()), Bson::String(t.key.id.clone())];
                    if let Some(base) = &t.base {
                        item.push(Bson::String(base.to_string()));
                    }
                    Bson::Array(item)
                })
                .collect();
            doc! { (field::ID): seq, "docs": list }
        }
        Entry::Scan { since } => {
            doc! { (field::ID): seq, "scan": true, "since": since.as_ref().map(ToString::to_string) }
        }
    }
}

fn decode(d: &Document) -> StoreResult<(i64, Entry)> {
    let bad = |m: &str| StoreError::Corrupt { collection: OUTBOX, message: m.to_string() };
    let seq = d.get_i64(field::ID).map_err(|_| bad("an entry has no numeric _id"))?;
    if d.get_bool("scan").unwrap_or(false) {
        let since = match d.get("since") {
            Some(Bson::String(s)) => Some(Hlc::parse(s).ok_or_else(|| bad("a scan entry has a bad stamp"))?),
            _ => None,
        };
        return Ok((seq, Entry::Scan { since }));
    }
    let mut keys = Vec::new();
    for item in d.get_array("docs").map_err(|_| bad("an entry has no `docs` list"))? {
        let pair = item.as_array().ok_or_else(|| bad("an entry names a document badly"))?;
        match (pair.first().and_then(Bson::as_str).and_then(Collection::named), pair.get(1).and_then(Bson::as_str)) {
            (Some(c), Some(i)) => {
                let base = pair.get(2).and_then(Bson::as_str).and_then(Hlc::parse);
                keys.push(Tracked { key: DocKey::new(c, i), base });
            }
            _ => return Err(bad("an entry names a document badly")),
        }
    }
    Ok((seq, Entry::Docs(keys)))
}

pub(crate) fn write(txn: &Transaction, seq: i64, entry: &Entry) -> StoreResult<()> {
    txn.collection::<Document>(OUTBOX).insert_one(encode(seq, entry))?;
    Ok(())
}

pub(crate) fn delete(txn: &Transaction, seq: i64) -> StoreResult<()> {
    txn.collection::<Document>(OUTBOX).delete_one(doc! { (field::ID): seq })?;
    Ok(())
}

impl Outbox {
    /// See [`crate::Store::pending_changes`].
    pub(crate) fn pending_changes(&self, db: &Database) -> StoreResult<u64> {
        if !self.has_scan() {
            return Ok(self.dirty.len() as u64);
        }
        Ok(self.snapshot(db)?.docs.len() as u64)
    }

    /// See [`crate::Store::outbox_snapshot`].
    pub(crate) fn snapshot(&self, db: &Database) -> StoreResult<OutboxSnapshot> {
        let upto = self.entries.keys().next_back().copied().unwrap_or(0);
        let mut newest: HashMap<DocKey, i64> = HashMap::new();
        for (key, seqs) in &self.dirty {
            if let Some(s) = seqs.iter().next_back() {
                newest.insert(key.clone(), *s);
            }
        }
        let mut docs = Vec::new();
        let widest_scan = self.scans.iter().fold(None::<(i64, Option<&Hlc>)>, |acc, (seq, since)| {
            let since = since.as_ref();
            match acc {
                None => Some((*seq, since)),
                Some((s, prev)) => {
                    let lower = match (prev, since) {
                        (None, _) | (_, None) => None,
                        (Some(a), Some(b)) => Some(a.min(b)),
                    };
                    Some((s.max(*seq), lower))
                }
            }
        });
        if let Some((scan_seq, since)) = widest_scan {
            for collection in Collection::ALL {
                for d in db.collection::<RawDoc>(collection.name()).find(doc! {}).run()? {
                    let d = d?;
                    let (Some(id), Some(hlc)) = (d.id(), d.hlc()) else { continue };
                    if since.is_some_and(|s| &hlc <= s) {
                        continue;
                    }
                    let key = DocKey::new(collection, id);
                    let entry = newest.remove(&key).map_or(scan_seq, |s| s.max(scan_seq));
                    docs.push(PendingDoc { hlc: hlc.to_string(), key, newest_entry: entry });
                }
            }
        }
        let mut by_collection: HashMap<Collection, HashMap<String, i64>> = HashMap::new();
        for (key, entry) in newest {
            by_collection.entry(key.collection).or_default().insert(key.id, entry);
        }
        for (collection, mut named) in by_collection {
            let coll = db.collection::<RawDoc>(collection.name());
            if named.len() < READ_WHOLE_COLLECTION_FROM {
                for (id, entry) in named {
                    if let Some(hlc) = coll.find_one(doc! { (field::ID): &id })?.as_ref().and_then(RawDoc::hlc) {
                        let key = DocKey::new(collection, id);
                        docs.push(PendingDoc { hlc: hlc.to_string(), key, newest_entry: entry });
                    }
                }
                continue;
            }
            for d in coll.find(doc! {}).run()? {
                let d = d?;
                let Some(id) = d.id() else { continue };
                if let (Some(entry), Some(hlc)) = (named.remove(id), d.hlc()) {
                    let key = DocKey::new(collection, id);
                    docs.push(PendingDoc { hlc: hlc.to_string(), key, newest_entry: entry });
                }
            }
        }
        docs.sort();
        Ok(OutboxSnapshot { upto, docs })
    }
}
