//! Goals: create from a template, edit, status changes, delete, persistence.

use crate::support::*;
use std::collections::BTreeMap;
use waymark_core::availability::WeekMinutes;
use waymark_core::goal::{GoalInput, GoalStatus};
use waymark_core::planner::Feasibility;
use waymark_core::roadmap::StepInput;
use waymark_core::task::TaskStatus;

#[test]
fn a_goal_from_a_template_gets_a_roadmap_and_a_dated_plan_from_today() {
    let mut t = TestApp::new();
    let g = t.goal_from("rust", 7.0);
    let view = t.app.goal_view(g.goal.id.as_str()).unwrap();
    assert_eq!(view.template.as_deref(), Some("rust"));
    assert_eq!(view.steps.len(), 8);
    assert!(view.estimate.mid > 0.0);
    assert_eq!(view.steps[1].step.duration, "2 weeks");
    assert_eq!(view.steps[1].estimate.mid, 14.0, "2 weeks at 7 h/week");
    let first = view.upcoming.first().unwrap();
    assert_eq!(first.date, day(TODAY));
    let mut per_day: BTreeMap<_, u32> = BTreeMap::new();
    for task in &view.upcoming {
        *per_day.entry(task.date).or_default() += task.duration_minutes;
    }
    assert!(per_day.values().all(|m| *m <= WeekMinutes::even(7.0).0[0]), "no day over its share: {per_day:?}");
    let planned: u32 = view.steps.iter().map(|s| s.progress.minutes_total).sum();
    let expected: u32 = view.steps.iter().map(|s| s.step.planned_minutes(7.0)).sum();
    assert_eq!(planned, expected, "every minute of the roadmap is planned");
    assert_eq!(g.feasibility, Feasibility::NoTarget);
}

#[test]
fn an_infeasible_target_is_reported() {
    let mut t = TestApp::new();
    let g = t
        .app
        .create_goal(GoalInput { target_date: Some(plus(day(TODAY), 7)), ..input("Rust fast", 2.0) }, Some("rust"))
        .unwrap();
    assert_eq!(g.feasibility, Feasibility::PastTarget);
    assert!(g.finish_date.unwrap() > plus(day(TODAY), 7));
}

#[test]
fn editing_hours_replans_and_keeps_done_work() {
    let mut t = TestApp::new();
    let g = t.app.create_goal(input("Read SICP", 7.0), None).unwrap();
    let step = StepInput { title: "Chapter 1".into(), duration: "10 hours".into(), ..Default::default() };
    t.app.add_step(g.goal.id.as_str(), step, None).unwrap();
    let today = t.app.today_view(None).unwrap();
    let first = &today.tasks[0];
    assert_eq!(first.duration_minutes, 60, "7 h/week is 60 min a day");
    t.app.set_task_status(first.id.as_str(), TaskStatus::Done, Some(50)).unwrap();
    let before = t.app.goal_view(g.goal.id.as_str()).unwrap().overview.finish_date.unwrap();
    assert_eq!(before, plus(day(TODAY), 9), "600 minutes at 60 a day");
    let edited = t.app.update_goal(g.goal.id.as_str(), input("Read SICP", 14.0)).unwrap();
    assert_eq!(edited.finish_date, Some(plus(day(TODAY), 4)), "540 minutes left at 120 a day, 60 used today");
    let view = t.app.goal_view(g.goal.id.as_str()).unwrap();
    let done = view.upcoming.iter().find(|x| x.id == first.id).unwrap();
    assert_eq!(done.status, TaskStatus::Done);
    assert_eq!(done.time_spent_minutes, Some(50));
    assert_eq!(view.steps[0].progress.minutes_total, 600, "done work counts once");
}

#[test]
fn pausing_clears_the_open_plan_and_resuming_plans_again() {
    let mut t = TestApp::new();
    let g = t.goal_from("spanish", 5.0);
    assert!(!t.app.today_view(None).unwrap().tasks.is_empty());
    let paused = t.app.set_goal_status(g.goal.id.as_str(), GoalStatus::Paused).unwrap();
    assert_eq!(paused.goal.status, GoalStatus::Paused);
    assert!(t.app.today_view(None).unwrap().tasks.is_empty());
    t.advance_to(plus(day(TODAY), 3));
    let resumed = t.app.set_goal_status(g.goal.id.as_str(), GoalStatus::Active).unwrap();
    assert_eq!(resumed.goal.status, GoalStatus::Active);
    let today = t.app.today_view(None).unwrap();
    assert_eq!(today.date, plus(day(TODAY), 3));
    assert!(!today.tasks.is_empty(), "resuming plans from the new today");
}

