//! A document exactly as stored, sync stamps included: what sync pushes and
//! pulls, what an export or a backup holds. Its stamps are read and written
//! through typed accessors; its other fields are read through the document
//! it wraps.

use super::Collection;
use super::field;
use crate::error::{StoreError, StoreResult};
use polodb_core::bson::{Bson, Document};
use serde::{Deserialize, Serialize};
use std::ops::Deref;
use waymark_core::hlc::Hlc;

/// A stored document with its stamps (`_id`, `user_id`, `updated_at`, `hlc`,
/// `deleted`, and on the remote `push_hlc`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct RawDoc(Document);

/// The stamps every stored document carries, read and checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawStamps {
    /// `_id`.
    pub id: String,
    /// `user_id`.
    pub user_id: String,
    /// `hlc`, parsed.
    pub hlc: Hlc,
    /// `deleted`: a tombstone.
    pub deleted: bool,
}

impl RawDoc {
    /// Wraps a document.
    pub fn new(doc: Document) -> Self {
        Self(doc)
    }

    /// The document itself.
    pub fn as_document(&self) -> &Document {
        &self.0
    }

    /// The document itself, unwrapped.
    pub fn into_document(self) -> Document {
        self.0
    }

    /// `_id` when it is a string.
    pub fn id(&self) -> Option<&str> {
        self.0.get_str(field::ID).ok()
    }

    /// `_id` as text: a string as it is, any other value in its extended
    /// JSON form, nothing as an empty string.
    pub fn id_text(&self) -> String {
        match self.0.get(field::ID) {
            Some(Bson::String(s)) => s.clone(),
            Some(other) => other.to_string(),
            None => String::new(),
        }
    }

    /// `user_id` when it is a string.
    pub fn user_id(&self) -> Option<&str> {
        self.0.get_str(field::USER_ID).ok()
    }

    /// `hlc` as stored, when it is a string.
    pub fn hlc_text(&self) -> Option<&str> {
        self.0.get_str(field::HLC).ok()
    }

    /// `hlc`, parsed; `None` when absent or not a stamp.
    pub fn hlc(&self) -> Option<Hlc> {
        self.hlc_text().and_then(Hlc::parse)
    }

    /// `push_hlc` (remote documents only), when it is a string.
    pub fn push_hlc(&self) -> Option<&str> {
        self.0.get_str(field::PUSH_HLC).ok()
    }

    /// Whether it is a tombstone (`deleted` true; absent counts as live).
    pub fn is_deleted(&self) -> bool {
        self.0.get_bool(field::DELETED).unwrap_or(false)
    }

    /// Sets `_id`.
    pub fn set_id(&mut self, id: &str) {
        self.0.insert(field::ID, id);
    }

    /// Sets `user_id`.
    pub fn set_user_id(&mut self, user: &str) {
        self.0.insert(field::USER_ID, user);
    }

    /// Sets `hlc`.
    pub fn set_hlc(&mut self, hlc: &Hlc) {
        self.0.insert(field::HLC, hlc.to_string());
    }

    /// Sets `updated_at`.
    pub fn set_updated_at(&mut self, at: &str) {
        self.0.insert(field::UPDATED_AT, at);
    }

    /// Makes it a tombstone.
    pub fn set_deleted(&mut self) {
        self.0.insert(field::DELETED, true);
    }

    /// Sets the remote-only `push_hlc`.
    pub fn set_push_hlc(&mut self, stamp: &str) {
        self.0.insert(field::PUSH_HLC, stamp);
    }

    /// Drops the remote-only `push_hlc`.
    pub fn remove_push_hlc(&mut self) {
        self.0.remove(field::PUSH_HLC);
    }

    /// Takes `_id` out, leaving the body (for an update by `_id`).
    pub fn split_id(mut self) -> (Bson, Document) {
        let id = self.0.remove(field::ID).unwrap_or(Bson::Null);
        (id, self.0)
    }

    /// Whether two versions say the same: both deleted, or equal apart from
    /// their sync stamps ([`field::SYNC_STAMPS`]).
    pub fn same_content(&self, other: &Self) -> bool {
        (self.is_deleted() && other.is_deleted()) || self.content() == other.content()
    }

    /// The document without its sync stamps.
    pub fn content(&self) -> Document {
        let mut d = self.0.clone();
        for k in field::SYNC_STAMPS {
            d.remove(k);
        }
        d
    }

    /// Reads and checks the stamps of this document of `collection`.
    pub fn stamps(&self, collection: Collection) -> StoreResult<RawStamps> {
        let bad = |message: String| StoreError::BadDocument { collection: collection.name().to_string(), message };
        let id = self.id().ok_or_else(|| bad("`_id` must be a string".into()))?.to_string();
        let user_id = self.user_id().ok_or_else(|| bad(format!("{id}: `user_id` must be a string")))?.to_string();
        let hlc_text = self.hlc_text().ok_or_else(|| bad(format!("{id}: `hlc` must be a string")))?;
        let hlc = Hlc::parse(hlc_text).ok_or_else(|| bad(format!("{id}: `hlc` \"{hlc_text}\" is not a stamp")))?;
        let deleted =
            self.0.get_bool(field::DELETED).map_err(|_| bad(format!("{id}: `deleted` must be true or false")))?;
        Ok(RawStamps { id, user_id, hlc, deleted })
    }
}

impl From<Document> for RawDoc {
    fn from(doc: Document) -> Self {
        Self(doc)
    }
}

impl From<RawDoc> for Document {
    fn from(doc: RawDoc) -> Self {
        doc.0
    }
}

impl Deref for RawDoc {
    type Target = Document;

    fn deref(&self) -> &Document {
        &self.0
    }
}
