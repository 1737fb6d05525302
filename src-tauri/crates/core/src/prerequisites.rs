//! Goals that depend on other goals: a goal whose prerequisite is still being
//! worked on starts after the prerequisite's plan ends; one whose prerequisite
//! has no plan (paused or archived) is flagged as waiting.

use crate::goal::{Goal, GoalStatus};
use crate::ids::GoalId;
use chrono::NaiveDate;
use std::collections::HashMap;

/// When a goal may start, given its prerequisites.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StartRule {
    /// The first day its tasks may take.
    pub start: NaiveDate,
    /// Titles of unfinished prerequisites without a plan to wait for.
    pub waiting_on: Vec<String>,
}

/// Orders goals so every goal comes after its prerequisites (unknown ids are
/// ignored); `Err` names a goal that is part of a cycle.
pub fn planning_order(goals: &[Goal]) -> Result<Vec<GoalId>, GoalId> {
    let by_id: HashMap<&GoalId, &Goal> = goals.iter().map(|g| (&g.id, g)).collect();
    let mut state: HashMap<&GoalId, u8> = HashMap::new();
    let mut order = Vec::with_capacity(goals.len());
    fn visit<'a>(
        id: &'a GoalId,
        by_id: &HashMap<&'a GoalId, &'a Goal>,
        state: &mut HashMap<&'a GoalId, u8>,
        order: &mut Vec<GoalId>,
    ) -> Result<(), GoalId> {
        match state.get(id) {
            Some(2) => return Ok(()),
            Some(1) => return Err(id.clone()),
            _ => {}
        }
        state.insert(id, 1);
        if let Some(goal) = by_id.get(id) {
            for p in &goal.prerequisites {
                if by_id.contains_key(p) {
                    visit(p, by_id, state, order)?;
                }
            }
        }
        state.insert(id, 2);
        order.push(id.clone());
        Ok(())
    }
    for g in goals {
        visit(&g.id, &by_id, &mut state, &mut order)?;
    }
    Ok(order)
}

