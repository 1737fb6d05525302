//! The daily fill: a roadmap's remaining work laid onto dated days, in step order,
//! never putting more on a day than the learner has on that weekday, and nothing
//! on a day off.
//!
//! Work is cut into slices; a slice never crosses a day and a day may hold the
//! end of one step and the start of the next. [`replan`] keeps a goal's stored
//! tasks in step with its roadmap: done and skipped tasks are history and never
//! move; open tasks are reused in order, so re-planning an unchanged roadmap
//! changes nothing; an open task left on a past day rolls forward and remembers
//! the day it missed.

use crate::availability::{DayOff, WeekMinutes, is_day_off};
use crate::goal::Goal;
use crate::ids::{StepId, TaskId};
use crate::roadmap::{Roadmap, StepStatus};
use crate::task::{Task, TaskStatus};
use chrono::{DateTime, Days, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use ts_rs::TS;

/// Slices shorter than this are not started at the end of a partly used day;
/// the work moves to the next day instead (unless the whole remainder is shorter).
pub const MIN_SLICE_MINUTES: u32 = 15;

/// The planner never looks further ahead than this many days (100 years).
pub const HORIZON_DAYS: u64 = 36_525;

/// Remaining work of one step, in study order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StepWork {
    /// The step.
    pub step_id: StepId,
    /// Its title, used to name the tasks.
    pub title: String,
    /// Minutes still to plan.
    pub minutes: u32,
}

/// One planned slice of a step on one day.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlannedSlice {
    /// The step.
    pub step_id: StepId,
    /// The day.
    pub date: NaiveDate,
    /// Task title: the step's, with "(part k of n)" when split.
    pub title: String,
    /// Minutes on that day.
    pub minutes: u32,
}

/// The result of a fill.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Plan {
    /// Slices in order.
    pub slices: Vec<PlannedSlice>,
    /// The last planned day, if anything was planned.
    pub finish: Option<NaiveDate>,
    /// Minutes that did not fit within [`HORIZON_DAYS`].
    pub unplanned_minutes: u32,
}

/// Whether a plan ends by the target date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Feasibility {
    /// No target date was set.
    NoTarget,
    /// The plan ends on or before the target date.
    Fits,
    /// The plan runs past the target date with the current hours.
    PastTarget,
}

/// Where and how much a fill may place.
#[derive(Debug, Clone, Copy)]
pub struct FillRules<'a> {
    /// The first day that may hold work.
    pub start: NaiveDate,
    /// Minutes available per weekday.
    pub week: &'a WeekMinutes,
    /// Days that hold nothing.
    pub days_off: &'a [DayOff],
    /// Minutes of the first day already taken (work settled today).
    pub used_on_start: u32,
}

impl FillRules<'_> {
    fn capacity(&self, day: NaiveDate) -> u32 {
        if is_day_off(self.days_off, day) { 0 } else { self.week.on(day) }
    }
}

/// Fills `work` into available days from `rules.start`.
pub fn fill(work: &[StepWork], rules: &FillRules<'_>) -> Plan {
    let mut raw: Vec<(usize, NaiveDate, u32)> = Vec::new();
    let last_day = rules.start.checked_add_days(Days::new(HORIZON_DAYS)).unwrap_or(NaiveDate::MAX);
    let mut day = rules.start;
    let mut left_today = rules.capacity(day).saturating_sub(rules.used_on_start);
    let mut fresh = rules.used_on_start == 0;
    let mut unplanned = 0u32;
    'steps: for (index, step) in work.iter().enumerate() {
        let mut remaining = step.minutes;
        while remaining > 0 {
            while left_today == 0 || (!fresh && left_today < MIN_SLICE_MINUTES.min(remaining)) {
                day = match day.succ_opt() {
                    Some(next) if next <= last_day => next,
                    _ => {
                        unplanned += remaining + work[index + 1..].iter().map(|w| w.minutes).sum::<u32>();
                        break 'steps;
                    }
                };
                left_today = rules.capacity(day);
                fresh = true;
            }
            let slice = remaining.min(left_today);
            raw.push((index, day, slice));
            remaining -= slice;
            left_today -= slice;
            fresh = false;
        }
    }
    let mut parts = vec![0u32; work.len()];
    for (index, _, _) in &raw {
        parts[*index] += 1;
    }
    let mut seen = vec![0u32; work.len()];
    let slices: Vec<PlannedSlice> = raw
        .into_iter()
        .map(|(index, date, minutes)| {
            seen[index] += 1;
            let step = &work[index];
            let title = if parts[index] > 1 {
                format!("{} (part {} of {})", step.title, seen[index], parts[index])
            } else {
                step.title.clone()
            };
            PlannedSlice { step_id: step.step_id.clone(), date, title, minutes }
        })
        .collect();
    let finish = slices.last().map(|s| s.date);
    Plan { slices, finish, unplanned_minutes: unplanned }
}

