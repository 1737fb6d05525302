//! The store's index reads must return exactly what a full scan of PoloDB
//! returns: after random writes, deletes and failed transactions, and after a
//! reopen rebuilds the indexes.

use crate::support::*;
use chrono::{Days, NaiveDate};
use proptest::prelude::*;
use std::collections::BTreeSet;
use waymark_core::goal::Goal;
use waymark_core::ids::GoalId;
use waymark_core::roadmap::Roadmap;
use waymark_core::task::Task;
use waymark_store::{Store, StoreError};

#[derive(Debug, Clone)]
enum Op {
    Put { task: u8, goal: u8, day: u8 },
    Delete { task: u8 },
    PutRoadmap { roadmap: u8, goal: u8 },
    DeleteRoadmap { roadmap: u8 },
    FailedBatch { task: u8, goal: u8, day: u8 },
    PutGoal { goal: u8, title: u8 },
    DeleteGoal { goal: u8 },
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        5 => (0u8..40, 0u8..4, 0u8..10).prop_map(|(task, goal, day)| Op::Put { task, goal, day }),
        2 => (0u8..40).prop_map(|task| Op::Delete { task }),
        1 => (0u8..6, 0u8..4).prop_map(|(roadmap, goal)| Op::PutRoadmap { roadmap, goal }),
        1 => (0u8..6).prop_map(|roadmap| Op::DeleteRoadmap { roadmap }),
        1 => (0u8..40, 0u8..4, 0u8..10).prop_map(|(task, goal, day)| Op::FailedBatch { task, goal, day }),
        1 => (0u8..4, 0u8..3).prop_map(|(goal, title)| Op::PutGoal { goal, title }),
        1 => (0u8..4).prop_map(|goal| Op::DeleteGoal { goal }),
    ]
}

fn base() -> NaiveDate {
    day("2026-03-01")
}

fn goal_id(n: u8) -> GoalId {
    GoalId(id(1_000 + u128::from(n)))
}

fn make_task(n: u8, goal: u8, d: u8) -> Task {
    task(u128::from(n), &goal_id(goal), base() + Days::new(u64::from(d)))
}

fn make_roadmap(n: u8, goal: u8) -> Roadmap {
    let mut g = crate::support::goal(0);
    g.id = goal_id(goal);
    roadmap(2_000 + u128::from(n), &g)
}

fn ids(tasks: Vec<Task>) -> BTreeSet<String> {
    tasks.into_iter().map(|t| t.id.0).collect()
}

fn make_goal(n: u8, title: u8) -> Goal {
    let mut g = crate::support::goal(0);
    g.id = goal_id(n);
    g.title = format!("Goal {n} v{title}");
    g
}

fn check(store: &Store) {
    let mut scanned: Vec<Goal> = store.scan().unwrap();
    scanned.sort_by(|a, b| a.id.cmp(&b.id));
    let mut cached = store.goals().unwrap();
    cached.sort_by(|a, b| a.id.cmp(&b.id));
    assert_eq!(cached, scanned, "goals in memory equal goals on disk");
    let all: Vec<Task> = store.scan().unwrap();
    for d in 0..11 {
        let date = base() + Days::new(d);
        let want: BTreeSet<String> = all.iter().filter(|t| t.date == date).map(|t| t.id.0.clone()).collect();
        assert_eq!(ids(store.tasks_on(date).unwrap()), want, "tasks_on {date}");
    }
    let (from, to) = (base() + Days::new(2), base() + Days::new(6));
    let want: BTreeSet<String> =
        all.iter().filter(|t| t.date >= from && t.date <= to).map(|t| t.id.0.clone()).collect();
    assert_eq!(ids(store.tasks_between(from, to).unwrap()), want, "tasks_between");
    for g in 0..4 {
        let gid = goal_id(g);
        let mine: Vec<&Task> = all.iter().filter(|t| t.goal_id == gid).collect();
        let want: BTreeSet<String> = mine.iter().map(|t| t.id.0.clone()).collect();
        assert_eq!(ids(store.tasks_of_goal(&gid).unwrap()), want, "tasks_of_goal");
        assert_eq!(store.last_task_date(&gid), mine.iter().map(|t| t.date).max(), "last_task_date");
        let roadmaps: Vec<Roadmap> =
            store.scan::<Roadmap>().unwrap().into_iter().filter(|r| r.goal_id == gid).collect();
        let indexed = store.roadmap_of_goal(&gid).unwrap();
        match indexed {
            Some(r) => assert!(roadmaps.contains(&r), "indexed roadmap must be live and of the goal"),
            None => assert!(roadmaps.is_empty(), "a live roadmap of goal {g} is missing from the index"),
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, .. ProptestConfig::default() })]

    #[test]
    fn index_reads_equal_full_scans(ops in proptest::collection::vec(op(), 1..60)) {
        let dir = tempfile::tempdir().unwrap();
        {
            let mut store = Store::open(dir.path(), now()).unwrap();
            for op in ops {
                match op {
                    Op::Put { task, goal, day } => store.transact(now(), |tx| tx.put(&make_task(task, goal, day))).unwrap(),
                    Op::Delete { task } => {
                        if let Some(t) = store.get::<Task>(&id(u128::from(task))).unwrap() {
                            store.transact(now(), |tx| tx.delete(&t)).unwrap();
                        }
                    }
                    Op::PutRoadmap { roadmap, goal } => {
                        // A goal has one roadmap: replace any other live one of it.
                        let old = store.roadmap_of_goal(&goal_id(goal)).unwrap();
                        store.transact(now(), |tx| {
                            if let Some(o) = old.as_ref().filter(|o| o.id != make_roadmap(roadmap, goal).id) {
                                tx.delete(o)?;
                            }
                            tx.put(&make_roadmap(roadmap, goal))
                        }).unwrap();
                    }
                    Op::DeleteRoadmap { roadmap } => {
                        if let Some(r) = store.get::<Roadmap>(&id(2_000 + u128::from(roadmap))).unwrap() {
                            store.transact(now(), |tx| tx.delete(&r)).unwrap();
                        }
                    }
                    Op::PutGoal { goal, title } => store.transact(now(), |tx| tx.put(&make_goal(goal, title))).unwrap(),
                    Op::DeleteGoal { goal } => {
                        if let Some(g) = store.get::<Goal>(goal_id(goal).as_str()).unwrap() {
                            store.transact(now(), |tx| tx.delete(&g)).unwrap();
                        }
                    }
                    Op::FailedBatch { task, goal, day } => {
                        let r: Result<(), StoreError> = store.transact(now(), |tx| {
                            tx.put(&make_task(task, goal, day))?;
                            Err(StoreError::Db("abort".into()))
                        });
                        prop_assert!(r.is_err());
                    }
                }
            }
            check(&store);
        }
        let reopened = Store::open(dir.path(), now()).unwrap();
        check(&reopened);
    }
}