/// The start rule of `goal`: the day after the latest plan end of its active
/// prerequisites (`finish` gives each goal's last planned day).
pub fn start_rule(
    goal: &Goal,
    goals: &HashMap<&GoalId, &Goal>,
    finish: &HashMap<GoalId, NaiveDate>,
    today: NaiveDate,
) -> StartRule {
    let mut start = today;
    let mut waiting_on = Vec::new();
    for p in &goal.prerequisites {
        let Some(pre) = goals.get(p) else { continue };
        if pre.status == GoalStatus::Completed {
            continue;
        }
        match finish.get(p) {
            Some(end) if pre.status == GoalStatus::Active => start = start.max(end.succ_opt().unwrap_or(*end)),
            _ if pre.status == GoalStatus::Active => {}
            _ => waiting_on.push(pre.title.clone()),
        }
    }
    StartRule { start, waiting_on }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::availability::WeekMinutes;
    use crate::goal::Difficulty;
    use chrono::{TimeZone, Utc};

    fn goal(id: &str, pre: &[&str], status: GoalStatus) -> Goal {
        Goal {
            id: GoalId(id.into()),
            title: id.to_uppercase(),
            description: String::new(),
            category: String::new(),
            difficulty: Difficulty::Beginner,
            target_date: None,
            hours_per_week: 7.0,
            week_minutes: WeekMinutes::even(7.0),
            skills: Vec::new(),
            prerequisites: pre.iter().map(|p| GoalId(p.to_string())).collect(),
            status,
            created_at: Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap(),
            completed_at: None,
        }
    }

    #[test]
    fn prerequisites_come_first_and_cycles_are_found() {
        let goals = vec![
            goal("c", &["b"], GoalStatus::Active),
            goal("b", &["a"], GoalStatus::Active),
            goal("a", &[], GoalStatus::Active),
        ];
        let order: Vec<String> = planning_order(&goals).unwrap().into_iter().map(|g| g.0).collect();
        assert_eq!(order, vec!["a", "b", "c"]);
        let cyclic = vec![goal("a", &["b"], GoalStatus::Active), goal("b", &["a"], GoalStatus::Active)];
        assert!(planning_order(&cyclic).is_err());
    }

    #[test]
    fn start_waits_for_active_prerequisites_and_flags_idle_ones() {
        let today: NaiveDate = "2026-03-02".parse().unwrap();
        let a = goal("a", &[], GoalStatus::Active);
        let p = goal("p", &[], GoalStatus::Paused);
        let done = goal("d", &[], GoalStatus::Completed);
        let g = goal("g", &["a", "p", "d"], GoalStatus::Active);
        let all: HashMap<&GoalId, &Goal> = [&a, &p, &done, &g].into_iter().map(|x| (&x.id, x)).collect();
        let finish: HashMap<GoalId, NaiveDate> = [(a.id.clone(), "2026-04-10".parse().unwrap())].into();
        let rule = start_rule(&g, &all, &finish, today);
        assert_eq!(rule.start, "2026-04-11".parse::<NaiveDate>().unwrap());
        assert_eq!(rule.waiting_on, vec!["P".to_string()]);
    }

    use crate::ids::{RoadmapId, StepId, TaskId};
    use crate::planner::{ReplanInput, replan};
    use crate::roadmap::{Roadmap, Step, StepStatus};
    use proptest::prelude::*;

    fn roadmap_of(goal: &Goal, hours: &[u32]) -> Roadmap {
        Roadmap {
            id: RoadmapId(format!("r-{}", goal.id)),
            goal_id: goal.id.clone(),
            template: None,
            steps: hours
                .iter()
                .enumerate()
                .map(|(i, h)| Step {
                    id: StepId(format!("{}-s{i}", goal.id)),
                    title: format!("Step {i}"),
                    description: String::new(),
                    duration: format!("{h} hours"),
                    weekly_hours: None,
                    skills: Vec::new(),
                    resources: Vec::new(),
                    status: StepStatus::Pending,
                })
                .collect(),
            created_at: Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap(),
        }
    }

    proptest! {
        #[test]
        fn no_task_is_scheduled_before_an_unfinished_prerequisite_ends(
            work in proptest::collection::vec(proptest::collection::vec(1u32..12, 1..4), 2..7),
            edges in proptest::collection::vec((0usize..7, 0usize..7), 0..10),
        ) {
            let n = work.len();
            // Only edges from a later goal to an earlier one: always acyclic.
            let mut goals: Vec<Goal> = (0..n).map(|i| goal(&format!("g{i}"), &[], GoalStatus::Active)).collect();
            for (a, b) in edges {
                let (a, b) = (a % n, b % n);
                if a > b && !goals[a].prerequisites.contains(&goals[b].id) {
                    let pre = goals[b].id.clone();
                    goals[a].prerequisites.push(pre);
                }
            }
            let roadmaps: Vec<Roadmap> = goals.iter().zip(&work).map(|(g, w)| roadmap_of(g, w)).collect();
            let today: NaiveDate = "2026-03-02".parse().unwrap();
            let by_id: HashMap<&GoalId, &Goal> = goals.iter().map(|g| (&g.id, g)).collect();
            let mut finish: HashMap<GoalId, NaiveDate> = HashMap::new();
            let mut first: HashMap<GoalId, NaiveDate> = HashMap::new();
            let mut counter = 0u32;
            for id in planning_order(&goals).unwrap() {
                let g = by_id[&id];
                let r = roadmaps.iter().find(|r| r.goal_id == id).unwrap();
                let rule = start_rule(g, &by_id, &finish, today);
                let input = ReplanInput { goal: g, roadmap: Some(r), tasks: &[], today, start: rule.start, days_off: &[], now: g.created_at };
                let out = replan(&input, &mut || { counter += 1; TaskId(format!("t{counter}")) });
                if let Some(f) = out.finish { finish.insert(id.clone(), f); }
                if let Some(d) = out.put.iter().map(|t| t.date).min() { first.insert(id.clone(), d); }
            }
            for g in &goals {
                for p in &g.prerequisites {
                    prop_assert!(first[&g.id] > finish[p], "{} starts {} before {} ends {}", g.id, first[&g.id], p, finish[p]);
                }
            }
        }
    }
}
