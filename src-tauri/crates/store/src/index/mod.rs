//! In-memory indexes for the hot reads: live tasks (kept whole, by day and by
//! goal), activities by time, the small collections — goals and roadmaps —
//! kept whole, and the facts of the Stats screen (built on first read). Tasks are small and read in bulk by planning, streaks and
//! forecasts, so memory (a few MB for years of study) buys speed. They hold live documents
//! only, are built by one scan at open, and change only after a transaction has
//! committed.

mod stats_facts;

pub use stats_facts::{ScannedStats, StatsScan};

use crate::entity::{IndexChange, for_each_live};
use crate::error::StoreResult;
use crate::schema::Collection;
use chrono::NaiveDate;
use chrono::{DateTime, Utc};
use polodb_core::bson::doc;
use polodb_core::{CollectionT, Database};
use serde::{Deserialize, Serialize};
use stats_facts::LazyStatsFacts;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use waymark_core::card::{Card, TestAttempt};
use waymark_core::goal::Goal;
use waymark_core::ids::{ActivityId, GoalId, QuestionId, RoadmapId, TaskId, TestId};
use waymark_core::roadmap::Roadmap;
use waymark_core::task::Task;

/// What building the indexes reads of an activity.
#[derive(Serialize, Deserialize)]
struct ActivityKey {
    _id: ActivityId,
    goal_id: Option<GoalId>,
    #[serde(default)]
    deleted: bool,
}

#[derive(Debug, Default)]
pub(crate) struct Indexes {
    tasks_by_date: BTreeMap<NaiveDate, BTreeSet<TaskId>>,
    tasks_by_goal: HashMap<GoalId, BTreeSet<TaskId>>,
    tasks: HashMap<TaskId, Task>,
    cards: HashMap<QuestionId, Card>,
    cards_by_due: BTreeSet<(DateTime<Utc>, QuestionId)>,
    tests: HashMap<TestId, TestAttempt>,
    activities: BTreeSet<ActivityId>,
    activities_by_goal: HashMap<GoalId, BTreeSet<ActivityId>>,
    roadmap_by_goal: HashMap<GoalId, RoadmapId>,
    roadmaps: HashMap<RoadmapId, Roadmap>,
    goals: HashMap<GoalId, Goal>,
    /// Built on first read or by a background scan; see [`stats_facts`].
    stats: LazyStatsFacts,
}

impl Indexes {
    /// Builds the indexes by one scan of `db` (the stats facts wait for their first read).
    pub(crate) fn build(db: &Database) -> StoreResult<Self> {
        let mut indexes = Self::default();
        for_each_live(db, |task: Task| indexes.apply(IndexChange::Task { task: Box::new(task), live: true }))?;
        for key in db.collection::<ActivityKey>(Collection::Activities.name()).find(doc! {}).run()? {
            let key = key?;
            // Step completions are read with the stats facts, on their first read.
            indexes.apply(IndexChange::Activity { id: key._id, goal: key.goal_id, step: None, live: !key.deleted });
        }
        for_each_live(db, |card: Card| indexes.apply(IndexChange::Card { card: Box::new(card), live: true }))?;
        for_each_live(db, |test: TestAttempt| indexes.apply(IndexChange::Test { test: Box::new(test), live: true }))?;
        for_each_live(db, |roadmap: Roadmap| {
            indexes.apply(IndexChange::Roadmap { roadmap: Box::new(roadmap), live: true })
        })?;
        for_each_live(db, |goal: Goal| indexes.apply(IndexChange::Goal { goal: Box::new(goal), live: true }))?;
        Ok(indexes)
    }

