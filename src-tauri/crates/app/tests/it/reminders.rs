//! Reminders through the facade: one-offs on a task or goal (local time,
//! clear refusals), what Settings reads back, snooze, the tray's pause and
//! summary, and slots recorded across a restart.

use crate::support::{TODAY, TestApp, day};
use chrono::{DateTime, NaiveDateTime, Utc};
use waymark_app::reminders::PauseFor;
use waymark_app::{ErrorCode, FixedClock, SettingsInput};
use waymark_core::ids::{GoalId, TaskId};
use waymark_core::reminder::{OnceInput, QuietHours, ReminderInput, ReminderKind, Weekday};

fn utc(s: &str) -> DateTime<Utc> {
    s.parse().unwrap()
}

fn wall(s: &str) -> NaiveDateTime {
    s.parse().unwrap()
}

fn once(at: &str, goal: Option<&GoalId>, task: Option<&TaskId>, note: &str) -> OnceInput {
    OnceInput { at: wall(at), goal_id: goal.cloned(), task_id: task.cloned(), note: note.into() }
}

fn every_day_at(time: &str) -> ReminderInput {
    ReminderInput { kind: ReminderKind::Daily { times: vec![time.parse().unwrap()], days: Weekday::ALL.to_vec() } }
}

/// A learner in Berlin with a Rust goal; the clock at noon UTC on TODAY (13:00 in Berlin).
fn berlin() -> TestApp {
    let mut t = TestApp::new();
    t.app.update_settings(SettingsInput { day_start_hour: 4, time_zone: Some("Europe/Berlin".into()) }).unwrap();
    t.goal_from("rust", 7.0);
    t
}

#[test]
fn a_one_off_on_a_task_rings_at_local_time_naming_the_task_and_opening_its_goal() {
    let mut t = berlin();
    let task = t.app.today_view(None).unwrap().tasks[0].clone();
    let r = t.app.add_once_reminder(once(&format!("{TODAY}T18:00:00"), None, Some(&task.id), "")).unwrap();
    let ReminderKind::At { at, goal_id, .. } = &r.kind else { panic!("not a one-off: {:?}", r.kind) };
    assert_eq!(*at, utc("2026-03-02T17:00:00Z"), "18:00 in Berlin (CET)");
    assert_eq!(goal_id.as_ref(), Some(&task.goal_id), "the task's goal is filled in");

    assert!(t.app.reminders_due(Some(utc("2026-03-02T16:59:00Z"))).unwrap().is_empty());
    let due = t.app.reminders_due(Some(utc("2026-03-02T17:00:00Z"))).unwrap();
    assert_eq!(due.len(), 1);
    assert_eq!(due[0].title, format!("Reminder: {}", task.title));
    assert!(due[0].body.starts_with(&format!("“{}” for Learn rust", task.title)), "{}", due[0].body);
    assert_eq!(due[0].route, format!("#/goal/{}", task.goal_id));

    let settings = t.app.reminder_settings().unwrap();
    assert_eq!(settings.time_zone, "Europe/Berlin");
    assert_eq!(settings.reminders[0].next_at, Some(utc("2026-03-02T17:00:00Z")));
    assert_eq!(settings.reminders[0].about.as_deref(), Some(format!("{} · Learn rust", task.title).as_str()));
}

#[test]
fn a_one_off_on_a_goal_with_a_note() {
    let mut t = berlin();
    let goal = t.app.list_goals().unwrap()[0].goal.id.clone();
    t.app.add_once_reminder(once("2026-03-03T08:30:00", Some(&goal), None, " Book the exam ")).unwrap();
    let due = t.app.reminders_due(Some(utc("2026-03-03T07:30:00Z"))).unwrap();
    assert_eq!(due.len(), 1);
    assert_eq!(due[0].title, "Book the exam");
    assert!(due[0].body.starts_with("Learn rust"), "{}", due[0].body);
    assert_eq!(due[0].route, format!("#/goal/{goal}"));
}

