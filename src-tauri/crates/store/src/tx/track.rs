//! What a transaction knows about the outbox: the documents it wrote (named
//! in one entry at commit), the entries it rewrote or acknowledged, and the
//! answers to "does this document wait to be pushed, and on which base?"
//! that see both the committed outbox and this transaction's changes.

use crate::error::StoreResult;
use crate::schema::{Collection, RawDoc};
use crate::tracking::outbox::{self, DocKey, Entry, Outbox, OutboxChange, Tracked};
use polodb_core::bson::doc;
use polodb_core::{CollectionT, Transaction};
use std::collections::{HashMap, HashSet};
use waymark_core::hlc::Hlc;

/// Documents named per outbox entry (a transaction that writes more appends several).
const NAMED_PER_ENTRY: usize = 5_000;

/// The outbox as one transaction changes it.
pub(super) struct Tracking<'a> {
    outbox: &'a Outbox,
    pub(super) on: bool,
    written: Vec<Tracked>,
    written_set: HashSet<DocKey>,
    pub(super) change: OutboxChange,
    rewrites: HashMap<i64, Vec<Tracked>>,
    next_seq: i64,
}

impl<'a> Tracking<'a> {
    pub(super) fn new(outbox: &'a Outbox) -> Self {
        Self {
            outbox,
            on: outbox.enabled,
            written: Vec::new(),
            written_set: HashSet::new(),
            change: OutboxChange::default(),
            rewrites: HashMap::new(),
            next_seq: outbox.next_seq,
        }
    }

    /// Notes a local write of `key` (while tracking is on), made on `base`.
    pub(super) fn track(&mut self, key: DocKey, base: Option<Hlc>) {
        if self.on && self.written_set.insert(key.clone()) {
            self.written.push(Tracked { key, base });
        }
    }

    /// Whether an outbox entry (or this transaction) names the document.
    pub(super) fn names(&self, key: &DocKey) -> bool {
        self.written_set.contains(key) || self.named_base(key).is_some()
    }

    /// The base of the oldest live explicit entry naming `key`.
    fn named_base(&self, key: &DocKey) -> Option<Option<Hlc>> {
        let removed = &self.change.removed;
        self.outbox.entries_naming(key).into_iter().filter(|(seq, _)| !removed.contains(seq)).find_map(
            |(seq, entry)| {
                let docs = match (self.rewrites.get(&seq), entry) {
                    (Some(docs), _) => docs,
                    (None, Entry::Docs(docs)) => docs,
                    (None, Entry::Scan { .. }) => return None,
                };
                docs.iter().find(|t| t.key == *key).map(|t| t.base.clone())
            },
        )
    }

    /// See [`crate::SyncTx::change_base`].
    pub(super) fn change_base(&self, key: &DocKey, hlc: &Hlc) -> Option<Option<Hlc>> {
        if let Some(base) = self.named_base(key) {
            return Some(base);
        }
        if let Some(t) = self.written.iter().find(|t| t.key == *key) {
            return Some(t.base.clone());
        }
        self.outbox.scan_covers(hlc, &self.change.removed).then_some(None)
    }

    /// See [`crate::SyncTx::settle`].
    pub(super) fn settle(&mut self, txn: &Transaction, key: &DocKey) -> StoreResult<()> {
        for (seq, entry) in self.outbox.entries_naming(key) {
            let docs = match self.rewrites.get(&seq) {
                Some(docs) => docs.clone(),
                None => match entry {
                    Entry::Docs(docs) => docs.clone(),
                    Entry::Scan { .. } => continue,
                },
            };
            if !docs.iter().any(|t| t.key == *key) {
                continue;
            }
            let rest: Vec<Tracked> = docs.into_iter().filter(|t| t.key != *key).collect();
            outbox::delete(txn, seq)?;
            if !rest.is_empty() {
                outbox::write(txn, seq, &Entry::Docs(rest.clone()))?;
            }
            self.rewrites.insert(seq, rest);
        }
        if self.written_set.remove(key) {
            self.written.retain(|t| t.key != *key);
        }
        Ok(())
    }

    /// See [`crate::SyncTx::acknowledge_push`].
    pub(super) fn acknowledge(&mut self, txn: &Transaction, upto: i64, keep: Vec<DocKey>) -> StoreResult<()> {
        let keep: Vec<Tracked> =
            keep.into_iter().map(|key| Tracked { base: self.named_base(&key).flatten(), key }).collect();
        for seq in self.outbox.seqs_upto(upto) {
            outbox::delete(txn, seq)?;
            self.change.removed.push(seq);
            self.rewrites.remove(&seq);
        }
        if !keep.is_empty() {
            self.append_entry(txn, keep)?;
        }
        Ok(())
    }

    /// Queues every document now in the store stamped after `since` (all of
    /// them when `None`) for a push, naming each one (in entries of
    /// [`NAMED_PER_ENTRY`] documents): what a pull writes afterwards is then
    /// not sent back, as it would be by a scan resolved at push time.
    pub(super) fn queue_scan(&mut self, txn: &Transaction, since: Option<Hlc>) -> StoreResult<()> {
        let mut keys = Vec::new();
        for collection in Collection::ALL {
            for d in txn.collection::<RawDoc>(collection.name()).find(doc! {}).run()? {
                let d = d?;
                let stamped = d.hlc();
                if since.as_ref().is_some_and(|s| stamped.as_ref().is_none_or(|h| h <= s)) {
                    continue;
                }
                if let Some(id) = d.id() {
                    keys.push(Tracked { key: DocKey::new(collection, id), base: None });
                }
            }
        }
        self.append(txn, keys)
    }

    /// Writes the outbox entries of this transaction's writes, and says how
    /// the in-memory outbox changes once it commits.
    pub(super) fn finish(mut self, txn: &Transaction) -> StoreResult<OutboxChange> {
        if self.on && !self.written.is_empty() {
            let written = std::mem::take(&mut self.written);
            self.append(txn, written)?;
        }
        for (seq, keys) in std::mem::take(&mut self.rewrites) {
            if self.change.removed.contains(&seq) {
                continue;
            }
            if keys.is_empty() {
                self.change.removed.push(seq);
            } else {
                self.change.rewritten.push((seq, Entry::Docs(keys)));
            }
        }
        Ok(self.change)
    }

    /// Appends entries naming `docs`, [`NAMED_PER_ENTRY`] at most each.
    fn append(&mut self, txn: &Transaction, docs: Vec<Tracked>) -> StoreResult<()> {
        for chunk in docs.chunks(NAMED_PER_ENTRY) {
            self.append_entry(txn, chunk.to_vec())?;
        }
        Ok(())
    }

    /// Appends one entry naming `docs`.
    fn append_entry(&mut self, txn: &Transaction, docs: Vec<Tracked>) -> StoreResult<()> {
        let seq = self.next_seq;
        self.next_seq += 1;
        let entry = Entry::Docs(docs);
        outbox::write(txn, seq, &entry)?;
        self.change.added.push((seq, entry));
        Ok(())
    }
}
