//! The Stats screen and each goal's summary: gathers the facts from the
//! store's in-memory indexes — tasks, test attempts, cards, the review log and
//! step completions — narrows them to one goal when asked, and hands them to
//! the core's pure [`waymark_core::stats`] functions.
//!
//! The review log is read into memory once per process. The desktop app does
//! it in the background after start ([`App::stats_scan`], then
//! [`App::install_stats`]), so the Stats screen never waits for it; otherwise
//! the first call of [`App::stats`] reads it.

use crate::App;
use crate::error::AppResult;
use std::collections::HashSet;
use waymark_core::card::{Card, TestAttempt};
use waymark_core::goal::Goal;
use waymark_core::ids::GoalId;
use waymark_core::stats::{Stats, StatsInput, stats};
use waymark_core::task::Task;
use waymark_store::{ScannedStats, StatsScan, StoreResult};

impl App {
    /// Every figure of the Stats screen: of all goals, or of the goal
    /// `goal_id` (its summary). A new learner day first rolls unfinished tasks
    /// forward, so the figures match Today.
    ///
    /// With all goals, the history (tasks, tests, reviews) is the learner's
    /// whole history, and the cards are those of goals that still exist.
    pub fn stats(&mut self, goal_id: Option<&str>) -> AppResult<Stats> {
        self.roll_over()?;
        let one = goal_id.map(|id| self.goal(id)).transpose()?;
        let all: Vec<Goal>;
        let goals: Vec<&Goal> = match &one {
            Some(g) => vec![g],
            None => {
                all = self.store.goals()?;
                all.iter().collect()
            }
        };
        let only: Option<&GoalId> = one.as_ref().map(|g| &g.id);
        let tasks: Vec<&Task> = match only {
            Some(g) => self.store.tasks_of_goal_ref(g),
            None => self.store.all_tasks().collect(),
        };
        let tests: Vec<&TestAttempt> =
            self.store.tests().filter(|t| only.is_none_or(|g| t.goal_ids.contains(g))).collect();
        let known: HashSet<&GoalId> = goals.iter().map(|g| &g.id).collect();
        let cards: Vec<&Card> = self.store.cards().filter(|c| known.contains(&c.question.goal_id)).collect();
        let reviews = self.store.review_facts(only)?;
        let steps_done = self.store.steps_done(only)?;
        Ok(stats(&StatsInput {
            today: self.today(),
            zone: self.zone(),
            day_start_hour: self.profile.day_start_hour,
            goals: &goals,
            tasks: &tasks,
            tests: &tests,
            reviews: &reviews,
            cards: &cards,
            steps_done: &steps_done,
            days_off: &self.profile.days_off,
            clock_skipped: &self.clock_skipped,
        }))
    }

    /// Starts reading the review log for the stats in the background: run the
    /// scan on another thread (without the app), then hand its result to
    /// [`App::install_stats`]. `None` when it is in memory already.
    pub fn stats_scan(&mut self) -> Option<StatsScan> {
        self.store.stats_scan()
    }

    /// Installs a background scan's result (writes made meanwhile are kept).
    pub fn install_stats(&mut self, scanned: StoreResult<ScannedStats>) -> AppResult<()> {
        Ok(self.store.install_stats(scanned)?)
    }
}
