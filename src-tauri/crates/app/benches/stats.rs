//! The Stats screen on the heavy profile: five years of daily study over 30
//! goals — 25,000 settled tasks, ~2,000 test attempts, 20,000 cards, 200,000
//! reviews and ~24,000 activity entries (600 of them step completions).
//!
//! Reports the median time of `App::stats(None)` (every figure, all goals) and
//! of one goal's summary, a call right after a write, the one-off read of the
//! review log into memory (in the background as the desktop app does it, and
//! in place on a first call), and — on the store alone — the pure core
//! computation and the review-log read it rests on.
//! Run: `cargo bench -p waymark-app --bench stats`.

use chrono::{DateTime, Days, Duration, NaiveDate, TimeZone, Utc};
use std::time::Instant;
use waymark_app::{App, FixedClock};
use waymark_core::activity::{Activity, ActivityKind};
use waymark_core::availability::WeekMinutes;
use waymark_core::card::{Card, Review, TestAttempt};
use waymark_core::goal::{Difficulty, Goal, GoalStatus};
use waymark_core::ids::{ActivityId, GoalId, QuestionId, ReviewId, StepId, TaskId, TestId};
use waymark_core::question::{Question, QuestionBody};
use waymark_core::srs::{CardState, Memory, Rating, SrsCard};
use waymark_core::stats::{StatsInput, stats};
use waymark_core::task::{Task, TaskStatus};
use waymark_profiles::timing::{median, median_of, uuid};
use waymark_store::{Store, StoreError};

const GOALS: u128 = 30;
const STEPS: u128 = 20;
const TASKS: u128 = 25_000;
const CARDS: u128 = 20_000;
const REVIEWS: u128 = 200_000;
const DAYS: u64 = 5 * 365;

