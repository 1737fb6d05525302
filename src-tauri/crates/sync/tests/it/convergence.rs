//! The two-device convergence property: random interleavings of edits and
//! deletes on two devices with skewed clocks, random sync orders (and, on
//! the in-memory remote, connections lost mid-run — before or after the
//! request took effect); afterwards both stores and the remote hold the same
//! live documents, every document written to an append-only collection is
//! there, and every version that lost is kept in a conflicts list.
//!
//! 240 cases run against the in-memory remote (which models MongoDB's
//! semantics for the operations sync uses), 10 through the driver against
//! PoloDB's wire server, and 10 more against a real MongoDB when
//! `WAYMARK_TEST_MONGODB_URI` is set.

use crate::fixtures::*;
use crate::scenarios::real_mongodb;
use crate::support::*;
use proptest::prelude::*;
use std::collections::{BTreeMap, BTreeSet};
use waymark_store::{Collection, StoreError, Tx};
use waymark_sync::MemoryRemote;

/// One step of a scenario.
#[derive(Debug, Clone)]
enum Op {
    /// Device `dev` writes document `n` of `kind` (content `v`).
    Edit { dev: usize, kind: u8, n: u64, v: u8 },
    /// Device `dev` deletes document `n` of `kind` if it has it.
    Delete { dev: usize, kind: u8, n: u64 },
    /// Device `dev` syncs.
    Sync { dev: usize },
    /// Device `dev` syncs, and the connection is lost at request `at`
    /// (in-memory remote only).
    CutSync { dev: usize, at: u64, applied: bool },
    /// Time passes.
    Wait { ms: i64 },
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        6 => (0..2usize, 0..7u8, 0..5u64, any::<u8>()).prop_map(|(dev, kind, n, v)| Op::Edit { dev, kind, n, v }),
        2 => (0..2usize, 0..4u8, 0..5u64).prop_map(|(dev, kind, n)| Op::Delete { dev, kind, n }),
        3 => (0..2usize).prop_map(|dev| Op::Sync { dev }),
        2 => (0..2usize, 0..25u64, any::<bool>()).prop_map(|(dev, at, applied)| Op::CutSync { dev, at, applied }),
        2 => (1..5_000i64).prop_map(|ms| Op::Wait { ms }),
    ]
}

fn scenario() -> impl Strategy<Value = (i64, i64, Vec<Op>)> {
    (-60_000..60_000i64, -60_000..60_000i64, prop::collection::vec(op(), 1..40))
}

/// The (collection, id) a kind and number name; kinds 4.. are append-only.
fn target(kind: u8, n: u64) -> (&'static str, String) {
    match kind {
        0 => ("goals", goal(n, "").id.0),
        1 => ("tasks", task(n, 0, "").id.0),
        2 => ("cards", card(n, 0, "").question.id.0),
        3 => ("reminders", reminder(n, 0).id.0),
        4 => ("reviews", review(n, 0, 0).id.0),
        5 => ("activities", activity(n, 0).id.0),
        _ => ("tests", attempt(n, 0).id.0),
    }
}

fn write(tx: &mut Tx<'_>, dev: usize, kind: u8, n: u64, v: u8, unique: u64) -> Result<(), StoreError> {
    let text = format!("dev{dev} v{v}");
    match kind {
        0 => tx.put(&goal(n, &text)),
        1 => tx.put(&task(n, n % 2, &text)),
        2 => tx.put(&card(n, n % 2, &text)),
        3 => tx.put(&reminder(n, u32::from(v))),
        4 => tx.put(&review(unique, n, 0)),
        5 => tx.put(&activity(unique, 0)),
        _ => tx.put(&attempt(unique, 0)),
    }
}

