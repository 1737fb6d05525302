//! What the engine relies on from the wire server, checked through
//! `MongoRemote` on PoloDB: `$in`, duplicate inserts (MongoDB reports them
//! per document; PoloDB stops at the first), the conditional replace, the
//! head swap, restamps, range pulls in batches with `getMore`, and that a
//! pull needs no server-side order (it asks for none).

use crate::support::*;
use mongodb::bson::doc;
use std::collections::BTreeSet;
use waymark_store::{Collection, RawDoc};
use waymark_sync::{PullCursor, Remote};

fn d(id: &str, hlc: &str, push: &str) -> RawDoc {
    RawDoc::new(doc! { "_id": id, "user_id": "u", "hlc": hlc, "push_hlc": push, "deleted": false })
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_operations_sync_uses_mean_on_polodb_what_they_mean_on_mongodb() {
    let server = PoloServer::start().await;
    let r = server.remote().await;
    assert!(r.insert_many(Collection::Goals, vec![d("a", "h1", "p1"), d("b", "h1", "p1")]).await.unwrap().is_empty());
    let dups = r
        .insert_many(Collection::Goals, vec![d("c", "h1", "p1"), d("a", "h2", "p2"), d("e", "h1", "p1")])
        .await
        .unwrap();
    assert_eq!(dups, vec!["a".to_string()], "only the duplicate is reported");
    let present = r.find_present(Collection::Goals, "u", &["a".into(), "e".into(), "zz".into()]).await.unwrap();
    let ids: BTreeSet<&str> = present.iter().map(|x| x.get_str("_id").unwrap()).collect();
    assert_eq!(ids, BTreeSet::from(["a", "e"]), "$in");
    assert!(
        r.find_present(Collection::Goals, "someone else", &["a".into()]).await.unwrap().is_empty(),
        "scoped by user"
    );

    assert!(
        r.replace_if_not_newer(Collection::Goals, "u", d("a", "h1", "p3")).await.unwrap(),
        "an equal stamp is replaced"
    );
    assert!(
        r.replace_if_not_newer(Collection::Goals, "u", d("a", "h5", "p4")).await.unwrap(),
        "an older copy is replaced"
    );
    assert!(!r.replace_if_not_newer(Collection::Goals, "u", d("a", "h3", "p5")).await.unwrap(), "a newer copy stays");
    assert!(
        !r.replace_if_not_newer(Collection::Goals, "u", d("nope", "h9", "p5")).await.unwrap(),
        "absent: nothing happens"
    );
    assert!(!r.insert_one(Collection::Goals, d("a", "h9", "p9")).await.unwrap(), "duplicate insert");
    assert_eq!(r.find_one(Collection::Goals, "u", "a").await.unwrap().unwrap().get_str("hlc").unwrap(), "h5");

    assert_eq!(r.read_head("u").await.unwrap(), None);
    assert!(r.create_head("u", "p1").await.unwrap());
    assert!(!r.create_head("u", "p0").await.unwrap());
    assert!(!r.advance_head("u", "p0", "p2").await.unwrap(), "the swap needs the expected value");
    assert!(r.advance_head("u", "p1", "p2").await.unwrap());
    assert_eq!(r.read_head("u").await.unwrap().as_deref(), Some("p2"));

    r.restamp(Collection::Goals, "u", &["b".into(), "c".into(), "e".into()], "p1", "p7").await.unwrap();
    let b = r.find_one(Collection::Goals, "u", "b").await.unwrap().unwrap();
    assert_eq!(b.get_str("push_hlc").unwrap(), "p7");
    assert_eq!(r.claim_owner("u", "t").await.unwrap(), "u");
    assert_eq!(r.claim_owner("v", "t").await.unwrap(), "u", "the first claim holds");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_range_pull_returns_every_document_once_in_batches() {
    let server = PoloServer::start().await;
    let r = server.remote().await;
    let docs: Vec<RawDoc> =
        (0..2500).map(|i| d(&format!("{:05}", 2500 - i), "h", &format!("p{}", 1 + i % 5))).collect();
    r.insert_many(Collection::Tasks, docs).await.unwrap();
    let trips = r.round_trips();
    let mut cursor = r.pull(Collection::Tasks, "u", Some("p1"), "p4", 1000).await.unwrap();
    let mut seen = BTreeSet::new();
    let mut batches = 0;
    loop {
        let batch = cursor.next_batch().await.unwrap();
        if batch.is_empty() {
            break;
        }
        assert!(batch.len() <= 1000);
        batches += 1;
        for x in batch {
            let p = x.get_str("push_hlc").unwrap().to_string();
            assert!(p.as_str() > "p1" && p.as_str() <= "p4", "{p} is outside the range");
            assert!(seen.insert(x.get_str("_id").unwrap().to_string()), "returned twice");
        }
    }
    assert_eq!((seen.len(), batches), (1500, 2));
    assert!(r.round_trips() - trips >= 2, "the find and at least one getMore");
}
