//! Raw writes: documents written exactly as given, stamps kept (imports,
//! backups, pulled documents), after the check of [`crate::check_document`].

use super::Tx;
use crate::entity::{IndexChange, check};
use crate::error::StoreResult;
use crate::schema::{Collection, RawDoc, RawStamps, field};
use crate::tracking::outbox::DocKey;
use polodb_core::CollectionT;
use polodb_core::bson::doc;

/// How [`Tx::store_raw`] writes a raw document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Write {
    /// A local change: tracked for the next push.
    Tracked,
    /// A pulled document: not tracked.
    Remote,
    /// A pulled document the transaction has just found absent.
    RemoteAbsent,
}

impl Tx<'_> {
    /// Writes a document exactly as given — its `_id`, `user_id`, `hlc` and
    /// `deleted` kept — after checking it is a well-formed document of
    /// `collection` (an error writes nothing). The clock observes its stamp,
    /// so later local writes order after it. For imports and backups: it is
    /// a local write, so sync pushes it.
    pub fn put_raw(&mut self, collection: Collection, doc: RawDoc) -> StoreResult<()> {
        self.store_raw(collection, doc, Write::Tracked)
    }

    /// Writes `doc` again as a local change of this store's learner: a fresh
    /// `hlc` and `updated_at`, this `user_id`, deleted (a tombstone) when
    /// `delete` is set, tracked for the next push.
    /// For a replacement of the whole store (a restore) that must win over
    /// the older copies other desktops hold.
    pub fn put_raw_again(&mut self, collection: Collection, mut doc: RawDoc, delete: bool) -> StoreResult<()> {
        self.restamp(&mut doc)?;
        doc.set_user_id(&self.user_id);
        if delete {
            doc.set_deleted();
        }
        self.store_raw(collection, doc, Write::Tracked)
    }

    /// One document as stored, inside the transaction (sees its writes).
    pub fn get_raw(&self, collection: Collection, id: &str) -> StoreResult<Option<RawDoc>> {
        Ok(self.txn.collection::<RawDoc>(collection.name()).find_one(doc! { (field::ID): id })?)
    }

    /// Gives `doc` a fresh `hlc` and this transaction's `updated_at`.
    pub(super) fn restamp(&mut self, doc: &mut RawDoc) -> StoreResult<()> {
        let hlc = self.tick()?;
        doc.set_hlc(&hlc);
        doc.set_updated_at(&self.updated_at);
        Ok(())
    }

    pub(super) fn store_raw(&mut self, collection: Collection, doc: RawDoc, how: Write) -> StoreResult<()> {
        let checked = check(collection, &doc, self.now)?;
        self.store_checked(collection, doc, checked, how)
    }

    /// [`Tx::store_raw`] for a document `check` has read as `checked`.
    pub(super) fn store_checked(
        &mut self,
        collection: Collection,
        doc: RawDoc,
        (stamps, change): (RawStamps, Option<IndexChange>),
        how: Write,
    ) -> StoreResult<()> {
        let track = how == Write::Tracked;
        let coll = self.txn.collection::<RawDoc>(collection.name());
        let key = doc! { (field::ID): stamps.id.as_str() };
        let tracked = DocKey::new(collection, stamps.id.as_str());
        let needs_base = track && self.tracking.on && !self.tracking.names(&tracked);
        let known_live = how != Write::RemoteAbsent && self.indexes.is_live(collection, &stamps.id);
        let previous =
            if how == Write::RemoteAbsent || (known_live && !needs_base) { None } else { coll.find_one(key.clone())? };
        if known_live || previous.is_some() {
            coll.delete_one(key)?;
        }
        coll.insert_one(doc)?;
        let base = previous.as_ref().and_then(RawDoc::hlc);
        self.clock.observe(&stamps.hlc);
        if self.last.as_ref().is_none_or(|last| *last < stamps.hlc) {
            self.last = Some(stamps.hlc);
        }
        if let Some(change) = change {
            self.changes.push(change);
        }
        if track {
            self.tracking.track(tracked, base);
        }
        Ok(())
    }
}