impl Plan {
    /// Compares the finish date with an optional target date.
    pub fn feasibility(&self, target: Option<NaiveDate>) -> Feasibility {
        feasibility(self.finish, target)
    }
}

/// Whether a plan finishing on `finish` meets `target`.
pub fn feasibility(finish: Option<NaiveDate>, target: Option<NaiveDate>) -> Feasibility {
    match (target, finish) {
        (None, _) => Feasibility::NoTarget,
        (Some(t), Some(f)) if f > t => Feasibility::PastTarget,
        _ => Feasibility::Fits,
    }
}

/// What a re-plan needs to know about one goal.
#[derive(Debug, Clone, Copy)]
pub struct ReplanInput<'a> {
    /// The goal (only an active goal gets planned tasks).
    pub goal: &'a Goal,
    /// Its roadmap.
    pub roadmap: Option<&'a Roadmap>,
    /// All its live tasks.
    pub tasks: &'a [Task],
    /// The learner's today: open tasks before it have been missed.
    pub today: NaiveDate,
    /// The first day that may hold work (today, or later when a prerequisite
    /// goal is still being worked on).
    pub start: NaiveDate,
    /// Days off for all goals.
    pub days_off: &'a [DayOff],
    /// The instant new tasks are created at.
    pub now: DateTime<Utc>,
}

/// The writes a re-plan asks for.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Replan {
    /// Tasks to write (new or changed).
    pub put: Vec<Task>,
    /// Open tasks no longer needed.
    pub delete: Vec<Task>,
    /// Open tasks that left a past day: (task, the day it missed, its new day).
    pub rolled: Vec<(TaskId, NaiveDate, NaiveDate)>,
    /// The last planned day.
    pub finish: Option<NaiveDate>,
    /// Minutes that did not fit within the planning horizon.
    pub unplanned_minutes: u32,
}

impl Replan {
    /// True when nothing needs writing.
    pub fn is_empty(&self) -> bool {
        self.put.is_empty() && self.delete.is_empty()
    }
}

/// The remaining work of each open step: its planned minutes less what done or
/// skipped tasks already covered. Steps marked done plan nothing.
pub fn remaining_work(goal: &Goal, roadmap: Option<&Roadmap>, tasks: &[Task]) -> Vec<StepWork> {
    let Some(roadmap) = roadmap.filter(|_| goal.is_active()) else { return Vec::new() };
    let mut settled: HashMap<&StepId, u32> = HashMap::new();
    for t in tasks.iter().filter(|t| t.status.is_settled()) {
        *settled.entry(&t.step_id).or_default() += t.duration_minutes;
    }
    roadmap
        .steps
        .iter()
        .filter(|s| s.status != StepStatus::Done)
        .map(|s| StepWork {
            step_id: s.id.clone(),
            title: s.title.clone(),
            minutes: s.planned_minutes(goal.hours_per_week).saturating_sub(settled.get(&s.id).copied().unwrap_or(0)),
        })
        .filter(|w| w.minutes > 0)
        .collect()
}

/// Where each step of `roadmap` stands by its tasks (in step order): done when
/// marked done by hand, or when all its planned minutes are settled with at
/// least one task done; in progress once a task is done; else pending.
pub fn step_statuses<'a>(roadmap: &Roadmap, goal: &Goal, tasks: impl IntoIterator<Item = &'a Task>) -> Vec<StepStatus> {
    #[derive(Default)]
    struct Tally {
        done: u32,
        settled: u32,
        open: u32,
    }
    let mut tally: HashMap<&StepId, Tally> = HashMap::new();
    for t in tasks {
        let e = tally.entry(&t.step_id).or_default();
        match t.status {
            TaskStatus::Done => {
                e.done += 1;
                e.settled += t.duration_minutes;
            }
            TaskStatus::Skipped => e.settled += t.duration_minutes,
            TaskStatus::Planned => e.open += 1,
        }
    }
    roadmap
        .steps
        .iter()
        .map(|step| {
            let t = tally.get(&step.id);
            let (done, settled, open) = t.map(|t| (t.done, t.settled, t.open)).unwrap_or((0, 0, 0));
            if step.status == StepStatus::Done
                || (done > 0 && open == 0 && settled >= step.planned_minutes(goal.hours_per_week))
            {
                StepStatus::Done
            } else if done > 0 {
                StepStatus::InProgress
            } else {
                StepStatus::Pending
            }
        })
        .collect()
}

