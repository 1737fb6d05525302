//! Everything out to one JSON file and back in: the round trip of a sizeable
//! profile, the merge into a store that has data, and files that must be
//! refused without touching the store.

use crate::support::*;
use chrono::{TimeZone, Utc};
use serde_json::{Map, Value};
use sha2::{Digest, Sha256};
use waymark_app::{App, ErrorCode, FixedClock};
use waymark_core::goal::GoalInput;
use waymark_profiles::heavy;
use waymark_store::{Collection, RawDoc};

/// Every document of every learner collection, as stored.
pub fn documents(app: &App) -> Vec<(Collection, Vec<RawDoc>)> {
    app.snapshot().unwrap().collections
}

#[test]
fn a_sizeable_profile_round_trips_into_an_empty_store_document_for_document() {
    let now = Utc.with_ymd_and_hms(2026, 3, 2, 12, 0, 0).unwrap();
    let clock = || Box::new(FixedClock { now, zone: chrono_tz::Tz::UTC });
    let from = tempfile::tempdir().unwrap();
    heavy::build(&from.path().join("store"), heavy::Scale::SMALL, now);
    let mut a = App::open(from.path(), clock()).unwrap();
    let text = a.export_data().unwrap();
    let original = documents(&a);
    let total: usize = original.iter().map(|(_, d)| d.len()).sum();
    assert!(total as u128 >= heavy::Scale::SMALL.documents(), "{total} documents");
    for (collection, docs) in &original {
        assert!(!docs.is_empty(), "the profile fills {collection}");
    }

    let to = tempfile::tempdir().unwrap();
    let mut b = App::open(to.path(), clock()).unwrap();
    let preview = b.preview_import(&text).unwrap();
    assert!(preview.into_empty && !preview.written);
    assert_eq!((preview.added, preview.updated, preview.skipped), (total as u64, 0, 0));
    assert!(b.list_goals().unwrap().is_empty(), "a preview writes nothing");
    let report = b.import_data(&text).unwrap();
    assert!(report.written);
    assert_eq!(report.collections, preview.collections);

    assert_eq!(documents(&b), original, "every document of every collection, stamps included");
    assert_eq!(b.export_data().unwrap(), text, "exporting again gives the same file");
    assert_eq!(b.settings(), a.settings(), "the profile came along");
    assert_eq!(b.list_goals().unwrap(), a.list_goals().unwrap());
    assert_eq!(b.today_view(None).unwrap(), a.today_view(None).unwrap(), "the indexes hold the imported tasks");
    assert_eq!(b.due_cards(None).unwrap().len(), a.due_cards(None).unwrap().len());
    drop(b);
    let b = App::open(to.path(), clock()).unwrap();
    assert_eq!(documents(&b), original, "and it is all still there after a restart");
}

