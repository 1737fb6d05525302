//! Sync throughput on PoloDB's wire server: the initial push of a heavy
//! profile (every collection) and the initial pull into an empty store, in
//! documents per second, next to the bare driver's `insert_many` / `find` on
//! the same server in the same run; and a sync with nothing to do (round
//! trips and time). `cargo bench -p waymark-sync`.

#[path = "../tests/it/fixtures.rs"]
mod fixtures;
#[path = "../tests/it/support.rs"]
mod support;

use fixtures::*;
use mongodb::bson::{Document, doc};
use std::time::{Duration, Instant};
use support::{Device, PoloServer, Wall};
use waymark_store::{COLLECTIONS, StoreError};

const GOALS: u64 = 30;
const TASKS: u64 = 12_000;
const CARDS: u64 = 8_000;
const REVIEWS: u64 = 20_000;
const ACTIVITIES: u64 = 5_000;
const TESTS: u64 = 1_000;
const REMINDERS: u64 = 10;

fn rate(docs: u64, time: Duration) -> f64 {
    docs as f64 / time.as_secs_f64()
}

/// Writes document `n` of one kind.
type Writer = dyn Fn(&mut waymark_store::Tx<'_>, u64) -> Result<(), StoreError>;

fn heavy(device: &Device) -> u64 {
    device.edit(|tx| {
        for g in 0..GOALS {
            tx.put(&goal(g, "Goal"))?;
        }
        for r in 0..REMINDERS {
            tx.put(&reminder(r, u32::try_from(r).unwrap()))?;
        }
        Ok::<_, StoreError>(())
    });
    let kinds: [(u64, &Writer); 5] = [
        (TASKS, &|tx, n| tx.put(&task(n, n % GOALS, "A task of the plan"))),
        (CARDS, &|tx, n| tx.put(&card(n, n % GOALS, "What does this mean?"))),
        (REVIEWS, &|tx, n| tx.put(&review(n, n % CARDS, n % GOALS))),
        (ACTIVITIES, &|tx, n| tx.put(&activity(n, n % GOALS))),
        (TESTS, &|tx, n| tx.put(&attempt(n, n % GOALS))),
    ];
    for (count, write) in kinds {
        for chunk in (0..count).collect::<Vec<_>>().chunks(5_000) {
            device.edit(|tx| chunk.iter().try_for_each(|&n| write(tx, n)));
        }
    }
    GOALS + REMINDERS + TASKS + CARDS + REVIEWS + ACTIVITIES + TESTS
}

async fn bare_driver(server: &PoloServer, device: &Device) -> (f64, f64) {
    let remote = server.remote().await;
    let db = remote.database();
    let docs: Vec<(String, Vec<Document>)> = device.store(|s| {
        COLLECTIONS
            .iter()
            .map(|c| {
                let mut docs = s.raw_documents(c).unwrap();
                for d in &mut docs {
                    d.insert("push_hlc", "0000000000001-00000-bench");
                }
                (format!("bare_{c}"), docs)
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
    for c in COLLECTIONS {
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
    let a = Device::new(&wall, 0);
    let built = Instant::now();
    let docs = heavy(&a);
    a.enable();
    println!("heavy profile: {docs} documents in {} collections, built in {:.1?}", COLLECTIONS.len(), built.elapsed());

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
    times.sort();
    println!(
        "sync with nothing to do: {} round trip(s), median {:.1?}",
        trips.iter().max().unwrap(),
        times[times.len() / 2]
    );
}