/// Re-plans a goal's open work; `new_id` names the tasks it has to create.
pub fn replan(input: &ReplanInput<'_>, new_id: &mut dyn FnMut() -> TaskId) -> Replan {
    let start = input.start.max(input.today);
    let used_on_start: u32 =
        input.tasks.iter().filter(|t| t.status.is_settled() && t.date == start).map(|t| t.duration_minutes).sum();
    let mut open: Vec<&Task> = input.tasks.iter().filter(|t| !t.status.is_settled()).collect();
    open.sort_by(|a, b| (a.seq, a.date, &a.id).cmp(&(b.seq, b.date, &b.id)));
    let work = remaining_work(input.goal, input.roadmap, input.tasks);
    let rules = FillRules { start, week: &input.goal.week_minutes, days_off: input.days_off, used_on_start };
    let plan = fill(&work, &rules);

    let mut out = Replan { finish: plan.finish, unplanned_minutes: plan.unplanned_minutes, ..Replan::default() };
    let mut placed: Vec<(Task, bool)> = Vec::with_capacity(plan.slices.len());
    let mut old = open.into_iter();
    for (seq, slice) in plan.slices.into_iter().enumerate() {
        let seq = u32::try_from(seq).unwrap_or(u32::MAX);
        match old.next() {
            Some(existing) => {
                let mut t = existing.clone();
                if t.date < input.today && slice.date != t.date {
                    if !t.missed_dates.contains(&t.date) {
                        t.missed_dates.push(t.date);
                    }
                    out.rolled.push((t.id.clone(), t.date, slice.date));
                }
                t.step_id = slice.step_id;
                t.date = slice.date;
                t.title = slice.title;
                t.duration_minutes = slice.minutes;
                t.seq = seq;
                let changed = &t != existing;
                placed.push((t, changed));
            }
            None => placed.push((
                Task {
                    id: new_id(),
                    goal_id: input.goal.id.clone(),
                    step_id: slice.step_id,
                    date: slice.date,
                    title: slice.title,
                    duration_minutes: slice.minutes,
                    seq,
                    status: TaskStatus::Planned,
                    time_spent_minutes: None,
                    created_at: input.now,
                    completed_at: None,
                    completed_on: None,
                    missed_dates: Vec::new(),
                },
                true,
            )),
        }
    }
    let surplus: Vec<Task> = old.cloned().collect();
    carry_missed_dates(&mut placed, &surplus, input.today);
    out.put = placed.into_iter().filter(|(_, changed)| *changed).map(|(t, _)| t).collect();
    out.delete = surplus;
    out
}

