//! Everything out to one JSON file and back in (`docs/export.md`).
//!
//! An export is a [`Snapshot`] of every learner document as stored, stamps
//! included. Importing checks the file as a whole first (syntax, version,
//! checksum, counts), then writes in one transaction; each document is checked
//! before it is written, and any error rolls the whole transaction back:
//! - into an *empty* store (no document at all, not even a tombstone) every
//!   document goes in as it was, and the store takes the file's user id — the
//!   same learner on a new computer;
//! - into a store with data, documents merge by `_id`: absent → added; the
//!   store's copy older (HLC) → updated; as new or newer → skipped. They are
//!   re-stamped with this store's user id (the profile, whose `_id` is the
//!   user id, becomes this store's profile).

mod canonical;
mod file;

pub use file::{FORMAT, FileError, Header, OLDEST_STORE_SCHEMA, Snapshot, VERSION, read_header};

use crate::App;
use crate::error::{AppError, AppResult};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use std::collections::HashSet;
use ts_rs::TS;
use waymark_core::merge::{MergeAction, merge_action};
use waymark_core::profile::Profile;
use waymark_store::{
    CheckedDocument, Collection, Entity, RawDoc, Replace, Replaced, SCHEMA_VERSION, Store, StoreError, check_document,
};

/// What an import did (or, for a preview, would do) to one collection.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct CollectionImport {
    /// The collection, e.g. `goals`.
    pub collection: String,
    /// Documents the store did not have.
    pub added: u64,
    /// Documents the store had in an older version.
    pub updated: u64,
    /// Documents the store had as new or newer.
    pub skipped: u64,
}

/// What an import did, or would do.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ImportReport {
    /// When the file was exported.
    pub exported_at: chrono::DateTime<chrono::Utc>,
    /// The Waymark version that wrote it.
    pub app_version: String,
    /// The store was empty: everything went in as it was, with the file's user id.
    pub into_empty: bool,
    /// Per collection, in apply order.
    pub collections: Vec<CollectionImport>,
    /// Documents added, over all collections.
    pub added: u64,
    /// Documents updated.
    pub updated: u64,
    /// Documents skipped.
    pub skipped: u64,
    /// Whether anything was written (false for a preview).
    pub written: bool,
}

impl From<FileError> for AppError {
    fn from(e: FileError) -> Self {
        AppError::invalid("file", e.to_string())
    }
}

/// A checked file and what importing it means for this store.
struct ImportPlan {
    writes: Vec<CheckedDocument>,
    report: ImportReport,
}

impl ImportReport {
    /// The report of a file going into an empty store: every document added.
    fn everything_added(snapshot: &Snapshot) -> Self {
        let collections: Vec<CollectionImport> = snapshot
            .collections
            .iter()
            .map(|(c, docs)| CollectionImport {
                collection: c.name().to_string(),
                added: docs.len() as u64,
                updated: 0,
                skipped: 0,
            })
            .collect();
        Self {
            exported_at: snapshot.exported_at,
            app_version: snapshot.app_version.clone(),
            into_empty: true,
            added: snapshot.total(),
            updated: 0,
            skipped: 0,
            collections,
            written: false,
        }
    }
}

impl App {
    /// Every learner document as stored now, each collection sorted by id.
    pub fn snapshot(&self) -> AppResult<Snapshot> {
        let mut collections = Vec::with_capacity(Collection::ALL.len());
        for collection in Collection::ALL {
            let mut docs = self.store.raw_documents(collection)?;
            docs.sort_by(|a, b| a.id().unwrap_or_default().cmp(b.id().unwrap_or_default()));
            collections.push((collection, docs));
        }
        Ok(Snapshot {
            exported_at: self.clock.now(),
            app_version: env!("CARGO_PKG_VERSION").into(),
            user_id: self.store.identity().user_id.clone(),
            store_schema: SCHEMA_VERSION,
            collections,
        })
    }

    /// Everything as the text of an export file.
    pub fn export_data(&self) -> AppResult<String> {
        Ok(self.snapshot()?.to_text())
    }

