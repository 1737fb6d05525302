//! The Today screen: the day's tasks across active goals.

use crate::App;
use crate::error::AppResult;
use crate::views::{TodayGoal, TodayTask, TodayView};
use chrono::NaiveDate;
use std::collections::HashMap;
use waymark_core::goal::{Goal, GoalStatus};
use waymark_core::ids::GoalId;
use waymark_core::planner::Plan;
use waymark_core::roadmap::Roadmap;
use waymark_core::task::TaskStatus;

impl App {
    /// Today's view; `date` shows another day (default: the learner's today).
    pub fn today(&self, date: Option<NaiveDate>) -> AppResult<TodayView> {
        let date = date.unwrap_or_else(|| self.clock.today());
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
            });
        }
        let planned_minutes = tasks.iter().map(|t| t.duration_minutes).sum();
        let done_minutes = tasks.iter().filter(|t| t.status == TaskStatus::Done).map(|t| t.duration_minutes).sum();
        let mut today_goals = Vec::new();
        for goal in goals.iter().filter(|g| g.status == GoalStatus::Active) {
            let Some(minutes_today) = minutes_by_goal.get(&goal.id).copied() else { continue };
            let finish_date = self.store.last_task_date(&goal.id);
            today_goals.push(TodayGoal {
                id: goal.id.clone(),
                title: goal.title.clone(),
                status: goal.status,
                minutes_today,
                feasibility: Plan { slices: Vec::new(), finish: finish_date }.feasibility(goal.target_date),
                finish_date,
            });
        }
        Ok(TodayView {
            date,
            tasks,
            planned_minutes,
            done_minutes,
            goals: today_goals,
            active_goals: u32::try_from(active.len()).unwrap_or(u32::MAX),
        })
    }
}
