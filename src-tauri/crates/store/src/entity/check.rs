//! The check a raw document passes before it is written (by sync, an import
//! or a backup): its stamps are well-formed, its `hlc` is not more than a day
//! ahead of this desktop's clock (it would drag the clock past every real
//! stamp), and it reads as a value of its collection. A [`CheckedDocument`] carries the result, so a replacement of
//! the whole store can check on one thread and write on another.

use super::{Entity, IndexChange, from_document};
use crate::error::{StoreError, StoreResult};
use crate::schema::{Collection, RawDoc, RawStamps};
use chrono::{DateTime, Utc};
use waymark_core::activity::Activity;
use waymark_core::card::{Card, Review, TestAttempt};
use waymark_core::goal::Goal;
use waymark_core::hlc::check_ahead;
use waymark_core::profile::Profile;
use waymark_core::reminder::Reminder;
use waymark_core::roadmap::Roadmap;
use waymark_core::task::Task;

/// A raw document known to be a well-formed document of its collection.
#[derive(Debug, Clone)]
pub struct CheckedDocument {
    pub(crate) collection: Collection,
    pub(crate) doc: RawDoc,
    pub(crate) stamps: RawStamps,
    pub(crate) change: Option<IndexChange>,
}

impl CheckedDocument {
    /// Its collection.
    pub fn collection(&self) -> Collection {
        self.collection
    }

    /// Its stamps.
    pub fn stamps(&self) -> &RawStamps {
        &self.stamps
    }

    /// The document itself.
    pub fn into_document(self) -> RawDoc {
        self.doc
    }
}

/// Checks that `doc` is a well-formed document of `collection`, as
/// [`crate::Tx::put_raw`] would before writing it at `now`.
pub fn check_document(collection: Collection, doc: RawDoc, now: DateTime<Utc>) -> StoreResult<CheckedDocument> {
    let (stamps, change) = check(collection, &doc, now)?;
    Ok(CheckedDocument { collection, doc, stamps, change })
}

/// Checks that `doc` is a readable document of `collection` and says how the
/// indexes change when it is written.
pub(crate) fn check(
    collection: Collection,
    doc: &RawDoc,
    now: DateTime<Utc>,
) -> StoreResult<(RawStamps, Option<IndexChange>)> {
    let stamps = doc.stamps(collection)?;
    check_ahead(&stamps.hlc, now.timestamp_millis()).map_err(|e| StoreError::BadDocument {
        collection: collection.name().to_string(),
        message: format!("{}: hlc: {e}", stamps.id),
    })?;
    let live = !doc.is_deleted();
    let change = match collection {
        Collection::Profile => parse::<Profile>(doc)?.index_change(live),
        Collection::Goals => parse::<Goal>(doc)?.index_change(live),
        Collection::Roadmaps => parse::<Roadmap>(doc)?.index_change(live),
        Collection::Tasks => parse::<Task>(doc)?.index_change(live),
        Collection::Cards => parse::<Card>(doc)?.index_change(live),
        Collection::Tests => parse::<TestAttempt>(doc)?.index_change(live),
        Collection::Reviews => parse::<Review>(doc)?.index_change(live),
        Collection::Activities => parse::<Activity>(doc)?.index_change(live),
        Collection::Reminders => parse::<Reminder>(doc)?.index_change(live),
    };
    Ok((stamps, change))
}

fn parse<E: Entity>(doc: &RawDoc) -> StoreResult<E> {
    from_document::<E>(doc.clone()).map_err(|e| StoreError::BadDocument {
        collection: E::COLLECTION.name().to_string(),
        message: format!("{}: {e}", doc.id().unwrap_or("?")),
    })
}