/// Open tasks no longer needed (their work was re-sliced into fewer tasks) hand
/// the days they missed to the last task that stays, so the history the streak
/// reads is never lost.
fn carry_missed_dates(placed: &mut [(Task, bool)], surplus: &[Task], today: NaiveDate) {
    let carried: Vec<NaiveDate> =
        surplus.iter().flat_map(|t| t.missed_dates.iter().copied().chain((t.date < today).then_some(t.date))).collect();
    let Some((heir, changed)) = placed.last_mut() else { return };
    for d in carried {
        if !heir.missed_dates.contains(&d) {
            heir.missed_dates.push(d);
            heir.missed_dates.sort();
            *changed = true;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::goal::{Difficulty, GoalStatus};
    use crate::ids::{GoalId, RoadmapId};
    use crate::roadmap::Step;
    use chrono::TimeZone;
    use proptest::prelude::*;
    use std::collections::BTreeMap;

    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn work(items: &[(&str, u32)]) -> Vec<StepWork> {
        items
            .iter()
            .map(|(t, m)| StepWork { step_id: StepId(t.to_string()), title: t.to_string(), minutes: *m })
            .collect()
    }

    fn even(hours: f64) -> WeekMinutes {
        WeekMinutes::even(hours)
    }

    fn rules<'a>(start: &str, week: &'a WeekMinutes, off: &'a [DayOff], used: u32) -> FillRules<'a> {
        FillRules { start: day(start), week, days_off: off, used_on_start: used }
    }

    #[test]
    fn fills_days_in_order_and_splits_steps() {
        let week = even(7.0);
        let plan = fill(&work(&[("A", 90), ("B", 45)]), &rules("2026-03-02", &week, &[], 0));
        let got: Vec<(String, String, u32)> =
            plan.slices.iter().map(|s| (s.date.to_string(), s.title.clone(), s.minutes)).collect();
        assert_eq!(
            got,
            vec![
                ("2026-03-02".into(), "A (part 1 of 2)".into(), 60),
                ("2026-03-03".into(), "A (part 2 of 2)".into(), 30),
                ("2026-03-03".into(), "B (part 1 of 2)".into(), 30),
                ("2026-03-04".into(), "B (part 2 of 2)".into(), 15),
            ]
        );
        assert_eq!(plan.finish, Some(day("2026-03-04")));
    }

    #[test]
    fn weekday_pattern_and_days_off_are_respected() {
        // Mon–Fri 1 h, Sat 3 h, Sun off; 2026-03-02 is a Monday.
        let week = WeekMinutes([60, 60, 60, 60, 60, 180, 0]);
        let off = vec![DayOff {
            start: day("2026-03-03"),
            end: day("2026-03-04"),
            note: "trip".into(),
            declared_on: day("2026-03-01"),
        }];
        let plan = fill(&work(&[("A", 420)]), &rules("2026-03-02", &week, &off, 0));
        let got: Vec<(String, u32)> = plan.slices.iter().map(|s| (s.date.to_string(), s.minutes)).collect();
        assert_eq!(
            got,
            vec![
                ("2026-03-02".into(), 60),
                ("2026-03-05".into(), 60),
                ("2026-03-06".into(), 60),
                ("2026-03-07".into(), 180),
                ("2026-03-09".into(), 60),
            ]
        );
    }

    #[test]
    fn short_leftovers_move_to_the_next_day() {
        let week = even(7.0);
        let plan = fill(&work(&[("A", 50), ("B", 30)]), &rules("2026-03-02", &week, &[], 0));
        assert_eq!(plan.slices[1].date, day("2026-03-03"));
        assert_eq!(plan.slices[1].title, "B");
        let plan = fill(&work(&[("A", 50), ("C", 5)]), &rules("2026-03-02", &week, &[], 0));
        assert_eq!(plan.slices[1].date, day("2026-03-02"));
    }

    #[test]
    fn days_shorter_than_a_slice_still_get_work() {
        let week = WeekMinutes([10, 0, 0, 0, 0, 0, 0]);
        let plan = fill(&work(&[("A", 25)]), &rules("2026-03-02", &week, &[], 0));
        let dates: Vec<String> = plan.slices.iter().map(|s| s.date.to_string()).collect();
        assert_eq!(dates, vec!["2026-03-02", "2026-03-09", "2026-03-16"]);
    }

    #[test]
    fn minutes_already_used_today_are_respected() {
        let week = even(7.0);
        let plan = fill(&work(&[("A", 60)]), &rules("2026-03-02", &week, &[], 40));
        assert_eq!((plan.slices[0].date, plan.slices[0].minutes), (day("2026-03-02"), 20));
        assert_eq!((plan.slices[1].date, plan.slices[1].minutes), (day("2026-03-03"), 40));
        let full = fill(&work(&[("A", 30)]), &rules("2026-03-02", &week, &[], 90));
        assert_eq!(full.slices[0].date, day("2026-03-03"));
    }

    #[test]
    fn feasibility_against_target() {
        let week = even(7.0);
        let plan = fill(&work(&[("A", 600)]), &rules("2026-03-02", &week, &[], 0));
        assert_eq!(plan.finish, Some(day("2026-03-11")));
        assert_eq!(plan.feasibility(Some(day("2026-03-11"))), Feasibility::Fits);
        assert_eq!(plan.feasibility(Some(day("2026-03-10"))), Feasibility::PastTarget);
        assert_eq!(plan.feasibility(None), Feasibility::NoTarget);
        assert_eq!(fill(&[], &rules("2026-03-02", &week, &[], 0)).finish, None);
    }

    #[test]
    fn a_plan_stops_at_the_horizon() {
        let week = WeekMinutes([1, 0, 0, 0, 0, 0, 0]);
        let plan = fill(&work(&[("A", 6_000), ("B", 10)]), &rules("2026-03-02", &week, &[], 0));
        assert_eq!(plan.unplanned_minutes, 6_010 - plan.slices.iter().map(|s| s.minutes).sum::<u32>());
        assert!(plan.unplanned_minutes > 0);
    }

    fn goal(week: WeekMinutes) -> Goal {
        Goal {
            id: GoalId("g".into()),
            title: "G".into(),
            description: String::new(),
            category: String::new(),
            difficulty: Difficulty::Beginner,
            target_date: None,
            hours_per_week: week.hours_per_week(),
            week_minutes: week,
            skills: Vec::new(),
            prerequisites: Vec::new(),
            status: GoalStatus::Active,
            created_at: Utc.with_ymd_and_hms(2026, 3, 1, 9, 0, 0).unwrap(),
            completed_at: None,
        }
    }

    fn roadmap(durations: &[&str]) -> Roadmap {
        Roadmap {
            id: RoadmapId("r".into()),
            goal_id: GoalId("g".into()),
            template: None,
            steps: durations
                .iter()
                .enumerate()
                .map(|(i, d)| Step {
                    id: StepId(format!("s{i}")),
                    title: format!("Step {i}"),
                    description: String::new(),
                    duration: d.to_string(),
                    weekly_hours: None,
                    skills: Vec::new(),
                    resources: Vec::new(),
                    status: StepStatus::Pending,
                })
                .collect(),
            created_at: Utc.with_ymd_and_hms(2026, 3, 1, 9, 0, 0).unwrap(),
        }
    }

    fn apply(tasks: &mut Vec<Task>, r: &Replan) {
        for t in &r.put {
            match tasks.iter_mut().find(|x| x.id == t.id) {
                Some(x) => *x = t.clone(),
                None => tasks.push(t.clone()),
            }
        }
        tasks.retain(|t| !r.delete.iter().any(|d| d.id == t.id));
    }

    fn ids() -> impl FnMut() -> TaskId {
        let mut n = 0u32;
        move || {
            n += 1;
            TaskId(format!("t{n:05}"))
        }
    }

    fn run(
        g: &Goal,
        r: &Roadmap,
        tasks: &[Task],
        today: &str,
        off: &[DayOff],
        next: &mut dyn FnMut() -> TaskId,
    ) -> Replan {
        let input = ReplanInput {
            goal: g,
            roadmap: Some(r),
            tasks,
            today: day(today),
            start: day(today),
            days_off: off,
            now: Utc.with_ymd_and_hms(2026, 3, 1, 9, 0, 0).unwrap(),
        };
        replan(&input, next)
    }

    #[test]
    fn missed_tasks_roll_forward_and_remember_the_day() {
        let g = goal(even(7.0));
        let r = roadmap(&["3 hours"]);
        let mut next = ids();
        let mut tasks = Vec::new();
        let first = run(&g, &r, &tasks, "2026-03-02", &[], &mut next);
        apply(&mut tasks, &first);
        assert_eq!(tasks.len(), 3);
        // Monday done, Tuesday missed: on Wednesday the two open tasks move.
        tasks[0].status = TaskStatus::Done;
        let rolled = run(&g, &r, &tasks, "2026-03-04", &[], &mut next);
        assert_eq!(rolled.rolled, vec![(TaskId("t00002".into()), day("2026-03-03"), day("2026-03-04"))]);
        apply(&mut tasks, &rolled);
        assert_eq!(tasks.len(), 3);
        assert_eq!(tasks[1].date, day("2026-03-04"));
        assert_eq!(tasks[1].missed_dates, vec![day("2026-03-03")]);
        assert_eq!(tasks[2].date, day("2026-03-05"));
        assert!(run(&g, &r, &tasks, "2026-03-04", &[], &mut next).is_empty());
    }

    #[test]
    fn inactive_goals_plan_nothing() {
        let mut g = goal(even(7.0));
        let r = roadmap(&["3 hours"]);
        let mut next = ids();
        let mut tasks = Vec::new();
        let first = run(&g, &r, &tasks, "2026-03-02", &[], &mut next);
        apply(&mut tasks, &first);
        g.status = GoalStatus::Paused;
        let out = run(&g, &r, &tasks, "2026-03-02", &[], &mut next);
        assert_eq!(out.delete.len(), 3);
    }

    fn arb_week() -> impl Strategy<Value = WeekMinutes> {
        proptest::array::uniform7(prop_oneof![Just(0u32), 1u32..240])
            .prop_filter("some time", |w| w.iter().any(|m| *m > 0))
            .prop_map(WeekMinutes)
    }

    proptest! {
        #[test]
        fn never_overfills_a_day_and_plans_every_minute(
            minutes in proptest::collection::vec(1u32..2_000, 0..30),
            week in arb_week(),
            off_len in 0u64..20,
        ) {
            let w: Vec<StepWork> = minutes.iter().enumerate()
                .map(|(i, m)| StepWork { step_id: StepId(format!("s{i}")), title: format!("s{i}"), minutes: *m })
                .collect();
            let off = vec![DayOff { start: day("2026-01-05"), end: day("2026-01-05") + Days::new(off_len),
                note: String::new(), declared_on: day("2026-01-01") }];
            let plan = fill(&w, &rules("2026-01-01", &week, &off, 0));
            let mut per_day: BTreeMap<NaiveDate, u32> = BTreeMap::new();
            for s in &plan.slices {
                *per_day.entry(s.date).or_default() += s.minutes;
                prop_assert!(s.minutes > 0);
                prop_assert!(!is_day_off(&off, s.date));
            }
            for (d, m) in &per_day {
                prop_assert!(*m <= week.on(*d));
            }
            let total: u32 = plan.slices.iter().map(|s| s.minutes).sum();
            prop_assert_eq!(total + plan.unplanned_minutes, minutes.iter().sum::<u32>());
            let order: Vec<usize> = plan.slices.iter().map(|s| s.step_id.0[1..].parse().unwrap()).collect();
            prop_assert!(order.windows(2).all(|p| p[0] <= p[1]));
            prop_assert!(plan.slices.windows(2).all(|p| p[0].date <= p[1].date));
        }

        #[test]
        fn rollover_loses_no_task_and_replanning_is_a_no_op(
            durations in proptest::collection::vec(prop_oneof![Just("45 min"), Just("2 hours"), Just("3 days"), Just("1 week")], 1..8),
            week in arb_week(),
            done_mask in proptest::collection::vec(any::<bool>(), 0..40),
            skip_days in 1u64..30,
        ) {
            let g = goal(week);
            let r = roadmap(&durations);
            let mut next = ids();
            let mut tasks = Vec::new();
            let first = run(&g, &r, &tasks, "2026-03-02", &[], &mut next);
        apply(&mut tasks, &first);
            prop_assert!(run(&g, &r, &tasks, "2026-03-02", &[], &mut next).is_empty());
            for (t, done) in tasks.iter_mut().zip(&done_mask) {
                if *done { t.status = TaskStatus::Done; }
            }
            let open_before: u32 = tasks.iter().filter(|t| !t.status.is_settled()).map(|t| t.duration_minutes).sum();
            let ids_before: Vec<TaskId> = tasks.iter().filter(|t| !t.status.is_settled()).map(|t| t.id.clone()).collect();
            let today = (day("2026-03-02") + Days::new(skip_days)).to_string();
            let missed_before: Vec<NaiveDate> = tasks.iter()
                .filter(|t| !t.status.is_settled() && t.date < day(&today)).map(|t| t.date).collect();
            let settled_today: u32 = tasks.iter()
                .filter(|t| t.status.is_settled() && t.date.to_string() == today).map(|t| t.duration_minutes).sum();
            let out = run(&g, &r, &tasks, &today, &[], &mut next);
            apply(&mut tasks, &out);
            let open_after: Vec<&Task> = tasks.iter().filter(|t| !t.status.is_settled()).collect();
            prop_assert_eq!(open_after.iter().map(|t| t.duration_minutes).sum::<u32>(), open_before);
            // Every day an open task missed is still on record, and no open task
            // that was not re-sliced away vanished.
            let recorded: Vec<NaiveDate> = tasks.iter().flat_map(|t| t.missed_dates.clone()).collect();
            for d in &missed_before {
                prop_assert!(recorded.contains(d) || open_after.is_empty(), "missed day {} lost", d);
            }
            prop_assert!(ids_before.iter().filter(|id| tasks.iter().any(|t| &t.id == *id)).count()
                >= ids_before.len().min(open_after.len()));
            let today = day(&today);
            let mut per_day: BTreeMap<NaiveDate, u32> = BTreeMap::new();
            for t in &open_after {
                prop_assert!(t.date >= today);
                *per_day.entry(t.date).or_default() += t.duration_minutes;
            }
            *per_day.entry(today).or_default() += settled_today;
            for (d, m) in &per_day {
                prop_assert!(*m <= week.on(*d).max(settled_today));
            }
            for (id, from, _) in &out.rolled {
                let t = tasks.iter().find(|t| &t.id == id).unwrap();
                prop_assert!(t.missed_dates.contains(from));
            }
            prop_assert!(run(&g, &r, &tasks, &today.to_string(), &[], &mut next).is_empty());
        }
    }
}
