//! Today on the heavy profile: 30 goals, 25,000 tasks over 5 years.
//!
//! Reports the median time of `App::today` and, in the same run, the bare PoloDB
//! reads it rests on (one raw `_id` lookup per task of the day), their ratio, and
//! the naive alternative (a full scan filtered by day) for contrast.
//! Run: `cargo bench -p waymark-app --bench today`.

use chrono::{Days, NaiveDate, TimeZone, Utc};
use std::time::Instant;
use waymark_app::{App, FixedClock};
use waymark_core::goal::{Difficulty, Goal, GoalStatus};
use waymark_core::ids::{GoalId, RoadmapId, StepId, TaskId};
use waymark_core::roadmap::{Roadmap, Step, StepStatus};
use waymark_core::task::{Task, TaskStatus};
use waymark_profiles::timing::{median_after_warm_up, uuid};
use waymark_store::{Collection, Store, StoreError};

const GOALS: u128 = 30;
const TASKS: u128 = 25_000;
const DAYS: u64 = 5 * 365;

fn build(dir: &std::path::Path, start: NaiveDate) {
    let now = Utc.with_ymd_and_hms(2026, 3, 2, 9, 0, 0).unwrap();
    let mut store = Store::open(dir, now).unwrap();
    let goals: Vec<Goal> = (0..GOALS)
        .map(|g| Goal {
            id: GoalId(uuid(1_000_000 + g)),
            title: format!("Goal {g}"),
            description: "A long-running learning goal".into(),
            category: ["Programming", "Languages", "Music"][(g % 3) as usize].into(),
            difficulty: Difficulty::Intermediate,
            target_date: None,
            hours_per_week: 5.0,
            week_minutes: waymark_core::availability::WeekMinutes::even(5.0),
            skills: vec!["skill".into()],
            prerequisites: vec![],
            status: if g % 10 == 9 { GoalStatus::Completed } else { GoalStatus::Active },
            created_at: now,
            completed_at: None,
        })
        .collect();
    store
        .transact(now, |tx| {
            for (i, g) in goals.iter().enumerate() {
                tx.put(g)?;
                let steps = (0..20)
                    .map(|s| Step {
                        id: StepId(uuid(2_000_000 + i as u128 * 100 + s)),
                        title: format!("Step {s}"),
                        description: "Study and practise".into(),
                        duration: "2 weeks".into(),
                        weekly_hours: None,
                        skills: vec![],
                        resources: vec![],
                        status: StepStatus::Pending,
                    })
                    .collect();
                tx.put(&Roadmap {
                    id: RoadmapId(uuid(3_000_000 + i as u128)),
                    goal_id: g.id.clone(),
                    template: None,
                    steps,
                    created_at: now,
                })?;
            }
            Ok::<_, StoreError>(())
        })
        .unwrap();
    for chunk in (0..TASKS).collect::<Vec<_>>().chunks(1_000) {
        store
            .transact(now, |tx| {
                for &n in chunk {
                    let g = (n % GOALS) as usize;
                    let date = start + Days::new((n as u64 * DAYS) / TASKS as u64);
                    tx.put(&Task {
                        id: TaskId(uuid(10_000_000 + n)),
                        goal_id: goals[g].id.clone(),
                        step_id: StepId(uuid(2_000_000 + g as u128 * 100 + (n % 20))),
                        date,
                        title: format!("Task {n}"),
                        duration_minutes: 30,
                        seq: (n / GOALS) as u32,
                        status: if n % 3 == 0 { TaskStatus::Done } else { TaskStatus::Planned },
                        time_spent_minutes: None,
                        created_at: now,
                        completed_at: None,
                        completed_on: None,
                        missed_dates: vec![],
                    })?;
                }
                Ok::<_, StoreError>(())
            })
            .unwrap();
    }
}

