//! The headless CLI, run as a real process on a temp data dir.

mod ai;
mod process;
mod sync;

use serde_json::Value;
use std::path::Path;
use std::process::{Command, Output};

fn waymark(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_waymark")).args(args).env("WAYMARK_DATA_DIR", dir).output().unwrap()
}

fn json(dir: &Path, args: &[&str]) -> Value {
    let out = waymark(dir, args);
    assert!(out.status.success(), "{args:?} failed: {}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{args:?} printed no JSON ({e}): {}", String::from_utf8_lossy(&out.stdout)))
}

fn fails(dir: &Path, args: &[&str]) -> String {
    let out = waymark(dir, args);
    assert!(!out.status.success(), "{args:?} should fail");
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(err.trim_end().lines().count(), 1, "one line on stderr: {err}");
    err
}

#[test]
fn templates_goals_today_and_tasks_round_trip() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let templates = json(d, &["templates", "--json"]);
    let names: Vec<&str> = templates.as_array().unwrap().iter().map(|t| t["name"].as_str().unwrap()).collect();
    assert!(names.len() >= 5 && names.contains(&"rust"), "{names:?}");
    assert!(templates[0]["title"].is_string() && templates[0]["steps"].is_array());

    let goal =
        json(d, &["goal", "add", "--title", "Learn Rust", "--template", "rust", "--hours-per-week", "7", "--json"]);
    let id = goal["id"].as_str().unwrap().to_string();
    assert_eq!(goal["title"], "Learn Rust");
    assert_eq!(goal["status"], "active");

    let list = json(d, &["goal", "list", "--json"]);
    assert_eq!(list.as_array().unwrap().len(), 1);
    assert_eq!(list[0]["id"], id.as_str());

    let today = json(d, &["today", "--json"]);
    let tasks = today["tasks"].as_array().unwrap();
    assert!(!tasks.is_empty());
    for key in ["id", "goal_id", "title", "duration_minutes", "status"] {
        assert!(!tasks[0][key].is_null(), "task has {key}");
    }
    assert_eq!(tasks[0]["goal_id"], id.as_str());
    let task = tasks[0]["id"].as_str().unwrap().to_string();
    let date = today["date"].as_str().unwrap().to_string();

    assert!(waymark(d, &["task", "done", &task]).status.success());
    let today = json(d, &["today", "--date", &date, "--json"]);
    let done = today["tasks"].as_array().unwrap().iter().find(|t| t["id"] == task.as_str()).unwrap();
    assert_eq!(done["status"], "done");
    assert!(waymark(d, &["task", "skip", &task]).status.success());
    let today = json(d, &["today", "--date", &date, "--json"]);
    assert_eq!(today["tasks"][0]["status"], "skipped");
}

#[test]
fn bad_input_fails_with_one_line_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    assert!(fails(d, &["goal", "add", "--title", "  "]).contains("title"));
    assert!(fails(d, &["goal", "add", "--title", "X", "--hours-per-week", "0"]).contains("hours_per_week"));
    assert!(fails(d, &["goal", "add", "--title", "X", "--hours-per-week", "-2"]).contains("hours_per_week"));
    assert!(fails(d, &["goal", "add", "--title", "X", "--target-date", "2001-01-01"]).contains("target_date"));
    assert!(fails(d, &["goal", "add", "--title", "X", "--template", "klingon"]).contains("template"));
    assert!(fails(d, &["goal", "add", "--title", "X", "--difficulty", "expert"]).contains("difficulty"));
    assert!(fails(d, &["task", "done", "0190a000-0000-7000-8000-000000000000"]).contains("no task"));
    assert!(fails(d, &["task", "done", "nope"]).contains("task_id"));
    assert_eq!(json(d, &["goal", "list", "--json"]), Value::Array(vec![]));
}

