//! Converting between domain values and stored documents.
//!
//! A domain value's `id` becomes the document's `_id`; the store adds the sync
//! stamps (`user_id`, `updated_at`, `hlc`, `deleted`). Reading does the reverse
//! and ignores the stamps.

use super::Entity;
use crate::error::{StoreError, StoreResult};
use crate::schema::{RawDoc, field};
use polodb_core::bson::{self, Bson, Document, doc};
use polodb_core::{CollectionT, Database};

/// The stamps written with every document.
pub(crate) struct Stamps<'a> {
    pub user_id: &'a str,
    pub updated_at: &'a str,
    pub hlc: &'a str,
    pub deleted: bool,
}

pub(crate) fn to_document<E: Entity>(value: &E, stamps: &Stamps<'_>) -> StoreResult<Document> {
    let mut doc = bson::to_document(value).map_err(|e| corrupt::<E>(e))?;
    let id = doc.remove("id").unwrap_or_else(|| Bson::String(value.id().to_string()));
    let mut out = Document::new();
    out.insert(field::ID, id);
    out.extend(doc);
    out.insert(field::USER_ID, stamps.user_id);
    out.insert(field::UPDATED_AT, stamps.updated_at);
    out.insert(field::HLC, stamps.hlc);
    out.insert(field::DELETED, stamps.deleted);
    Ok(out)
}

pub(crate) fn from_document<E: Entity>(doc: RawDoc) -> StoreResult<E> {
    let mut doc = doc.into_document();
    if let Some(id) = doc.remove(field::ID) {
        doc.insert("id", id);
    }
    bson::from_document(doc).map_err(|e| corrupt::<E>(e))
}

fn corrupt<E: Entity>(e: impl ToString) -> StoreError {
    StoreError::Corrupt { collection: E::COLLECTION.name(), message: e.to_string() }
}

/// Calls `f` with every live value of a collection, by a full scan of `db`.
pub(crate) fn for_each_live<E: Entity>(db: &Database, mut f: impl FnMut(E)) -> StoreResult<()> {
    for d in db.collection::<RawDoc>(E::COLLECTION.name()).find(doc! {}).run()? {
        let d = d?;
        if !d.is_deleted() {
            f(from_document(d)?);
        }
    }
    Ok(())
}
