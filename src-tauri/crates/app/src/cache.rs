//! Figures derived from the whole store — goal outlooks and the streak — kept
//! until the next committed write or a new learner day, so screens that ask
//! again and again (Today, Goals) do not recompute them.

use crate::views::GoalOverview;
use chrono::NaiveDate;
use std::cell::RefCell;
use std::collections::HashMap;
use waymark_core::ids::GoalId;
use waymark_core::streak::Streak;

/// What the cached figures were computed for: the store's generation and the
/// learner's today.
type Key = (u64, NaiveDate);

#[derive(Default)]
struct Entries {
    key: Option<Key>,
    overviews: HashMap<GoalId, GoalOverview>,
    streak: Option<Streak>,
}

/// The cache; interior mutability lets read-only use cases fill it.
#[derive(Default)]
pub(crate) struct Derived(RefCell<Entries>);

impl Derived {
    fn entries(&self, key: Key) -> std::cell::RefMut<'_, Entries> {
        let mut e = self.0.borrow_mut();
        if e.key != Some(key) {
            *e = Entries { key: Some(key), ..Entries::default() };
        }
        e
    }

    pub(crate) fn overview(&self, key: Key, goal: &GoalId) -> Option<GoalOverview> {
        self.entries(key).overviews.get(goal).cloned()
    }

    pub(crate) fn put_overview(&self, key: Key, overview: &GoalOverview) {
        self.entries(key).overviews.insert(overview.goal.id.clone(), overview.clone());
    }

    pub(crate) fn streak(&self, key: Key) -> Option<Streak> {
        self.entries(key).streak
    }

    pub(crate) fn put_streak(&self, key: Key, streak: &Streak) {
        self.entries(key).streak = Some(*streak);
    }
}
