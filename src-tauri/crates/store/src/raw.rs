//! Documents exactly as stored, sync stamps included: what sync pushes and
//! pulls, what an export or a backup holds. Writing one back checks that it
//! is a well-formed document of its collection before anything is written,
//! keeps its stamps, and updates the in-memory indexes like any other write.

use crate::doc::{from_document, is_deleted};
use crate::entity::Entity;
use crate::error::{StoreError, StoreResult};
use crate::index::IndexChange;
use crate::store::Store;
use polodb_core::CollectionT;
use polodb_core::bson::{Document, doc};
use waymark_core::activity::Activity;
use waymark_core::card::{Card, Review, TestAttempt};
use waymark_core::goal::Goal;
use waymark_core::hlc::Hlc;
use waymark_core::profile::Profile;
use waymark_core::reminder::Reminder;
use waymark_core::roadmap::Roadmap;
use waymark_core::task::Task;

/// Every collection of learner data (synced, exported, backed up), in the
/// order a reader should apply them (goals before the things that point at them).
pub const COLLECTIONS: &[&str] = &[
    Profile::COLLECTION,
    Goal::COLLECTION,
    Roadmap::COLLECTION,
    Task::COLLECTION,
    Card::COLLECTION,
    TestAttempt::COLLECTION,
    Review::COLLECTION,
    Activity::COLLECTION,
    Reminder::COLLECTION,
];

/// Collections whose documents are facts written once: sync merges them as a
/// union by `_id` and they never conflict.
pub const APPEND_ONLY: &[&str] = &[Review::COLLECTION, Activity::COLLECTION, TestAttempt::COLLECTION];

/// The stamps every stored document carries, read from a raw document.
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

/// Reads and checks the stamps of a raw document of `collection`.
pub fn stamps_of(collection: &str, doc: &Document) -> StoreResult<RawStamps> {
    let bad = |message: String| StoreError::BadDocument { collection: collection.to_string(), message };
    let id = doc.get_str("_id").map_err(|_| bad("`_id` must be a string".into()))?.to_string();
    let user_id = doc.get_str("user_id").map_err(|_| bad(format!("{id}: `user_id` must be a string")))?.to_string();
    let hlc_text = doc.get_str("hlc").map_err(|_| bad(format!("{id}: `hlc` must be a string")))?;
    let hlc = Hlc::parse(hlc_text).ok_or_else(|| bad(format!("{id}: `hlc` \"{hlc_text}\" is not a stamp")))?;
    let deleted = doc.get_bool("deleted").map_err(|_| bad(format!("{id}: `deleted` must be true or false")))?;
    Ok(RawStamps { id, user_id, hlc, deleted })
}

/// Checks that `doc` is a readable document of `collection` and says how the
/// indexes change when it is written.
pub(crate) fn check(collection: &str, doc: &Document) -> StoreResult<(RawStamps, Option<IndexChange>)> {
    let stamps = stamps_of(collection, doc)?;
    let live = !is_deleted(doc);
    let change = match collection {
        Profile::COLLECTION => parse::<Profile>(collection, doc)?.index_change(live),
        Goal::COLLECTION => parse::<Goal>(collection, doc)?.index_change(live),
        Roadmap::COLLECTION => parse::<Roadmap>(collection, doc)?.index_change(live),
        Task::COLLECTION => parse::<Task>(collection, doc)?.index_change(live),
        Card::COLLECTION => parse::<Card>(collection, doc)?.index_change(live),
        TestAttempt::COLLECTION => parse::<TestAttempt>(collection, doc)?.index_change(live),
        Review::COLLECTION => parse::<Review>(collection, doc)?.index_change(live),
        Activity::COLLECTION => parse::<Activity>(collection, doc)?.index_change(live),
        Reminder::COLLECTION => parse::<Reminder>(collection, doc)?.index_change(live),
        other => {
            return Err(StoreError::BadDocument {
                collection: other.to_string(),
                message: "no such collection".into(),
            });
        }
    };
    Ok((stamps, change))
}

fn parse<E: Entity>(collection: &str, doc: &Document) -> StoreResult<E> {
    from_document::<E>(doc.clone()).map_err(|e| StoreError::BadDocument {
        collection: collection.to_string(),
        message: format!("{}: {e}", doc.get_str("_id").unwrap_or("?")),
    })
}

impl Store {
    /// Every document of a collection as stored — tombstones included — in
    /// PoloDB's order. Errors for a collection that is not learner data.
    pub fn raw_documents(&self, collection: &str) -> StoreResult<Vec<Document>> {
        known(collection)?;
        let mut out = Vec::new();
        for d in self.db.collection::<Document>(collection).find(doc! {}).run()? {
            out.push(d?);
        }
        Ok(out)
    }

    /// One document as stored (live or tombstone).
    pub fn raw_document(&self, collection: &str, id: &str) -> StoreResult<Option<Document>> {
        known(collection)?;
        Ok(self.db.collection::<Document>(collection).find_one(doc! { "_id": id })?)
    }
}

pub(crate) fn known(collection: &str) -> StoreResult<()> {
    if COLLECTIONS.contains(&collection) {
        Ok(())
    } else {
        Err(StoreError::BadDocument { collection: collection.to_string(), message: "no such collection".into() })
    }
}
