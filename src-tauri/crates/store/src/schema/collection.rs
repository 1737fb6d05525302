//! The collections of learner data: their names (the same locally and on the
//! sync remote), the order a reader applies them in, and which are
//! append-only.

use std::fmt;

/// A collection of learner data (synced, exported, backed up).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Collection {
    /// The learner's settings (one document, keyed by the user id).
    Profile,
    /// Goals.
    Goals,
    /// One roadmap per goal.
    Roadmaps,
    /// Planned tasks.
    Tasks,
    /// Review cards.
    Cards,
    /// Test attempts (append-only).
    Tests,
    /// The review log (append-only).
    Reviews,
    /// The activity log (append-only).
    Activities,
    /// Reminders.
    Reminders,
}

impl Collection {
    /// Every collection, in the order a reader should apply them (goals
    /// before the things that point at them).
    pub const ALL: [Self; 9] = [
        Self::Profile,
        Self::Goals,
        Self::Roadmaps,
        Self::Tasks,
        Self::Cards,
        Self::Tests,
        Self::Reviews,
        Self::Activities,
        Self::Reminders,
    ];

    /// The collection's name.
    pub const fn name(self) -> &'static str {
        match self {
            Self::Profile => "profile",
            Self::Goals => "goals",
            Self::Roadmaps => "roadmaps",
            Self::Tasks => "tasks",
            Self::Cards => "cards",
            Self::Tests => "tests",
            Self::Reviews => "reviews",
            Self::Activities => "activities",
            Self::Reminders => "reminders",
        }
    }

    /// The collection called `name`, if it is one of learner data.
    pub fn named(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.name() == name)
    }

    /// Whether its documents are facts written once: sync merges them as a
    /// union by `_id` and they never conflict.
    pub const fn is_append_only(self) -> bool {
        matches!(self, Self::Reviews | Self::Activities | Self::Tests)
    }
}

impl fmt::Display for Collection {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}
