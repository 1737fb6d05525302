//! Automatic backups, their rotation, restoring one, and backups that are
//! damaged or gone.

use crate::data_files::documents;
use crate::support::*;
use chrono::{DateTime, Duration, TimeZone, Utc};
use waymark_app::{ErrorCode, FixedClock};
use waymark_core::task::TaskStatus;

fn at(t: &mut TestApp, now: DateTime<Utc>) {
    t.app.set_clock(Box::new(FixedClock { now, zone: chrono_tz::Tz::UTC }));
}

fn start() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 3, 2, 12, 0, 0).unwrap()
}

#[test]
fn an_automatic_backup_is_taken_at_most_hourly_and_only_after_a_change() {
    let mut t = TestApp::new();
    at(&mut t, start());
    assert_eq!(t.app.backup_if_due().unwrap(), None, "an empty store is not backed up");
    let g = t.goal_from("rust", 5.0);
    let first = t.app.backup_if_due().unwrap().expect("due: there is none yet");
    assert_eq!(first.id, "waymark-20260302-120000");
    assert_eq!(first.taken_at, start());
    assert!(first.readable && first.size_bytes > 0);
    assert_eq!(first.counts["goals"], 1);
    assert_eq!(first.total, documents(&t.app).iter().map(|(_, d)| d.len() as u64).sum::<u64>());
    assert!(t.app.backup_dir().join("waymark-20260302-120000.json.gz").is_file());

    at(&mut t, start() + Duration::minutes(30));
    let task = t.app.plan(g.goal.id.as_str()).unwrap().tasks[0].id.clone();
    t.app.set_task_status(task.as_str(), TaskStatus::Done, None).unwrap();
    assert_eq!(t.app.backup_if_due().unwrap(), None, "not within the hour");
    at(&mut t, start() + Duration::minutes(90));
    let second = t.app.backup_if_due().unwrap().expect("an hour later, after a change");
    at(&mut t, start() + Duration::minutes(200));
    assert_eq!(t.app.backup_if_due().unwrap(), None, "nothing changed since the last one");

    let list = t.app.backups().unwrap();
    assert_eq!(list.iter().map(|b| b.id.as_str()).collect::<Vec<_>>(), vec![second.id.as_str(), first.id.as_str()]);
    assert_eq!(list[0], second);
}

#[test]
fn backups_are_rotated_newest_per_hour_then_per_day() {
    let mut t = TestApp::new();
    t.goal_from("rust", 5.0);
    // Every 30 minutes from 2026-03-01 00:00 to 03-03 01:30.
    let first = Utc.with_ymd_and_hms(2026, 3, 1, 0, 0, 0).unwrap();
    for i in 0..100 {
        at(&mut t, first + Duration::minutes(30 * i));
        t.app.backup_now().unwrap();
    }
    let kept: Vec<String> = t.app.backups().unwrap().into_iter().map(|b| b.id).collect();
    let mut expected: Vec<String> = (0..12)
        .map(|h| {
            (Utc.with_ymd_and_hms(2026, 3, 3, 1, 30, 0).unwrap() - Duration::hours(h))
                .format("waymark-%Y%m%d-%H%M%S")
                .to_string()
        })
        .collect();
    expected.insert(1, "waymark-20260303-010000".into());
    expected.push("waymark-20260301-233000".into());
    assert_eq!(kept, expected, "the last hour's, the newest of the 12 hours before, then of the day before");
}

#[test]
fn a_restore_backs_up_the_current_state_first_and_replaces_everything() {
    let mut t = TestApp::new();
    at(&mut t, start());
    let a = t.goal_from("rust", 5.0);
    let today_then = t.app.today_view(None).unwrap();
    let then = documents(&t.app);
    let backup = t.app.backup_now().unwrap();

    at(&mut t, start() + Duration::minutes(10));
    let b = t.app.create_goal(input("Learn Go", 4.0), Some("spanish")).unwrap();
    let task = today_then.tasks[0].id.clone();
    t.app.set_task_status(task.as_str(), TaskStatus::Done, None).unwrap();
    let later = documents(&t.app);
    let today_later = t.app.today_view(None).unwrap();

    let report = t.app.restore_backup(&backup.id).unwrap();
    assert_eq!(report.restored, backup);
    let safety = report.safety_backup.expect("the state before the restore was backed up");
    assert_eq!(safety.counts["goals"], 2);
    assert_eq!(documents(&t.app), then, "the store holds exactly the backup");
    let ids: Vec<String> = t.app.list_goals().unwrap().into_iter().map(|g| g.goal.id.0).collect();
    assert_eq!(ids, vec![a.goal.id.0.clone()]);
    assert_eq!(t.app.today_view(None).unwrap(), today_then, "Today shows the restored tasks");
    assert_eq!(t.app.goal_view(b.goal.id.as_str()).unwrap_err().code, ErrorCode::NotFound);

    at(&mut t, start() + Duration::minutes(20));
    t.app.restore_backup(&safety.id).unwrap();
    assert_eq!(documents(&t.app), later, "and back again from the safety backup");
    assert_eq!(t.app.today_view(None).unwrap(), today_later);
    assert!(t.app.goal_view(b.goal.id.as_str()).is_ok());
    let t = t.restart();
    assert_eq!(documents(&t.app), later, "a restart reads the same");
}

