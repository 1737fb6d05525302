//! Reading the local tracking records (conflicts, quarantine) back from
//! their collections: each field by name, a missing or mistyped one a
//! [`StoreError::Corrupt`] that names it.

use crate::error::{StoreError, StoreResult};
use crate::schema::{Collection, RawDoc};
use chrono::{DateTime, Utc};
use polodb_core::bson::{Document, doc};
use polodb_core::{CollectionT, Database};

/// The fields of one stored record of the local collection `collection`.
pub(crate) struct Fields<'a> {
    doc: &'a Document,
    collection: &'static str,
}

impl<'a> Fields<'a> {
    /// The record `doc`, stored in `collection`.
    pub(crate) fn of(doc: &'a Document, collection: &'static str) -> Self {
        Self { doc, collection }
    }

    fn bad(&self, name: &str) -> StoreError {
        StoreError::Corrupt { collection: self.collection, message: format!("`{name}` is missing") }
    }

    /// A text field.
    pub(crate) fn text(&self, name: &str) -> StoreResult<String> {
        self.doc.get_str(name).map(str::to_string).map_err(|_| self.bad(name))
    }

    /// A time stored as RFC 3339 text.
    pub(crate) fn time(&self, name: &str) -> StoreResult<DateTime<Utc>> {
        DateTime::parse_from_rfc3339(&self.text(name)?).map(|t| t.with_timezone(&Utc)).map_err(|_| self.bad(name))
    }

    /// A collection stored by name.
    pub(crate) fn collection(&self, name: &str) -> StoreResult<Collection> {
        Collection::named(&self.text(name)?).ok_or_else(|| self.bad(name))
    }

    /// A whole document kept inside the record.
    pub(crate) fn raw(&self, name: &str) -> StoreResult<RawDoc> {
        Ok(RawDoc::new(self.doc.get_document(name).map_err(|_| self.bad(name))?.clone()))
    }

    /// A 64-bit integer.
    pub(crate) fn int(&self, name: &str) -> StoreResult<i64> {
        self.doc.get_i64(name).map_err(|_| self.bad(name))
    }
}

/// Every record of the local collection `collection`, read by `read`, in
/// no particular order.
pub(crate) fn all<T>(
    db: &Database,
    collection: &'static str,
    read: impl Fn(Fields<'_>) -> StoreResult<T>,
) -> StoreResult<Vec<T>> {
    let mut out = Vec::new();
    for d in db.collection::<Document>(collection).find(doc! {}).run()? {
        out.push(read(Fields::of(&d?, collection))?);
    }
    Ok(out)
}
