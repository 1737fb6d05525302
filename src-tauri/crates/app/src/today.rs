//! The Today screen: the day's tasks across active goals, each goal's outlook,
//! the streak, what moved, and the latest activity.

use crate::App;
use crate::error::AppResult;
use crate::study_views::TestState;
use crate::views::{TodayGoal, TodayTask, TodayView};
use chrono::NaiveDate;
use std::collections::{HashMap, HashSet};
use waymark_core::goal::{Goal, GoalStatus};
use waymark_core::ids::{GoalId, StepId};
use waymark_core::planner::feasibility;
use waymark_core::roadmap::Roadmap;
use waymark_core::streak::{Streak, day_records, streak};
use waymark_core::task::{Task, TaskStatus};

/// How many activity entries Today shows.
const TODAY_TIMELINE: usize = 8;

impl App {
    /// Today's view; `date` shows another day (default: the learner's today).
    /// A new learner day first rolls unfinished tasks forward.
    pub fn today_view(&mut self, date: Option<NaiveDate>) -> AppResult<TodayView> {
        self.roll_over()?;
        let date = date.unwrap_or_else(|| self.today());
        let goals: Vec<Goal> = self.store.goals()?;
        let active: HashMap<&GoalId, &Goal> =
            goals.iter().filter(|g| g.status == GoalStatus::Active).map(|g| (&g.id, g)).collect();
        let mut roadmaps: HashMap<GoalId, Option<Roadmap>> = HashMap::new();
        let mut tasks = Vec::new();
        let mut minutes_by_goal: HashMap<&GoalId, u32> = HashMap::new();
        for task in self.store.tasks_on(date)? {
            let Some(goal) = active.get(&task.goal_id) else { continue };
            if !roadmaps.contains_key(&task.goal_id) {
                roadmaps.insert(task.goal_id.clone(), self.store.roadmap_of_goal(&task.goal_id)?);
            }
            let step = roadmaps
                .get(&task.goal_id)
                .and_then(Option::as_ref)
                .and_then(|r| r.steps.iter().find(|s| s.id == task.step_id));
            *minutes_by_goal.entry(&goal.id).or_default() += task.duration_minutes;
            tasks.push(TodayTask {
                goal_title: goal.title.clone(),
                description: step.map(|s| s.description.clone()).unwrap_or_default(),
                resources: step.map(|s| s.resources.clone()).unwrap_or_default(),
                id: task.id,
                goal_id: task.goal_id,
                step_id: task.step_id,
                title: task.title,
                duration_minutes: task.duration_minutes,
                status: task.status,
                time_spent_minutes: task.time_spent_minutes,
                missed_dates: task.missed_dates,
            });
        }
        let planned_minutes = tasks.iter().map(|t| t.duration_minutes).sum();
        let done_minutes = tasks.iter().filter(|t| t.status == TaskStatus::Done).map(|t| t.duration_minutes).sum();
        let mut today_goals = Vec::new();
        for goal in goals.iter().filter(|g| g.status == GoalStatus::Active) {
            let Some(minutes_today) = minutes_by_goal.get(&goal.id).copied() else { continue };
            let overview = self.overview(goal.clone())?;
            today_goals.push(TodayGoal {
                id: goal.id.clone(),
                title: goal.title.clone(),
                status: goal.status,
                minutes_today,
                feasibility: feasibility(overview.finish_date, goal.target_date),
                finish_date: overview.finish_date,
                outlook: overview.outlook,
            });
        }
        Ok(TodayView {
            date,
            tasks,
            planned_minutes,
            done_minutes,
            goals: today_goals,
            active_goals: u32::try_from(active.len()).unwrap_or(u32::MAX),
            streak: self.streak_now(),
            day_off: self.profile.days_off.iter().find(|d| d.covers(date)).cloned(),
            activities: self.store.recent_activities(None, TODAY_TIMELINE)?,
            reviews_due: self.due_count(),
            test_state: self.today_test_state(date)?,
        })
    }

    /// Where the test of `date` stands, without assembling it.
    pub(crate) fn today_test_state(&self, date: NaiveDate) -> AppResult<TestState> {
        let attempts: Vec<bool> = self.store.tests().filter(|t| t.date == date).map(|t| t.passed).collect();
        if attempts.iter().any(|p| *p) {
            return Ok(TestState::Passed);
        }
        if !attempts.is_empty() {
            return Ok(TestState::Failed);
        }
        let steps: HashSet<StepId> = self.studied_steps(date)?.into_iter().collect();
        Ok(if steps.is_empty() {
            TestState::NothingToTest
        } else if self.store.cards().any(|c| c.question.step_id.as_ref().is_some_and(|s| steps.contains(s))) {
            TestState::Ready
        } else {
            TestState::NoQuestions
        })
    }

    /// The learner's streak now (cached until the next write or day).
    pub(crate) fn streak_now(&self) -> Streak {
        let key = (self.store.generation(), self.today());
        if let Some(s) = self.derived.streak(key) {
            return s;
        }
        let s = self.streak_with(&[]);
        self.derived.put_streak(key, &s);
        s
    }

    /// The learner's streak now, with `changed` tasks in place of the stored ones:
    /// a day counts when its tasks are done or its verification test passed.
    pub(crate) fn streak_with(&self, changed: &[Task]) -> Streak {
        let stored = self.store.all_tasks().filter(|t| !changed.iter().any(|c| c.id == t.id));
        let records = day_records(stored.chain(changed), self.store.tests().filter(|t| t.passed).map(|t| t.date));
        streak(&records, &self.profile.days_off, &self.clock_skipped, self.today())
    }
}
