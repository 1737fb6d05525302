//! Converting between domain values and stored documents.
//!
//! A domain value's `id` becomes the document's `_id`; the store adds the sync
//! stamps (`user_id`, `updated_at`, `hlc`, `deleted`). Reading does the reverse
//! and ignores the stamps.

use crate::entity::Entity;
use crate::error::{StoreError, StoreResult};
use polodb_core::bson::{self, Bson, Document};

/// The stamps written with every document.
pub(crate) struct Stamps<'a> {
    pub user_id: &'a str,
    pub updated_at: &'a str,
    pub hlc: &'a str,
    pub deleted: bool,
}

pub(crate) fn to_document<E: Entity>(value: &E, stamps: &Stamps<'_>) -> StoreResult<Document> {
    let mut doc = bson::to_document(value)
        .map_err(|e| StoreError::Corrupt { collection: E::COLLECTION, message: e.to_string() })?;
    let id = doc.remove("id").unwrap_or_else(|| Bson::String(value.id().to_string()));
    let mut out = Document::new();
    out.insert("_id", id);
    out.extend(doc);
    out.insert("user_id", stamps.user_id);
    out.insert("updated_at", stamps.updated_at);
    out.insert("hlc", stamps.hlc);
    out.insert("deleted", stamps.deleted);
    Ok(out)
}

pub(crate) fn from_document<E: Entity>(mut doc: Document) -> StoreResult<E> {
    if let Some(id) = doc.remove("_id") {
        doc.insert("id", id);
    }
    bson::from_document(doc).map_err(|e| StoreError::Corrupt { collection: E::COLLECTION, message: e.to_string() })
}

pub(crate) fn is_deleted(doc: &Document) -> bool {
    doc.get_bool("deleted").unwrap_or(false)
}