fn in_chunks<T>(store: &mut Store, now: DateTime<Utc>, items: &[T], put: impl Fn(&mut waymark_store::Tx<'_>, &T)) {
    for chunk in items.chunks(10_000) {
        store
            .transact(now, |tx| {
                chunk.iter().for_each(|item| put(tx, item));
                Ok::<_, StoreError>(())
            })
            .unwrap();
    }
}

fn goals(start: DateTime<Utc>) -> Vec<Goal> {
    (0..GOALS)
        .map(|g| Goal {
            id: GoalId(uuid(1_000 + g)),
            title: format!("Goal {g}"),
            description: String::new(),
            category: ["Programming", "Languages", "Music"][(g % 3) as usize].into(),
            difficulty: Difficulty::Intermediate,
            target_date: None,
            hours_per_week: 5.0,
            week_minutes: WeekMinutes::even(5.0),
            skills: vec![],
            prerequisites: vec![],
            status: if g % 10 == 9 { GoalStatus::Completed } else { GoalStatus::Active },
            created_at: start + Duration::days(g as i64 * 20),
            completed_at: (g % 10 == 9).then(|| start + Duration::days(g as i64 * 20 + 400)),
        })
        .collect()
}

fn task(n: u128, goals: &[Goal], first: NaiveDate) -> Task {
    let date = first + Days::new((n as u64 * DAYS) / TASKS as u64);
    let done = !n.is_multiple_of(20);
    let on = if n.is_multiple_of(7) { date + Days::new(1) } else { date };
    Task {
        id: TaskId(uuid(10_000_000 + n)),
        goal_id: goals[(n % GOALS) as usize].id.clone(),
        step_id: StepId(uuid(2_000_000 + (n % GOALS) * 100 + n % STEPS)),
        date,
        title: format!("Task {n}"),
        duration_minutes: 30 + (n % 4) as u32 * 10,
        seq: (n / GOALS) as u32,
        status: if done { TaskStatus::Done } else { TaskStatus::Skipped },
        time_spent_minutes: n.is_multiple_of(3).then_some(25 + (n % 45) as u32),
        created_at: first.and_hms_opt(9, 0, 0).unwrap().and_utc(),
        completed_at: Some(on.and_hms_opt(18, 0, 0).unwrap().and_utc()),
        completed_on: Some(on),
        missed_dates: if n.is_multiple_of(11) { vec![date - Days::new(1)] } else { vec![] },
    }
}

fn build(dir: &std::path::Path, now: DateTime<Utc>, first: NaiveDate) {
    let mut store = Store::open(dir, now).unwrap();
    let start = first.and_hms_opt(9, 0, 0).unwrap().and_utc();
    let goals = goals(start);
    in_chunks(&mut store, now, &goals, |tx, g| tx.put(g).unwrap());
    let tasks: Vec<Task> = (0..TASKS).map(|n| task(n, &goals, first)).collect();
    in_chunks(&mut store, now, &tasks, |tx, t| tx.put(t).unwrap());
    let mut log: Vec<Activity> = tasks
        .iter()
        .filter(|t| t.status == TaskStatus::Done)
        .enumerate()
        .map(|(i, t)| Activity {
            id: ActivityId(uuid(20_000_000 + i as u128)),
            kind: ActivityKind::TaskCompleted,
            goal_id: Some(t.goal_id.clone()),
            subject_id: Some(t.id.0.clone()),
            title: format!("Done: {}", t.title),
            at: t.completed_at.unwrap(),
            date: t.completed_on.unwrap(),
            value: Some(t.duration_minutes),
        })
        .collect();
    log.extend((0..GOALS * STEPS).map(|n| {
        let date = first + Days::new((n as u64 * DAYS) / (GOALS * STEPS) as u64);
        Activity {
            id: ActivityId(uuid(30_000_000 + n)),
            kind: ActivityKind::StepCompleted,
            goal_id: Some(goals[(n % GOALS) as usize].id.clone()),
            subject_id: Some(uuid(2_000_000 + (n % GOALS) * 100 + n / GOALS)),
            title: format!("Completed step {n}"),
            at: date.and_hms_opt(18, 0, 0).unwrap().and_utc(),
            date,
            value: None,
        }
    }));
    in_chunks(&mut store, now, &log, |tx, a| tx.put(a).unwrap());
    let tests: Vec<TestAttempt> = (0..DAYS + DAYS / 10)
        .map(|n| {
            let date = first + Days::new(n % DAYS);
            let score = ((n * 7) % 11).min(10) as f64 / 10.0;
            TestAttempt {
                id: TestId(uuid(40_000_000 + u128::from(n))),
                date,
                goal_ids: vec![goals[(n % GOALS as u64) as usize].id.clone()],
                question_ids: vec![],
                answers: vec![],
                score,
                passed: score >= 0.7,
                pass_mark: 0.7,
                completed_at: date.and_hms_opt(19, 0, 0).unwrap().and_utc() + Duration::minutes((n / DAYS) as i64),
            }
        })
        .collect();
    in_chunks(&mut store, now, &tests, |tx, t| tx.put(t).unwrap());
    let states = [CardState::New, CardState::Learning, CardState::Relearning];
    let cards: Vec<Card> = (0..CARDS)
        .map(|n| Card {
            question: Question {
                id: QuestionId(uuid(100_000 + n)),
                goal_id: goals[(n % GOALS) as usize].id.clone(),
                step_id: None,
                task_id: None,
                prompt: format!("Question {n}"),
                body: QuestionBody::Recall { back: format!("Answer {n}") },
                explanation: String::new(),
                tags: vec![],
                created_at: start,
                generated_by: None,
            },
            srs: SrsCard {
                state: if n % 20 < 3 { states[(n % 20) as usize] } else { CardState::Review },
                memory: Some(Memory { stability: 20.0, difficulty: 5.0 }),
                due: now + Duration::hours((n as i64 * 37) % (24 * 400)) - Duration::days(30),
                last_review: Some(now - Duration::days(10)),
                reps: 10,
                lapses: 1,
            },
        })
        .collect();
    in_chunks(&mut store, now, &cards, |tx, c| tx.put(c).unwrap());
    let reviews: Vec<Review> = (0..REVIEWS)
        .map(|n| Review {
            id: ReviewId(uuid(50_000_000 + n)),
            card_id: QuestionId(uuid(100_000 + n % CARDS)),
            goal_id: goals[(n % GOALS) as usize].id.clone(),
            rating: match n % 9 {
                0 => Rating::Again,
                1 | 2 => Rating::Hard,
                8 => Rating::Easy,
                _ => Rating::Good,
            },
            at: now - Duration::minutes((REVIEWS - n) as i64 * 13),
            state_before: match n % 10 {
                0 => CardState::New,
                1 => CardState::Learning,
                2 => CardState::Relearning,
                _ => CardState::Review,
            },
            elapsed_days: 10,
            scheduled_days: 20,
            duration_ms: Some(6_000),
        })
        .collect();
    in_chunks(&mut store, now, &reviews, |tx, r| tx.put(r).unwrap());
}

fn main() {
    if std::env::args().any(|a| a == "--list") {
        println!("stats: bench");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let today = NaiveDate::from_ymd_opt(2026, 3, 2).unwrap();
    let now = Utc.with_ymd_and_hms(2026, 3, 2, 12, 0, 0).unwrap();
    let first = today - Days::new(DAYS - 1);
    let built = Instant::now();
    build(&dir.path().join("store"), now, first);
    println!(
        "heavy profile: {GOALS} goals, {TASKS} tasks, {CARDS} cards, {REVIEWS} reviews over {DAYS} days, built in {:.1?}",
        built.elapsed()
    );

    let opened = Instant::now();
    let mut app = App::open(dir.path(), Box::new(FixedClock::on(today))).unwrap();
    println!("open (index build): {:.1?}", opened.elapsed());
    let cold = Instant::now();
    let s = app.stats(None).unwrap();
    let cold = cold.elapsed();
    assert!(s.study.total_minutes > 0 && s.revision.retention.is_some() && s.tests.totals.total > 0);
    assert!(s.goals.steps_by_month.iter().any(|m| m.steps > 0) && s.weekly.by_goal.len() == GOALS as usize);
    drop(app);
    let mut app = App::open(dir.path(), Box::new(FixedClock::on(today))).unwrap();
    let scan = app.stats_scan().unwrap();
    let background = Instant::now();
    let scanned = std::thread::spawn(move || scan.run()).join().unwrap();
    let background = background.elapsed();
    let install = Instant::now();
    app.install_stats(scanned).unwrap();
    let install = install.elapsed();
    let first = Instant::now();
    assert_eq!(app.stats(None).unwrap(), s);
    let first = first.elapsed();
    let all = median_of(31, |_| drop(std::hint::black_box(app.stats(None).unwrap())));
    let goal = GoalId(uuid(1_000)).0;
    let one = median_of(31, |_| drop(std::hint::black_box(app.stats(Some(&goal)).unwrap())));
    let due: Vec<String> = app.due_cards(None).unwrap().into_iter().take(21).map(|c| c.id.0).collect();
    let mut after_write = Vec::new();
    for id in &due {
        app.rate_card(id, 3, None, None).unwrap();
        let t = Instant::now();
        std::hint::black_box(app.stats(None).unwrap());
        after_write.push(t.elapsed());
    }
    drop(app);

    let store = Store::open(&dir.path().join("store"), now).unwrap();
    let read = median_of(31, |_| drop(std::hint::black_box(store.review_facts(None).unwrap())));
    let goals = store.goals().unwrap();
    let goal_refs: Vec<&Goal> = goals.iter().collect();
    let tasks: Vec<&Task> = store.all_tasks().collect();
    let tests: Vec<&TestAttempt> = store.tests().collect();
    let cards: Vec<&Card> = store.cards().collect();
    let reviews = store.review_facts(None).unwrap();
    let steps = store.steps_done(None).unwrap();
    let input = StatsInput {
        today,
        zone: chrono_tz::Europe::Berlin,
        day_start_hour: 4,
        goals: &goal_refs,
        tasks: &tasks,
        tests: &tests,
        reviews: &reviews,
        cards: &cards,
        steps_done: &steps,
        days_off: &[],
        clock_skipped: &[],
    };
    let core = median_of(31, |_| drop(std::hint::black_box(stats(&input))));

    println!("review log read in the background (no lock held): {background:.1?}; install {install:.1?}");
    println!("first stats after that:                   {first:>9.1?}");
    println!("first stats without it (reads the log in place): {cold:.1?}");
    println!("stats, all goals:                 median {all:>9.1?}   target < 200 ms");
    println!("stats, one goal (its summary):    median {one:>9.1?}   target < 200 ms");
    println!("stats right after a write:        median {:>9.1?}", median(after_write));
    println!("parts: core figures alone (Berlin) median {core:.1?}; review log from memory median {read:.1?}");
}
