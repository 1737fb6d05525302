//! How one write changes the in-memory indexes: each entity says so when it
//! is written ([`crate::Entity::index_change`]), and the indexes follow the
//! changes of committed transactions only.

use waymark_core::card::{Card, TestAttempt};
use waymark_core::goal::Goal;
use waymark_core::ids::{ActivityId, GoalId, ReviewId};
use waymark_core::roadmap::Roadmap;
use waymark_core::stats::{ReviewFact, StepDone};
use waymark_core::task::Task;

/// How one write changes the indexes.
#[derive(Debug, Clone)]
pub enum IndexChange {
    /// A task was written (`live` false: it is now a tombstone).
    Task {
        /// The task as written.
        task: Box<Task>,
        /// Whether it is live.
        live: bool,
    },
    /// A card was written.
    Card {
        /// The card as written.
        card: Box<Card>,
        /// Whether it is live.
        live: bool,
    },
    /// A test attempt was written.
    Test {
        /// The attempt.
        test: Box<TestAttempt>,
        /// Whether it is live.
        live: bool,
    },
    /// An activity was appended.
    Activity {
        /// The entry.
        id: ActivityId,
        /// Its goal.
        goal: Option<GoalId>,
        /// The step it completed, for a step completion.
        step: Option<StepDone>,
        /// Whether it is live.
        live: bool,
    },
    /// A review was appended.
    Review {
        /// The review.
        id: ReviewId,
        /// Its card's goal.
        goal: GoalId,
        /// What the stats need of it.
        fact: ReviewFact,
        /// Whether it is live.
        live: bool,
    },
    /// A roadmap was written.
    Roadmap {
        /// The roadmap as written.
        roadmap: Box<Roadmap>,
        /// Whether it is live.
        live: bool,
    },
    /// A goal was written.
    Goal {
        /// The goal as written.
        goal: Box<Goal>,
        /// Whether it is live.
        live: bool,
    },
}