#[test]
fn a_bad_id_a_damaged_backup_or_a_vanished_folder_changes_nothing() {
    let mut t = TestApp::new();
    at(&mut t, start());
    t.goal_from("rust", 5.0);
    let backup = t.app.backup_now().unwrap();
    at(&mut t, start() + Duration::minutes(5));
    t.app.create_goal(input("Learn Go", 4.0), None).unwrap();
    let before = documents(&t.app);

    assert_eq!(t.app.restore_backup("../store").unwrap_err().code, ErrorCode::InvalidInput);
    assert_eq!(t.app.restore_backup("waymark-20990101-000000").unwrap_err().code, ErrorCode::NotFound);

    let path = t.app.backup_dir().join(format!("{}.json.gz", backup.id));
    let bytes = std::fs::read(&path).unwrap();
    std::fs::write(&path, &bytes[..bytes.len() / 2]).unwrap();
    let err = t.app.restore_backup(&backup.id).unwrap_err();
    assert_eq!(err.code, ErrorCode::InvalidInput);
    assert!(err.message.contains("cannot be restored") && err.message.contains("damaged"), "{}", err.message);
    assert_eq!(documents(&t.app), before);
    assert_eq!(t.app.backups().unwrap().len(), 1, "no safety backup for a restore that cannot happen");

    std::fs::write(&path, &bytes).unwrap();
    std::fs::remove_dir_all(t.app.backup_dir()).unwrap();
    let err = t.app.restore_backup(&backup.id).unwrap_err();
    assert_eq!(err.code, ErrorCode::NotFound);
    assert!(err.message.contains("is gone") && err.message.contains("nothing was restored"), "{}", err.message);
    assert_eq!(documents(&t.app), before);
    assert!(t.app.backups().unwrap().is_empty());
    assert!(t.app.backup_now().unwrap().readable, "backing up makes the folder again");
}

#[test]
fn two_backups_written_at_once_in_one_second_each_get_their_own_file() {
    let mut t = TestApp::new();
    at(&mut t, start());
    t.goal_from("rust", 5.0);
    let pending: Vec<_> = (0..4).map(|_| t.app.prepare_backup().unwrap()).collect();
    let written: Vec<_> = std::thread::scope(|s| {
        let handles: Vec<_> = pending.into_iter().map(|p| s.spawn(move || p.write())).collect();
        handles.into_iter().map(|h| h.join().unwrap().unwrap()).collect()
    });
    let mut ids: Vec<String> = written.iter().map(|b| b.id.clone()).collect();
    ids.sort();
    let base = "waymark-20260302-120000";
    assert_eq!(ids, vec![base.to_string(), format!("{base}-2"), format!("{base}-3"), format!("{base}-4")]);
    assert!(written.iter().all(|b| b.readable && b.counts["goals"] == 1), "every file is whole: {written:?}");
    let names: Vec<String> = std::fs::read_dir(t.app.backup_dir())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names.len(), 4, "no temporary file is left behind: {names:?}");
}

#[test]
fn a_backup_that_decompresses_past_its_cap_is_refused_without_reading_on() {
    use std::io::Write;
    let mut t = TestApp::new();
    at(&mut t, start());
    t.goal_from("rust", 5.0);
    let before = documents(&t.app);
    std::fs::create_dir_all(t.app.backup_dir()).unwrap();
    // 64 MiB of spaces compress to some 64 KiB: a bomb for a cap of 1 MiB.
    let bomb = t.app.backup_dir().join("waymark-20260302-110000.json.gz");
    let mut gz = flate2::write::GzEncoder::new(std::fs::File::create(&bomb).unwrap(), flate2::Compression::best());
    let spaces = vec![b' '; 1 << 20];
    (0..64).for_each(|_| gz.write_all(&spaces).unwrap());
    gz.finish().unwrap();
    assert!(std::fs::metadata(&bomb).unwrap().len() < 1 << 20);
    t.app.set_input_limits(waymark_app::limits::InputLimits { backup_bytes: 1 << 20, ..Default::default() });
    let err = t.app.restore_backup("waymark-20260302-110000").unwrap_err();
    assert_eq!(err.code, ErrorCode::InvalidInput);
    assert!(err.message.contains("A backup may decompress to at most 1 MB"), "{}", err.message);
    assert_eq!(documents(&t.app), before, "nothing changed");
    assert_eq!(t.app.backups().unwrap().len(), 1, "no safety backup for a restore that cannot happen");
}
