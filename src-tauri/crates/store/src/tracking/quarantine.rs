//! Documents from the sync remote that could not be applied (local
//! collection `quarantine`, never synced): one that does not read as a
//! Waymark document of its collection — a newer Waymark or another program
//! wrote it — or whose stamp is too far ahead of this desktop's clock. Such a
//! document is kept aside instead of skipped past (the pull's checkpoint
//! moves on, so it would never be read again), counted, listed in Sync →
//! Problems, and tried again at every sync: after an upgrade that reads it,
//! or once the clock has caught up, it is applied like any pulled document.

use super::record::{self, Fields};
use crate::error::StoreResult;
use crate::schema::{Collection, RawDoc, field};
use chrono::{DateTime, Utc};
use polodb_core::Database;
use polodb_core::bson::{Document, doc};

pub(crate) const QUARANTINE: &str = "quarantine";

/// A pulled document kept aside.
#[derive(Debug, Clone, PartialEq)]
pub struct Quarantined {
    /// Its key: `collection/document id`, one entry per document.
    pub id: String,
    /// The collection it was pulled into.
    pub collection: Collection,
    /// The document's `_id` (`?` when it has none that reads).
    pub doc_id: String,
    /// The document as pulled (without its `push_hlc`).
    pub doc: RawDoc,
    /// Why it was not applied, in words.
    pub reason: String,
    /// When it was first kept aside.
    pub first_seen: DateTime<Utc>,
    /// When it was last tried.
    pub last_tried: DateTime<Utc>,
    /// How many times it was tried (1 the first time).
    pub tries: u32,
}

impl Quarantined {
    /// The key of a document of `collection` with id `doc_id`.
    pub fn key(collection: Collection, doc_id: &str) -> String {
        format!("{}/{doc_id}", collection.name())
    }

    pub(crate) fn to_document(&self) -> Document {
        doc! {
            (field::ID): &self.id,
            "collection": self.collection.name(),
            "doc_id": &self.doc_id,
            "doc": self.doc.as_document().clone(),
            "reason": &self.reason,
            "first_seen": self.first_seen.to_rfc3339(),
            "last_tried": self.last_tried.to_rfc3339(),
            "tries": i64::from(self.tries),
        }
    }

    pub(crate) fn from_document(d: &Document) -> StoreResult<Self> {
        Self::from_fields(Fields::of(d, QUARANTINE))
    }

    fn from_fields(f: Fields<'_>) -> StoreResult<Self> {
        Ok(Self {
            id: f.text(field::ID)?,
            collection: f.collection("collection")?,
            doc_id: f.text("doc_id")?,
            doc: f.raw("doc")?,
            reason: f.text("reason")?,
            first_seen: f.time("first_seen")?,
            last_tried: f.time("last_tried")?,
            tries: u32::try_from(f.int("tries")?).unwrap_or(u32::MAX),
        })
    }
}

/// Every document kept aside, by collection and id.
pub(crate) fn list(db: &Database) -> StoreResult<Vec<Quarantined>> {
    let mut out = record::all(db, QUARANTINE, Quarantined::from_fields)?;
    out.sort_by(|a, b| a.id.cmp(&b.id));
    Ok(out)
}