    /// A file name for an export taken now, e.g. `waymark-export-20260302-120000.json`.
    pub fn export_file_name(&self) -> String {
        format!("waymark-export-{}.json", self.clock.now().format("%Y%m%d-%H%M%S"))
    }

    /// Checks an export file and says what importing it would do; writes nothing.
    pub fn preview_import(&self, text: &str) -> AppResult<ImportReport> {
        self.limits.check(crate::limits::InputKind::Export, text.len() as u64)?;
        Ok(self.plan_import(Snapshot::parse(text)?)?.report)
    }

    /// Imports an export file (see the module documentation). Any problem with
    /// the file is reported before anything is committed, and the store is
    /// left as it was.
    pub fn import_data(&mut self, text: &str) -> AppResult<ImportReport> {
        self.limits.check(crate::limits::InputKind::Export, text.len() as u64)?;
        let snapshot = Snapshot::parse(text)?;
        // With sync on, even an empty store merges: the documents are then
        // written as this learner's local changes and pushed.
        let report = if self.store.is_empty_of_learner_data()? && !self.sync_enabled() {
            let report = ImportReport::everything_added(&snapshot);
            let options = Replace { user_id: Some(snapshot.user_id), forget_local: false, restamp: false };
            replace_all(&mut self.store, snapshot.collections, options, self.clock.now()).map_err(|e| match e {
                Refused::Document(message) => AppError::invalid("file", message),
                Refused::Store(e) => document_error(e),
            })?;
            report
        } else {
            let plan = self.plan_import(snapshot)?;
            self.store
                .transact(self.clock.now(), |tx| {
                    for checked in plan.writes {
                        let collection = checked.collection();
                        tx.put_raw(collection, checked.into_document())?;
                    }
                    Ok::<_, StoreError>(())
                })
                .map_err(document_error)?;
            plan.report
        };
        self.load_day_state()?;
        Ok(ImportReport { written: true, ..report })
    }

    fn plan_import(&self, snapshot: Snapshot) -> AppResult<ImportPlan> {
        let into_empty = self.store.is_empty_of_learner_data()?;
        let user = self.store.identity().user_id.clone();
        let now = self.clock.now();
        let mut report = ImportReport {
            exported_at: snapshot.exported_at,
            app_version: snapshot.app_version.clone(),
            into_empty,
            collections: Vec::new(),
            added: 0,
            updated: 0,
            skipped: 0,
            written: false,
        };
        let mut writes = Vec::new();
        for (collection, docs) in snapshot.collections {
            let local = if into_empty { Default::default() } else { self.store.stamps(collection)? };
            let mut counts =
                CollectionImport { collection: collection.name().to_string(), added: 0, updated: 0, skipped: 0 };
            let mut seen = HashSet::with_capacity(docs.len());
            let mut docs = docs;
            if !into_empty {
                for doc in &mut docs {
                    restamp(collection, doc, &snapshot.user_id, &user);
                }
            }
            let checked = check_many(collection, docs, now).map_err(|m| AppError::invalid("file", m))?;
            for (i, checked) in checked.into_iter().enumerate() {
                let id = &checked.stamps().id;
                if !seen.insert(id.clone()) {
                    let message = format!("collections.{collection}[{i}] (id {id}): the id appears twice");
                    return Err(AppError::invalid("file", message));
                }
                match merge_action(local.get(id), &checked.stamps().hlc) {
                    MergeAction::Add => counts.added += 1,
                    MergeAction::Update => counts.updated += 1,
                    MergeAction::Skip => {
                        counts.skipped += 1;
                        continue;
                    }
                }
                writes.push(checked);
            }
            report.added += counts.added;
            report.updated += counts.updated;
            report.skipped += counts.skipped;
            report.collections.push(counts);
        }
        Ok(ImportPlan { writes, report })
    }
}

/// Gives a document from another store this store's user id; the file's
/// profile (its `_id` is the user id) becomes this store's profile.
fn restamp(collection: Collection, doc: &mut RawDoc, file_user: &str, user: &str) {
    doc.set_user_id(user);
    if collection == Profile::COLLECTION && doc.id() == Some(file_user) {
        doc.set_id(user);
    }
}

