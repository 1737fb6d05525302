//! Goal use cases: create (optionally from a template), edit, change status,
//! list, and the full goal view with its outlook (deleting one is in
//! `goal_delete`).

use crate::App;
use crate::activities::TIMELINE_LENGTH;
use crate::error::{AppError, AppResult};
use crate::plan::Edits;
use crate::roadmaps::{find_template, steps_with_cards};
use crate::views::{GoalOverview, GoalView, PlanView, Progress, StepView};
use chrono::NaiveDate;
use std::collections::HashMap;
use uuid::Uuid;
use waymark_core::activity::ActivityKind;
use waymark_core::card::Card;
use waymark_core::day::learner_date;
use waymark_core::duration::HourEstimate;
use waymark_core::goal::{Goal, GoalInput, GoalStatus};
use waymark_core::ids::{GoalId, RoadmapId};
use waymark_core::outlook::{FixChoice, OutlookInput, fixed_input, outlook};
use waymark_core::planner::{Feasibility, feasibility, step_statuses};
use waymark_core::prerequisites::start_rule;
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
        let now = self.clock.now();
        let input = input.validate(self.today(), None)?;
        let id = GoalId::from_uuid(Uuid::now_v7());
        self.check_prerequisites(&id, &input.prerequisites)?;
        let (steps, cards) = match template.map(str::trim).filter(|t| !t.is_empty()) {
            Some(name) => steps_with_cards(find_template(name)?, &id, now)?,
            None => (Vec::new(), Vec::new()),
        };
        let goal = Goal {
            id,
            week_minutes: input.week(),
            title: input.title,
            description: input.description,
            category: input.category,
            difficulty: input.difficulty,
            target_date: input.target_date,
            hours_per_week: input.hours_per_week,
            skills: input.skills,
            prerequisites: input.prerequisites,
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
        let changes = self.plan_changes(&Edits { goal: Some(&goal), roadmap: Some(&roadmap), ..Edits::default() })?;
        let created =
            self.activity(ActivityKind::GoalCreated, Some(&goal), None, format!("Created goal {}", goal.title), None);
        self.store.transact(now, |tx| {
            tx.put(&goal)?;
            tx.put(&roadmap)?;
            tx.put(&created)?;
            for c in &cards {
                tx.put(c)?;
            }
            changes.write(tx)
        })?;
        self.overview(goal)
    }

    /// Edits a goal's fields and re-plans.
    pub fn update_goal(&mut self, id: &str, input: GoalInput) -> AppResult<GoalOverview> {
        let mut goal = self.goal(id)?;
        let input = input.validate(self.today(), goal.target_date)?;
        self.check_prerequisites(&goal.id, &input.prerequisites)?;
        let old_hours = goal.hours_per_week;
        goal.week_minutes = input.week();
        goal.title = input.title;
        goal.description = input.description;
        goal.category = input.category;
        goal.difficulty = input.difficulty;
        goal.target_date = input.target_date;
        goal.hours_per_week = input.hours_per_week;
        goal.skills = input.skills;
        goal.prerequisites = input.prerequisites;
        let roadmap = self.roadmap_keeping_work(&goal, old_hours)?;
        self.save_goal(&goal, roadmap.as_ref(), Vec::new())?;
        self.overview(goal)
    }

    /// Takes one of the fixes the goal's outlook offers (more weekly hours in
    /// the same weekday shape, or the plan's last day as the target) and saves
    /// the goal with it, like an edit.
    pub fn apply_outlook_fix(&mut self, id: &str, choice: FixChoice) -> AppResult<GoalOverview> {
        let goal = self.goal(id)?;
        let offered = self.overview(goal.clone())?.outlook.outlook.fixes;
        let input = offered.and_then(|fixes| fixed_input(&goal, &fixes, choice)).ok_or_else(|| {
            AppError::invalid("fix", "this goal's outlook offers no such fix; it may already be on track")
        })?;
        self.update_goal(id, input)
    }

    /// Changes a goal's status. Only active goals have planned tasks: pausing,
    /// completing or archiving clears the open plan; re-activating plans from today.
    pub fn set_goal_status(&mut self, id: &str, status: GoalStatus) -> AppResult<GoalOverview> {
        let mut goal = self.goal(id)?;
        let was = goal.status;
        goal.status = status;
        goal.completed_at = match status {
            GoalStatus::Completed => goal.completed_at.or(Some(self.clock.now())),
            GoalStatus::Archived => goal.completed_at,
            _ => None,
        };
        let mut log = Vec::new();
        if status == GoalStatus::Completed && was != GoalStatus::Completed {
            log.push(self.activity(
                ActivityKind::GoalCompleted,
                Some(&goal),
                None,
                format!("Completed goal {}", goal.title),
                None,
            ));
        }
        self.save_goal(&goal, None, log)?;
        self.overview(goal)
    }

    /// All goals with progress and outlook, oldest first.
    pub fn list_goals(&self) -> AppResult<Vec<GoalOverview>> {
        self.store.goals()?.into_iter().map(|g| self.overview(g)).collect()
    }

    /// The goal screen: goal, roadmap steps with estimates and progress, upcoming
    /// tasks and the goal's timeline.
    pub fn goal_view(&self, id: &str) -> AppResult<GoalView> {
        let goal = self.goal(id)?;
        let roadmap = self.store.roadmap_of_goal(&goal.id)?;
        let tasks = self.store.tasks_of_goal(&goal.id)?;
        let today = self.today();
        let statuses = roadmap.as_ref().map(|r| step_statuses(r, &goal, &tasks)).unwrap_or_default();
        let steps: Vec<StepView> = roadmap
            .as_ref()
            .map(|r| {
                r.steps
                    .iter()
                    .zip(&statuses)
                    .map(|(s, status)| {
                        let mine: Vec<&Task> = tasks.iter().filter(|t| t.step_id == s.id).collect();
                        let mut progress = Progress::default();
                        mine.iter().for_each(|t| progress.add(t));
                        let mut step = s.clone();
                        step.status = *status;
                        StepView {
                            step,
                            estimate: s.estimate(goal.hours_per_week),
                            progress,
                            first_date: mine.iter().map(|t| t.date).min(),
                            last_date: mine.iter().map(|t| t.date).max(),
                        }
                    })
                    .collect()
            })
            .unwrap_or_default();
        let estimate = total_estimate(steps.iter().map(|s| s.estimate));
        let mut settled: Vec<Task> =
            tasks.iter().filter(|t| t.status.is_settled() && t.date < today).cloned().collect();
        settled.sort_by_key(|t| (t.date, t.seq));
        let recent = settled.split_off(settled.len().saturating_sub(RECENT_SETTLED));
        let mut upcoming: Vec<Task> = recent;
        upcoming.extend(tasks.iter().filter(|t| t.date >= today || t.status == TaskStatus::Planned).cloned());
        upcoming.sort_by_key(|t| (t.date, t.seq));
        Ok(GoalView {
            template: roadmap.as_ref().and_then(|r| r.template.clone()),
            activities: self.store.recent_activities(Some(&goal.id), TIMELINE_LENGTH)?,
            overview: self.overview_with(goal, roadmap.as_ref(), &tasks.iter().collect::<Vec<_>>()),
            steps,
            estimate,
            upcoming,
        })
    }

    /// A goal's whole dated plan (done, skipped and planned tasks by date).
    pub fn plan(&self, id: &str) -> AppResult<PlanView> {
        let goal = self.goal(id)?;
        let roadmap = self.store.roadmap_of_goal(&goal.id)?;
        let tasks = self.store.tasks_of_goal(&goal.id)?;
        Ok(PlanView { overview: self.overview_with(goal, roadmap.as_ref(), &tasks.iter().collect::<Vec<_>>()), tasks })
    }

    pub(crate) fn goal(&self, id: &str) -> AppResult<Goal> {
        let gid = parse_goal_id(id)?;
        self.store.goal(&gid).ok_or_else(|| AppError::not_found("goal", id))
    }

    /// Writes `goal` (and `roadmap` when given) and the log entries, and re-plans,
    /// in one transaction.
    pub(crate) fn save_goal(
        &mut self,
        goal: &Goal,
        roadmap: Option<&Roadmap>,
        log: Vec<waymark_core::activity::Activity>,
    ) -> AppResult<()> {
        self.save_goal_with_cards(goal, roadmap, log, &[])
    }

    /// Like [`App::save_goal`], also writing new cards in the same transaction.
    pub(crate) fn save_goal_with_cards(
        &mut self,
        goal: &Goal,
        roadmap: Option<&Roadmap>,
        log: Vec<waymark_core::activity::Activity>,
        cards: &[Card],
    ) -> AppResult<()> {
        let changes = self.plan_changes(&Edits { goal: Some(goal), roadmap, ..Edits::default() })?;
        self.store.transact(self.clock.now(), |tx| {
            tx.put(goal)?;
            if let Some(r) = roadmap {
                tx.put(r)?;
            }
            for a in &log {
                tx.put(a)?;
            }
            for c in cards {
                tx.put(c)?;
            }
            changes.write(tx)
        })
    }

    /// Calendar durations ("2 weeks") are estimated at the weekly hours in
    /// effect; when the goal's hours change, steps without their own hours keep
    /// the old ones, so more hours mean finishing sooner, not more work.
    fn roadmap_keeping_work(&self, goal: &Goal, old_hours: f64) -> AppResult<Option<Roadmap>> {
        if (goal.hours_per_week - old_hours).abs() < 1e-9 {
            return Ok(None);
        }
        let Some(mut roadmap) = self.store.roadmap_of_goal(&goal.id)? else { return Ok(None) };
        let mut changed = false;
        for step in roadmap.steps.iter_mut().filter(|s| s.weekly_hours.is_none()) {
            step.weekly_hours = Some(old_hours);
            changed = true;
        }
        Ok(changed.then_some(roadmap))
    }

    fn check_prerequisites(&self, id: &GoalId, prerequisites: &[GoalId]) -> AppResult<()> {
        for p in prerequisites {
            if p == id {
                return Err(AppError::invalid("prerequisites", "a goal cannot be its own prerequisite"));
            }
            if self.store.goal(p).is_none() {
                return Err(AppError::invalid("prerequisites", format!("no goal has the id {p}")));
            }
        }
        Ok(())
    }

    pub(crate) fn overview(&self, goal: Goal) -> AppResult<GoalOverview> {
        let key = (self.store.generation(), self.today());
        if let Some(cached) = self.derived.overview(key, &goal.id)
            && cached.goal == goal
        {
            return Ok(cached);
        }
        let roadmap = self.store.roadmap_of_goal(&goal.id)?;
        let tasks = self.store.tasks_of_goal_ref(&goal.id);
        let overview = self.overview_with(goal, roadmap.as_ref(), &tasks);
        self.derived.put_overview(key, &overview);
        Ok(overview)
    }

    pub(crate) fn overview_with(&self, goal: Goal, roadmap: Option<&Roadmap>, tasks: &[&Task]) -> GoalOverview {
        let today = self.today();
        let mut progress = Progress::default();
        tasks.iter().for_each(|t| progress.add(t));
        let finish_date = tasks.iter().filter(|t| t.status == TaskStatus::Planned).map(|t| t.date).max();
        let active = goal.status == GoalStatus::Active;
        let feasibility = if active { feasibility(finish_date, goal.target_date) } else { Feasibility::NoTarget };
        let steps = roadmap.map(|r| r.steps.as_slice()).unwrap_or_default();
        let steps_done = roadmap
            .map(|r| {
                step_statuses(r, &goal, tasks.iter().copied()).into_iter().filter(|s| *s == StepStatus::Done).count()
            })
            .unwrap_or(0);
        let done_by_day: Vec<(NaiveDate, u32)> = tasks
            .iter()
            .filter(|t| t.status == TaskStatus::Done)
            .map(|t| (t.completed_on.unwrap_or(t.date), t.duration_minutes))
            .collect();
        let minutes_remaining =
            tasks.iter().filter(|t| t.status == TaskStatus::Planned).map(|t| t.duration_minutes).sum();
        let outlook = outlook(&OutlookInput {
            today,
            target: if active { goal.target_date } else { None },
            started_on: learner_date(goal.created_at, self.zone(), self.profile.day_start_hour),
            week: &goal.week_minutes,
            days_off: &self.profile.days_off,
            minutes_done: progress.minutes_done,
            minutes_remaining,
            steps_done: u32::try_from(steps_done).unwrap_or(u32::MAX),
            steps_total: u32::try_from(steps.len()).unwrap_or(u32::MAX),
            plan_finish: finish_date,
            done_by_day: &done_by_day,
        });
        let prerequisites: Vec<Goal> = goal.prerequisites.iter().filter_map(|p| self.store.goal(p)).collect();
        let by_id: HashMap<&GoalId, &Goal> = prerequisites.iter().map(|g| (&g.id, g)).collect();
        let finish: HashMap<GoalId, NaiveDate> =
            goal.prerequisites.iter().filter_map(|p| self.store.last_task_date(p).map(|d| (p.clone(), d))).collect();
        let rule = start_rule(&goal, &by_id, &finish, today);
        GoalOverview {
            progress,
            step_count: u32::try_from(steps.len()).unwrap_or(u32::MAX),
            finish_date,
            feasibility,
            outlook: crate::words::outlook_view(outlook),
            waiting_on: if active { rule.waiting_on } else { Vec::new() },
            starts_on: (active && rule.start > today).then_some(rule.start),
            goal,
        }
    }
}

/// The sum of step estimates, rounded to 0.1 hour.
pub(crate) fn total_estimate(estimates: impl Iterator<Item = HourEstimate>) -> HourEstimate {
    estimates.fold(HourEstimate { min: 0.0, mid: 0.0, max: 0.0 }, |acc, e| HourEstimate {
        min: round1(acc.min + e.min),
        mid: round1(acc.mid + e.mid),
        max: round1(acc.max + e.max),
    })
}

fn round1(v: f64) -> f64 {
    (v * 10.0).round() / 10.0
}
