//! Losing versions kept after a sync conflict (local collection `conflicts`,
//! never synced): nothing a learner wrote is silently dropped. A conflict can
//! be restored — its content written back as a new local change, which then
//! wins and syncs — or dismissed.

use super::record::{self, Fields};
use crate::error::StoreResult;
use crate::schema::{Collection, RawDoc, field};
use chrono::{DateTime, Utc};
use polodb_core::bson::{Document, doc};
use polodb_core::{CollectionT, Database};

pub(crate) const CONFLICTS: &str = "conflicts";

/// A version that lost a sync conflict.
#[derive(Debug, Clone, PartialEq)]
pub struct Conflict {
    /// The conflict's id (`collection/doc id/losing hlc`).
    pub id: String,
    /// The collection of the document.
    pub collection: Collection,
    /// The document's `_id`.
    pub doc_id: String,
    /// The losing version, as stored (stamps included).
    pub losing: RawDoc,
    /// The losing version's stamp.
    pub losing_hlc: String,
    /// The stamp of the version that won (the one now stored).
    pub winning_hlc: String,
    /// When the conflict was found.
    pub recorded_at: DateTime<Utc>,
}

impl Conflict {
    pub(crate) fn to_document(&self) -> Document {
        doc! {
            (field::ID): &self.id,
            "collection": self.collection.name(),
            "doc_id": &self.doc_id,
            "losing": self.losing.as_document().clone(),
            "losing_hlc": &self.losing_hlc,
            "winning_hlc": &self.winning_hlc,
            "recorded_at": self.recorded_at.to_rfc3339(),
        }
    }

    pub(crate) fn from_document(d: &Document) -> StoreResult<Self> {
        Self::from_fields(Fields::of(d, CONFLICTS))
    }

    fn from_fields(f: Fields<'_>) -> StoreResult<Self> {
        Ok(Self {
            id: f.text(field::ID)?,
            collection: f.collection("collection")?,
            doc_id: f.text("doc_id")?,
            losing: f.raw("losing")?,
            losing_hlc: f.text("losing_hlc")?,
            winning_hlc: f.text("winning_hlc")?,
            recorded_at: f.time("recorded_at")?,
        })
    }
}

/// Every kept losing version, newest first.
pub(crate) fn list(db: &Database) -> StoreResult<Vec<Conflict>> {
    let mut out = record::all(db, CONFLICTS, Conflict::from_fields)?;
    out.sort_by(|a, b| b.recorded_at.cmp(&a.recorded_at).then_with(|| a.id.cmp(&b.id)));
    Ok(out)
}

/// One kept losing version.
pub(crate) fn find(db: &Database, id: &str) -> StoreResult<Option<Conflict>> {
    match db.collection::<Document>(CONFLICTS).find_one(doc! { (field::ID): id })? {
        Some(d) => Ok(Some(Conflict::from_document(&d)?)),
        None => Ok(None),
    }
}
