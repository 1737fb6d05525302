//! Sync change tracking: one outbox entry per transaction while sync is on,
//! untracked remote applies, conflicts, adoption of a remote user, tombstone
//! purge, and bookkeeping that survives a reopen.

use crate::support::*;
use waymark_core::goal::Goal;
use waymark_core::hlc::Hlc;
use waymark_core::profile::Profile;
use waymark_core::task::Task;
use waymark_store::{Collection, DocKey, RawDoc, Store, StoreError, SyncLogEntry, SyncState};

fn enable(store: &mut Store) {
    store.transact(now(), |tx| tx.sync().set_sync_enabled(true)).unwrap();
}

fn raw_of(store: &Store, collection: Collection, id: &str) -> RawDoc {
    store.raw_document(collection, id).unwrap().unwrap()
}

#[test]
fn nothing_is_tracked_while_sync_is_off() {
    let (_dir, mut store) = temp_store();
    store.transact(now(), |tx| tx.put(&goal(1))).unwrap();
    assert!(!store.sync_enabled());
    assert!(store.outbox_is_empty());
    assert_eq!(store.pending_changes().unwrap(), 0);
}

#[test]
fn turning_sync_on_queues_every_existing_document_and_then_one_entry_per_transaction() {
    let (dir, mut store) = temp_store();
    let g = goal(1);
    store.transact(now(), |tx| tx.put(&g)).unwrap();
    enable(&mut store);
    assert_eq!(store.pending_changes().unwrap(), 1, "the initial push covers what existed");
    let tasks: Vec<Task> = (0..1000).map(|n| task(100 + n, &g.id, day("2026-03-02"))).collect();
    store
        .transact(now(), |tx| {
            for t in &tasks {
                tx.put(t)?;
            }
            Ok::<_, StoreError>(())
        })
        .unwrap();
    let snapshot = store.outbox_snapshot().unwrap();
    assert_eq!(snapshot.docs.len(), 1001);
    assert_eq!(snapshot.upto, 2, "one scan entry and one entry for the 1,000-write transaction");
    let hlcs: Vec<&String> = snapshot.docs.iter().map(|d| &d.hlc).collect();
    assert!(hlcs.windows(2).all(|w| w[0] <= w[1]), "oldest stamp first");
    drop(store);
    let store = Store::open(dir.path(), now()).unwrap();
    assert!(store.sync_enabled(), "the flag is persisted");
    assert_eq!(store.pending_changes().unwrap(), 1001, "the outbox is durable");
}

#[test]
fn acknowledged_entries_leave_the_outbox_and_kept_ones_stay() {
    let (_dir, mut store) = temp_store();
    enable(&mut store);
    store.transact(now(), |tx| tx.put(&goal(1))).unwrap();
    store.transact(now(), |tx| tx.put(&goal(2))).unwrap();
    let snapshot = store.outbox_snapshot().unwrap();
    store.transact(now(), |tx| tx.put(&goal(3))).unwrap();
    let kept = DocKey::new(Collection::Goals, id(2));
    store.transact(now(), |tx| tx.sync().acknowledge_push(snapshot.upto, vec![kept.clone()])).unwrap();
    let left: Vec<DocKey> = store.outbox_snapshot().unwrap().docs.into_iter().map(|d| d.key).collect();
    assert_eq!(left.len(), 2);
    assert!(left.contains(&kept) && left.contains(&DocKey::new(Collection::Goals, id(3))));
}

#[test]
fn remote_applies_are_not_tracked_and_update_the_indexes() {
    let (_a_dir, mut a) = temp_store();
    let g = goal(1);
    let t = task(2, &g.id, day("2026-03-02"));
    a.transact(now(), |tx| {
        tx.put(&g)?;
        tx.put(&t)
    })
    .unwrap();
    let (_b_dir, mut b) = temp_store();
    enable(&mut b);
    b.transact(now(), |tx| tx.sync().acknowledge_push(i64::MAX, vec![])).unwrap();
    let mut remote_task = raw_of(&a, Collection::Tasks, t.id.as_str());
    remote_task.set_push_hlc("9999999999999-00000-x");
    b.transact(now(), |tx| {
        tx.sync().apply_remote(Collection::Goals, raw_of(&a, Collection::Goals, g.id.as_str()))?;
        tx.sync().apply_remote(Collection::Tasks, remote_task)
    })
    .unwrap();
    assert_eq!(b.pending_changes().unwrap(), 0);
    assert_eq!(b.tasks_on(day("2026-03-02")).unwrap(), vec![t.clone()]);
    assert!(!raw_of(&b, Collection::Tasks, t.id.as_str()).contains_key("push_hlc"), "push_hlc is remote-only");
    a.transact(now(), |tx| tx.delete(&t)).unwrap();
    b.transact(now(), |tx| tx.sync().apply_remote(Collection::Tasks, raw_of(&a, Collection::Tasks, t.id.as_str())))
        .unwrap();
    assert!(b.tasks_on(day("2026-03-02")).unwrap().is_empty(), "a pulled tombstone leaves the indexes");
}