#[test]
fn importing_into_a_store_with_data_merges_by_id_and_says_what_it_did() {
    let mut a = TestApp::new();
    let goal = a.goal_from("rust", 5.0);
    let first = a.app.export_data().unwrap();

    // Another learner's store: everything is added, as this store's learner.
    let mut other = TestApp::new();
    other.app.create_goal(input("Their own goal", 3.0), None).unwrap();
    let report = other.app.import_data(&first).unwrap();
    assert!(!report.into_empty);
    assert_eq!(report.updated + report.skipped, 0);
    assert_eq!(report.added as usize, documents(&a.app).iter().map(|(_, d)| d.len()).sum::<usize>());
    let titles: Vec<String> = other.app.list_goals().unwrap().into_iter().map(|g| g.goal.title).collect();
    assert_eq!(titles.len(), 2, "{titles:?}");
    let user = other.app.snapshot().unwrap().user_id;
    for (collection, docs) in documents(&other.app) {
        for d in docs {
            assert_eq!(d.get_str("user_id").unwrap(), user, "{collection} re-stamped with this store's user id");
        }
    }

    // A copy of the first state; then the original moves on.
    let mut copy = TestApp::new();
    assert!(copy.app.import_data(&first).unwrap().into_empty);
    let id = goal.goal.id.as_str();
    let renamed = GoalInput { title: "Learn Rust properly".into(), ..input("x", 5.0) };
    a.app.update_goal(id, renamed).unwrap();
    let second = a.app.export_data().unwrap();
    let report = copy.app.import_data(&second).unwrap();
    let goals = report.collections.iter().find(|c| c.collection == "goals").unwrap();
    assert_eq!((goals.added, goals.updated, goals.skipped), (0, 1, 0));
    assert!(report.skipped > 0, "what did not change is skipped");
    assert_eq!(copy.app.goal_view(id).unwrap().overview.goal.title, "Learn Rust properly");
    assert_eq!(documents(&copy.app), documents(&a.app), "the copy caught up");

    // A newer local change wins over the file.
    let mine = GoalInput { title: "My own title".into(), ..input("x", 5.0) };
    copy.app.update_goal(id, mine).unwrap();
    let report = copy.app.import_data(&second).unwrap();
    assert_eq!((report.added, report.updated), (0, 0));
    assert_eq!(copy.app.goal_view(id).unwrap().overview.goal.title, "My own title");
}

/// The checksum as `docs/export.md` defines it, computed independently:
/// SHA-256 of the compact `collections` value with every object's keys sorted.
fn reseal(file: &mut Value) {
    fn canonical(v: &Value, out: &mut String) {
        match v {
            Value::Object(map) => {
                let mut keys: Vec<&String> = map.keys().collect();
                keys.sort();
                out.push('{');
                for (i, k) in keys.into_iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    out.push_str(&serde_json::to_string(k).unwrap());
                    out.push(':');
                    canonical(&map[k], out);
                }
                out.push('}');
            }
            Value::Array(items) => {
                out.push('[');
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    canonical(item, out);
                }
                out.push(']');
            }
            other => out.push_str(&serde_json::to_string(other).unwrap()),
        }
    }
    let mut text = String::new();
    canonical(&file["collections"], &mut text);
    let sum: String = Sha256::digest(text.as_bytes()).iter().map(|b| format!("{b:02x}")).collect();
    file["checksum"] = Value::String(sum);
}

fn edited(text: &str, edit: impl FnOnce(&mut Map<String, Value>)) -> String {
    let mut file: Value = serde_json::from_str(text).unwrap();
    edit(file.as_object_mut().unwrap());
    reseal(&mut file);
    serde_json::to_string(&file).unwrap()
}

#[test]
fn the_independent_checksum_matches_the_written_one() {
    let mut t = TestApp::new();
    t.goal_from("rust", 5.0);
    let text = t.app.export_data().unwrap();
    let mut file: Value = serde_json::from_str(&text).unwrap();
    let written = file["checksum"].clone();
    reseal(&mut file);
    assert_eq!(file["checksum"], written);
    assert_eq!(file["format"], "waymark-export");
    assert_eq!(file["version"], 1);
    assert_eq!(file["counts"]["goals"], 1);
    assert_eq!(file["collections"]["goals"][0]["hours_per_week"], serde_json::json!({ "$numberDouble": "5.0" }));
}

