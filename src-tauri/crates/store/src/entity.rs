//! What the store needs to know about a stored type.

use crate::index::IndexChange;
use serde::Serialize;
use serde::de::DeserializeOwned;
use waymark_core::goal::Goal;
use waymark_core::roadmap::Roadmap;
use waymark_core::task::Task;

/// A type stored as one document per value in its own collection.
pub trait Entity: Serialize + DeserializeOwned {
    /// The collection name (same locally and on the sync remote).
    const COLLECTION: &'static str;

    /// The document id (`_id`).
    fn id(&self) -> &str;

    /// How the in-memory indexes change when this value is written (`live`
    /// is false for a tombstone).
    fn index_change(&self, _live: bool) -> Option<IndexChange> {
        None
    }
}

impl Entity for Goal {
    const COLLECTION: &'static str = "goals";
    fn id(&self) -> &str {
        self.id.as_str()
    }
    fn index_change(&self, live: bool) -> Option<IndexChange> {
        Some(IndexChange::Goal { goal: Box::new(self.clone()), live })
    }
}

impl Entity for Roadmap {
    const COLLECTION: &'static str = "roadmaps";
    fn id(&self) -> &str {
        self.id.as_str()
    }
    fn index_change(&self, live: bool) -> Option<IndexChange> {
        Some(IndexChange::Roadmap { roadmap: Box::new(self.clone()), live })
    }
}

impl Entity for Task {
    const COLLECTION: &'static str = "tasks";
    fn id(&self) -> &str {
        self.id.as_str()
    }
    fn index_change(&self, live: bool) -> Option<IndexChange> {
        Some(IndexChange::Task { id: self.id.clone(), date: self.date, goal: self.goal_id.clone(), live })
    }
}
