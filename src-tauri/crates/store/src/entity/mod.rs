//! Domain values as stored documents: what the store needs to know about a
//! stored type ([`Entity`]), how a value becomes a document and back, how a
//! write changes the in-memory indexes ([`IndexChange`]), and the check a raw
//! document passes before it is written ([`check_document`]). Above the
//! schema, below the indexes.

mod change;
mod check;
mod convert;

pub use change::IndexChange;
pub(crate) use check::check;
pub use check::{CheckedDocument, check_document};
pub(crate) use convert::{Stamps, for_each_live, from_document, to_document};

use crate::schema::Collection;
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
    /// Its collection.
    const COLLECTION: Collection;

    /// The document id (`_id`).
    fn id(&self) -> &str;

    /// How the in-memory indexes change when this value is written (`live`
    /// is false for a tombstone).
    fn index_change(&self, _live: bool) -> Option<IndexChange> {
        None
    }
}

impl Entity for Goal {
    const COLLECTION: Collection = Collection::Goals;
    fn id(&self) -> &str {
        self.id.as_str()
    }
    fn index_change(&self, live: bool) -> Option<IndexChange> {
        Some(IndexChange::Goal { goal: Box::new(self.clone()), live })
    }
}

impl Entity for Roadmap {
    const COLLECTION: Collection = Collection::Roadmaps;
    fn id(&self) -> &str {
        self.id.as_str()
    }
    fn index_change(&self, live: bool) -> Option<IndexChange> {
        Some(IndexChange::Roadmap { roadmap: Box::new(self.clone()), live })
    }
}

impl Entity for Task {
    const COLLECTION: Collection = Collection::Tasks;
    fn id(&self) -> &str {
        self.id.as_str()
    }
    fn index_change(&self, live: bool) -> Option<IndexChange> {
        Some(IndexChange::Task { task: Box::new(self.clone()), live })
    }
}

impl Entity for Activity {
    const COLLECTION: Collection = Collection::Activities;
    fn id(&self) -> &str {
        self.id.as_str()
    }
    fn index_change(&self, live: bool) -> Option<IndexChange> {
        Some(IndexChange::Activity { id: self.id.clone(), goal: self.goal_id.clone(), step: StepDone::of(self), live })
    }
}

impl Entity for Profile {
    const COLLECTION: Collection = Collection::Profile;
    fn id(&self) -> &str {
        &self.id
    }
}

impl Entity for Card {
    const COLLECTION: Collection = Collection::Cards;
    fn id(&self) -> &str {
        self.question.id.as_str()
    }
    fn index_change(&self, live: bool) -> Option<IndexChange> {
        Some(IndexChange::Card { card: Box::new(self.clone()), live })
    }
}

impl Entity for Review {
    const COLLECTION: Collection = Collection::Reviews;
    fn id(&self) -> &str {
        self.id.as_str()
    }
    fn index_change(&self, live: bool) -> Option<IndexChange> {
        Some(IndexChange::Review { id: self.id.clone(), goal: self.goal_id.clone(), fact: self.into(), live })
    }
}

impl Entity for TestAttempt {
    const COLLECTION: Collection = Collection::Tests;
    fn id(&self) -> &str {
        self.id.as_str()
    }
    fn index_change(&self, live: bool) -> Option<IndexChange> {
        Some(IndexChange::Test { test: Box::new(self.clone()), live })
    }
}

impl Entity for Reminder {
    const COLLECTION: Collection = Collection::Reminders;
    fn id(&self) -> &str {
        self.id.as_str()
    }
}
