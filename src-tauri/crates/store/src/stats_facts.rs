//! The facts the Stats screen reads that live outside the other in-memory
//! indexes: the review log (append-only, years of it) and the step completions
//! of the activity log. Scanning them from PoloDB on every visit is too slow on
//! a long history (a full scan of 200,000 reviews takes hundreds of ms), so
//! they are kept in memory in compact form: per review, its time, state before
//! and rating (16 bytes) and its goal as a small number, keyed by its UUID as a
//! number.
//!
//! They are built by one scan on the first read (not at open, so starting the
//! app and every CLI call pay nothing for them) and, once built, kept up to
//! date after each commit from the same [`IndexChange`]s as the other indexes,
//! raw writes (sync, import) included. Tombstones remove what they cover.

use crate::IndexChange;
use crate::error::StoreResult;
use crate::store::Store;
use std::cell::OnceCell;
use std::collections::HashMap;
use std::hash::{DefaultHasher, Hash, Hasher};
use waymark_core::activity::Activity;
use waymark_core::card::Review;
use waymark_core::ids::{ActivityId, GoalId, ReviewId};
use waymark_core::stats::{ReviewFact, StepDone};

/// The review log and the step completions by activity.
#[derive(Debug, Default)]
pub(crate) struct StatsFacts {
    /// Each goal a review was seen for, once; reviews point here by position.
    goals: Vec<GoalId>,
    slots: HashMap<GoalId, u32>,
    reviews: HashMap<u128, (u32, ReviewFact)>,
    steps: HashMap<ActivityId, StepDone>,
}

/// The facts, or nothing until first read.
pub(crate) type LazyStatsFacts = OnceCell<StatsFacts>;

impl StatsFacts {
    /// Follows one committed write.
    pub(crate) fn apply(&mut self, change: &IndexChange) {
        match change {
            IndexChange::Review { id, goal, fact, live } => {
                let key = review_key(id);
                if *live {
                    let slot = self.slot(goal);
                    self.reviews.insert(key, (slot, *fact));
                } else {
                    self.reviews.remove(&key);
                }
            }
            IndexChange::Activity { id, step, live, .. } => match step {
                Some(s) if *live => {
                    self.steps.insert(id.clone(), s.clone());
                }
                _ => {
                    self.steps.remove(id);
                }
            },
            _ => {}
        }
    }

    fn slot(&mut self, goal: &GoalId) -> u32 {
        if let Some(slot) = self.slots.get(goal) {
            return *slot;
        }
        let slot = u32::try_from(self.goals.len()).unwrap_or(u32::MAX);
        self.goals.push(goal.clone());
        self.slots.insert(goal.clone(), slot);
        slot
    }

    fn scan(store: &Store) -> StoreResult<Self> {
        use crate::Entity;
        let mut facts = Self::default();
        for review in store.scan::<Review>()? {
            if let Some(change) = review.index_change(true) {
                facts.apply(&change);
            }
        }
        for activity in store.scan::<Activity>()? {
            if let Some(change) = activity.index_change(true) {
                facts.apply(&change);
            }
        }
        Ok(facts)
    }
}

impl Store {
    /// The review log of one goal, or of every goal (deleted ones included), in
    /// no particular order. The first call scans the log; later ones read memory.
    pub fn review_facts(&self, goal: Option<&GoalId>) -> StoreResult<Vec<ReviewFact>> {
        let facts = self.stats_facts()?;
        let all = || facts.reviews.values().map(|(_, fact)| *fact);
        Ok(match goal.map(|g| facts.slots.get(g)) {
            None => all().collect(),
            Some(None) => Vec::new(),
            Some(Some(slot)) => facts.reviews.values().filter(|(s, _)| s == slot).map(|(_, fact)| *fact).collect(),
        })
    }

    /// The step completions of the activity log, of one goal or of all.
    pub fn steps_done(&self, goal: Option<&GoalId>) -> StoreResult<Vec<StepDone>> {
        let facts = self.stats_facts()?;
        Ok(facts.steps.values().filter(|s| goal.is_none_or(|g| *g == s.goal_id)).cloned().collect())
    }

    fn stats_facts(&self) -> StoreResult<&StatsFacts> {
        if let Some(facts) = self.indexes.stats.get() {
            return Ok(facts);
        }
        let built = StatsFacts::scan(self)?;
        Ok(self.indexes.stats.get_or_init(|| built))
    }
}

/// A review's id as a number: its UUID, or a hash for an id that is not one.
fn review_key(id: &ReviewId) -> u128 {
    match uuid::Uuid::parse_str(id.as_str()) {
        Ok(u) => u.as_u128(),
        Err(_) => {
            let mut h = DefaultHasher::new();
            id.hash(&mut h);
            u128::from(h.finish())
        }
    }
}
