//! Keeping every goal's dated tasks in step with its roadmap, its weekly hours,
//! the days off and its prerequisites. Edits, days off and the daily rollover
//! all re-plan through [`App::plan_changes`] (reads) and [`PlanChanges::write`]
//! (inside the caller's transaction).
//!
//! Goals are planned in prerequisite order, so a goal that waits for another
//! starts the day after that goal's plan ends. The rule itself is the core's
//! pure [`replan`]; this module only gathers its inputs and writes its output.

use crate::App;
use crate::error::{AppError, AppResult};
use chrono::NaiveDate;
use std::collections::{HashMap, HashSet};
use uuid::Uuid;
use waymark_core::goal::Goal;
use waymark_core::ids::{GoalId, TaskId};
use waymark_core::planner::{ReplanInput, replan};
use waymark_core::prerequisites::{planning_order, start_rule};
use waymark_core::roadmap::Roadmap;
use waymark_core::task::Task;
use waymark_store::Tx;

/// Open tasks of one goal that left a past day: (task, missed day, new day).
pub(crate) type Rolled = (GoalId, Vec<(TaskId, NaiveDate, NaiveDate)>);

/// What one re-plan pass asks to write, and what it moved.
#[derive(Debug, Default)]
pub(crate) struct PlanChanges {
    /// Tasks to write.
    pub put: Vec<Task>,
    /// Open tasks to delete.
    pub delete: Vec<Task>,
    /// Open tasks that left a past day, per goal: (task, missed day, new day).
    pub rolled: Vec<Rolled>,
}

impl PlanChanges {
    /// Writes the changes inside `tx`.
    pub(crate) fn write(&self, tx: &mut Tx<'_>) -> AppResult<()> {
        for t in &self.put {
            tx.put(t)?;
        }
        for t in &self.delete {
            tx.delete(t)?;
        }
        Ok(())
    }
}

/// Edited versions that replace the stored ones during a re-plan.
#[derive(Default)]
pub(crate) struct Edits<'a> {
    /// A goal as edited (or `None`).
    pub goal: Option<&'a Goal>,
    /// Its roadmap as edited.
    pub roadmap: Option<&'a Roadmap>,
    /// A goal being deleted: left out.
    pub deleted: Option<&'a GoalId>,
    /// Tasks as edited, in place of their stored versions.
    pub tasks: &'a [Task],
    /// Plan only this goal and what its plan rests on (its prerequisites,
    /// transitively): for a preview of one goal, where the goals that wait
    /// for it do not matter. `None` plans every goal.
    pub only_for: Option<&'a GoalId>,
}

impl App {
    /// Re-plans all goals with `edits` applied over the stored state.
    pub(crate) fn plan_changes(&self, edits: &Edits<'_>) -> AppResult<PlanChanges> {
        let today = self.today();
        let now = self.clock.now();
        let mut goals: Vec<Goal> = self.store.goals()?.into_iter().filter(|g| Some(&g.id) != edits.deleted).collect();
        if let Some(edited) = edits.goal {
            match goals.iter_mut().find(|g| g.id == edited.id) {
                Some(g) => *g = edited.clone(),
                None => goals.push(edited.clone()),
            }
        }
        let order = planning_order(&goals).map_err(|id| {
            let title = goals.iter().find(|g| g.id == id).map(|g| g.title.clone()).unwrap_or_default();
            AppError::invalid("prerequisites", format!("\"{title}\" would depend on itself through its prerequisites"))
        })?;
        let by_id: HashMap<&GoalId, &Goal> = goals.iter().map(|g| (&g.id, g)).collect();
        let needed = edits.only_for.map(|id| rests_on(id, &by_id));
        let order: Vec<GoalId> =
            order.into_iter().filter(|id| needed.as_ref().is_none_or(|n| n.contains(id))).collect();
        let mut finish: HashMap<GoalId, NaiveDate> = HashMap::new();
        let mut summary = PlanChanges::default();
        let days_off = &self.profile.days_off;
        for id in &order {
            let goal = by_id[id];
            let stored = self.store.roadmap_of_goal(id)?;
            let roadmap = match edits.roadmap {
                Some(r) if &r.goal_id == id => Some(r),
                _ => stored.as_ref(),
            };
            let mut tasks = self.store.tasks_of_goal(id)?;
            for t in tasks.iter_mut() {
                if let Some(edited) = edits.tasks.iter().find(|e| e.id == t.id) {
                    *t = edited.clone();
                }
            }
            let rule = start_rule(goal, &by_id, &finish, today);
            let input = ReplanInput { goal, roadmap, tasks: &tasks, today, start: rule.start, days_off, now };
            let out = replan(&input, &mut || TaskId::from_uuid(Uuid::now_v7()));
            if let Some(f) = out.finish.or_else(|| tasks.iter().map(|t| t.date).max()) {
                finish.insert(id.clone(), f);
            }
            summary.put.extend(out.put);
            summary.delete.extend(out.delete);
            if !out.rolled.is_empty() {
                summary.rolled.push((id.clone(), out.rolled));
            }
        }
        Ok(summary)
    }
}

/// Goal `id` and every goal its start waits for, through prerequisites.
fn rests_on(id: &GoalId, by_id: &HashMap<&GoalId, &Goal>) -> HashSet<GoalId> {
    let mut needed = HashSet::new();
    let mut next = vec![id.clone()];
    while let Some(id) = next.pop() {
        if let Some(goal) = by_id.get(&id) {
            next.extend(goal.prerequisites.iter().filter(|p| !needed.contains(*p)).cloned());
        }
        needed.insert(id);
    }
    needed
}
