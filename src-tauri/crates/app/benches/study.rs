//! Reviews on a heavy study profile: 20,000 cards over 30 goals and 200,000
//! review-log entries. Reports the median time to build the due queue for now
//! and to rate a card (FSRS schedule + card write + review append, one
//! transaction). Run: `cargo bench -p waymark-app --bench study`.

use chrono::{Duration, NaiveDate, TimeZone, Utc};
use std::time::Instant;
use waymark_app::{App, FixedClock};
use waymark_core::availability::WeekMinutes;
use waymark_core::card::{Card, Review};
use waymark_core::goal::{Difficulty, Goal, GoalStatus};
use waymark_core::ids::{GoalId, QuestionId, ReviewId};
use waymark_core::question::{Question, QuestionBody};
use waymark_core::srs::{CardState, Memory, Rating, SrsCard};
use waymark_profiles::timing::{median_of, uuid};
use waymark_store::{Store, StoreError};

const GOALS: u128 = 30;
const CARDS: u128 = 20_000;
const REVIEWS: u128 = 200_000;

fn main() {
    if std::env::args().any(|a| a == "--list") {
        println!("study: bench");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let now = Utc.with_ymd_and_hms(2026, 3, 2, 12, 0, 0).unwrap();
    let built = Instant::now();
    {
        let mut store = Store::open(&dir.path().join("store"), now).unwrap();
        let goals: Vec<Goal> = (0..GOALS)
            .map(|g| Goal {
                id: GoalId(uuid(1_000 + g)),
                title: format!("Goal {g}"),
                description: String::new(),
                category: "Languages".into(),
                difficulty: Difficulty::Intermediate,
                target_date: None,
                hours_per_week: 5.0,
                week_minutes: WeekMinutes::even(5.0),
                skills: vec![],
                prerequisites: vec![],
                status: GoalStatus::Active,
                created_at: now - Duration::days(5 * 365),
                completed_at: None,
            })
            .collect();
        store
            .transact(now, |tx| {
                for g in &goals {
                    tx.put(g)?;
                }
                Ok::<_, StoreError>(())
            })
            .unwrap();
        for chunk in (0..CARDS).collect::<Vec<_>>().chunks(2_000) {
            store
                .transact(now, |tx| {
                    for &n in chunk {
                        // Due dates spread from 3 years ago to 3 years ahead: ~half are due now.
                        let due = now + Duration::hours((n as i64 * 7 * 24 * 365 * 6 / CARDS as i64) % (24 * 365 * 6))
                            - Duration::days(3 * 365);
                        tx.put(&Card {
                            question: Question {
                                id: QuestionId(uuid(100_000 + n)),
                                goal_id: goals[(n % GOALS) as usize].id.clone(),
                                step_id: None,
                                task_id: None,
                                prompt: format!("Question {n}"),
                                body: QuestionBody::Recall { back: format!("Answer {n}") },
                                explanation: String::new(),
                                tags: vec![],
                                created_at: now - Duration::days(1000),
                                generated_by: None,
                            },
                            srs: SrsCard {
                                state: CardState::Review,
                                memory: Some(Memory { stability: 20.0 + (n % 100) as f64, difficulty: 5.0 }),
                                due,
                                last_review: Some(due - Duration::days(20)),
                                reps: 10,
                                lapses: 1,
                            },
                        })?;
                    }
                    Ok::<_, StoreError>(())
                })
                .unwrap();
        }
        for chunk in (0..REVIEWS).collect::<Vec<_>>().chunks(10_000) {
            store
                .transact(now, |tx| {
                    for &n in chunk {
                        tx.put(&Review {
                            id: ReviewId(uuid(10_000_000 + n)),
                            card_id: QuestionId(uuid(100_000 + n % CARDS)),
                            goal_id: goals[(n % GOALS) as usize].id.clone(),
                            rating: Rating::Good,
                            at: now - Duration::minutes((REVIEWS - n) as i64 * 13),
                            state_before: CardState::Review,
                            elapsed_days: 10,
                            scheduled_days: 20,
                            duration_ms: Some(6_000),
                        })?;
                    }
                    Ok::<_, StoreError>(())
                })
                .unwrap();
        }
    }
    println!("study profile: {GOALS} goals, {CARDS} cards, {REVIEWS} reviews, built in {:.1?}", built.elapsed());
    let opened = Instant::now();
    let mut app =
        App::open(dir.path(), Box::new(FixedClock::on(NaiveDate::from_ymd_opt(2026, 3, 2).unwrap()))).unwrap();
    println!("open (index build): {:.1?}", opened.elapsed());
    let mut due_len = 0;
    let queue = median_of(100, |_| {
        due_len = app.due_cards(None).unwrap().len();
    });
    let due: Vec<String> = app.due_cards(None).unwrap().into_iter().map(|c| c.id.0).collect();
    let rate = median_of(200, |i| {
        app.rate_card(&due[i], [1, 2, 3, 4][i % 4], None, Some(5_000)).unwrap();
    });
    println!("due queue for now ({due_len} due cards):   median {queue:>9.1?}   target < 10 ms");
    println!("rate a card (schedule + write + log, 1 txn): median {rate:>9.1?}   target < 5 ms");
}