fn delete(tx: &mut Tx<'_>, kind: u8, n: u64) -> Result<(), StoreError> {
    match kind {
        0 => match tx.get::<waymark_core::goal::Goal>(&goal(n, "").id.0)? {
            Some(g) => tx.delete(&g),
            None => Ok(()),
        },
        1 => match tx.get::<waymark_core::task::Task>(&task(n, 0, "").id.0)? {
            Some(t) => tx.delete(&t),
            None => Ok(()),
        },
        2 => match tx.get::<waymark_core::card::Card>(&card(n, 0, "").question.id.0)? {
            Some(c) => tx.delete(&c),
            None => Ok(()),
        },
        3 => match tx.get::<waymark_core::reminder::Reminder>(&reminder(n, 0).id.0)? {
            Some(r) => tx.delete(&r),
            None => Ok(()),
        },
        _ => Ok(()),
    }
}

/// Versions written: child stamp → (collection, id, parent stamp).
type History = BTreeMap<String, (String, String, Option<String>)>;

/// Deletions written: a version the learner then deleted is not lost when
/// the deletion is superseded (a deletion carries no content).
type Deletions = BTreeSet<String>;

/// What each version written said, apart from its stamps: a version that
/// says the same as one that survives loses nothing, and the engine records
/// no conflict for it.
type Said = BTreeMap<String, mongodb::bson::Document>;

fn said(d: &Device, collection: &str, id: &str) -> mongodb::bson::Document {
    let collection = Collection::named(collection).unwrap();
    let mut doc = d.store(|s| s.raw_document(collection, id).unwrap()).unwrap().into_document();
    for stamp in ["user_id", "updated_at", "hlc", "push_hlc"] {
        doc.remove(stamp);
    }
    doc
}

/// The last version of each document a device held (a purged tombstone is
/// still the parent of a document written again under its id).
type Seen = BTreeMap<(String, String), String>;

fn refresh(seen: &mut Seen, d: &Device) {
    d.store(|s| {
        for c in Collection::ALL {
            for doc in s.raw_documents(c).unwrap() {
                let key = (c.to_string(), doc.get_str("_id").unwrap().to_string());
                seen.insert(key, doc.get_str("hlc").unwrap().to_string());
            }
        }
    });
}

fn append_only(collection: &str) -> bool {
    Collection::named(collection).is_some_and(Collection::is_append_only)
}

fn stamp_of(seen: &Seen, collection: &str, id: &str) -> Option<String> {
    seen.get(&(collection.to_string(), id.to_string())).cloned()
}

