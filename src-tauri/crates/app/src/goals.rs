//! Goal use cases: create (optionally from a template), edit, change status,
//! delete, list, and the full goal view.

use crate::App;
use crate::error::{AppError, AppResult};
use crate::plan::replan;
use crate::roadmaps::find_template;
use crate::views::{GoalOverview, GoalView, Progress, StepView};
use uuid::Uuid;
use waymark_core::duration::HourEstimate;
use waymark_core::goal::{Goal, GoalInput, GoalStatus};
use waymark_core::ids::{GoalId, RoadmapId, StepId};
use waymark_core::planner::{Feasibility, Plan};
use waymark_core::roadmap::{Roadmap, StepStatus};
use waymark_core::task::{Task, TaskStatus};

/// How many settled tasks the goal view shows before today.
const RECENT_SETTLED: usize = 10;

pub(crate) fn parse_goal_id(id: &str) -> AppResult<GoalId> {
    GoalId::parse(id).ok_or_else(|| AppError::invalid("goal_id", format!("\"{id}\" is not a goal id")))
}

impl App {
    /// Creates a goal and its roadmap — from `template` when given, else empty —
    /// and plans its tasks from today.
    pub fn create_goal(&mut self, input: GoalInput, template: Option<&str>) -> AppResult<GoalOverview> {
        let today = self.clock.today();
        let now = self.clock.now();
        let input = input.validate(today, None)?;
        let steps = match template.map(str::trim).filter(|t| !t.is_empty()) {
            Some(name) => find_template(name)?
                .steps
                .into_iter()
                .map(|s| Ok(s.validate()?.into_step(StepId::from_uuid(Uuid::now_v7()), StepStatus::Pending)))
                .collect::<AppResult<Vec<_>>>()?,
            None => Vec::new(),
        };
        let goal = Goal {
            id: GoalId::from_uuid(Uuid::now_v7()),
            title: input.title,
            description: input.description,
            category: input.category,
            difficulty: input.difficulty,
            target_date: input.target_date,
            hours_per_week: input.hours_per_week,
            skills: input.skills,
            prerequisites: Vec::new(),
            status: GoalStatus::Active,
            created_at: now,
            completed_at: None,
        };
        let roadmap = Roadmap {
            id: RoadmapId::from_uuid(Uuid::now_v7()),
            goal_id: goal.id.clone(),
            template: template.map(|t| t.trim().to_string()).filter(|t| !t.is_empty()),
            steps,
            created_at: now,
        };
        self.store.transact(now, |tx| {
            tx.put(&goal)?;
            tx.put(&roadmap)?;
            replan(tx, &goal, Some(&roadmap), &[], today, now)
        })?;
        self.overview(goal)
    }

    /// Edits a goal's fields and re-plans it.
    pub fn update_goal(&mut self, id: &str, input: GoalInput) -> AppResult<GoalOverview> {
        let mut goal = self.goal(id)?;
        let input = input.validate(self.clock.today(), goal.target_date)?;
        goal.title = input.title;
        goal.description = input.description;
        goal.category = input.category;
        goal.difficulty = input.difficulty;
        goal.target_date = input.target_date;
        goal.hours_per_week = input.hours_per_week;
        goal.skills = input.skills;
        self.save_and_replan(&goal)?;
        self.overview(goal)
    }

    /// Changes a goal's status. Only active goals have planned tasks: pausing,
    /// completing or archiving clears the open plan; re-activating plans from today.
    pub fn set_goal_status(&mut self, id: &str, status: GoalStatus) -> AppResult<GoalOverview> {
        let mut goal = self.goal(id)?;
        goal.status = status;
        goal.completed_at = match status {
            GoalStatus::Completed => goal.completed_at.or(Some(self.clock.now())),
            GoalStatus::Archived => goal.completed_at,
            _ => None,
        };
        self.save_and_replan(&goal)?;
        self.overview(goal)
    }

    /// Deletes a goal with its roadmap and tasks.
    pub fn delete_goal(&mut self, id: &str) -> AppResult<()> {
        let goal = self.goal(id)?;
        let roadmap = self.store.roadmap_of_goal(&goal.id)?;
        let tasks = self.store.tasks_of_goal(&goal.id)?;
        self.store.transact(self.clock.now(), |tx| {
            for t in &tasks {
                tx.delete(t)?;
            }
            if let Some(r) = &roadmap {
                tx.delete(r)?;
            }
            tx.delete(&goal)?;
            Ok::<_, AppError>(())
        })
    }

    /// All goals with progress, oldest first.
    pub fn list_goals(&self) -> AppResult<Vec<GoalOverview>> {
        self.store.goals()?.into_iter().map(|g| self.overview(g)).collect()
    }