#[test]
fn a_bad_file_gets_a_clear_error_and_changes_nothing() {
    let mut t = TestApp::new();
    let g = t.goal_from("rust", 5.0);
    let text = t.app.export_data().unwrap();
    let goal_id = g.goal.id.to_string();
    let before = documents(&t.app);

    let truncated = text[..text.len() / 2].to_string();
    let tampered = text.replacen("Learn rust", "Learn rusk", 1);
    assert_ne!(tampered, text);
    let newer = text.replacen("\"version\":1", "\"version\":2", 1);
    let newer_store = text.replacen("\"store_schema\":2", "\"store_schema\":99", 1);
    let unknown = edited(&text, |f| {
        f["collections"].as_object_mut().unwrap().insert("widgets".into(), Value::Array(vec![]));
    });
    let malformed = edited(&text, |f| {
        f["collections"]["goals"][0].as_object_mut().unwrap().remove("title");
    });
    let bad_stamp = edited(&text, |f| {
        f["collections"]["goals"][0]["hlc"] = Value::String("yesterday".into());
    });
    let far_future = edited(&text, |f| {
        f["collections"]["goals"][0]["hlc"] = Value::String("9999999999999-99999-x".into());
    });
    let signed = edited(&text, |f| {
        f["collections"]["goals"][0]["hlc"] = Value::String("+767000000000-00000-x".into());
    });
    let cases: Vec<(&str, String, Vec<String>)> = vec![
        ("truncated", truncated, vec!["not complete JSON".into(), " at line ".into()]),
        ("tampered", tampered, vec!["changed or is damaged".into()]),
        ("newer version", newer, vec!["newer Waymark".into(), "version 2".into()]),
        ("newer store", newer_store, vec!["newer Waymark".into(), "schema 99".into()]),
        ("unknown collection", unknown, vec!["collections.widgets".into(), "unknown collection".into()]),
        ("malformed", malformed, vec![format!("collections.goals[0] (id {goal_id})"), "title".into()]),
        ("bad stamp", bad_stamp, vec![format!("collections.goals[0] (id {goal_id})"), "hlc".into()]),
        ("signed stamp", signed, vec![format!("collections.goals[0] (id {goal_id})"), "hlc".into()]),
        (
            "far-future stamp",
            far_future,
            vec![format!("collections.goals[0] (id {goal_id})"), "hours ahead of this computer's clock".into()],
        ),
        ("not an export", "{\"format\":\"something\"}".into(), vec!["not a Waymark export".into()]),
        ("empty", String::new(), vec!["not complete JSON".into()]),
    ];
    for (why, file, needles) in cases {
        for err in [t.app.preview_import(&file).unwrap_err(), t.app.import_data(&file).unwrap_err()] {
            assert_eq!((err.code, err.field.as_deref()), (ErrorCode::InvalidInput, Some("file")), "{why}");
            for needle in &needles {
                assert!(err.message.contains(needle.as_str()), "{why}: {:?} lacks {needle:?}", err.message);
            }
        }
        assert_eq!(documents(&t.app), before, "{why}: the store is untouched");
    }
    assert_eq!(t.app.import_data(&text).unwrap().skipped as usize, before.iter().map(|(_, d)| d.len()).sum::<usize>());
}

#[test]
fn a_bad_document_late_in_the_file_leaves_an_empty_store_empty() {
    let mut t = TestApp::new();
    t.goal_from("rust", 5.0);
    let text = t.app.export_data().unwrap();
    let late = edited(&text, |f| {
        f["collections"]["activities"][0].as_object_mut().unwrap().remove("kind");
    });
    let twice = edited(&text, |f| {
        let tasks = f["collections"]["tasks"].as_array_mut().unwrap();
        tasks.push(tasks[0].clone());
        f["counts"]["tasks"] = Value::from(tasks.len());
    });
    let mut empty = TestApp::new();
    let user = empty.app.snapshot().unwrap().user_id;
    for (why, file, needle) in [("late", late, "collections.activities[0] (id"), ("twice", twice, "appears twice")] {
        let err = empty.app.import_data(&file).unwrap_err();
        assert_eq!(err.code, ErrorCode::InvalidInput, "{why}");
        assert!(err.message.contains(needle), "{why}: {}", err.message);
        assert!(
            documents(&empty.app).iter().all(|(_, d)| d.is_empty()),
            "{why}: the goals and tasks written before were rolled back"
        );
        assert_eq!(empty.app.snapshot().unwrap().user_id, user, "{why}: the user id stays");
        assert!(empty.app.list_goals().unwrap().is_empty() && empty.app.today_view(None).unwrap().tasks.is_empty());
    }
    assert!(empty.app.import_data(&text).unwrap().into_empty, "the good file still goes in");
}