#[test]
fn put_raw_is_a_local_write_and_is_tracked() {
    let (_a_dir, mut a) = temp_store();
    a.transact(now(), |tx| tx.put(&goal(1))).unwrap();
    let (_b_dir, mut b) = temp_store();
    enable(&mut b);
    b.transact(now(), |tx| tx.sync().acknowledge_push(i64::MAX, vec![])).unwrap();
    b.transact(now(), |tx| tx.put_raw(Collection::Goals, raw_of(&a, Collection::Goals, &id(1)))).unwrap();
    assert_eq!(b.pending_changes().unwrap(), 1);
}

#[test]
fn dirty_documents_are_known_and_settling_forgets_them() {
    let (_dir, mut store) = temp_store();
    enable(&mut store);
    store.transact(now(), |tx| tx.sync().acknowledge_push(i64::MAX, vec![])).unwrap();
    store
        .transact(now(), |tx| {
            tx.put(&goal(1))?;
            tx.put(&goal(2))
        })
        .unwrap();
    let base = stamps_of(Collection::Goals, &raw_of(&store, Collection::Goals, &id(1))).unwrap().hlc;
    store.transact(now(), |tx| tx.put(&Goal { title: "again".into(), ..goal(1) })).unwrap();
    let hlc = stamps_of(Collection::Goals, &raw_of(&store, Collection::Goals, &id(1))).unwrap().hlc;
    store
        .transact(now(), |tx| {
            assert_eq!(tx.sync().change_base(Collection::Goals, &id(1), &hlc), Some(None), "new since the last push");
            Ok::<_, StoreError>(())
        })
        .unwrap();
    store.transact(now(), |tx| tx.sync().acknowledge_push(i64::MAX, vec![])).unwrap();
    store
        .transact(now(), |tx| {
            tx.put(&Goal { title: "third".into(), ..goal(1) })?;
            tx.put(&goal(2))
        })
        .unwrap();
    store
        .transact(now(), |tx| {
            assert_eq!(
                tx.sync().change_base(Collection::Goals, &id(1), &hlc),
                Some(Some(hlc.clone())),
                "made on the pushed version"
            );
            assert!(base < hlc);
            Ok::<_, StoreError>(())
        })
        .unwrap();
    store
        .transact(now(), |tx| {
            assert!(tx.sync().is_dirty(Collection::Goals, &id(1), &hlc));
            tx.sync().settle(Collection::Goals, &id(1))?;
            assert!(!tx.sync().is_dirty(Collection::Goals, &id(1), &hlc));
            assert!(tx.sync().is_dirty(Collection::Goals, &id(2), &hlc));
            Ok::<_, StoreError>(())
        })
        .unwrap();
    assert_eq!(store.pending_changes().unwrap(), 1);
}

#[test]
fn a_conflict_keeps_the_loser_and_restoring_writes_it_back_as_a_new_change() {
    let (_dir, mut store) = temp_store();
    enable(&mut store);
    let g = goal(1);
    store.transact(now(), |tx| tx.put(&g)).unwrap();
    let loser = raw_of(&store, Collection::Goals, g.id.as_str());
    let edited = Goal { title: "remote title".into(), ..g.clone() };
    store.transact(now(), |tx| tx.put(&edited)).unwrap();
    let winner = stamps_of(Collection::Goals, &raw_of(&store, Collection::Goals, g.id.as_str())).unwrap().hlc;
    store.transact(now(), |tx| tx.sync().record_conflict(Collection::Goals, loser.clone(), &winner)).unwrap();
    store.transact(now(), |tx| tx.sync().record_conflict(Collection::Goals, loser.clone(), &winner)).unwrap();
    let conflicts = store.conflicts().unwrap();
    assert_eq!(conflicts.len(), 1, "the same losing version is kept once");
    assert_eq!(conflicts[0].winning_hlc, winner.to_string());
    store.transact(now(), |tx| tx.sync().acknowledge_push(i64::MAX, vec![])).unwrap();

    let key = store.transact(now(), |tx| tx.sync().restore_conflict(&conflicts[0].id)).unwrap();
    assert_eq!(key, DocKey::new(Collection::Goals, g.id.as_str()));
    assert_eq!(store.goal(&g.id).unwrap().title, g.title, "the losing content is back");
    let restored = stamps_of(Collection::Goals, &raw_of(&store, Collection::Goals, g.id.as_str())).unwrap();
    assert!(restored.hlc > winner, "restoring is a new change that wins");
    assert_eq!(store.pending_changes().unwrap(), 1, "and it syncs");
    assert!(store.conflicts().unwrap().is_empty());
    let missing = store.transact(now(), |tx| tx.sync().dismiss_conflict("nope"));
    assert!(matches!(missing, Err(StoreError::NotFound { .. })));
}

