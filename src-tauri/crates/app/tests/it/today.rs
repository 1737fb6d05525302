//! Today: tasks across active goals, done/skip, other dates.

use crate::support::*;
use waymark_core::goal::GoalStatus;
use waymark_core::roadmap::StepInput;
use waymark_core::task::TaskStatus;

#[test]
fn today_lists_tasks_of_all_active_goals() {
    let mut t = TestApp::new();
    let a = t.goal_from("rust", 7.0);
    let b = t.goal_from("spanish", 3.5);
    let today = t.app.today_view(None).unwrap();
    assert_eq!(today.date, day(TODAY));
    assert!(today.tasks.iter().any(|x| x.goal_id == a.goal.id && x.goal_title == "Learn rust"));
    assert!(today.tasks.iter().any(|x| x.goal_id == b.goal.id));
    assert_eq!(today.planned_minutes, 60 + 30);
    assert_eq!(today.goals.len(), 2);
    assert_eq!(today.active_goals, 2);
    t.app.set_goal_status(b.goal.id.as_str(), GoalStatus::Paused).unwrap();
    let today = t.app.today_view(None).unwrap();
    assert!(today.tasks.iter().all(|x| x.goal_id == a.goal.id));
    assert_eq!(today.active_goals, 1);
}

#[test]
fn done_skip_and_undo_update_today_totals() {
    let mut t = TestApp::new();
    let g = t.app.create_goal(input("Piano", 14.0), None).unwrap();
    for title in ["Scales", "Arpeggios"] {
        let step = StepInput { title: title.into(), duration: "45 min".into(), ..Default::default() };
        t.app.add_step(g.goal.id.as_str(), step, None).unwrap();
    }
    let today = t.app.today_view(None).unwrap();
    assert_eq!(today.tasks.len(), 2);
    let (first, second) = (today.tasks[0].id.clone(), today.tasks[1].id.clone());
    let done = t.app.set_task_status(first.as_str(), TaskStatus::Done, Some(35)).unwrap();
    assert!(done.completed_at.is_some());
    t.app.set_task_status(second.as_str(), TaskStatus::Skipped, None).unwrap();
    let today = t.app.today_view(None).unwrap();
    assert_eq!(today.done_minutes, today.tasks[0].duration_minutes);
    assert_eq!(today.tasks[0].time_spent_minutes, Some(35));
    assert_eq!(today.tasks[1].status, TaskStatus::Skipped);
    let undone = t.app.set_task_status(first.as_str(), TaskStatus::Planned, None).unwrap();
    assert_eq!(undone.completed_at, None);
    assert_eq!(t.app.today_view(None).unwrap().done_minutes, 0);
}

#[test]
fn another_date_shows_that_day() {
    let mut t = TestApp::new();
    t.goal_from("dsa", 7.0);
    let tomorrow = plus(day(TODAY), 1);
    let view = t.app.today_view(Some(tomorrow)).unwrap();
    assert_eq!(view.date, tomorrow);
    assert_eq!(view.planned_minutes, 60);
    assert!(t.app.today_view(Some(plus(day(TODAY), 3_000))).unwrap().tasks.is_empty());
}
