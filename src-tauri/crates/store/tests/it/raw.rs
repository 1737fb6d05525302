//! Raw documents: copied with their stamps into another store, checked before
//! they are written.

use crate::support::*;
use polodb_core::bson::doc;
use waymark_core::goal::Goal;
use waymark_core::task::Task;
use waymark_store::{Collection, RawDoc, StoreError};

#[test]
fn raw_documents_copy_into_another_store_with_their_stamps_and_indexes() {
    let (_a_dir, mut a) = temp_store();
    let g = goal(1);
    let t = task(3, &g.id, day("2026-03-02"));
    let gone = task(4, &g.id, day("2026-03-03"));
    a.transact(now(), |tx| {
        tx.put(&g)?;
        tx.put(&t)?;
        tx.put(&gone)?;
        tx.delete(&gone)
    })
    .unwrap();

    let (_b_dir, mut b) = temp_store();
    b.transact(now(), |tx| {
        for collection in Collection::ALL {
            for d in a.raw_documents(collection)? {
                tx.put_raw(collection, d)?;
            }
        }
        Ok::<_, StoreError>(())
    })
    .unwrap();

    for collection in Collection::ALL {
        let mut left = a.raw_documents(collection).unwrap();
        let mut right = b.raw_documents(collection).unwrap();
        left.sort_by_key(|d| d.get_str("_id").unwrap().to_string());
        right.sort_by_key(|d| d.get_str("_id").unwrap().to_string());
        assert_eq!(left, right, "{collection} differs");
    }
    assert_eq!(b.goal(&g.id), Some(g.clone()));
    assert_eq!(b.tasks_on(day("2026-03-02")).unwrap(), vec![t.clone()]);
    assert!(b.tasks_on(day("2026-03-03")).unwrap().is_empty(), "a tombstone stays out of the indexes");
    let copied =
        stamps_of(Collection::Tasks, &b.raw_document(Collection::Tasks, gone.id.as_str()).unwrap().unwrap()).unwrap();
    assert!(copied.deleted);

    let imported =
        stamps_of(Collection::Tasks, &b.raw_document(Collection::Tasks, t.id.as_str()).unwrap().unwrap()).unwrap();
    let later = Task { title: "edited".into(), ..t.clone() };
    b.transact(now(), |tx| tx.put(&later)).unwrap();
    let edited =
        stamps_of(Collection::Tasks, &b.raw_document(Collection::Tasks, t.id.as_str()).unwrap().unwrap()).unwrap();
    assert!(edited.hlc > imported.hlc, "the clock observed the copied stamps");
}

#[test]
fn a_malformed_raw_document_is_refused_and_nothing_of_its_transaction_is_written() {
    let (_dir, mut store) = temp_store();
    let g = goal(1);
    let good = doc! {
        "_id": g.id.as_str(), "title": "x", "user_id": "u", "hlc": "0000000000001-00000-dev", "deleted": false,
    };
    let cases = [
        (Collection::Goals, good.clone(), "missing goal fields"),
        (
            Collection::Goals,
            doc! { "_id": 5_i64, "user_id": "u", "hlc": "0000000000001-00000-dev", "deleted": false },
            "_id",
        ),
        (Collection::Goals, doc! { "_id": "a", "user_id": "u", "hlc": "yesterday", "deleted": false }, "hlc"),
    ];
    for (collection, bad, why) in cases {
        let result = store.transact(now(), |tx| {
            tx.put(&goal(2))?;
            tx.put_raw(collection, RawDoc::new(bad.clone()))
        });
        assert!(matches!(result, Err(StoreError::BadDocument { .. })), "{why}: {result:?}");
    }
    assert!(store.scan::<Goal>().unwrap().is_empty());
    assert!(Collection::named("nonsense").is_none(), "no such collection: it cannot be named, read or written");
}

/// A document stamped far in the future (from a remote, an import or a
/// backup) would drag the clock past every real stamp: the next local stamp
/// would not parse and would sort below all others. It is refused, and the
/// clock goes on from real time.
#[test]
fn a_stamp_far_ahead_of_the_clock_is_refused_and_local_stamps_stay_readable() {
    let (a_dir, mut store) = temp_store();
    let g = goal(1);
    let (_b_dir, mut elsewhere) = temp_store();
    elsewhere.transact(now(), |tx| tx.put(&g)).unwrap();
    let mut poisoned = elsewhere.raw_document(Collection::Goals, g.id.as_str()).unwrap().unwrap().as_document().clone();
    poisoned.insert("hlc", "9999999999999-99999-x");
    let result = store.transact(now(), |tx| tx.put_raw(Collection::Goals, RawDoc::new(poisoned.clone())));
    let Err(StoreError::BadDocument { message, .. }) = result else { panic!("refused: {result:?}") };
    assert!(message.contains("hours ahead of this computer's clock"), "{message}");
    assert!(store.raw_document(Collection::Goals, g.id.as_str()).unwrap().is_none(), "nothing written");

    // Up to a day ahead (a desktop whose clock runs fast) is taken, and followed.
    let fast = format!("{:013}-00000-other", now().timestamp_millis() + 23 * 3_600_000);
    poisoned.insert("hlc", fast.as_str());
    store.transact(now(), |tx| tx.put_raw(Collection::Goals, RawDoc::new(poisoned.clone()))).unwrap();
    let edited = Goal { title: "edited".into(), ..g.clone() };
    store.transact(now(), |tx| tx.put(&edited)).unwrap();
    let raw = store.raw_document(Collection::Goals, g.id.as_str()).unwrap().unwrap();
    let stamps = stamps_of(Collection::Goals, &raw).unwrap();
    assert!(stamps.hlc.to_string() > fast, "the local edit orders after the fast stamp");
    drop(store);
    let store = waymark_store::Store::open(a_dir.path(), now()).unwrap();
    assert_eq!(store.goal(&g.id).unwrap().title, "edited", "and reads back after a restart");
}