/// Plays `ops` on two fresh devices against `remote`, then checks the property.
async fn play(remote: &RemoteKind, skews: (i64, i64), ops: &[Op]) {
    let wall = Wall::default();
    let devices = [Device::enabled(&wall, skews.0), Device::enabled(&wall, skews.1)];
    let mut history = History::new();
    let mut appended: BTreeSet<(String, String)> = BTreeSet::new();
    let mut unique = 0;
    let mut seen = [Seen::new(), Seen::new()];
    let mut deletions = Deletions::new();
    let mut contents = Said::new();
    for op in ops {
        wall.advance(7);
        match *op {
            Op::Edit { dev, kind, n, v } => {
                unique += 1;
                let (collection, id) = target(kind, n);
                let id = if append_only(collection) { target(kind, unique + 1000 * dev as u64).1 } else { id };
                let parent = stamp_of(&seen[dev], collection, &id);
                devices[dev].edit(|tx| write(tx, dev, kind, n, v, unique + 1000 * dev as u64));
                refresh(&mut seen[dev], &devices[dev]);
                let child = stamp_of(&seen[dev], collection, &id).unwrap();
                if append_only(collection) {
                    appended.insert((collection.to_string(), id.clone()));
                }
                contents.insert(child.clone(), said(&devices[dev], collection, &id));
                history.insert(child, (collection.to_string(), id, parent));
            }
            Op::Delete { dev, kind, n } => {
                let (collection, id) = target(kind, n);
                let parent = stamp_of(&seen[dev], collection, &id);
                devices[dev].edit(|tx| delete(tx, kind, n));
                refresh(&mut seen[dev], &devices[dev]);
                let child = stamp_of(&seen[dev], collection, &id);
                if let Some(child) = child
                    && Some(&child) != parent.as_ref()
                {
                    deletions.insert(child.clone());
                    history.insert(child, (collection.to_string(), id, parent));
                }
            }
            Op::Sync { dev } => {
                sync(&devices[dev], remote).await;
                refresh(&mut seen[dev], &devices[dev]);
            }
            Op::CutSync { dev, at, applied } => {
                match remote {
                    RemoteKind::Memory(m) => {
                        m.cut_after(at, applied);
                        let _ = devices[dev].sync(m).await;
                        m.heal();
                    }
                    RemoteKind::Mongo(..) => sync(&devices[dev], remote).await,
                }
                refresh(&mut seen[dev], &devices[dev]);
            }
            Op::Wait { ms } => wall.advance(ms),
        }
    }
    for dev in [0, 1, 0, 1] {
        wall.advance(10);
        sync(&devices[dev], remote).await;
    }
    let [a, b] = &devices;
    let (left, right) = (a.live(), b.live());
    assert_eq!(left, right, "both devices hold the same live documents");
    assert_eq!(remote_live(remote).await, left, "and so does the remote");
    assert_eq!(a.pending() + b.pending(), 0, "nothing left to push");
    for key in &appended {
        assert!(left.contains_key(key), "appended {key:?} was lost");
    }
    let winners: BTreeMap<(String, String), String> =
        remote_all(remote).await.into_iter().map(|(key, doc)| (key, doc.get_str("hlc").unwrap().to_string())).collect();
    let kept: BTreeSet<String> = devices.iter().flat_map(|d| d.conflict_hlcs()).map(|(_, _, losing)| losing).collect();
    let ancestors = |from: &str| {
        let mut seen = BTreeSet::new();
        let mut at = Some(from.to_string());
        while let Some(h) = at {
            at = history.get(&h).and_then(|(_, _, p)| p.clone());
            seen.insert(h);
        }
        seen
    };
    for (stamp, (collection, id, _)) in &history {
        let winner = winners.get(&(collection.clone(), id.clone()));
        let winner = winner.unwrap_or_else(|| panic!("{collection}/{id} never reached the remote"));
        let deleted_later = deletions.iter().any(|d| ancestors(d).contains(stamp));
        if append_only(collection) || deleted_later || ancestors(winner).contains(stamp) {
            continue;
        }
        let survives = ancestors(winner).into_iter().chain(kept.iter().flat_map(|k| ancestors(k)));
        if let Some(content) = contents.get(stamp)
            && survives.filter_map(|s| contents.get(&s)).any(|c| c == content)
        {
            continue;
        }
        assert!(
            kept.iter().any(|k| ancestors(k).contains(stamp)),
            "version {stamp} of {collection}/{id} lost to {winner} and is in no conflicts list"
        );
    }
}

async fn sync(device: &Device, remote: &RemoteKind) {
    match remote {
        RemoteKind::Memory(m) => device.sync(m).await.unwrap(),
        RemoteKind::Mongo(m, _) => device.sync(m).await.unwrap(),
    };
}

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 240, max_shrink_iters: 200, ..ProptestConfig::default() })]

    #[test]
    fn two_devices_converge_through_the_in_memory_remote((a, b, ops) in scenario()) {
        runtime().block_on(play(&RemoteKind::Memory(MemoryRemote::new()), (a, b), &ops));
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 10, max_shrink_iters: 20, ..ProptestConfig::default() })]

    #[test]
    fn two_devices_converge_through_the_wire_server((a, b, ops) in scenario()) {
        runtime().block_on(async {
            let server = PoloServer::start().await;
            let remote = server.remote().await;
            play(&RemoteKind::Mongo(remote, Some(server)), (a, b), &ops).await;
        });
    }

    #[test]
    fn two_devices_converge_through_a_real_mongodb_when_configured((a, b, ops) in scenario()) {
        runtime().block_on(async {
            match real_mongodb().await {
                Some(remote) => play(&RemoteKind::Mongo(remote, None), (a, b), &ops).await,
                None => eprintln!("WAYMARK_TEST_MONGODB_URI is not set: no real MongoDB to run this case against"),
            }
        });
    }
}
