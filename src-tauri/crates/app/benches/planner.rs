//! Re-planning and rollover on a long roadmap: one goal with 500 steps that
//! fill two years (7 h/week, 90 minutes per step, ~1,000 tasks), on top of the
//! heavy profile's size of store.
//!
//! Reports the median of: the pure core re-plan, a facade re-plan that moves
//! every task (hours changed, all writes in one transaction), a re-plan of an
//! unchanged roadmap, and the rollover of ~1,000 missed tasks.
//! Run: `cargo bench -p waymark-app --bench planner`.

use chrono::{Days, NaiveDate, TimeZone, Utc};
use std::time::{Duration, Instant};
use waymark_app::{App, FixedClock};
use waymark_core::availability::WeekMinutes;
use waymark_core::goal::{Difficulty, Goal, GoalInput, GoalStatus};
use waymark_core::ids::{GoalId, RoadmapId, StepId, TaskId};
use waymark_core::planner::{ReplanInput, replan};
use waymark_core::roadmap::{Roadmap, Step, StepStatus};
use waymark_profiles::timing::{median, uuid};
use waymark_store::{Store, StoreError};

const STEPS: u128 = 500;

fn goal(now: chrono::DateTime<Utc>, hours: f64) -> Goal {
    Goal {
        id: GoalId(uuid(1)),
        title: "Long road".into(),
        description: String::new(),
        category: "Programming".into(),
        difficulty: Difficulty::Advanced,
        target_date: None,
        hours_per_week: hours,
        week_minutes: WeekMinutes::even(hours),
        skills: vec![],
        prerequisites: vec![],
        status: GoalStatus::Active,
        created_at: now,
        completed_at: None,
    }
}

fn main() {
    if std::env::args().any(|a| a == "--list") {
        println!("planner: bench");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let start = NaiveDate::from_ymd_opt(2026, 3, 2).unwrap();
    let now = Utc.with_ymd_and_hms(2026, 3, 2, 12, 0, 0).unwrap();
    {
        let mut store = Store::open(&dir.path().join("store"), now).unwrap();
        let g = goal(now, 7.0);
        let steps: Vec<Step> = (0..STEPS)
            .map(|s| Step {
                id: StepId(uuid(10_000 + s)),
                title: format!("Step {s}"),
                description: String::new(),
                duration: "90 min".into(),
                weekly_hours: None,
                skills: vec![],
                resources: vec![],
                status: StepStatus::Pending,
            })
            .collect();
        let roadmap = Roadmap { id: RoadmapId(uuid(2)), goal_id: g.id.clone(), template: None, steps, created_at: now };
        store
            .transact(now, |tx| {
                tx.put(&g)?;
                tx.put(&roadmap)
            })
            .map_err(|e: StoreError| e)
            .unwrap();
    }
    let first = Instant::now();
    let mut app = App::open(dir.path(), Box::new(FixedClock::on(start))).unwrap();
    let plan = app.plan(&uuid(1)).unwrap();
    let span = (plan.tasks.last().unwrap().date - plan.tasks[0].date).num_days();
    println!(
        "roadmap: {STEPS} steps, {} tasks over {span} days, first plan written in {:.1?}",
        plan.tasks.len(),
        first.elapsed()
    );

    let g = goal(now, 7.0);
    let store_roadmap = {
        let view = app.goal_view(&uuid(1)).unwrap();
        Roadmap {
            id: RoadmapId(uuid(2)),
            goal_id: g.id.clone(),
            template: None,
            steps: view.steps.into_iter().map(|s| s.step).collect(),
            created_at: now,
        }
    };
    let other = goal(now, 6.5);
    let pure: Vec<Duration> = (0..50)
        .map(|i| {
            let goal = if i % 2 == 0 { &other } else { &g };
            let input = ReplanInput {
                goal,
                roadmap: Some(&store_roadmap),
                tasks: &plan.tasks,
                today: start,
                start,
                days_off: &[],
                now,
            };
            let mut n = 0u128;
            let t = Instant::now();
            let out = replan(&input, &mut || {
                n += 1;
                TaskId(uuid(1_000_000 + n))
            });
            let took = t.elapsed();
            assert!(!out.put.is_empty() || i % 2 == 1);
            took
        })
        .collect();

    let facade: Vec<Duration> = (0..10)
        .map(|i| {
            let hours = if i % 2 == 0 { 6.5 } else { 7.0 };
            let input = GoalInput { title: "Long road".into(), hours_per_week: hours, ..Default::default() };
            let t = Instant::now();
            app.update_goal(&uuid(1), input).unwrap();
            t.elapsed()
        })
        .collect();
    let unchanged: Vec<Duration> = (0..20)
        .map(|_| {
            let t = Instant::now();
            app.replan_all().unwrap();
            t.elapsed()
        })
        .collect();

    let mut day = start;
    let mut moved_counts = Vec::new();
    let rollover: Vec<Duration> = (0..7)
        .map(|_| {
            day = day + Days::new(700);
            app.set_clock(Box::new(FixedClock::on(day)));
            let t = Instant::now();
            let moved = app.roll_over().unwrap();
            let took = t.elapsed();
            moved_counts.push(moved.len());
            took
        })
        .collect();
    moved_counts.sort();

    println!("pure core re-plan (500 steps, ~1,000 tasks):  median {:>9.1?}", median(pure));
    println!("facade re-plan moving every task (1 txn):     median {:>9.1?}   target < 50 ms", median(facade));
    println!("facade re-plan, roadmap unchanged (no write): median {:>9.1?}", median(unchanged));
    println!(
        "rollover of ~{} missed tasks (1 txn):        median {:>9.1?}   target < 50 ms",
        moved_counts[moved_counts.len() / 2],
        median(rollover)
    );
}