#[test]
fn bad_one_offs_are_refused_and_nothing_is_saved() {
    let mut t = berlin();
    let goal = t.app.list_goals().unwrap()[0].goal.id.clone();
    let task = t.app.today_view(None).unwrap().tasks[0].id.clone();
    // 12:59 in Berlin is a minute before now.
    let past = t.app.add_once_reminder(once(&format!("{TODAY}T12:59:00"), Some(&goal), None, "")).unwrap_err();
    assert_eq!((past.code, past.field.as_deref()), (ErrorCode::InvalidInput, Some("at")));
    assert!(past.message.contains("already past"), "{}", past.message);
    let unknown_task = TaskId("01900000-0000-7000-8000-000000000000".into());
    let err = t.app.add_once_reminder(once("2026-03-03T08:00:00", None, Some(&unknown_task), "")).unwrap_err();
    assert_eq!(err.code, ErrorCode::NotFound);
    assert!(err.message.contains("task"), "{}", err.message);
    let unknown_goal = GoalId("01900000-0000-7000-8000-000000000000".into());
    let err = t.app.add_once_reminder(once("2026-03-03T08:00:00", Some(&unknown_goal), None, "")).unwrap_err();
    assert_eq!(err.code, ErrorCode::NotFound);
    let other_goal = t.goal_from("spanish", 5.0).goal.id;
    let err = t.app.add_once_reminder(once("2026-03-03T08:00:00", Some(&other_goal), Some(&task), "")).unwrap_err();
    assert_eq!(err.field.as_deref(), Some("goal_id"));
    let err = t.app.add_once_reminder(once("2026-03-03T08:00:00", None, None, "  ")).unwrap_err();
    assert_eq!(err.field.as_deref(), Some("note"));
    assert!(t.app.reminders().unwrap().is_empty());
}

#[test]
fn settings_read_back_quiet_hours_and_the_pause() {
    let mut t = berlin();
    let empty = t.app.reminder_settings().unwrap();
    assert_eq!((empty.quiet_hours, empty.paused_until), (None, None));
    let quiet = QuietHours { start: "22:00:00".parse().unwrap(), end: "07:00:00".parse().unwrap() };
    t.app.set_quiet_hours(Some(quiet)).unwrap();
    let until = t.app.pause_reminders_for(PauseFor::Hour).unwrap();
    assert_eq!(until, utc("2026-03-02T13:00:00Z"));
    let s = t.app.reminder_settings().unwrap();
    assert_eq!((s.quiet_hours, s.paused_until), (Some(quiet), Some(until)));
    // A pause that is over is not shown as one.
    t.app.set_clock(Box::new(FixedClock { now: utc("2026-03-02T13:00:00Z"), zone: chrono_tz::UTC }));
    assert_eq!(t.app.reminder_settings().unwrap().paused_until, None);
    t.app.pause_reminders(None).unwrap();
    assert_eq!(t.app.reminder_settings().unwrap().paused_until, None);
}

#[test]
fn pause_until_tomorrow_ends_at_the_next_day_start_in_the_learners_zone() {
    let mut t = berlin();
    let until = t.app.pause_reminders_for(PauseFor::UntilTomorrow).unwrap();
    // Tomorrow at 04:00 in Berlin (CET, UTC+1).
    assert_eq!(until, utc("2026-03-03T03:00:00Z"));
    let streak = ReminderInput { kind: ReminderKind::StreakAtRisk { time: "20:00:00".parse().unwrap() } };
    t.app.add_reminder(streak).unwrap();
    // Tonight's 20:00 falls in the pause and is dropped: the scheduler may sleep
    // its longest (a day) towards tomorrow's.
    assert_eq!(t.app.next_reminder_wake().unwrap(), Some(utc("2026-03-03T12:00:00Z")));
    let row = &t.app.reminder_settings().unwrap().reminders[0];
    assert_eq!(row.next_at, Some(utc("2026-03-03T19:00:00Z")));
}

