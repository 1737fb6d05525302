//! What the store needs to know about a stored type.

use crate::index::IndexChange;
use serde::Serialize;
use serde::de::DeserializeOwned;
use waymark_core::activity::Activity;
use waymark_core::card::{Card, Review, TestAttempt};
use waymark_core::goal::Goal;
use waymark_core::profile::Profile;
use waymark_core::reminder::Reminder;
use waymark_core::roadmap::Roadmap;
use waymark_core::stats::StepDone;
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
        Some(IndexChange::Task { task: Box::new(self.clone()), live })
    }
}

impl Entity for Activity {
    const COLLECTION: &'static str = "activities";
    fn id(&self) -> &str {
        self.id.as_str()
    }
    fn index_change(&self, live: bool) -> Option<IndexChange> {
        Some(IndexChange::Activity { id: self.id.clone(), goal: self.goal_id.clone(), step: StepDone::of(self), live })
    }
}

impl Entity for Profile {
    const COLLECTION: &'static str = "profile";
    fn id(&self) -> &str {
        &self.id
    }
}

impl Entity for Card {
    const COLLECTION: &'static str = "cards";
    fn id(&self) -> &str {
        self.question.id.as_str()
    }
    fn index_change(&self, live: bool) -> Option<IndexChange> {
        Some(IndexChange::Card { card: Box::new(self.clone()), live })
    }
}

impl Entity for Review {
    const COLLECTION: &'static str = "reviews";
    fn id(&self) -> &str {
        self.id.as_str()
    }
    fn index_change(&self, live: bool) -> Option<IndexChange> {
        Some(IndexChange::Review { id: self.id.clone(), goal: self.goal_id.clone(), fact: self.into(), live })
    }
}

impl Entity for TestAttempt {
    const COLLECTION: &'static str = "tests";
    fn id(&self) -> &str {
        self.id.as_str()
    }
    fn index_change(&self, live: bool) -> Option<IndexChange> {
        Some(IndexChange::Test { test: Box::new(self.clone()), live })
    }
}

impl Entity for Reminder {
    const COLLECTION: &'static str = "reminders";
    fn id(&self) -> &str {
        self.id.as_str()
    }
}
