//! What an import needs to plan before it writes anything: the stamp of
//! every document of a collection in one scan, and checked documents — raw
//! documents that passed the check [`crate::Tx::put_raw`] makes, so that
//! [`Store::replace_learner_data`] can write them without checking again.

use crate::error::{StoreError, StoreResult};
use crate::index::IndexChange;
use crate::raw::{self, RawStamps};
use crate::store::Store;
use polodb_core::CollectionT;
use polodb_core::bson::{Document, doc};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use waymark_core::hlc::Hlc;

/// Just the fields a stamp scan decodes.
#[derive(Serialize, Deserialize)]
struct Stamp {
    _id: String,
    hlc: String,
}

impl Store {
    /// The HLC stamp of every document of `collection` (tombstones included), by id.
    pub fn stamps(&self, collection: &str) -> StoreResult<HashMap<String, Hlc>> {
        raw::known(collection)?;
        let mut out = HashMap::new();
        for s in self.db.collection::<Stamp>(collection).find(doc! {}).run()? {
            let s = s?;
            let hlc = Hlc::parse(&s.hlc).ok_or_else(|| StoreError::BadDocument {
                collection: collection.to_string(),
                message: format!("{}: stored `hlc` \"{}\" is not a stamp", s._id, s.hlc),
            })?;
            out.insert(s._id, hlc);
        }
        Ok(out)
    }
}

/// A raw document known to be a well-formed document of its collection.
#[derive(Debug, Clone)]
pub struct CheckedDocument {
    pub(crate) collection: String,
    pub(crate) doc: Document,
    pub(crate) stamps: RawStamps,
    pub(crate) change: Option<IndexChange>,
}

impl CheckedDocument {
    /// Its collection.
    pub fn collection(&self) -> &str {
        &self.collection
    }

    /// Its stamps.
    pub fn stamps(&self) -> &RawStamps {
        &self.stamps
    }

    /// The document itself.
    pub fn into_document(self) -> Document {
        self.doc
    }
}

/// Checks that `doc` is a well-formed document of `collection`, as
/// [`crate::Tx::put_raw`] would before writing it.
pub fn check_document(collection: &str, doc: Document) -> StoreResult<CheckedDocument> {
    let (stamps, change) = raw::check(collection, &doc)?;
    Ok(CheckedDocument { collection: collection.to_string(), doc, stamps, change })
}