    pub(crate) fn apply(&mut self, change: IndexChange) {
        self.stats.get_mut().observe(&change);
        match change {
            IndexChange::Task { task, live } => {
                let id = task.id.clone();
                if let Some(old) = self.tasks.remove(&id) {
                    remove_from(&mut self.tasks_by_date, &old.date, &id);
                    if let Some(set) = self.tasks_by_goal.get_mut(&old.goal_id) {
                        set.remove(&id);
                        if set.is_empty() {
                            self.tasks_by_goal.remove(&old.goal_id);
                        }
                    }
                }
                if live {
                    self.tasks_by_date.entry(task.date).or_default().insert(id.clone());
                    self.tasks_by_goal.entry(task.goal_id.clone()).or_default().insert(id.clone());
                    self.tasks.insert(id, *task);
                }
            }
            IndexChange::Card { card, live } => {
                let id = card.question.id.clone();
                if let Some(old) = self.cards.remove(&id) {
                    self.cards_by_due.remove(&(old.srs.due, id.clone()));
                }
                if live {
                    self.cards_by_due.insert((card.srs.due, id.clone()));
                    self.cards.insert(id, *card);
                }
            }
            IndexChange::Test { test, live } => {
                if live {
                    self.tests.insert(test.id.clone(), *test);
                } else {
                    self.tests.remove(&test.id);
                }
            }
            IndexChange::Activity { id, goal, live, .. } => {
                if live {
                    if let Some(g) = goal {
                        self.activities_by_goal.entry(g).or_default().insert(id.clone());
                    }
                    self.activities.insert(id);
                } else {
                    self.activities.remove(&id);
                    if let Some(g) = goal
                        && let Some(set) = self.activities_by_goal.get_mut(&g)
                    {
                        set.remove(&id);
                    }
                }
            }
            IndexChange::Review { .. } => {}
            IndexChange::Roadmap { roadmap, live } => {
                if let Some(old) = self.roadmaps.remove(&roadmap.id)
                    && self.roadmap_by_goal.get(&old.goal_id) == Some(&old.id)
                {
                    self.roadmap_by_goal.remove(&old.goal_id);
                }
                if live {
                    self.roadmap_by_goal.insert(roadmap.goal_id.clone(), roadmap.id.clone());
                    self.roadmaps.insert(roadmap.id.clone(), *roadmap);
                }
            }
            IndexChange::Goal { goal, live } => {
                if live {
                    self.goals.insert(goal.id.clone(), *goal);
                } else {
                    self.goals.remove(&goal.id);
                }
            }
        }
    }

    pub(crate) fn tasks_on(&self, date: NaiveDate) -> impl Iterator<Item = &TaskId> {
        self.tasks_by_date.get(&date).into_iter().flatten()
    }

    pub(crate) fn tasks_between(&self, from: NaiveDate, to: NaiveDate) -> impl Iterator<Item = &TaskId> {
        let range = if from <= to { self.tasks_by_date.range(from..=to) } else { self.tasks_by_date.range(from..from) };
        range.flat_map(|(_, ids)| ids.iter())
    }

    pub(crate) fn tasks_of_goal(&self, goal: &GoalId) -> impl Iterator<Item = &TaskId> {
        self.tasks_by_goal.get(goal).into_iter().flatten()
    }

    pub(crate) fn last_task_date(&self, goal: &GoalId) -> Option<NaiveDate> {
        self.tasks_of_goal(goal).filter_map(|id| self.tasks.get(id).map(|t| t.date)).max()
    }

    /// Whether the document `id` of `collection` is known to be stored and live
    /// (a write can then update it without looking it up first). `false` means
    /// "not known": it may be new or a tombstone.
    pub(crate) fn is_live(&self, collection: Collection, id: &str) -> bool {
        match collection {
            Collection::Tasks => self.tasks.contains_key(&TaskId(id.to_string())),
            Collection::Goals => self.goals.contains_key(&GoalId(id.to_string())),
            Collection::Roadmaps => self.roadmaps.contains_key(&RoadmapId(id.to_string())),
            Collection::Cards => self.cards.contains_key(&QuestionId(id.to_string())),
            _ => false,
        }
    }

    pub(crate) fn card(&self, id: &QuestionId) -> Option<&Card> {
        self.cards.get(id)
    }

    pub(crate) fn cards(&self) -> impl Iterator<Item = &Card> {
        self.cards.values()
    }

    pub(crate) fn cards_due_by(&self, now: DateTime<Utc>) -> impl Iterator<Item = &Card> {
        self.cards_by_due.iter().take_while(move |(due, _)| *due <= now).filter_map(|(_, id)| self.cards.get(id))
    }

    pub(crate) fn tests(&self) -> impl Iterator<Item = &TestAttempt> {
        self.tests.values()
    }

    pub(crate) fn task(&self, id: &TaskId) -> Option<&Task> {
        self.tasks.get(id)
    }

    pub(crate) fn all_tasks(&self) -> impl Iterator<Item = &Task> {
        self.tasks.values()
    }

    pub(crate) fn activities(&self, goal: Option<&GoalId>) -> Box<dyn DoubleEndedIterator<Item = &ActivityId> + '_> {
        match goal {
            None => Box::new(self.activities.iter()),
            Some(g) => Box::new(self.activities_by_goal.get(g).into_iter().flatten()),
        }
    }

    pub(crate) fn roadmap_of_goal(&self, goal: &GoalId) -> Option<&Roadmap> {
        self.roadmap_by_goal.get(goal).and_then(|id| self.roadmaps.get(id))
    }

    pub(crate) fn goal(&self, id: &GoalId) -> Option<&Goal> {
        self.goals.get(id)
    }

    pub(crate) fn goals(&self) -> impl Iterator<Item = &Goal> {
        self.goals.values()
    }
}

fn remove_from(map: &mut BTreeMap<NaiveDate, BTreeSet<TaskId>>, key: &NaiveDate, id: &TaskId) {
    if let Some(set) = map.get_mut(key) {
        set.remove(id);
        if set.is_empty() {
            map.remove(key);
        }
    }
}