#[test]
fn a_second_process_on_an_open_store_gets_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let _held = waymark_app::App::open(dir.path(), Box::new(waymark_app::SystemClock)).unwrap();
    let started = std::time::Instant::now();
    let err = fails(dir.path(), &["goal", "list", "--json"]);
    assert!(err.contains("already open"), "{err}");
    assert!(started.elapsed() < std::time::Duration::from_secs(20), "no hang");
}

#[test]
fn help_documents_the_commands() {
    let out = Command::new(env!("CARGO_BIN_EXE_waymark")).arg("--help").output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    for cmd in ["templates", "goal", "today", "task", "WAYMARK_DATA_DIR"] {
        assert!(text.contains(cmd), "--help mentions {cmd}");
    }
}

#[test]
fn plan_status_streak_and_calendar_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let goal = json(d, &["goal", "add", "--title", "Rust", "--week-hours", "1,1,1,1,1,3,0", "--json"]);
    let id = goal["id"].as_str().unwrap().to_string();
    assert_eq!(goal["hours_per_week"], 8.0);
    let md = d.join("roadmap.md");
    std::fs::write(&md, "## Ownership\nDuration: 4 hours\n- [Book](https://doc.rust-lang.org/book/)\n").unwrap();
    let view = json(d, &["roadmap", "import", &id, md.to_str().unwrap(), "--json"]);
    assert_eq!(view["steps"][0]["title"], "Ownership");

    let plan = json(d, &["plan", &id, "--json"]);
    let tasks = plan["tasks"].as_array().unwrap();
    let minutes: u64 = tasks.iter().map(|t| t["duration_minutes"].as_u64().unwrap()).sum();
    assert_eq!(minutes, 240);
    assert!(plan["overview"]["outlook"]["status"].is_string());

    let today = json(d, &["today", "--json"]);
    assert_eq!(today["streak"]["current"], 0);
    assert!(today["streak"]["longest"].is_number());
    if let Some(g) = today["goals"].as_array().unwrap().first() {
        assert!(g["outlook"]["reason"].is_string());
        assert!(g["outlook"]["fraction_hours"].is_number());
    }

    let ics = d.join("plan.ics");
    assert!(waymark(d, &["export-ics", "--out", ics.to_str().unwrap()]).status.success());
    let text = std::fs::read_to_string(&ics).unwrap();
    assert!(text.starts_with("BEGIN:VCALENDAR\r\n") && text.contains("SUMMARY:Ownership"));
    assert_eq!(text.matches("BEGIN:VEVENT").count(), tasks.len());

    let bad = d.join("bad.md");
    std::fs::write(&bad, "## Ownership\nDuration: whenever\n").unwrap();
    let err = fails(d, &["roadmap", "import", &id, bad.to_str().unwrap()]);
    assert!(err.contains("line 2"), "{err}");
    let err = fails(d, &["goal", "add", "--title", "None", "--week-hours", "0,0,0,0,0,0,0"]);
    assert!(err.contains("0 h on every day"), "{err}");
}

#[test]
fn an_outlook_fix_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let on_monday = |args: &[&str]| {
        let out = on_monday_morning(d, args);
        assert!(out.status.success(), "{args:?} failed: {}", String::from_utf8_lossy(&out.stderr));
        serde_json::from_slice::<Value>(&out.stdout).unwrap()
    };
    let args = ["goal", "add", "--title", "Exam", "--week-hours", "1,1,1,1,1,0,0", "--target-date", "2026-11-27"];
    let id = on_monday(&[&args[..], &["--json"]].concat())["id"].as_str().unwrap().to_string();
    let md = d.join("roadmap.md");
    std::fs::write(&md, "## Everything\nDuration: 10 hours\n").unwrap();
    let view = on_monday(&["roadmap", "import", &id, md.to_str().unwrap(), "--json"]);
    let outlook = &view["overview"]["outlook"];
    assert_eq!(outlook["status"], "off_track");
    assert_eq!(outlook["why"]["kind"], "needs_more_hours");
    let offer = outlook["fixes"]["hours_per_week"].as_f64().unwrap();

    let fixed = on_monday(&["goal", "fix", &id, "hours", "--json"]);
    assert!(fixed["hours_per_week"].as_f64().unwrap() >= offer);
    assert_eq!(fixed["week_minutes"][5], 0);
    assert_eq!(fixed["outlook"]["status"], "on_track", "{}", fixed["outlook"]["reason"]);
    let err = String::from_utf8(on_monday_morning(d, &["goal", "fix", &id, "date"]).stderr).unwrap();
    assert!(err.contains("offers no such fix"), "{err}");
    let usage = waymark(d, &["goal", "fix", &id, "sideways"]);
    let err = String::from_utf8(usage.stderr).unwrap();
    assert!(
        !usage.status.success() && err.contains("'sideways'") && err.contains("[possible values: hours, date]"),
        "{err}"
    );
}

