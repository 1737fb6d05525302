//! Reopening, single-open, identity and clock persistence.

use crate::support::*;
use waymark_core::goal::Goal;
use waymark_core::task::Task;
use waymark_store::{Store, StoreError};

#[test]
fn reopen_after_drop_keeps_everything() {
    let dir = tempfile::tempdir().unwrap();
    let g = goal(1);
    let r = roadmap(2, &g);
    let tasks: Vec<Task> =
        (10..40).map(|n| task(n, &g.id, day("2026-03-02") + chrono::Days::new((n % 5) as u64))).collect();
    let identity = {
        let mut store = Store::open(dir.path(), now()).unwrap();
        store
            .transact(now(), |tx| {
                tx.put(&g)?;
                tx.put(&r)?;
                tasks.iter().try_for_each(|t| tx.put(t))
            })
            .unwrap();
        store.identity().clone()
    };
    let store = Store::open(dir.path(), now()).unwrap();
    assert_eq!(store.identity(), &identity, "user and device ids survive a restart");
    assert_eq!(store.goals().unwrap(), vec![g.clone()]);
    assert_eq!(store.roadmap_of_goal(&g.id).unwrap(), Some(r));
    let mut reread = store.tasks_of_goal(&g.id).unwrap();
    reread.sort_by(|a, b| a.id.cmp(&b.id));
    assert_eq!(reread, tasks);
    assert_eq!(store.tasks_on(day("2026-03-02")).unwrap().len(), 6);
}

#[test]
fn a_second_open_of_the_same_store_is_refused_clearly() {
    let (dir, _store) = temp_store();
    match Store::open(dir.path(), now()) {
        Err(StoreError::AlreadyOpen { path }) => assert_eq!(path, dir.path()),
        Err(other) => panic!("expected AlreadyOpen, got {other}"),
        Ok(_) => panic!("a second open must fail"),
    }
}

#[test]
fn stamps_keep_increasing_across_restarts_even_if_the_clock_went_back() {
    let dir = tempfile::tempdir().unwrap();
    let g = goal(1);
    {
        let mut store = Store::open(dir.path(), now()).unwrap();
        store.transact(now(), |tx| tx.put(&g)).unwrap();
    }
    let earlier = now() - chrono::Duration::days(1);
    let mut store = Store::open(dir.path(), earlier).unwrap();
    let renamed = Goal { title: "renamed".into(), ..g.clone() };
    store.transact(earlier, |tx| tx.put(&renamed)).unwrap();
    let first = store.stamp_of::<Goal>(g.id.as_str()).unwrap().unwrap();
    assert!(first.physical_ms >= now().timestamp_millis(), "the HLC never goes back: {first}");
}
