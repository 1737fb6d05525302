//! Typed identifiers. Every document id is a UUID v7 string (time-ordered); the
//! newtypes keep a goal id from being passed where a task id is expected.

use serde::{Deserialize, Serialize};
use std::fmt;
use ts_rs::TS;
use uuid::Uuid;

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
        #[serde(transparent)]
        pub struct $name(pub String);

        impl $name {
            /// Wraps a UUID (callers generate v7 UUIDs from their clock).
            pub fn from_uuid(uuid: Uuid) -> Self {
                Self(uuid.hyphenated().to_string())
            }

            /// Parses a user-supplied id; `None` when it is not a UUID.
            pub fn parse(text: &str) -> Option<Self> {
                Uuid::parse_str(text.trim()).ok().map(Self::from_uuid)
            }

            /// The id as text.
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }
    };
}

id_type!(
    /// Identifies a goal.
    GoalId
);
id_type!(
    /// Identifies a roadmap (one per goal).
    RoadmapId
);
id_type!(
    /// Identifies a step inside a roadmap.
    StepId
);
id_type!(
    /// Identifies a dated daily task.
    TaskId
);
id_type!(
    /// Identifies an entry of the activity log.
    ActivityId
);
id_type!(
    /// Identifies a question a learner wrote for a step or task.
    QuestionId
);
id_type!(
    /// Identifies one daily verification test.
    TestId
);
id_type!(
    /// Identifies an entry of the review log.
    ReviewId
);
id_type!(
    /// Identifies a reminder.
    ReminderId
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_accepts_uuids_only() {
        let id = GoalId::from_uuid(Uuid::nil());
        assert_eq!(GoalId::parse(id.as_str()), Some(id));
        assert_eq!(GoalId::parse("not-an-id"), None);
        assert_eq!(TaskId::parse(""), None);
    }
}
