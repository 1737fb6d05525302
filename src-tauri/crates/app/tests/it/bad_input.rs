//! Bad input gets a clear error naming the field, and nothing is written.

use crate::support::*;
use waymark_app::{AppError, ErrorCode};
use waymark_core::goal::GoalInput;
use waymark_core::roadmap::{Resource, ResourceKind, StepInput};

fn assert_invalid(result: Result<impl std::fmt::Debug, AppError>, field: &str) {
    let err = result.expect_err("must be refused");
    assert_eq!(err.code, ErrorCode::InvalidInput, "{err:?}");
    assert_eq!(err.field.as_deref(), Some(field), "{err:?}");
    assert!(err.message.starts_with(field), "the message names the field: {}", err.message);
}

#[test]
fn bad_goals_are_refused_and_nothing_is_written() {
    let mut t = TestApp::new();
    let past = Some(plus(day(TODAY), 0) - chrono::Days::new(1));
    let cases: Vec<(GoalInput, Option<&str>, &str)> = vec![
        (input("", 5.0), None, "title"),
        (input("   \t", 5.0), None, "title"),
        (GoalInput { target_date: past, ..input("Rust", 5.0) }, None, "target_date"),
        (input("Rust", 0.0), None, "hours_per_week"),
        (input("Rust", -1.0), None, "hours_per_week"),
        (input("Rust", 168.5), None, "hours_per_week"),
        (input("Rust", 5.0), Some("klingon"), "template"),
    ];
    for (bad, template, field) in cases {
        assert_invalid(t.app.create_goal(bad, template), field);
    }
    assert!(t.app.list_goals().unwrap().is_empty());
    assert!(t.app.today_view(None).unwrap().tasks.is_empty());
}

#[test]
fn bad_edits_change_nothing() {
    let mut t = TestApp::new();
    let g = t.goal_from("rust", 5.0);
    let id = g.goal.id.as_str();
    let before = t.app.goal_view(id).unwrap();
    assert_invalid(t.app.update_goal(id, input(" ", 5.0)), "title");
    assert_invalid(t.app.update_goal(id, input("Rust", 200.0)), "hours_per_week");
    let bad_steps = [
        (StepInput { title: "".into(), duration: "1 week".into(), ..Default::default() }, "title"),
        (StepInput { title: "X".into(), duration: "-2 weeks".into(), ..Default::default() }, "duration"),
        (StepInput { title: "X".into(), duration: "a while".into(), ..Default::default() }, "duration"),
        (
            StepInput {
                title: "X".into(),
                duration: "1 week".into(),
                resources: vec![Resource {
                    title: "x".into(),
                    url: "file:///etc/passwd".into(),
                    kind: ResourceKind::Article,
                }],
                ..Default::default()
            },
            "url",
        ),
    ];
    for (bad, field) in bad_steps {
        assert_invalid(t.app.add_step(id, bad.clone(), None), field);
        assert_invalid(t.app.update_step(id, before.steps[0].step.id.as_str(), bad), field);
    }
    assert_invalid(t.app.apply_template(id, "nope"), "template");
    assert_eq!(t.app.goal_view(id).unwrap(), before, "nothing changed");
}

#[test]
fn malformed_ids_and_urls_are_refused() {
    let mut t = TestApp::new();
    assert_invalid(t.app.goal_view("not-an-id"), "goal_id");
    assert_invalid(t.app.set_task_status("42", waymark_core::task::TaskStatus::Done, None), "task_id");
    assert_invalid(t.app.resource_url("javascript:alert(1)"), "url");
    assert_eq!(t.app.resource_url(" https://doc.rust-lang.org ").unwrap(), "https://doc.rust-lang.org");
    let g = t.goal_from("rust", 5.0);
    let task = t.app.today_view(None).unwrap().tasks[0].id.clone();
    assert_invalid(
        t.app.set_task_status(task.as_str(), waymark_core::task::TaskStatus::Done, Some(1441)),
        "time_spent_minutes",
    );
    assert_eq!(t.app.goal_view(g.goal.id.as_str()).unwrap().overview.progress.tasks_done, 0);
}