#[test]
fn a_roadmap_exports_as_markdown_or_json_by_format_name() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let goal = json(d, &["goal", "add", "--title", "Rust", "--template", "rust", "--json"]);
    let id = goal["id"].as_str().unwrap();
    let md = waymark(d, &["roadmap", "export", id]);
    assert!(md.status.success());
    assert!(String::from_utf8(md.stdout).unwrap().contains("\n## "), "Markdown by default");
    let file = d.join("roadmap.json");
    let wrote = waymark(d, &["roadmap", "export", id, "--format", "JSON", "--out", file.to_str().unwrap()]);
    assert!(String::from_utf8(wrote.stdout).unwrap().starts_with("wrote "));
    let doc: Value = serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
    assert_eq!(doc["format"], "waymark-roadmap");
    let again = waymark(d, &["roadmap", "export", id, "--format", "markdown"]);
    assert!(String::from_utf8(again.stdout).unwrap().contains("\n## "));
    assert!(fails(d, &["roadmap", "export", id, "--format", "XML"]).contains("\"xml\" is not md or json"));
}

#[test]
fn test_review_and_cards_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let goal = json(d, &["goal", "add", "--title", "Spanish", "--template", "spanish", "--json"]);
    let id = goal["id"].as_str().unwrap().to_string();
    let test = json(d, &["test", "today", "--json"]);
    assert_eq!(test["state"], "nothing_to_test");

    let due = json(d, &["review", "due", "--json"]);
    let cards = due.as_array().unwrap();
    assert!(cards.len() >= 24, "starter bank is due: {}", cards.len());
    for key in ["id", "due", "state"] {
        assert!(!cards[0][key].is_null(), "card has {key}");
    }
    let card = cards[0]["id"].as_str().unwrap().to_string();
    let rated = json(d, &["review", "rate", &card, "3", "--at", "2030-01-01T10:00:00Z", "--json"]);
    assert_eq!(rated["reps"], 1);
    assert_eq!(rated["lapses"], 0);
    assert_eq!(rated["interval_days"], 2.0);
    assert_eq!(rated["due"], "2030-01-03T10:00:00Z");
    assert!(rated["stability"].as_f64().unwrap() > 2.0 && rated["difficulty"].is_number());
    let later = json(d, &["review", "due", "--at", "2030-01-04T00:00:00Z", "--json"]);
    let again = later.as_array().unwrap().iter().find(|c| c["id"] == card.as_str()).unwrap();
    assert_eq!(again["state"], "review");
    assert!(again["stability"].is_number() && again["difficulty"].is_number());
    let err = fails(d, &["review", "rate", &card, "7"]);
    assert!(err.contains("1 (Again) to 4 (Easy)"), "{err}");

    let csv = d.join("cards.txt");
    std::fs::write(&csv, "hola\thello\nbroken line\n").unwrap();
    let err = fails(d, &["cards", "import", csv.to_str().unwrap(), "--goal", &id]);
    assert!(err.contains("line 2") && err.contains("--yes"), "{err}");
    let imported = json(d, &["cards", "import", csv.to_str().unwrap(), "--goal", &id, "--yes", "--json"]);
    assert_eq!(imported["imported"], 1);
}

