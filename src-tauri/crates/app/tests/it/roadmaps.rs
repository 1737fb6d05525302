//! Roadmap editing: templates, add, edit, reorder, remove — each re-plans.

use crate::support::*;
use waymark_app::ErrorCode;
use waymark_core::roadmap::{Resource, ResourceKind, StepInput};
use waymark_core::task::TaskStatus;

fn step(title: &str, duration: &str) -> StepInput {
    StepInput { title: title.into(), duration: duration.into(), ..Default::default() }
}

#[test]
fn an_empty_roadmap_grows_step_by_step_and_plans_in_order() {
    let mut t = TestApp::new();
    let g = t.app.create_goal(input("Guitar", 7.0), None).unwrap();
    let id = g.goal.id.as_str();
    assert!(t.app.goal_view(id).unwrap().steps.is_empty());
    assert!(t.app.today_view(None).unwrap().tasks.is_empty());
    t.app.add_step(id, step("Chords", "90 min"), None).unwrap();
    t.app.add_step(id, step("Strumming", "45 min"), None).unwrap();
    let v = t.app.add_step(id, step("Tuning", "15 min"), Some(0)).unwrap();
    let titles: Vec<&str> = v.steps.iter().map(|s| s.step.title.as_str()).collect();
    assert_eq!(titles, ["Tuning", "Chords", "Strumming"]);
    let today: Vec<String> = t.app.today_view(None).unwrap().tasks.into_iter().map(|x| x.title).collect();
    assert_eq!(today, ["Tuning", "Chords (part 1 of 2)"]);
}

#[test]
fn reordering_and_removing_steps_replans() {
    let mut t = TestApp::new();
    let g = t.app.create_goal(input("Guitar", 7.0), None).unwrap();
    let id = g.goal.id.as_str();
    t.app.add_step(id, step("A", "60 min"), None).unwrap();
    let v = t.app.add_step(id, step("B", "60 min"), None).unwrap();
    let b = v.steps[1].step.id.clone();
    let v = t.app.move_step(id, b.as_str(), 0).unwrap();
    assert_eq!(v.steps[0].step.title, "B");
    assert_eq!(t.app.today_view(None).unwrap().tasks[0].title, "B");
    let v = t.app.remove_step(id, b.as_str()).unwrap();
    assert_eq!(v.steps.len(), 1);
    let today = t.app.today_view(None).unwrap();
    assert_eq!(today.tasks.iter().map(|x| x.title.as_str()).collect::<Vec<_>>(), ["A"]);
}

#[test]
fn editing_a_step_keeps_its_id_and_updates_estimates() {
    let mut t = TestApp::new();
    let g = t.app.create_goal(input("Guitar", 5.0), None).unwrap();
    let id = g.goal.id.as_str();
    let v = t.app.add_step(id, step("Scales", "1 week"), None).unwrap();
    let sid = v.steps[0].step.id.clone();
    assert_eq!(v.steps[0].estimate.mid, 5.0);
    let resource = Resource {
        title: "Justin Guitar".into(),
        url: "https://www.justinguitar.com".into(),
        kind: ResourceKind::Course,
    };
    let edited = StepInput { resources: vec![resource.clone()], ..step("Scales", "1-3 weeks") };
    let v = t.app.update_step(id, sid.as_str(), edited).unwrap();
    assert_eq!(v.steps[0].step.id, sid);
    assert_eq!((v.steps[0].estimate.min, v.steps[0].estimate.mid, v.steps[0].estimate.max), (5.0, 10.0, 15.0));
    assert_eq!(v.steps[0].step.resources, vec![resource]);
    assert_eq!(t.app.today_view(None).unwrap().tasks[0].resources.len(), 1);
}

#[test]
fn done_tasks_of_a_removed_step_stay_as_history() {
    let mut t = TestApp::new();
    let g = t.app.create_goal(input("Guitar", 7.0), None).unwrap();
    let id = g.goal.id.as_str();
    t.app.add_step(id, step("A", "30 min"), None).unwrap();
    let v = t.app.add_step(id, step("B", "30 min"), None).unwrap();
    let task = t.app.today_view(None).unwrap().tasks[0].id.clone();
    t.app.set_task_status(task.as_str(), TaskStatus::Done, None).unwrap();
    t.app.remove_step(id, v.steps[0].step.id.as_str()).unwrap();
    let today = t.app.today_view(None).unwrap();
    assert_eq!(today.tasks.len(), 2);
    assert_eq!((today.tasks[0].id.clone(), today.tasks[0].status), (task, TaskStatus::Done));
    assert_eq!(today.tasks[1].title, "B");
}

#[test]
fn applying_a_template_replaces_the_steps() {
    let mut t = TestApp::new();
    let g = t.app.create_goal(input("Languages", 3.0), None).unwrap();
    let v = t.app.apply_template(g.goal.id.as_str(), "spanish").unwrap();
    assert_eq!(v.template.as_deref(), Some("spanish"));
    assert_eq!(v.steps.len(), 6);
    assert!(!v.upcoming.is_empty());
    assert_eq!(t.app.goal_study(g.goal.id.as_str()).unwrap().cards.len(), 6 * 4, "with its starter questions");
}

#[test]
fn unknown_steps_and_goals_are_not_found() {
    let mut t = TestApp::new();
    let g = t.app.create_goal(input("Guitar", 7.0), None).unwrap();
    let missing = "0190a000-0000-7000-8000-000000000000";
    assert_eq!(t.app.remove_step(g.goal.id.as_str(), missing).unwrap_err().code, ErrorCode::NotFound);
    assert_eq!(t.app.add_step(missing, step("A", "1 day"), None).unwrap_err().code, ErrorCode::NotFound);
    assert_eq!(t.app.set_task_status(missing, TaskStatus::Done, None).unwrap_err().code, ErrorCode::NotFound);
}