#[test]
fn a_pushed_tombstone_is_purged_only_when_nothing_newer_waits() {
    let (_dir, mut store) = temp_store();
    enable(&mut store);
    let g = goal(1);
    store.transact(now(), |tx| tx.put(&g)).unwrap();
    store.transact(now(), |tx| tx.delete(&g)).unwrap();
    let stamp = stamps_of(Collection::Goals, &raw_of(&store, Collection::Goals, g.id.as_str())).unwrap().hlc;
    let dirty =
        store.transact(now(), |tx| tx.sync().purge_tombstone(Collection::Goals, g.id.as_str(), &stamp)).unwrap();
    assert!(!dirty, "not yet pushed");
    store.transact(now(), |tx| tx.sync().acknowledge_push(i64::MAX, vec![])).unwrap();
    let older = Hlc { physical_ms: 1, counter: 0, device: "x".into() };
    assert!(!store.transact(now(), |tx| tx.sync().purge_tombstone(Collection::Goals, g.id.as_str(), &older)).unwrap());
    assert!(store.transact(now(), |tx| tx.sync().purge_tombstone(Collection::Goals, g.id.as_str(), &stamp)).unwrap());
    assert!(store.raw_document(Collection::Goals, g.id.as_str()).unwrap().is_none());

    let h = goal(2);
    store.transact(now(), |tx| tx.put(&h)).unwrap();
    store.transact(now(), |tx| tx.delete(&h)).unwrap();
    let stamp = stamps_of(Collection::Goals, &raw_of(&store, Collection::Goals, h.id.as_str())).unwrap().hlc;
    let upto = store.outbox_snapshot().unwrap().upto;
    let purged = store
        .transact(now(), |tx| {
            tx.sync().acknowledge_push(upto, vec![])?;
            tx.sync().purge_tombstone(Collection::Goals, h.id.as_str(), &stamp)
        })
        .unwrap();
    assert!(purged, "acknowledging and purging in one transaction");
}

#[test]
fn adopting_a_remote_user_restamps_everything_and_rekeys_the_profile() {
    let (dir, mut store) = temp_store();
    let old = store.identity().user_id.clone();
    let g = goal(1);
    let mut profile = Profile::new(old.clone());
    profile.day_start_hour = 6;
    store
        .transact(now(), |tx| {
            tx.put(&g)?;
            tx.put(&profile)
        })
        .unwrap();
    enable(&mut store);
    store.transact(now(), |tx| tx.sync().adopt_user("remote-user", None)).unwrap();
    assert_eq!(store.identity().user_id, "remote-user");
    assert_eq!(raw_of(&store, Collection::Goals, g.id.as_str()).get_str("user_id").unwrap(), "remote-user");
    assert!(store.get::<Profile>(&old).unwrap().is_none());
    assert_eq!(store.get::<Profile>("remote-user").unwrap().unwrap().day_start_hour, 6);
    drop(store);
    let mut store = Store::open(dir.path(), now()).unwrap();
    assert_eq!(store.identity().user_id, "remote-user", "the identity is persisted");

    let winner = Hlc { physical_ms: 1, counter: 0, device: "r".into() };
    store.transact(now(), |tx| tx.sync().adopt_user("third", Some(&winner))).unwrap();
    assert!(store.get::<Profile>("third").unwrap().is_none(), "the remote profile will win");
    let conflicts = store.conflicts().unwrap();
    assert_eq!(conflicts.len(), 1);
    assert_eq!((conflicts[0].collection.name(), conflicts[0].doc_id.as_str()), ("profile", "third"));
}

#[test]
fn sync_state_and_log_are_kept_and_the_log_is_bounded() {
    let (dir, mut store) = temp_store();
    let state = SyncState { checkpoint: Some("0000000000005-00000-d".into()), ..SyncState::default() };
    store.transact(now(), |tx| tx.sync().set_sync_state(&state)).unwrap();
    let entry = SyncLogEntry {
        started_at: now(),
        finished_at: now(),
        pushed: 1,
        pulled: 2,
        conflicts: 0,
        kept_aside: 0,
        failed: false,
        error: None,
    };
    for n in 0..205 {
        let e = SyncLogEntry { pushed: n, ..entry.clone() };
        store.transact(now(), |tx| tx.sync().append_sync_log(&e)).unwrap();
    }
    drop(store);
    let store = Store::open(dir.path(), now()).unwrap();
    assert_eq!(store.sync_state().unwrap(), state);
    let log = store.sync_log(1000).unwrap();
    assert_eq!(log.len(), waymark_store::SYNC_LOG_KEEP);
    assert_eq!(log[0].pushed, 204, "newest first");
}

#[test]
fn turning_sync_off_and_on_again_queues_only_what_changed_meanwhile() {
    let (_dir, mut store) = temp_store();
    store.transact(now(), |tx| tx.put(&goal(1))).unwrap();
    enable(&mut store);
    store.transact(now(), |tx| tx.sync().acknowledge_push(i64::MAX, vec![])).unwrap();
    store.transact(now(), |tx| tx.sync().set_sync_enabled(false)).unwrap();
    store.transact(now(), |tx| tx.put(&goal(2))).unwrap();
    assert_eq!(store.pending_changes().unwrap(), 0);
    enable(&mut store);
    let waiting: Vec<DocKey> = store.outbox_snapshot().unwrap().docs.into_iter().map(|d| d.key).collect();
    assert_eq!(waiting, vec![DocKey::new(Collection::Goals, id(2))]);
}
