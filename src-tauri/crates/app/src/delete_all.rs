//! "Delete all my data": after a typed confirmation, every learner document
//! is hard-deleted from the local store (tombstones too), the device-local
//! values (the last day seen, …) are forgotten, and the local backups — which
//! hold the same data — are deleted. The store keeps its identity (user and
//! device ids) and its clock; the learner starts again with a fresh profile.
//!
//! Sync: this is the local half. Deleting the learner's documents on the
//! remote belongs before the local wipe (so a failure there leaves everything
//! as it was); the local wipe itself writes no tombstones, so it can never be
//! pushed as thousands of deletions by accident.

use crate::App;
use crate::error::{AppError, AppResult};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use ts_rs::TS;
use waymark_store::Replace;

/// The phrase a learner types to confirm.
pub const DELETE_ALL_PHRASE: &str = "delete my data";

/// What "delete all my data" removed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct DeletedData {
    /// Documents removed per collection (tombstones included).
    pub documents: BTreeMap<String, u64>,
    /// Documents removed in all.
    pub total: u64,
    /// Backup files deleted.
    pub backups: u64,
}

/// Checks the typed confirmation before anything is deleted.
pub fn check_phrase(confirmation: &str) -> AppResult<()> {
    if confirmation.trim().eq_ignore_ascii_case(DELETE_ALL_PHRASE) {
        Ok(())
    } else {
        Err(AppError::invalid("confirmation", format!("type \"{DELETE_ALL_PHRASE}\" to confirm; nothing was deleted")))
    }
}

impl App {
    /// Deletes every learner document, the device-local values and the
    /// backups, when `confirmation` is [`DELETE_ALL_PHRASE`] (case and outer
    /// spaces do not matter). Anything else changes nothing.
    pub fn delete_all_data(&mut self, confirmation: &str) -> AppResult<DeletedData> {
        check_phrase(confirmation)?;
        let replaced = self
            .store
            .replace_learner_data(Vec::new(), Replace { user_id: None, forget_local: true, restamp: false })?;
        self.load_day_state()?;
        self.roll_over()?;
        let backups = self.delete_backups()?;
        Ok(DeletedData { total: replaced.removed.values().sum(), documents: replaced.removed, backups })
    }
}
