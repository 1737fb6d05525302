//! The stats facts kept in memory (the review log, step completions) must equal
//! what a scan of PoloDB gives: whether they were first read before or after
//! the writes, built by a background scan while writes went on, after deletes,
//! failed transactions, raw writes and a reopen.

use crate::support::*;
use chrono::Duration;
use proptest::prelude::*;
use std::collections::BTreeSet;
use waymark_core::activity::{Activity, ActivityKind};
use waymark_core::card::Review;
use waymark_core::ids::{ActivityId, GoalId, QuestionId, ReviewId};
use waymark_core::srs::{CardState, Rating};
use waymark_core::stats::{ReviewFact, StepDone};
use waymark_store::{ScannedStats, StatsScan, Store, StoreError, StoreResult};

fn goal_id(n: u8) -> GoalId {
    GoalId(id(1_000 + u128::from(n)))
}

fn review(n: u8, goal: u8) -> Review {
    let rating = Rating::ALL[usize::from(n % 4)];
    Review {
        id: ReviewId(id(5_000 + u128::from(n))),
        card_id: QuestionId(id(6_000 + u128::from(n % 7))),
        goal_id: goal_id(goal),
        rating,
        at: now() + Duration::minutes(i64::from(n)),
        state_before: if n.is_multiple_of(3) { CardState::Learning } else { CardState::Review },
        elapsed_days: 1,
        scheduled_days: 3,
        duration_ms: None,
    }
}

fn activity(n: u8, goal: u8, kind: ActivityKind) -> Activity {
    Activity {
        id: ActivityId(id(7_000 + u128::from(n))),
        kind,
        goal_id: Some(goal_id(goal)),
        subject_id: Some(id(8_000 + u128::from(n % 5))),
        title: format!("Entry {n}"),
        at: now(),
        date: day("2026-03-02") + chrono::Days::new(u64::from(n)),
        value: None,
    }
}

/// Review facts as a comparable set: (goal, minute offset, state, rating).
fn facts_of(reviews: impl IntoIterator<Item = (GoalId, ReviewFact)>) -> BTreeSet<(String, i64, String, u8)> {
    reviews
        .into_iter()
        .map(|(g, f)| (g.0, (f.at - now()).num_minutes(), format!("{:?}", f.state_before), f.rating.number()))
        .collect()
}

fn check(store: &Store) {
    let scanned: Vec<Review> = store.scan().unwrap();
    let want = facts_of(scanned.iter().map(|r| (r.goal_id.clone(), ReviewFact::from(r))));
    let all = store.review_facts(None).unwrap();
    assert_eq!(all.len(), scanned.len(), "one fact per live review");
    let mut got = BTreeSet::new();
    for g in 0..3 {
        let mine = store.review_facts(Some(&goal_id(g))).unwrap();
        got.extend(facts_of(mine.into_iter().map(|f| (goal_id(g), f))));
    }
    assert_eq!(got, want, "review facts equal the review log on disk");
    let steps: BTreeSet<(String, String, chrono::NaiveDate)> = store
        .scan::<Activity>()
        .unwrap()
        .iter()
        .filter_map(StepDone::of)
        .map(|s| (s.goal_id.0, s.step_id.0, s.date))
        .collect();
    let kept: BTreeSet<_> =
        store.steps_done(None).unwrap().into_iter().map(|s| (s.goal_id.0, s.step_id.0, s.date)).collect();
    assert_eq!(kept, steps, "step completions equal the log on disk");
    let one: Vec<StepDone> = store.steps_done(Some(&goal_id(1))).unwrap();
    assert!(one.iter().all(|s| s.goal_id == goal_id(1)));
}

#[derive(Debug, Clone)]
enum Op {
    PutReview {
        n: u8,
        goal: u8,
    },
    DeleteReview {
        n: u8,
    },
    PutActivity {
        n: u8,
        goal: u8,
        step: bool,
    },
    DeleteActivity {
        n: u8,
    },
    FailedReview {
        n: u8,
        goal: u8,
    },
    RawCopy {
        n: u8,
    },
    Read,
    /// Starts a background scan (its changes are kept from now on).
    StartScan,
    /// Runs the started scan: it sees the store as it is now.
    RunScan,
    /// Installs what the scan read, with the changes kept since it started.
    Install,
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        5 => (0u8..30, 0u8..3).prop_map(|(n, goal)| Op::PutReview { n, goal }),
        1 => (0u8..30).prop_map(|n| Op::DeleteReview { n }),
        2 => (0u8..12, 0u8..3, proptest::bool::ANY).prop_map(|(n, goal, step)| Op::PutActivity { n, goal, step }),
        1 => (0u8..12).prop_map(|n| Op::DeleteActivity { n }),
        1 => (0u8..30, 0u8..3).prop_map(|(n, goal)| Op::FailedReview { n, goal }),
        1 => (0u8..30).prop_map(|n| Op::RawCopy { n }),
        1 => Just(Op::Read),
        1 => Just(Op::StartScan),
        1 => Just(Op::RunScan),
        1 => Just(Op::Install),
    ]
}

