//! Replacing all learner data at once: the old documents hard-deleted, the new
//! ones written with their stamps, the indexes rebuilt — or nothing at all.

use crate::support::*;
use polodb_core::bson::doc;
use waymark_core::goal::Goal;
use waymark_store::{CheckedDocument, Collection, RawDoc, Replace, StoreError, check_document};

fn everything(store: &waymark_store::Store) -> Vec<(Collection, Vec<RawDoc>)> {
    Collection::ALL
        .into_iter()
        .map(|c| {
            let mut docs = store.raw_documents(c).unwrap();
            docs.sort_by_key(|d| d.get_str("_id").unwrap().to_string());
            (c, docs)
        })
        .collect()
}

fn checked(documents: Vec<(Collection, Vec<RawDoc>)>) -> Vec<CheckedDocument> {
    documents
        .into_iter()
        .flat_map(|(c, docs)| docs.into_iter().map(move |d| check_document(c, d, now()).unwrap()))
        .collect()
}

#[test]
fn replacing_hard_deletes_the_old_documents_and_writes_the_new_with_their_stamps() {
    let (_a_dir, mut a) = temp_store();
    let g = goal(1);
    let t = task(2, &g.id, day("2026-03-02"));
    a.transact(now(), |tx| {
        tx.put(&g)?;
        tx.put(&t)?;
        tx.put(&roadmap(3, &g))
    })
    .unwrap();

    let (_b_dir, mut b) = temp_store();
    let old = goal(10);
    let old_task = task(11, &old.id, day("2026-03-02"));
    let gone = task(12, &old.id, day("2026-03-03"));
    b.transact(now(), |tx| {
        tx.put(&old)?;
        tx.put(&old_task)?;
        tx.put(&gone)?;
        tx.delete(&gone)
    })
    .unwrap();
    b.transact(now(), |tx| tx.put_local("day", &"2026-03-02")).unwrap();
    let generation = b.generation();
    assert!(!b.is_empty_of_learner_data().unwrap());

    let replaced = b.replace_learner_data(checked(everything(&a)), Replace::default()).unwrap();
    assert_eq!(replaced.removed["goals"], 1);
    assert_eq!(replaced.removed["tasks"], 2, "the tombstone is removed too");
    assert_eq!(replaced.written["tasks"], 1);
    assert_eq!(everything(&a), everything(&b), "every document as it was, stamps included");
    assert!(b.generation() > generation);
    assert_eq!(b.goals().unwrap(), vec![g.clone()]);
    assert_eq!(b.tasks_on(day("2026-03-02")).unwrap(), vec![t.clone()], "the indexes hold the new tasks only");
    assert!(b.tasks_of_goal(&old.id).unwrap().is_empty());
    assert!(b.roadmap_of_goal(&g.id).unwrap().is_some());
    assert_eq!(b.local::<String>("day").unwrap().as_deref(), Some("2026-03-02"), "device-local values are kept");

    let copied =
        stamps_of(Collection::Goals, &b.raw_document(Collection::Goals, g.id.as_str()).unwrap().unwrap()).unwrap();
    b.transact(now(), |tx| tx.put(&Goal { title: "edited".into(), ..g.clone() })).unwrap();
    let edited =
        stamps_of(Collection::Goals, &b.raw_document(Collection::Goals, g.id.as_str()).unwrap().unwrap()).unwrap();
    assert!(edited.hlc > copied.hlc, "the clock observed the written stamps");
}

#[test]
fn a_wipe_can_adopt_a_user_id_and_forget_device_local_values_and_survives_a_reopen() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = waymark_store::Store::open(dir.path(), now()).unwrap();
    let device = store.identity().device_id.clone();
    store
        .transact(now(), |tx| {
            tx.put(&goal(1))?;
            tx.put_local("day", &"2026-03-02")
        })
        .unwrap();
    let replaced = store
        .replace_learner_data(
            vec![],
            Replace { user_id: Some("someone-else".into()), forget_local: true, restamp: false },
        )
        .unwrap();
    assert_eq!(replaced.removed["goals"], 1);
    assert!(store.is_empty_of_learner_data().unwrap());
    assert!(store.goals().unwrap().is_empty());
    assert_eq!(store.local::<String>("day").unwrap(), None);
    assert_eq!(store.identity().user_id, "someone-else");
    drop(store);
    let store = waymark_store::Store::open(dir.path(), now()).unwrap();
    assert_eq!((store.identity().user_id.as_str(), store.identity().device_id.clone()), ("someone-else", device));
    assert!(store.is_empty_of_learner_data().unwrap());
}

#[test]
fn a_malformed_document_fails_its_check_and_a_repeated_id_writes_nothing() {
    let (_dir, mut store) = temp_store();
    let g = goal(1);
    store.transact(now(), |tx| tx.put(&g)).unwrap();
    let before = everything(&store);
    let good = doc! {
        "_id": "0190a000-0000-7000-8000-000000000001", "title": "x", "user_id": "u",
        "hlc": "0000000000001-00000-dev", "deleted": false,
    };
    let err = check_document(Collection::Goals, RawDoc::new(good.clone()), now()).unwrap_err();
    assert!(matches!(err, StoreError::BadDocument { .. }) && err.to_string().contains("missing field"), "{err}");
    assert!(Collection::named("widgets").is_none(), "no such collection: it cannot be named, checked or written");
    let mut twice = checked(everything(&store));
    twice.push(twice[0].clone());
    let err = store.replace_learner_data(twice, Replace::default()).unwrap_err();
    assert!(err.to_string().contains("appears twice"), "{err}");
    assert_eq!(everything(&store), before, "nothing changed");
    assert_eq!(store.goals().unwrap(), vec![g]);
}

/// Delete-all forgets the device-local data too: the versions kept after
/// conflicts and the pulled documents kept aside hold the learner's data.
#[test]
fn forgetting_local_data_also_forgets_kept_conflicts_and_documents_kept_aside() {
    let (_dir, mut store) = temp_store();
    let g = goal(1);
    store.transact(now(), |tx| tx.put(&g)).unwrap();
    let raw = store.raw_document(Collection::Goals, g.id.as_str()).unwrap().unwrap();
    let winner = waymark_core::hlc::Hlc::parse("1999999999999-00000-other").unwrap();
    store
        .transact(now(), |tx| {
            let mut tx = tx.sync();
            tx.record_conflict(Collection::Goals, raw.clone(), &winner)?;
            tx.quarantine(Collection::Goals, raw.clone(), "written by a newer Waymark")
        })
        .unwrap();
    assert_eq!((store.conflicts().unwrap().len(), store.quarantined().unwrap().len()), (1, 1));
    let kept = store.quarantined().unwrap().remove(0);
    assert_eq!(
        (kept.id.as_str(), kept.reason.as_str(), kept.tries),
        (format!("goals/{}", g.id).as_str(), "written by a newer Waymark", 1)
    );

    store.replace_learner_data(Vec::new(), Replace { user_id: None, forget_local: false, restamp: false }).unwrap();
    assert_eq!(store.conflicts().unwrap().len(), 1, "a restore keeps them");
    store.replace_learner_data(Vec::new(), Replace { user_id: None, forget_local: true, restamp: false }).unwrap();
    assert!(store.conflicts().unwrap().is_empty());
    assert!(store.quarantined().unwrap().is_empty());
}
