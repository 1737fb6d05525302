//! The facts the Stats screen reads that live outside the other in-memory
//! indexes: the review log (append-only, years of it) and the step completions
//! of the activity log. Reading them from PoloDB on every visit is too slow on
//! a long history (a scan of 200,000 reviews takes seconds), so they are kept
//! in memory in compact form: per review, its time, state before and rating
//! (16 bytes) and its goal as a small number, keyed by its UUID as a number.
//!
//! They are not built at open (starting the app and every CLI call would pay
//! for it) but by one scan, either
//!
//! - on the first read, in place, or
//! - in the background: [`crate::Store::stats_scan`] hands out a [`StatsScan`] that
//!   runs on any thread without the store (PoloDB is safe to read while it is
//!   written); meanwhile every committed review and activity change is kept,
//!   and [`crate::Store::install_stats`] replays them over the scan's result. Each
//!   change sets a document to its committed state, so replaying every change
//!   since the scan began over any state the scan saw gives the current state.
//!
//! Once built, they follow each commit from the same [`IndexChange`]s as the
//! other indexes, raw writes (sync, import) included; tombstones remove what
//! they cover.

use super::Indexes;
use crate::entity::{Entity, IndexChange, for_each_live};
use crate::error::StoreResult;
use polodb_core::Database;
use std::cell::RefCell;
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

/// Where the facts stand.
#[derive(Debug, Default)]
pub(crate) enum FactsState {
    /// Not read yet.
    #[default]
    Unbuilt,
    /// A background scan runs; the changes committed since it began.
    Scanning(Vec<IndexChange>),
    /// Built and kept up to date.
    Built(StatsFacts),
}

/// The facts behind interior mutability, so a first read can build them.
pub(crate) type LazyStatsFacts = RefCell<FactsState>;

impl FactsState {
    /// Follows one committed write.
    pub(crate) fn observe(&mut self, change: &IndexChange) {
        match self {
            Self::Unbuilt => {}
            Self::Scanning(since) => {
                if matches!(change, IndexChange::Review { .. } | IndexChange::Activity { .. }) {
                    since.push(change.clone());
                }
            }
            Self::Built(facts) => facts.apply(change),
        }
    }
}

impl StatsFacts {
    fn apply(&mut self, change: &IndexChange) {
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

    fn scan(db: &Database) -> StoreResult<Self> {
        let mut facts = Self::default();
        for_each_live(db, |review: Review| {
            if let Some(change) = review.index_change(true) {
                facts.apply(&change);
            }
        })?;
        for_each_live(db, |activity: Activity| {
            if let Some(change) = activity.index_change(true) {
                facts.apply(&change);
            }
        })?;
        Ok(facts)
    }
}

/// A scan of the stats facts to run on another thread; see the module docs.
pub struct StatsScan {
    db: Database,
}

impl StatsScan {
    /// Reads the review log and the activity log (seconds on years of reviews).
    pub fn run(self) -> StoreResult<ScannedStats> {
        StatsFacts::scan(&self.db).map(ScannedStats)
    }
}

/// What a [`StatsScan`] read, for [`crate::Store::install_stats`].
pub struct ScannedStats(StatsFacts);

impl Indexes {
    /// See [`crate::Store::stats_scan`].
    pub(crate) fn stats_scan(&mut self, db: &Database) -> Option<StatsScan> {
        let state = self.stats.get_mut();
        match state {
            FactsState::Built(_) => return None,
            FactsState::Unbuilt => *state = FactsState::Scanning(Vec::new()),
            FactsState::Scanning(_) => {}
        }
        Some(StatsScan { db: db.clone() })
    }

    /// See [`crate::Store::install_stats`].
    pub(crate) fn install_stats(&mut self, scanned: StoreResult<ScannedStats>) -> StoreResult<()> {
        let state = self.stats.get_mut();
        let FactsState::Scanning(since) = state else { return scanned.map(drop) };
        match scanned {
            Ok(ScannedStats(mut facts)) => {
                since.iter().for_each(|change| facts.apply(change));
                *state = FactsState::Built(facts);
                Ok(())
            }
            Err(e) => {
                *state = FactsState::Unbuilt;
                Err(e)
            }
        }
    }

    /// Whether the stats facts are in memory.
    pub(crate) fn stats_ready(&self) -> bool {
        matches!(*self.stats.borrow(), FactsState::Built(_))
    }

    /// See [`crate::Store::review_facts`].
    pub(crate) fn review_facts(&self, db: &Database, goal: Option<&GoalId>) -> StoreResult<Vec<ReviewFact>> {
        self.with_facts(db, |facts| {
            let all = || facts.reviews.values().map(|(_, fact)| *fact);
            match goal.map(|g| facts.slots.get(g)) {
                None => all().collect(),
                Some(None) => Vec::new(),
                Some(Some(slot)) => facts.reviews.values().filter(|(s, _)| s == slot).map(|(_, fact)| *fact).collect(),
            }
        })
    }

    /// See [`crate::Store::steps_done`].
    pub(crate) fn steps_done(&self, db: &Database, goal: Option<&GoalId>) -> StoreResult<Vec<StepDone>> {
        self.with_facts(db, |facts| {
            facts.steps.values().filter(|s| goal.is_none_or(|g| *g == s.goal_id)).cloned().collect()
        })
    }

    fn with_facts<T>(&self, db: &Database, f: impl FnOnce(&StatsFacts) -> T) -> StoreResult<T> {
        if let FactsState::Built(facts) = &*self.stats.borrow() {
            return Ok(f(facts));
        }
        // Nothing can be committed while `self` is borrowed: a scan here sees everything.
        let facts = StatsFacts::scan(db)?;
        let out = f(&facts);
        *self.stats.borrow_mut() = FactsState::Built(facts);
        Ok(out)
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
