//! Finishing a restore's re-stamp (see `tx::restamp`): right after the
//! replacement, or at the next open when the process stopped before.

use super::Store;
use crate::error::{StoreError, StoreResult};
use crate::schema::Collection;
use crate::tx::restamp::pending;
use chrono::{DateTime, Utc};
use std::collections::HashSet;

impl Store {
    /// Finishes a pending re-stamp (see the module header): every document
    /// written again with a fresh stamp, a tombstone for each removed one
    /// that the replacement did not write again, all tracked for the next
    /// push, and the pending state cleared — one transaction. Returns whether
    /// one was pending.
    pub fn finish_restamp(&mut self, now: DateTime<Utc>) -> StoreResult<bool> {
        let Some(removed) = pending(&self.db)? else { return Ok(false) };
        let mut current = Vec::new();
        for collection in Collection::ALL {
            current.push((collection, self.raw_documents(collection)?));
        }
        let present: HashSet<(Collection, String)> = current
            .iter()
            .flat_map(|(c, docs)| docs.iter().filter_map(move |d| d.id().map(|id| (*c, id.to_string()))))
            .collect();
        self.transact(now, |tx| {
            for (collection, docs) in current {
                for d in docs {
                    tx.put_raw_again(collection, d, false)?;
                }
            }
            for (collection, d) in removed {
                if d.id().is_some_and(|id| !present.contains(&(collection, id.to_string()))) {
                    tx.put_raw_again(collection, d, true)?;
                }
            }
            tx.clear_restamp()?;
            Ok::<_, StoreError>(())
        })?;
        Ok(true)
    }
}
