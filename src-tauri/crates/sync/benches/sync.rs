//! Sync throughput on PoloDB's wire server: the initial push of the heavy
//! profile (`waymark_profiles::heavy`: every collection, ~277,000 documents) and the initial pull into an empty store, in
//! documents per second, next to the bare driver's `insert_many` / `find` on
//! the same server in the same run; and a sync with nothing to do (round
//! trips and time). `cargo bench -p waymark-sync`.

#[path = "../tests/it/fixtures.rs"]
mod fixtures;
#[path = "../tests/it/support.rs"]
mod support;

use mongodb::bson::{Document, doc};
use std::time::{Duration, Instant};
use support::{Device, PoloServer, Wall};
use waymark_profiles::heavy;
use waymark_profiles::timing::median;
use waymark_store::{Collection, RawDoc, Store};
use waymark_sync::StoreLocal;

fn rate(docs: u64, time: Duration) -> f64 {
    docs as f64 / time.as_secs_f64()
}

/// A device whose store holds the heavy profile (`waymark_profiles::heavy`).
fn heavy_device(wall: &Wall) -> (Device, u64) {
    let dir = tempfile::tempdir().unwrap();
    let now = wall.at(0);
    heavy::build(dir.path(), heavy::Scale::HEAVY, now);
    let store = Store::open(dir.path(), now).unwrap();
    let docs = Collection::ALL.iter().map(|c| store.raw_documents(*c).unwrap().len() as u64).sum();
    let clock = wall.clone();
    let local = StoreLocal::new(store, move || clock.at(0));
    (Device { local, wall: wall.clone(), skew_ms: 0, dir }, docs)
}

async fn bare_driver(server: &PoloServer, device: &Device) -> (f64, f64) {
    let remote = server.remote().await;
    let db = remote.database();
    let docs: Vec<(String, Vec<Document>)> = device.store(|s| {
        Collection::ALL
            .iter()
            .map(|c| {
                let mut docs = s.raw_documents(*c).unwrap();
                for d in &mut docs {
                    d.set_push_hlc("0000000000001-00000-bench");
                }
                (format!("bare_{c}"), docs.into_iter().map(RawDoc::into_document).collect())
            })
            .collect()
    });
    let total: usize = docs.iter().map(|(_, d)| d.len()).sum();
    let started = Instant::now();
    for (collection, docs) in docs {
        for chunk in docs.chunks(1000) {
            db.collection::<Document>(&collection).insert_many(chunk.to_vec()).await.unwrap();
        }
    }
    let insert = rate(total as u64, started.elapsed());
    let started = Instant::now();
    let mut read = 0;
    for c in Collection::ALL {
        let filter = doc! { "$and": [{ "user_id": { "$gt": "" } }, { "push_hlc": { "$gt": "" } }] };
        let mut cursor = db.collection::<Document>(&format!("bare_{c}")).find(filter).batch_size(1000).await.unwrap();
        while cursor.advance().await.unwrap() {
            let _ = cursor.deserialize_current().unwrap();
            read += 1;
        }
    }
    (insert, rate(read, started.elapsed()))
}

#[tokio::main]
async fn main() {
    if std::env::args().any(|a| a == "--list") {
        println!("sync: bench");
        return;
    }
    let server = PoloServer::start().await;
    let remote = server.remote().await;
    let wall = Wall::default();
    let built = Instant::now();
    let (a, docs) = heavy_device(&wall);
    a.enable();
    println!(
        "heavy profile: {docs} documents in {} collections, built in {:.1?}",
        Collection::ALL.len(),
        built.elapsed()
    );

    let (bare_insert, bare_find) = bare_driver(&server, &a).await;
    println!("bare driver insert_many (batches of 1000): {bare_insert:>9.0} docs/s");
    println!("bare driver find (batches of 1000):        {bare_find:>9.0} docs/s");

    let started = Instant::now();
    let push = a.sync(&remote).await.unwrap();
    let push_time = started.elapsed();
    assert_eq!(push.pushed, docs);
    let push_rate = rate(docs, push_time);
    println!(
        "initial push: {docs} docs in {push_time:.2?} = {push_rate:>9.0} docs/s ({:.0}% of bare insert_many), {} round trips",
        100.0 * push_rate / bare_insert,
        push.round_trips
    );

    let b = Device::enabled(&wall, 0);
    let started = Instant::now();
    let pull = b.sync(&remote).await.unwrap();
    let pull_time = started.elapsed();
    assert_eq!(pull.pulled, docs);
    let pull_rate = rate(docs, pull_time);
    println!(
        "initial pull: {docs} docs in {pull_time:.2?} = {pull_rate:>9.0} docs/s ({:.0}% of bare find), {} round trips",
        100.0 * pull_rate / bare_find,
        pull.round_trips
    );

    a.sync(&remote).await.unwrap();
    let mut times = Vec::new();
    let mut trips = Vec::new();
    for _ in 0..9 {
        let started = Instant::now();
        let report = a.sync(&remote).await.unwrap();
        times.push(started.elapsed());
        trips.push(report.round_trips);
    }
    println!("sync with nothing to do: {} round trip(s), median {:.1?}", trips.iter().max().unwrap(), median(times));
}
