//! Export, import and backups on the heavy profile (see `waymark_profiles::heavy`:
//! 30 goals, 25,000 tasks, 20,000 cards, 200,000 reviews, 1,500 tests,
//! 30,000 activities — about 277,000 documents).
//!
//! Reports the medians of: export to JSON text, import into an empty store,
//! import again into the same store (a merge where everything is skipped),
//! and a backup (snapshot, gzip, fsync, rotation; the desktop holds the app's
//! lock only for the snapshot) — wall time, and the CPU
//! time the process used (on Linux), which tells the work apart from waiting
//! for a busy machine. Targets: export < 5 s, import < 10 s.
//! Run: `cargo bench -p waymark-app --bench data`.

use chrono::{TimeZone, Utc};
use std::time::Instant;
use waymark_app::{App, FixedClock};
use waymark_profiles::heavy;
use waymark_profiles::timing::{timed, wall_and_cpu as figures};

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
    let export: Vec<_> = (0..5).map(|_| timed(|| text = app.export_data().unwrap())).collect();
    println!("export file: {:.1} MB", text.len() as f64 / 1e6);

    let mut imports = Vec::new();
    let mut merges = Vec::new();
    for _ in 0..3 {
        let target = tempfile::tempdir().unwrap();
        let mut fresh = App::open(target.path(), clock()).unwrap();
        imports.push(timed(|| assert_eq!(fresh.import_data(&text).unwrap().added, total)));
        merges.push(timed(|| assert_eq!(fresh.import_data(&text).unwrap().skipped, total)));
    }

    let snapshots: Vec<_> = (0..3).map(|_| timed(|| drop(app.snapshot().unwrap()))).collect();
    let mut size = 0;
    let backups: Vec<_> = (0..3).map(|_| timed(|| size = app.backup_now().unwrap().size_bytes)).collect();
    println!("backup file (gzip): {:.1} MB", size as f64 / 1e6);
    println!("export (snapshot + JSON text):       median {}   target < 5 s", figures(export));
    println!("import into an empty store:          median {}   target < 10 s", figures(imports));
    println!("import again (merge, all skipped):   median {}", figures(merges));
    println!("backup now (snapshot, gzip, fsync):  median {}", figures(backups));
    println!("  of which the snapshot (under lock): median {}", figures(snapshots));
}