#[test]
fn facts_follow_writes_made_before_and_after_the_first_read() {
    let (dir, mut store) = temp_store();
    let (before, after) = (review(1, 0), review(2, 1));
    let step = activity(1, 1, ActivityKind::StepCompleted);
    let other = activity(2, 1, ActivityKind::TaskCompleted);
    store
        .transact(now(), |tx| {
            tx.put(&before)?;
            tx.put(&step)?;
            tx.put(&other)
        })
        .unwrap();
    assert_eq!(store.review_facts(None).unwrap(), vec![ReviewFact::from(&before)]);
    assert_eq!(store.steps_done(None).unwrap().len(), 1);
    store.transact(now(), |tx| tx.put(&after)).unwrap();
    assert_eq!(store.review_facts(Some(&goal_id(1))).unwrap(), vec![ReviewFact::from(&after)]);
    assert_eq!(store.review_facts(None).unwrap().len(), 2);
    store
        .transact(now(), |tx| {
            tx.delete(&before)?;
            tx.delete(&step)
        })
        .unwrap();
    assert!(store.review_facts(Some(&goal_id(0))).unwrap().is_empty());
    assert!(store.steps_done(None).unwrap().is_empty());
    check(&store);
    drop(store);
    let reopened = Store::open(dir.path(), now()).unwrap();
    assert_eq!(reopened.review_facts(None).unwrap(), vec![ReviewFact::from(&after)]);
    check(&reopened);
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, .. ProptestConfig::default() })]

    #[test]
    fn facts_equal_full_scans(ops in proptest::collection::vec(op(), 1..50)) {
        let dir = tempfile::tempdir().unwrap();
        let (_other_dir, mut other) = temp_store();
        {
            let mut store = Store::open(dir.path(), now()).unwrap();
            let mut started: Option<StatsScan> = None;
            let mut scanned: Option<StoreResult<ScannedStats>> = None;
            for op in ops {
                match op {
                    Op::PutReview { n, goal } => store.transact(now(), |tx| tx.put(&review(n, goal))).unwrap(),
                    Op::DeleteReview { n } => {
                        if let Some(r) = store.get::<Review>(&id(5_000 + u128::from(n))).unwrap() {
                            store.transact(now(), |tx| tx.delete(&r)).unwrap();
                        }
                    }
                    Op::PutActivity { n, goal, step } => {
                        let kind = if step { ActivityKind::StepCompleted } else { ActivityKind::TestPassed };
                        store.transact(now(), |tx| tx.put(&activity(n, goal, kind))).unwrap();
                    }
                    Op::DeleteActivity { n } => {
                        if let Some(a) = store.get::<Activity>(&id(7_000 + u128::from(n))).unwrap() {
                            store.transact(now(), |tx| tx.delete(&a)).unwrap();
                        }
                    }
                    Op::FailedReview { n, goal } => {
                        let r: Result<(), StoreError> = store.transact(now(), |tx| {
                            tx.put(&review(n, goal))?;
                            Err(StoreError::Db("abort".into()))
                        });
                        prop_assert!(r.is_err());
                    }
                    Op::RawCopy { n } => {
                        // A review arriving from elsewhere (sync, an import), stamps and all.
                        other.transact(now(), |tx| tx.put(&review(n, n % 3))).unwrap();
                        let raw = other.raw_document(Collection::Reviews, &id(5_000 + u128::from(n))).unwrap().unwrap();
                        store.transact(now(), |tx| tx.put_raw(Collection::Reviews, raw)).unwrap();
                    }
                    Op::Read => check(&store),
                    Op::StartScan => started = store.stats_scan().or(started),
                    Op::RunScan => {
                        if let Some(scan) = started.take() {
                            scanned = Some(scan.run());
                        }
                    }
                    Op::Install => {
                        if let Some(result) = scanned.take() {
                            store.install_stats(result).unwrap();
                            prop_assert!(store.stats_ready());
                            check(&store);
                        }
                    }
                }
            }
            check(&store);
        }
        let reopened = Store::open(dir.path(), now()).unwrap();
        check(&reopened);
    }
}

#[test]
fn a_background_scan_runs_while_writes_go_on() {
    fn send<T: Send>(_: &T) {}
    let (_dir, mut store) = temp_store();
    store.transact(now(), |tx| (0..40).try_for_each(|n| tx.put(&review(n, n % 3)))).unwrap();
    let scan = store.stats_scan().unwrap();
    send(&scan);
    assert!(!store.stats_ready());
    let running = std::thread::spawn(move || scan.run());
    for n in 40..80 {
        store.transact(now(), |tx| tx.put(&review(n, n % 3))).unwrap();
        if n % 4 == 0
            && let Some(old) = store.get::<Review>(&id(5_000 + u128::from(n - 40))).unwrap()
        {
            store.transact(now(), |tx| tx.delete(&old)).unwrap();
        }
        let kind = if n % 2 == 0 { ActivityKind::StepCompleted } else { ActivityKind::TaskCompleted };
        store.transact(now(), |tx| tx.put(&activity(n, 1, kind))).unwrap();
    }
    store.install_stats(running.join().unwrap()).unwrap();
    assert!(store.stats_ready());
    assert!(store.stats_scan().is_none(), "nothing left to scan");
    check(&store);
}

#[test]
fn a_failed_or_late_scan_changes_nothing() {
    let (_dir, mut store) = temp_store();
    store.transact(now(), |tx| tx.put(&review(1, 0))).unwrap();
    let scan = store.stats_scan().unwrap();
    let err = store.install_stats(Err(StoreError::Db("disk went away".into()))).unwrap_err();
    assert!(err.to_string().contains("disk went away"));
    assert!(!store.stats_ready());
    // A read builds the facts in place; a scan finishing afterwards is dropped.
    assert_eq!(store.review_facts(None).unwrap().len(), 1);
    store.transact(now(), |tx| tx.put(&review(2, 0))).unwrap();
    store.install_stats(scan.run()).unwrap();
    assert_eq!(store.review_facts(None).unwrap().len(), 2);
    check(&store);
}
