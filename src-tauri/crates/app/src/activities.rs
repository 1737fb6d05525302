//! Appending to the activity log. Entries are written in the same transaction
//! as the change they describe.

use crate::App;
use crate::error::AppResult;
use uuid::Uuid;
use waymark_core::activity::{Activity, ActivityKind};
use waymark_core::goal::Goal;
use waymark_core::ids::ActivityId;

/// How many entries the timelines show.
pub(crate) const TIMELINE_LENGTH: usize = 30;

impl App {
    /// A new log entry stamped now, on the learner's today.
    pub(crate) fn activity(
        &self,
        kind: ActivityKind,
        goal: Option<&Goal>,
        subject_id: Option<String>,
        title: String,
        value: Option<u32>,
    ) -> Activity {
        Activity {
            id: ActivityId::from_uuid(Uuid::now_v7()),
            kind,
            goal_id: goal.map(|g| g.id.clone()),
            subject_id,
            title,
            at: self.clock.now(),
            date: self.today(),
            value,
        }
    }

    /// The latest entries, newest first: of one goal, or of all goals.
    pub fn activities(&self, goal_id: Option<&str>, limit: Option<usize>) -> AppResult<Vec<Activity>> {
        let goal = match goal_id {
            Some(id) => Some(self.goal(id)?.id),
            None => None,
        };
        Ok(self.store.recent_activities(goal.as_ref(), limit.unwrap_or(TIMELINE_LENGTH))?)
    }
}