#[test]
fn completing_records_when() {
    let mut t = TestApp::new();
    let g = t.goal_from("interview-prep", 5.0);
    let done = t.app.set_goal_status(g.goal.id.as_str(), GoalStatus::Completed).unwrap();
    assert!(done.goal.completed_at.is_some());
    assert_eq!(
        t.app.set_goal_status(g.goal.id.as_str(), GoalStatus::Archived).unwrap().goal.completed_at,
        done.goal.completed_at
    );
}

#[test]
fn deleting_a_goal_removes_its_roadmap_and_tasks() {
    let mut t = TestApp::new();
    let keep = t.goal_from("rust", 5.0);
    let gone = t.goal_from("web-frontend", 5.0);
    t.app.delete_goal(gone.goal.id.as_str()).unwrap();
    let goals = t.app.list_goals().unwrap();
    assert_eq!(goals.iter().map(|g| &g.goal.id).collect::<Vec<_>>(), vec![&keep.goal.id]);
    assert!(t.app.today_view(None).unwrap().tasks.iter().all(|x| x.goal_id == keep.goal.id));
    assert_eq!(t.app.goal_view(gone.goal.id.as_str()).unwrap_err().code, waymark_app::ErrorCode::NotFound);
}

#[test]
fn everything_survives_a_restart() {
    let mut t = TestApp::new();
    let g = t.goal_from("rust", 5.0);
    let task = t.app.today_view(None).unwrap().tasks[0].id.clone();
    t.app.set_task_status(task.as_str(), TaskStatus::Done, None).unwrap();
    let mut t = t.restart();
    let goals = t.app.list_goals().unwrap();
    assert_eq!(goals.len(), 1);
    assert_eq!(goals[0].goal.id, g.goal.id);
    let today = t.app.today_view(None).unwrap();
    assert_eq!(today.tasks.iter().find(|x| x.id == task).unwrap().status, TaskStatus::Done);
}

#[test]
fn deleting_a_goal_leaves_nothing_of_it_in_any_collection() {
    use waymark_core::question::{Answer, QuestionBody, QuestionInput};
    use waymark_core::reminder::OnceInput;
    let mut t = TestApp::new();
    let gone = t.goal_from("rust", 7.0).goal.id;
    let later =
        t.app.create_goal(GoalInput { prerequisites: vec![gone.clone()], ..input("After Rust", 3.0) }, None).unwrap();
    let step = t.app.goal_view(gone.as_str()).unwrap().steps[0].step.id.clone();
    let question = QuestionInput {
        prompt: "What does `cargo new` make?".into(),
        body: QuestionBody::Recall { back: "A new package".into() },
        explanation: String::new(),
        tags: vec![],
        step_id: Some(step),
        task_id: None,
    };
    let card = t.app.add_question(gone.as_str(), question).unwrap().id.0;
    t.app.rate_card(&card, 3, None, None).unwrap();
    t.app.submit_test(vec![(card.clone(), Answer::SelfGrade(true))]).unwrap();
    let at = "2026-03-03T08:30:00".parse().unwrap();
    t.app.add_once_reminder(OnceInput { at, goal_id: Some(gone.clone()), task_id: None, note: "exam".into() }).unwrap();
    let task = t.app.today_view(None).unwrap().tasks.iter().find(|x| x.goal_id == gone).unwrap().id.clone();
    t.app.set_task_status(task.as_str(), TaskStatus::Done, None).unwrap();
    let mentions = |t: &TestApp| -> Vec<String> {
        crate::data_files::documents(&t.app)
            .into_iter()
            .flat_map(|(c, docs)| docs.into_iter().filter(|d| !d.is_deleted()).map(move |d| (c, d)))
            .filter(|(_, d)| format!("{:?}", d.as_document()).contains(gone.as_str()))
            .map(|(c, d)| format!("{c}/{}", d.id_text()))
            .collect()
    };
    let before = mentions(&t);
    for c in ["goals", "roadmaps", "tasks", "cards", "tests", "reviews", "activities", "reminders"] {
        assert!(before.iter().any(|m| m.starts_with(&format!("{c}/"))), "the goal is in {c} before: {before:?}");
    }

    t.app.delete_goal(gone.as_str()).unwrap();
    assert_eq!(mentions(&t), Vec::<String>::new(), "no live document of any collection names the goal");
    let kept = t.app.goal_view(later.goal.id.as_str()).unwrap();
    assert!(kept.overview.goal.prerequisites.is_empty(), "the other goal no longer waits for it");
    assert!(t.app.due_cards(None).unwrap().is_empty() && t.app.reminder_settings().unwrap().reminders.is_empty());
    let t = t.restart();
    assert_eq!(mentions(&t), Vec::<String>::new(), "also after a restart");
}
