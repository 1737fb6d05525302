//! All-or-nothing writes, tombstones and stamps.

use crate::support::*;
use waymark_core::goal::Goal;
use waymark_core::roadmap::Roadmap;
use waymark_core::task::Task;
use waymark_store::StoreError;

#[test]
fn a_failed_multi_document_write_leaves_nothing_behind() {
    let (_dir, mut store) = temp_store();
    let g = goal(1);
    let r = roadmap(2, &g);
    let t = task(3, &g.id, day("2026-03-02"));
    let result: Result<(), StoreError> = store.transact(now(), |tx| {
        tx.put(&g)?;
        tx.put(&r)?;
        tx.put(&t)?;
        Err(StoreError::Db("simulated failure after three writes".into()))
    });
    assert!(result.is_err());
    assert_eq!(store.get::<Goal>(g.id.as_str()).unwrap(), None);
    assert_eq!(store.get::<Roadmap>(r.id.as_str()).unwrap(), None);
    assert_eq!(store.get::<Task>(t.id.as_str()).unwrap(), None);
    assert!(store.tasks_on(day("2026-03-02")).unwrap().is_empty());
    assert!(store.roadmap_of_goal(&g.id).unwrap().is_none());
    assert!(store.scan::<Task>().unwrap().is_empty());
}

#[test]
fn a_failed_update_keeps_the_previous_version() {
    let (_dir, mut store) = temp_store();
    let g = goal(1);
    let t = task(3, &g.id, day("2026-03-02"));
    store.transact(now(), |tx| tx.put(&t)).unwrap();
    let moved = Task { date: day("2026-03-05"), title: "moved".into(), ..t.clone() };
    let result: Result<(), StoreError> = store.transact(now(), |tx| {
        tx.put(&moved)?;
        Err(StoreError::Db("boom".into()))
    });
    assert!(result.is_err());
    assert_eq!(store.get::<Task>(t.id.as_str()).unwrap(), Some(t.clone()));
    assert_eq!(store.tasks_on(day("2026-03-02")).unwrap(), vec![t]);
    assert!(store.tasks_on(day("2026-03-05")).unwrap().is_empty());
}

#[test]
fn writes_inside_a_transaction_are_visible_to_it() {
    let (_dir, mut store) = temp_store();
    let g = goal(1);
    let seen = store.transact(now(), |tx| {
        tx.put(&g)?;
        tx.get::<Goal>(g.id.as_str())
    });
    assert_eq!(seen.unwrap(), Some(g));
}

#[test]
fn deletes_are_tombstones_hidden_from_reads() {
    let (_dir, mut store) = temp_store();
    let g = goal(1);
    let r = roadmap(2, &g);
    let t = task(3, &g.id, day("2026-03-02"));
    store
        .transact(now(), |tx| {
            tx.put(&g)?;
            tx.put(&r)?;
            tx.put(&t)
        })
        .unwrap();
    store
        .transact(now(), |tx| {
            tx.delete(&t)?;
            tx.delete(&r)?;
            tx.delete(&g)
        })
        .unwrap();
    assert_eq!(store.get::<Goal>(g.id.as_str()).unwrap(), None);
    assert!(store.goals().unwrap().is_empty());
    assert!(store.tasks_on(day("2026-03-02")).unwrap().is_empty());
    assert!(store.tasks_of_goal(&g.id).unwrap().is_empty());
    assert!(store.roadmap_of_goal(&g.id).unwrap().is_none());
}

#[test]
fn replacing_a_document_moves_it_between_days() {
    let (_dir, mut store) = temp_store();
    let g = goal(1);
    let t = task(3, &g.id, day("2026-03-02"));
    store.transact(now(), |tx| tx.put(&t)).unwrap();
    let moved = Task { date: day("2026-03-04"), ..t.clone() };
    store.transact(now(), |tx| tx.put(&moved)).unwrap();
    assert!(store.tasks_on(day("2026-03-02")).unwrap().is_empty());
    assert_eq!(store.tasks_on(day("2026-03-04")).unwrap(), vec![moved.clone()]);
    assert_eq!(store.scan::<Task>().unwrap(), vec![moved]);
}