#[test]
fn snooze_after_a_ring_rings_again_and_bad_lengths_are_refused() {
    let mut t = berlin();
    let r = t.app.add_reminder(every_day_at("12:30:00")).unwrap();
    // It rang at 12:30 Berlin (11:30 UTC), half an hour before now.
    t.app.record_fired(r.id.as_str(), utc("2026-03-02T11:30:00Z")).unwrap();
    let row = &t.app.reminder_settings().unwrap().reminders[0];
    assert_eq!((row.rang_at, row.snoozed_until), (Some(utc("2026-03-02T11:30:00Z")), None));
    assert!(t.app.reminders_due(None).unwrap().is_empty());

    let snoozed = t.app.snooze_reminder_for(r.id.as_str(), 10).unwrap();
    assert_eq!(snoozed.snoozed_until, Some(utc("2026-03-02T12:10:00Z")));
    assert_eq!(t.app.reminder_settings().unwrap().reminders[0].snoozed_until, snoozed.snoozed_until);
    assert_eq!(t.app.next_reminder_wake().unwrap(), snoozed.snoozed_until);
    let again = t.app.reminders_due(Some(utc("2026-03-02T12:10:00Z"))).unwrap();
    assert_eq!(again.len(), 1);
    assert_eq!(again[0].title, "Time to study");

    for minutes in [0, 24 * 60 + 1] {
        let err = t.app.snooze_reminder_for(r.id.as_str(), minutes).unwrap_err();
        assert_eq!(err.field.as_deref(), Some("minutes"), "{minutes}");
    }
    assert_eq!(t.app.snooze_reminder_for("not-an-id", 10).unwrap_err().code, ErrorCode::InvalidInput);
    let gone = "01900000-0000-7000-8000-000000000000";
    assert_eq!(t.app.snooze_reminder_for(gone, 10).unwrap_err().code, ErrorCode::NotFound);
    assert_eq!(t.app.reminders().unwrap()[0].snoozed_until, snoozed.snoozed_until, "unchanged by the refusals");
}

#[test]
fn a_recorded_slot_does_not_ring_again_after_a_restart() {
    let mut t = berlin();
    t.app.add_reminder(every_day_at("12:30:00")).unwrap();
    t.app.set_clock(Box::new(FixedClock::on(day("2026-03-03"))));
    let due = t.app.reminders_due(None).unwrap();
    assert_eq!(due.len(), 1);
    t.app.record_fired(due[0].due.id.as_str(), due[0].due.slot).unwrap();
    let mut t = t.restart();
    t.app.set_clock(Box::new(FixedClock::on(day("2026-03-03"))));
    assert!(t.app.reminders_due(None).unwrap().is_empty());
}

#[test]
fn todays_summary_counts_tasks_minutes_and_the_streak() {
    let mut t = TestApp::new();
    let empty = t.app.today_summary().unwrap();
    assert_eq!(empty.title, "Today, Mon 2 Mar");
    assert_eq!(empty.body, "No tasks today");
    t.goal_from("rust", 7.0);
    let view = t.app.today_view(None).unwrap();
    let n = view.tasks.len();
    let summary = t.app.today_summary().unwrap();
    let tasks = if n == 1 { "1 task".to_string() } else { format!("{n} tasks") };
    assert!(summary.body.starts_with(&format!("{tasks} today · 0 min of 1 h done")), "{}", summary.body);
    for task in &view.tasks {
        t.app.set_task_status(task.id.as_str(), waymark_core::task::TaskStatus::Done, None).unwrap();
    }
    let done = t.app.today_summary().unwrap();
    assert!(done.body.starts_with(&format!("{tasks} today · 1 h of 1 h done")), "{}", done.body);
    assert!(done.body.ends_with("1-day streak"), "{}", done.body);
}