#[test]
fn waymark_now_pins_the_clock_of_the_process() {
    let dir = tempfile::tempdir().unwrap();
    let run = |now: &str| {
        let out = Command::new(env!("CARGO_BIN_EXE_waymark"))
            .args(["today", "--json"])
            .env("WAYMARK_DATA_DIR", dir.path())
            .env("WAYMARK_NOW", now)
            .env("TZ", "UTC")
            .output()
            .unwrap();
        (
            out.status.success(),
            String::from_utf8_lossy(&out.stdout).to_string(),
            String::from_utf8_lossy(&out.stderr).to_string(),
        )
    };
    let (ok, out, _) = run("2031-05-06T12:00:00Z");
    assert!(ok);
    assert_eq!(serde_json::from_str::<Value>(&out).unwrap()["date"], "2031-05-06");
    let (ok, _, err) = run("next tuesday");
    assert!(!ok);
    assert!(err.contains("WAYMARK_NOW"), "{err}");
}

/// Runs the CLI with the clock pinned at Monday 2026-11-23 08:00 UTC, in UTC.
fn on_monday_morning(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_waymark"))
        .args(args)
        .env("WAYMARK_DATA_DIR", dir)
        .env("WAYMARK_NOW", "2026-11-23T08:00:00Z")
        .env("TZ", "UTC")
        .output()
        .unwrap()
}

#[test]
fn reminders_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let run = |args: &[&str]| on_monday_morning(d, args);
    let ok = |args: &[&str]| -> Value {
        let out = run(args);
        assert!(out.status.success(), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
        serde_json::from_slice(&out.stdout).unwrap()
    };
    ok(&["goal", "add", "--title", "Learn Rust", "--template", "rust", "--hours-per-week", "7", "--json"]);
    let r = ok(&["reminders", "add", "--kind", "daily", "--time", "19:30", "--days", "mon-fri", "--json"]);
    assert!(r["id"].is_string());
    assert_eq!(ok(&["reminders", "list", "--json"]).as_array().unwrap().len(), 1);
    // Monday 2026-11-23 19:31 UTC: it rings, and says something useful.
    let due = ok(&["reminders", "due", "--at", "2026-11-23T19:31:00Z", "--json"]);
    let due = due.as_array().unwrap();
    assert_eq!(due.len(), 1);
    assert_eq!(due[0]["title"], "Time to study");
    let body = due[0]["body"].as_str().unwrap();
    assert!(body.contains("for Learn Rust today (~1 h)") && body.contains("reviews due"), "{body}");
    assert_eq!(due[0]["route"], "#/today");
    // Before the time: nothing.
    assert!(ok(&["reminders", "due", "--at", "2026-11-23T19:00:00Z", "--json"]).as_array().unwrap().is_empty());
    // Nothing was sent all week (`due` never records): on Saturday the five
    // missed weekday slots collapse into one catch-up, not a flood.
    let sat = ok(&["reminders", "due", "--at", "2026-11-28T20:00:00Z", "--json"]);
    let sat = sat.as_array().unwrap();
    assert_eq!(sat.len(), 1);
    assert_eq!(sat[0]["catch_up"], true);
    assert_eq!(sat[0]["missed"], 5);
    assert!(sat[0]["body"].as_str().unwrap().starts_with("You missed 5 reminders"), "{}", sat[0]["body"]);
    // Bad input: clear error, nothing saved.
    for (args, needle) in [
        (vec!["reminders", "add", "--kind", "daily", "--time", "7pm"], "HH:MM"),
        (vec!["reminders", "add", "--kind", "daily", "--time", "19:30", "--days", ""], "weekday"),
    ] {
        let out = run(&args);
        assert!(!out.status.success());
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(needle), "{err}");
    }
    let out = run(&["reminders", "quiet", "--from", "19:00", "--to", "20:00"]);
    assert!(!out.status.success(), "quiet hours over every time of a daily reminder are refused");
    assert_eq!(ok(&["reminders", "list", "--json"]).as_array().unwrap().len(), 1);
}

