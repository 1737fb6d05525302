//! Losing versions kept after a sync conflict (local collection `conflicts`,
//! never synced): nothing a learner wrote is silently dropped. A conflict can
//! be restored — its content written back as a new local change, which then
//! wins and syncs — or dismissed.

use crate::error::{StoreError, StoreResult};
use crate::store::Store;
use chrono::{DateTime, Utc};
use polodb_core::CollectionT;
use polodb_core::bson::{Document, doc};

pub(crate) const CONFLICTS: &str = "conflicts";

/// A version that lost a sync conflict.
#[derive(Debug, Clone, PartialEq)]
pub struct Conflict {
    /// The conflict's id (`collection/doc id/losing hlc`).
    pub id: String,
    /// The collection of the document.
    pub collection: String,
    /// The document's `_id`.
    pub doc_id: String,
    /// The losing version, as stored (stamps included).
    pub losing: Document,
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
            "_id": &self.id,
            "collection": &self.collection,
            "doc_id": &self.doc_id,
            "losing": self.losing.clone(),
            "losing_hlc": &self.losing_hlc,
            "winning_hlc": &self.winning_hlc,
            "recorded_at": self.recorded_at.to_rfc3339(),
        }
    }

    pub(crate) fn from_document(d: &Document) -> StoreResult<Self> {
        let bad =
            |field: &str| StoreError::Corrupt { collection: "conflicts", message: format!("`{field}` is missing") };
        let text = |field: &str| d.get_str(field).map(str::to_string).map_err(|_| bad(field));
        let recorded_at =
            DateTime::parse_from_rfc3339(&text("recorded_at")?).map_err(|_| bad("recorded_at"))?.with_timezone(&Utc);
        Ok(Self {
            id: text("_id")?,
            collection: text("collection")?,
            doc_id: text("doc_id")?,
            losing: d.get_document("losing").map_err(|_| bad("losing"))?.clone(),
            losing_hlc: text("losing_hlc")?,
            winning_hlc: text("winning_hlc")?,
            recorded_at,
        })
    }
}

impl Store {
    /// Every kept losing version, newest first.
    pub fn conflicts(&self) -> StoreResult<Vec<Conflict>> {
        let mut out = Vec::new();
        for d in self.db.collection::<Document>(CONFLICTS).find(doc! {}).run()? {
            out.push(Conflict::from_document(&d?)?);
        }
        out.sort_by(|a, b| b.recorded_at.cmp(&a.recorded_at).then_with(|| a.id.cmp(&b.id)));
        Ok(out)
    }

    /// One kept losing version.
    pub fn conflict(&self, id: &str) -> StoreResult<Option<Conflict>> {
        match self.db.collection::<Document>(CONFLICTS).find_one(doc! { "_id": id })? {
            Some(d) => Ok(Some(Conflict::from_document(&d)?)),
            None => Ok(None),
        }
    }
}