/// Checks document `index` of `collection` from a file; the error names both
/// and the document's id.
fn check(collection: Collection, index: usize, doc: RawDoc, now: DateTime<Utc>) -> Result<CheckedDocument, String> {
    let id = doc.id().map(str::to_string);
    check_document(collection, doc, now).map_err(|e| {
        let message = match (&e, &id) {
            (StoreError::BadDocument { message, .. }, Some(id)) => {
                message.strip_prefix(&format!("{id}: ")).unwrap_or(message).to_string()
            }
            (StoreError::BadDocument { message, .. }, None) => message.clone(),
            (other, _) => other.to_string(),
        };
        let place = match &id {
            Some(id) => format!("collections.{collection}[{index}] (id {id})"),
            None => format!("collections.{collection}[{index}]"),
        };
        format!("{place}: {message}")
    })
}

/// Checks the documents of one collection, in their order, on as many
/// threads as the computer has (parsing every document is most of an
/// import's work before the write); the error is that of the first bad one.
fn check_many(collection: Collection, docs: Vec<RawDoc>, now: DateTime<Utc>) -> Result<Vec<CheckedDocument>, String> {
    let threads = std::thread::available_parallelism().map_or(1, usize::from).clamp(1, 4);
    if threads == 1 || docs.len() < 2_000 {
        return docs.into_iter().enumerate().map(|(i, d)| check(collection, i, d, now)).collect();
    }
    let size = docs.len().div_ceil(threads);
    let mut chunks = Vec::with_capacity(threads);
    let mut rest = docs;
    while rest.len() > size {
        let tail = rest.split_off(size);
        chunks.push(rest);
        rest = tail;
    }
    chunks.push(rest);
    let results: Vec<Result<Vec<CheckedDocument>, String>> = std::thread::scope(|scope| {
        let handles: Vec<_> = chunks
            .into_iter()
            .enumerate()
            .map(|(n, chunk)| {
                scope.spawn(move || {
                    chunk.into_iter().enumerate().map(|(i, d)| check(collection, n * size + i, d, now)).collect()
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().unwrap_or_else(|_| Err(format!("collections.{collection}: check failed"))))
            .collect()
    });
    let mut out = Vec::new();
    for r in results {
        out.extend(r?);
    }
    Ok(out)
}

/// Why replacing everything with a file's documents stopped.
pub(crate) enum Refused {
    /// A document failed its check; the message names it.
    Document(String),
    /// The store refused (e.g. an id twice) or failed.
    Store(StoreError),
}

impl From<StoreError> for Refused {
    fn from(e: StoreError) -> Self {
        Self::Store(e)
    }
}

/// Documents checked per batch handed to the store.
const BATCH: usize = 2_000;

/// Replaces all learner data with `collections` in one transaction, checking
/// the documents on a second thread while the store writes the batches
/// already checked. A bad document stops it and nothing is written.
pub(crate) fn replace_all(
    store: &mut Store,
    collections: Vec<(Collection, Vec<RawDoc>)>,
    options: Replace,
    now: DateTime<Utc>,
) -> Result<Replaced, Refused> {
    std::thread::scope(|scope| {
        let (batches, received) = std::sync::mpsc::sync_channel::<Result<Vec<CheckedDocument>, Refused>>(8);
        scope.spawn(move || {
            for (collection, docs) in collections {
                let mut docs = docs.into_iter().enumerate().peekable();
                while docs.peek().is_some() {
                    let batch: Result<Vec<_>, String> =
                        docs.by_ref().take(BATCH).map(|(i, d)| check(collection, i, d, now)).collect();
                    let failed = batch.is_err();
                    // The store stops reading at the first error; then sending fails too.
                    if batches.send(batch.map_err(Refused::Document)).is_err() || failed {
                        return;
                    }
                }
            }
        });
        store.replace_learner_data_from(received, options)
    })
}

/// A document refused while writing an import is a problem of the file.
fn document_error(e: StoreError) -> AppError {
    match e {
        StoreError::BadDocument { collection, message } => {
            AppError::invalid("file", format!("collections.{collection}: {message}"))
        }
        other => other.into(),
    }
}