    /// The goal screen: goal, roadmap steps with estimates and progress, upcoming tasks.
    pub fn goal_view(&self, id: &str) -> AppResult<GoalView> {
        let goal = self.goal(id)?;
        let roadmap = self.store.roadmap_of_goal(&goal.id)?;
        let tasks = self.store.tasks_of_goal(&goal.id)?;
        let today = self.clock.today();
        let steps: Vec<StepView> = roadmap
            .as_ref()
            .map(|r| {
                r.steps
                    .iter()
                    .map(|s| {
                        let mine: Vec<&Task> = tasks.iter().filter(|t| t.step_id == s.id).collect();
                        let mut progress = Progress::default();
                        mine.iter().for_each(|t| progress.add(t));
                        StepView {
                            step: s.clone(),
                            estimate: s.estimate(goal.hours_per_week),
                            progress,
                            first_date: mine.iter().map(|t| t.date).min(),
                            last_date: mine.iter().map(|t| t.date).max(),
                        }
                    })
                    .collect()
            })
            .unwrap_or_default();
        let estimate = steps.iter().fold(HourEstimate { min: 0.0, mid: 0.0, max: 0.0 }, |acc, s| HourEstimate {
            min: round1(acc.min + s.estimate.min),
            mid: round1(acc.mid + s.estimate.mid),
            max: round1(acc.max + s.estimate.max),
        });
        let mut settled: Vec<Task> =
            tasks.iter().filter(|t| t.status.is_settled() && t.date < today).cloned().collect();
        settled.sort_by_key(|t| (t.date, t.seq));
        let recent = settled.split_off(settled.len().saturating_sub(RECENT_SETTLED));
        let mut upcoming: Vec<Task> = recent;
        upcoming.extend(tasks.iter().filter(|t| t.date >= today || t.status == TaskStatus::Planned).cloned());
        upcoming.sort_by_key(|t| (t.date, t.seq));
        Ok(GoalView {
            template: roadmap.as_ref().and_then(|r| r.template.clone()),
            overview: self.overview_with(goal, roadmap.as_ref(), &tasks),
            steps,
            estimate,
            upcoming,
        })
    }

    pub(crate) fn goal(&self, id: &str) -> AppResult<Goal> {
        let gid = parse_goal_id(id)?;
        self.store.goal(&gid).ok_or_else(|| AppError::not_found("goal", id))
    }

    pub(crate) fn save_and_replan(&mut self, goal: &Goal) -> AppResult<()> {
        let roadmap = self.store.roadmap_of_goal(&goal.id)?;
        self.save_roadmap_and_replan(goal, roadmap.as_ref(), false)
    }

    /// Writes `goal` (and `roadmap` when `roadmap_changed`) and re-plans, in one transaction.
    pub(crate) fn save_roadmap_and_replan(
        &mut self,
        goal: &Goal,
        roadmap: Option<&Roadmap>,
        roadmap_changed: bool,
    ) -> AppResult<()> {
        let tasks = self.store.tasks_of_goal(&goal.id)?;
        let (today, now) = (self.clock.today(), self.clock.now());
        self.store.transact(now, |tx| {
            tx.put(goal)?;
            if let (true, Some(r)) = (roadmap_changed, roadmap) {
                tx.put(r)?;
            }
            replan(tx, goal, roadmap, &tasks, today, now)
        })
    }

    fn overview(&self, goal: Goal) -> AppResult<GoalOverview> {
        let roadmap = self.store.roadmap_of_goal(&goal.id)?;
        let tasks = self.store.tasks_of_goal(&goal.id)?;
        Ok(self.overview_with(goal, roadmap.as_ref(), &tasks))
    }

    fn overview_with(&self, goal: Goal, roadmap: Option<&Roadmap>, tasks: &[Task]) -> GoalOverview {
        let mut progress = Progress::default();
        tasks.iter().for_each(|t| progress.add(t));
        let finish_date = tasks.iter().filter(|t| t.status == TaskStatus::Planned).map(|t| t.date).max();
        let plan = Plan { slices: Vec::new(), finish: finish_date };
        let feasibility =
            if goal.status == GoalStatus::Active { plan.feasibility(goal.target_date) } else { Feasibility::NoTarget };
        let step_count = roadmap.map(|r| r.steps.len()).unwrap_or(0);
        GoalOverview {
            goal,
            progress,
            step_count: u32::try_from(step_count).unwrap_or(u32::MAX),
            finish_date,
            feasibility,
        }
    }
}

fn round1(v: f64) -> f64 {
    (v * 10.0).round() / 10.0
}
