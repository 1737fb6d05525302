//! A restore replaces everything with documents that keep their old stamps
//! (an import with sync on merges instead, as local changes; see `export`).
//! With sync on, other desktops and the remote hold newer copies, so those
//! old stamps would lose to them and the desktops would drift apart. Here the replacement becomes what it is for
//! the learner — a change made now: every document written again with a
//! fresh stamp, and every document it removed deleted with a tombstone, all
//! queued for the next push, so the restored plan wins everywhere.

use crate::{App, AppResult};
use std::collections::{HashMap, HashSet};
use waymark_store::{Collection, RawDoc, StoreError};

/// The documents a replacement is about to remove (live ones not among the
/// incoming ids), kept to write their tombstones after it.
pub(crate) struct Removed(Vec<(Collection, RawDoc)>);

impl App {
    /// With sync on: the live documents of this store that `incoming` does
    /// not hold again. Without sync: nothing to remember.
    pub(crate) fn about_to_remove(&self, incoming: &[(Collection, Vec<RawDoc>)]) -> AppResult<Removed> {
        if !self.sync_enabled() {
            return Ok(Removed(Vec::new()));
        }
        let mut kept: HashMap<Collection, HashSet<&str>> = HashMap::new();
        for (collection, docs) in incoming {
            kept.entry(*collection).or_default().extend(docs.iter().filter_map(RawDoc::id));
        }
        let mut removed = Vec::new();
        for collection in Collection::ALL {
            let ids = kept.get(&collection);
            for d in self.store.raw_documents(collection)? {
                let again = d.id().is_some_and(|id| ids.is_some_and(|ids| ids.contains(id)));
                if !d.is_deleted() && !again {
                    removed.push((collection, d));
                }
            }
        }
        Ok(Removed(removed))
    }

    /// With sync on, after a replacement: writes every document again with a
    /// fresh stamp and a tombstone for each of `removed`, in one transaction.
    pub(crate) fn stamp_replacement(&mut self, removed: Removed) -> AppResult<()> {
        if !self.sync_enabled() {
            return Ok(());
        }
        let mut current = Vec::new();
        for collection in Collection::ALL {
            current.push((collection, self.store.raw_documents(collection)?));
        }
        let now = self.clock.now();
        self.store.transact(now, |tx| {
            for (collection, docs) in current {
                for d in docs {
                    tx.put_raw_again(collection, d, false)?;
                }
            }
            for (collection, d) in removed.0 {
                tx.put_raw_again(collection, d, true)?;
            }
            Ok::<_, StoreError>(())
        })?;
        Ok(())
    }
}