#[test]
fn one_off_reminders_snooze_pause_and_the_summary_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let run = |args: &[&str]| on_monday_morning(d, args);
    let ok = |args: &[&str]| -> String {
        let out = run(args);
        assert!(out.status.success(), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8(out.stdout).unwrap()
    };
    let json = |args: &[&str]| -> Value { serde_json::from_str(&ok(args)).unwrap() };
    let err = |args: &[&str]| -> String {
        let out = run(args);
        assert!(!out.status.success(), "{args:?} should fail");
        String::from_utf8(out.stderr).unwrap()
    };
    json(&["goal", "add", "--title", "Learn Rust", "--template", "rust", "--hours-per-week", "7", "--json"]);
    let task = json(&["today", "--json"])["tasks"][0].clone();
    let task_id = task["id"].as_str().unwrap();

    // A one-off on a task, at a local time: its goal is filled in.
    let r = json(&["reminders", "add", "--kind", "once", "--at", "2026-11-24T18:00", "--task", task_id, "--json"]);
    assert_eq!(r["kind"]["at"], "2026-11-24T18:00:00Z");
    assert_eq!(r["kind"]["goal_id"], task["goal_id"]);
    let due = json(&["reminders", "due", "--at", "2026-11-24T18:00:00Z", "--json"]);
    let title = task["title"].as_str().unwrap();
    assert_eq!(due[0]["title"], format!("Reminder: {title}"));
    assert_eq!(due[0]["route"], format!("#/goal/{}", task["goal_id"].as_str().unwrap()));

    // Bad input: a clear error and nothing saved.
    assert!(
        err(&["reminders", "add", "--kind", "once", "--at", "2026-11-23T07:00", "--note", "x"])
            .contains("already past")
    );
    assert!(
        err(&["reminders", "add", "--kind", "once", "--at", "tomorrow", "--note", "x"]).contains("YYYY-MM-DDTHH:MM")
    );
    let unknown = "01900000-0000-7000-8000-000000000000";
    assert!(
        err(&["reminders", "add", "--kind", "once", "--at", "2026-11-24T18:00", "--task", unknown]).contains("no task")
    );
    assert_eq!(json(&["reminders", "list", "--json"]).as_array().unwrap().len(), 1);

    let id = r["id"].as_str().unwrap();
    let snoozed = json(&["reminders", "snooze", id, "--minutes", "60", "--json"]);
    assert_eq!(snoozed["snoozed_until"], "2026-11-23T09:00:00Z");
    assert!(err(&["reminders", "snooze", id, "--minutes", "0"]).contains("minutes"));

    // The tray's pause and summary.
    assert!(ok(&["reminders", "pause", "--for", "hour"]).contains("2026-11-23T09:00:00+00:00"));
    assert_eq!(json(&["reminders", "settings", "--json"])["paused_until"], "2026-11-23T09:00:00Z");
    assert!(ok(&["reminders", "pause", "--for", "until-tomorrow"]).contains("2026-11-24T04:00:00+00:00"));
    ok(&["reminders", "pause", "--off"]);
    assert_eq!(json(&["reminders", "settings", "--json"])["paused_until"], Value::Null);
    let summary = json(&["today", "--summary", "--json"]);
    assert_eq!(summary["title"], "Today, Mon 23 Nov");
    assert!(summary["body"].as_str().unwrap().starts_with("1 task today · 0 min of 1 h done"), "{summary}");

    ok(&["reminders", "delete", id]);
    assert!(json(&["reminders", "list", "--json"]).as_array().unwrap().is_empty());
}

