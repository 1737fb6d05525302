//! Task use cases: mark done, skip, undo, record time spent — and what follows
//! from them: a step or goal that is now complete, the roadmap started, a
//! streak milestone, each logged in the same transaction.

use crate::App;
use crate::error::{AppError, AppResult};
use crate::plan::Edits;
use waymark_core::activity::{Activity, ActivityKind};
use waymark_core::goal::{Goal, GoalStatus};
use waymark_core::ids::TaskId;
use waymark_core::planner::step_statuses;
use waymark_core::roadmap::{Roadmap, StepStatus};
use waymark_core::streak::milestones_crossed;
use waymark_core::task::{Task, TaskStatus};

/// The most minutes one task can record (a whole day).
const MAX_MINUTES: u32 = 24 * 60;

impl App {
    /// Sets a task's status; `time_spent_minutes` records the time actually
    /// spent (kept as it was when `None`).
    pub fn set_task_status(
        &mut self,
        id: &str,
        status: TaskStatus,
        time_spent_minutes: Option<u32>,
    ) -> AppResult<Task> {
        let tid =
            TaskId::parse(id).ok_or_else(|| AppError::invalid("task_id", format!("\"{id}\" is not a task id")))?;
        if let Some(m) = time_spent_minutes
            && m > MAX_MINUTES
        {
            return Err(AppError::invalid("time_spent_minutes", format!("{m} minutes is more than a day")));
        }
        let before = self.store.task(&tid).ok_or_else(|| AppError::not_found("task", id))?;
        let mut task = before.clone();
        let now = self.clock.now();
        task.status = status;
        task.completed_at = if status.is_settled() { task.completed_at.or(Some(now)) } else { None };
        task.completed_on = if status.is_settled() { task.completed_on.or(Some(self.today())) } else { None };
        if time_spent_minutes.is_some() {
            task.time_spent_minutes = time_spent_minutes;
        }
        let mut goal =
            self.store.goal(&task.goal_id).ok_or_else(|| AppError::not_found("goal", task.goal_id.as_str()))?;
        let roadmap = self.store.roadmap_of_goal(&goal.id)?;
        let old_tasks = self.store.tasks_of_goal(&goal.id)?;
        let new_tasks: Vec<Task> =
            old_tasks.iter().map(|t| if t.id == task.id { task.clone() } else { t.clone() }).collect();

        let mut log = self.task_done_log(&before, &task, &goal, &old_tasks);
        log.extend(self.completions(&mut goal, roadmap.as_ref(), &old_tasks, &new_tasks));
        let streak_before = self.streak_now().current;
        let streak_after = self.streak_with(std::slice::from_ref(&task)).current;
        for days in milestones_crossed(streak_before, streak_after) {
            log.push(self.activity(
                ActivityKind::StreakMilestone,
                None,
                None,
                format!("{days}-day streak"),
                Some(days),
            ));
        }
        let goal_changed = self.store.goal(&goal.id).as_ref() != Some(&goal);
        let changes = if goal_changed {
            Some(self.plan_changes(&Edits {
                goal: Some(&goal),
                tasks: std::slice::from_ref(&task),
                ..Edits::default()
            })?)
        } else {
            None
        };
        self.store.transact(now, |tx| {
            tx.put(&task)?;
            if goal_changed {
                tx.put(&goal)?;
            }
            for a in &log {
                tx.put(a)?;
            }
            match &changes {
                Some(c) => c.write(tx),
                None => Ok::<_, AppError>(()),
            }
        })?;
        Ok(task)
    }

    /// Log entries for a task that became done: the roadmap started (its
    /// first done task) and the task itself.
    fn task_done_log(&self, before: &Task, task: &Task, goal: &Goal, old_tasks: &[Task]) -> Vec<Activity> {
        let mut log = Vec::new();
        if task.status != TaskStatus::Done || before.status == TaskStatus::Done {
            return log;
        }
        if !old_tasks.iter().any(|t| t.status == TaskStatus::Done) {
            log.push(self.activity(
                ActivityKind::RoadmapStarted,
                Some(goal),
                None,
                format!("Started the roadmap of {}", goal.title),
                None,
            ));
        }
        log.push(self.activity(
            ActivityKind::TaskCompleted,
            Some(goal),
            Some(task.id.to_string()),
            format!("Done: {}", task.title),
            Some(task.time_spent_minutes.unwrap_or(task.duration_minutes)),
        ));
        log
    }

    /// Marks a step done by hand (its open tasks go) or open again (its
    /// remaining work is planned again).
    pub fn set_step_done(&mut self, goal_id: &str, step_id: &str, done: bool) -> AppResult<crate::GoalView> {
        let mut goal = self.goal(goal_id)?;
        let mut roadmap = self.store.roadmap_of_goal(&goal.id)?.ok_or_else(|| AppError::not_found("step", step_id))?;
        let at = roadmap
            .steps
            .iter()
            .position(|s| s.id.as_str() == step_id.trim())
            .ok_or_else(|| AppError::not_found("step", step_id))?;
        let tasks = self.store.tasks_of_goal(&goal.id)?;
        let old = roadmap.clone();
        roadmap.steps[at].status = if done { StepStatus::Done } else { StepStatus::Pending };
        if !done && goal.status == GoalStatus::Completed {
            goal.status = GoalStatus::Active;
            goal.completed_at = None;
        }
        let mut log = self.completions(&mut goal, Some(&roadmap), &tasks, &tasks);
        if done && step_statuses(&old, &goal, &tasks)[at] != StepStatus::Done {
            log.insert(
                0,
                self.activity(
                    ActivityKind::StepCompleted,
                    Some(&goal),
                    Some(step_id.to_string()),
                    format!("Completed step {}", roadmap.steps[at].title),
                    None,
                ),
            );
        }
        self.save_goal(&goal, Some(&roadmap), log)?;
        self.goal_view(goal.id.as_str())
    }

    /// Log entries for steps that became done between `before` and `after`,
    /// and the goal's completion (or reopening) that follows; updates `goal`.
    fn completions(
        &self,
        goal: &mut Goal,
        roadmap: Option<&Roadmap>,
        before: &[Task],
        after: &[Task],
    ) -> Vec<Activity> {
        let mut log = Vec::new();
        let Some(roadmap) = roadmap else { return log };
        let was = step_statuses(roadmap, goal, before);
        let now = step_statuses(roadmap, goal, after);
        for (i, step) in roadmap.steps.iter().enumerate() {
            if now[i] == StepStatus::Done && was[i] != StepStatus::Done && step.status != StepStatus::Done {
                log.push(self.activity(
                    ActivityKind::StepCompleted,
                    Some(goal),
                    Some(step.id.to_string()),
                    format!("Completed step {}", step.title),
                    None,
                ));
            }
        }
        let all_done = !roadmap.steps.is_empty() && now.iter().all(|s| *s == StepStatus::Done);
        if all_done && goal.status == GoalStatus::Active {
            goal.status = GoalStatus::Completed;
            goal.completed_at = Some(self.clock.now());
            log.push(self.activity(
                ActivityKind::GoalCompleted,
                Some(goal),
                None,
                format!("Completed goal {}", goal.title),
                None,
            ));
        } else if !all_done
            && goal.status == GoalStatus::Completed
            && after.iter().any(|t| t.status == TaskStatus::Planned)
        {
            goal.status = GoalStatus::Active;
            goal.completed_at = None;
        }
        log
    }
}
