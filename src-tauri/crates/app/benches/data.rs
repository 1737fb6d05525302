//! Export, import and backups on the heavy profile (see `support/heavy.rs`:
//! 30 goals, 25,000 tasks, 20,000 cards, 200,000 reviews, 1,500 tests,
//! 30,000 activities — about 277,000 documents).
//!
//! Reports the medians of: export to JSON text, import into an empty store,
//! import again into the same store (a merge where everything is skipped),
//! and a backup (snapshot, gzip, fsync, rotation). Targets: export < 5 s,
//! import < 10 s. Run: `cargo bench -p waymark-app --bench data`.

#[path = "support/heavy.rs"]
mod heavy;

use chrono::{TimeZone, Utc};
use std::time::{Duration, Instant};
use waymark_app::{App, FixedClock};

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort();
    times[times.len() / 2]
}

fn main() {
    if std::env::args().any(|a| a == "--list") {
        println!("data: bench");
        return;
    }
    let now = Utc.with_ymd_and_hms(2026, 3, 2, 12, 0, 0).unwrap();
    let clock = || Box::new(FixedClock { now, zone: chrono_tz::Tz::UTC });
    let dir = tempfile::tempdir().unwrap();
    let built = Instant::now();
    heavy::build(&dir.path().join("store"), heavy::Scale::HEAVY, now);
    println!("heavy profile: {} documents, built in {:.1?}", heavy::Scale::HEAVY.documents(), built.elapsed());
    let app = App::open(dir.path(), clock()).unwrap();
    let total = app.snapshot().unwrap().total();
    println!("after opening (the plan kept up to date): {total} documents");

    let mut text = String::new();
    let export = median(
        (0..5)
            .map(|_| {
                let t = Instant::now();
                text = app.export_data().unwrap();
                t.elapsed()
            })
            .collect(),
    );
    println!("export file: {:.1} MB", text.len() as f64 / 1e6);

    let mut imports = Vec::new();
    let mut merges = Vec::new();
    for _ in 0..3 {
        let target = tempfile::tempdir().unwrap();
        let mut fresh = App::open(target.path(), clock()).unwrap();
        let t = Instant::now();
        let report = fresh.import_data(&text).unwrap();
        imports.push(t.elapsed());
        assert_eq!(report.added, total);
        let t = Instant::now();
        let again = fresh.import_data(&text).unwrap();
        merges.push(t.elapsed());
        assert_eq!(again.skipped, total);
    }

    let mut backups = Vec::new();
    let mut size = 0;
    for _ in 0..3 {
        let t = Instant::now();
        size = app.backup_now().unwrap().size_bytes;
        backups.push(t.elapsed());
    }
    println!("backup file (gzip): {:.1} MB", size as f64 / 1e6);
    println!("export (snapshot + JSON text):       median {:>9.2?}   target < 5 s", export);
    println!("import into an empty store:          median {:>9.2?}   target < 10 s", median(imports));
    println!("import again (merge, all skipped):   median {:>9.2?}", median(merges));
    println!("backup now (snapshot, gzip, fsync):  median {:>9.2?}", median(backups));
}