#[test]
fn stats_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let empty = json(d, &["stats", "--json"]);
    assert_eq!(empty["study"]["total_minutes"], 0);
    assert_eq!(empty["goals"]["total"], 0);

    let goal =
        json(d, &["goal", "add", "--title", "Rust", "--category", "Programming", "--template", "rust", "--json"]);
    let id = goal["id"].as_str().unwrap().to_string();
    let today = json(d, &["today", "--json"]);
    let task = today["tasks"][0]["id"].as_str().unwrap().to_string();
    assert!(waymark(d, &["task", "done", &task, "--minutes", "42"]).status.success());

    let all = json(d, &["stats", "--json"]);
    assert_eq!(all["today"], today["date"]);
    assert_eq!(all["study"]["total_minutes"], 42);
    assert_eq!(all["study"]["days"].as_array().unwrap().last().unwrap()["minutes"], 42);
    assert_eq!(all["weekly"]["by_goal"][0]["title"], "Rust");
    assert_eq!(all["goals"]["categories"][0]["category"], "Programming");
    let one = json(d, &["stats", "--goal", &id, "--json"]);
    assert_eq!(one["study"]["total_minutes"], 42);
    let text = String::from_utf8(waymark(d, &["stats"]).stdout).unwrap();
    assert!(text.contains("42 min studied on 1 day in the last 12 months"), "{text}");
    assert!(fails(d, &["stats", "--goal", "nope"]).contains("goal"));
}

#[test]
fn backups_export_import_and_delete_all_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    json(d, &["goal", "add", "--title", "Learn Rust", "--template", "rust", "--json"]);
    let backup = json(d, &["backup", "now", "--json"]);
    let id = backup["id"].as_str().unwrap().to_string();
    assert!(id.starts_with("waymark-"), "{id}");
    assert_eq!((backup["readable"].as_bool(), backup["counts"]["goals"].as_u64()), (Some(true), Some(1)));
    json(d, &["goal", "add", "--title", "Learn Go", "--json"]);

    let list = json(d, &["backup", "list", "--json"]);
    assert_eq!(list.as_array().unwrap().len(), 1);
    assert_eq!(list[0]["id"], id.as_str());
    assert!(list[0]["size_bytes"].as_u64().unwrap() > 0 && list[0]["taken_at"].is_string());

    let restored = json(d, &["backup", "restore", &id, "--json"]);
    assert_eq!(restored["restored"]["id"], id.as_str());
    assert_eq!(restored["safety_backup"]["counts"]["goals"], 2, "the state before was backed up first");
    let goals = json(d, &["goal", "list", "--json"]);
    assert_eq!(goals.as_array().unwrap().len(), 1);
    assert_eq!(goals[0]["title"], "Learn Rust");
    assert_eq!(json(d, &["backup", "list", "--json"]).as_array().unwrap().len(), 2);
    assert!(fails(d, &["backup", "restore", "waymark-20990101-000000"]).contains("no backup"));

    let file = d.join("everything.json");
    assert!(waymark(d, &["export", "--out", file.to_str().unwrap()]).status.success());
    assert!(fails(d, &["delete-all"]).contains("delete my data"));
    assert!(fails(d, &["delete-all", "--confirm", "yes"]).contains("nothing was deleted"));
    let deleted = json(d, &["delete-all", "--confirm", "delete my data", "--json"]);
    assert!(deleted["total"].as_u64().unwrap() > 0);
    assert_eq!(deleted["backups"], 2);
    assert_eq!(json(d, &["goal", "list", "--json"]), Value::Array(vec![]));
    assert_eq!(json(d, &["backup", "list", "--json"]), Value::Array(vec![]));

    let preview = json(d, &["import", file.to_str().unwrap(), "--dry-run", "--json"]);
    assert_eq!((preview["written"].as_bool(), preview["into_empty"].as_bool()), (Some(false), Some(true)));
    let imported = json(d, &["import", file.to_str().unwrap(), "--json"]);
    assert_eq!(imported["added"], preview["added"]);
    assert_eq!(json(d, &["goal", "list", "--json"])[0]["title"], "Learn Rust");
    std::fs::write(&file, "{\"format\": \"waymark-export\", \"version\": 2}").unwrap();
    assert!(fails(d, &["import", file.to_str().unwrap()]).contains("newer Waymark"));
}