fn main() {
    if std::env::args().any(|a| a == "--list") {
        println!("today: bench");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let start = NaiveDate::from_ymd_opt(2021, 6, 1).unwrap();
    let built = Instant::now();
    build(&dir.path().join("store"), start);
    println!("heavy profile: {GOALS} goals, {TASKS} tasks over {DAYS} days, built in {:.1?}", built.elapsed());
    let days: Vec<NaiveDate> = (0..50).map(|i| start + Days::new(100 + i * 33)).collect();

    let clock = FixedClock::on(start);
    let opened = Instant::now();
    let mut app = App::open(dir.path(), Box::new(clock)).unwrap();
    println!("open (index build): {:.1?}", opened.elapsed());
    let mut i = 0;
    let mut count = 0;
    let today = median_after_warm_up(500, |_| {
        let v = app.today_view(Some(days[i % days.len()])).unwrap();
        count = v.tasks.len();
        i += 1;
    });
    assert!(count > 0, "the heavy profile must put tasks on the measured days");
    let goals_screen = median_after_warm_up(100, |_| drop(app.list_goals().unwrap()));
    println!("goals screen (30 overviews with outlook, cached): median {goals_screen:.1?}");
    // Right after a write nothing derived is cached: the full cost.
    let task = app.today_view(Some(start)).unwrap().tasks[0].id.clone();
    let mut after_write = Vec::new();
    for k in 0..40 {
        let status =
            if k % 2 == 0 { waymark_core::task::TaskStatus::Done } else { waymark_core::task::TaskStatus::Planned };
        app.set_task_status(task.as_str(), status, None).unwrap();
        let t = Instant::now();
        std::hint::black_box(app.today_view(None).unwrap());
        after_write.push(t.elapsed());
    }
    after_write.sort();
    println!("today right after a write (nothing cached): median {:.1?}", after_write[after_write.len() / 2]);
    let ids: Vec<Vec<String>> =
        days.iter().map(|d| app.today_view(Some(*d)).unwrap().tasks.into_iter().map(|t| t.id.0).collect()).collect();
    drop(app);

    {
        let store = Store::open(&dir.path().join("store"), Utc.with_ymd_and_hms(2026, 3, 2, 9, 0, 0).unwrap()).unwrap();
        let goals = median_after_warm_up(200, |_| drop(store.goals().unwrap()));
        let mut n = 0;
        let tasks_on = median_after_warm_up(200, |_| {
            drop(store.tasks_on(days[n % days.len()]).unwrap());
            n += 1;
        });
        let gid = GoalId(uuid(1_000_000));
        let roadmap = median_after_warm_up(200, |_| drop(store.roadmap_of_goal(&gid).unwrap()));
        let last = median_after_warm_up(200, |_| {
            std::hint::black_box(store.last_task_date(&gid));
        });
        println!(
            "parts: goals (memory) {goals:.1?}, tasks_on {tasks_on:.1?}, one roadmap {roadmap:.1?}, one last_task_date {last:.1?}"
        );
    }
    let store = Store::open(&dir.path().join("store"), Utc.with_ymd_and_hms(2026, 3, 2, 9, 0, 0).unwrap()).unwrap();
    let mut j = 0;
    let bare = median_after_warm_up(500, |_| {
        for id in &ids[j % ids.len()] {
            let _ = store.raw_document(Collection::Tasks, id).unwrap().unwrap();
        }
        j += 1;
    });
    let mut k = 0;
    let scan = median_after_warm_up(9, |_| {
        let d = days[k % days.len()].to_string();
        let docs = store.raw_documents(Collection::Tasks).unwrap();
        let _n = docs.iter().filter(|t| t.get_str("date") == Ok(d.as_str())).count();
        k += 1;
    });
    println!("today (facade, ~{count} tasks):      median {today:>10.1?}   target < 5 ms");
    println!("bare PoloDB _id lookups it rests on: median {bare:>10.1?}");
    println!("ratio today / bare:                  {:.2}", today.as_secs_f64() / bare.as_secs_f64());
    println!("naive filtered scan {{date: D}}:       median {scan:>10.1?}");
}
