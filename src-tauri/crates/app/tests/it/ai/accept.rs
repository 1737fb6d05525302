//! Accept checks what it is given on the one path (core's `validate`), so a
//! hand-edited step or question that breaks a rule is refused with its field
//! and nothing changes. No server is needed.

use super::{snapshot, step};
use crate::support::{TestApp, input};
use waymark_app::ErrorCode;
use waymark_app::ai::AcceptMode;
use waymark_core::question::{Choice, QuestionBody, QuestionInput};

#[test]
fn an_invalid_hand_edited_step_or_question_is_refused_with_its_field() {
    let mut t = TestApp::new();
    let id = t.app.create_goal(input("Learn Go", 5.0), None).unwrap().goal.id.to_string();
    let view = t.app.accept_roadmap(&id, vec![step("Basics", "1 week")], AcceptMode::Append).unwrap();
    let step_id = view.steps[0].step.id.to_string();
    let before = snapshot(&t.app);

    let edited = vec![step("Fine", "2 hours"), step("Bad", "soon")];
    let e = t.app.accept_roadmap(&id, edited.clone(), AcceptMode::Replace).unwrap_err();
    assert_eq!((e.code, e.field.as_deref()), (ErrorCode::InvalidInput, Some("steps[1].duration")), "{e:?}");
    assert!(e.message.starts_with("step 2: duration:"), "{e}");
    assert_eq!(t.app.preview_plan(&id, edited, AcceptMode::Append).unwrap_err(), e);
    let e = t.app.accept_roadmap(&id, vec![], AcceptMode::Append).unwrap_err();
    assert_eq!(e.field.as_deref(), Some("steps"));

    let choices = vec![Choice { text: "A".into(), correct: true }, Choice { text: "B".into(), correct: true }];
    let two_right = QuestionInput {
        prompt: "Which?".into(),
        body: QuestionBody::MultipleChoice { choices },
        explanation: String::new(),
        tags: vec![],
        step_id: None,
        task_id: None,
    };
    let e = t.app.accept_questions(&step_id, vec![two_right.clone()]).unwrap_err();
    assert_eq!(e.code, ErrorCode::InvalidInput);
    assert!(e.field.as_deref().unwrap().starts_with("questions[0]."), "{e:?}");
    assert_eq!(t.app.accept_questions("no-such-step", vec![two_right]).unwrap_err().code, ErrorCode::NotFound);
    assert_eq!(snapshot(&t.app), before, "a refused accept changes nothing");
}

/// A preview plans only the goal and what it waits for; its finish date is
/// still the one accept writes, for a goal behind a prerequisite with
/// another goal waiting for it in turn.
#[test]
fn the_preview_of_a_goal_behind_a_prerequisite_is_the_plan_accept_writes() {
    let mut t = TestApp::new();
    let basics = t.app.create_goal(input("Basics", 3.0), None).unwrap().goal.id;
    t.app.accept_roadmap(basics.as_str(), vec![step("A", "6 hours")], AcceptMode::Append).unwrap();
    let behind = |title: &str, before: &waymark_core::ids::GoalId| waymark_core::goal::GoalInput {
        prerequisites: vec![before.clone()],
        ..input(title, 3.0)
    };
    let advanced = t.app.create_goal(behind("Advanced", &basics), None).unwrap().goal.id;
    let last = t.app.create_goal(behind("Last", &advanced), None).unwrap().goal.id;
    t.app.accept_roadmap(last.as_str(), vec![step("C", "2 hours")], AcceptMode::Append).unwrap();

    let steps = vec![step("B1", "4 hours"), step("B2", "1 week")];
    let preview = t.app.preview_plan(advanced.as_str(), steps.clone(), AcceptMode::Append).unwrap();
    let view = t.app.accept_roadmap(advanced.as_str(), steps, AcceptMode::Append).unwrap();
    assert!(preview.finish_date.is_some());
    assert_eq!(preview.finish_date, view.overview.finish_date, "the preview's plan is the plan written");
    assert_eq!(preview.feasibility, view.overview.feasibility);
    let starts = |id: &waymark_core::ids::GoalId| t.app.plan(id.as_str()).unwrap().tasks[0].date;
    assert!(starts(&advanced) > starts(&basics), "Advanced waits for Basics");
    assert!(starts(&last) > view.overview.finish_date.unwrap(), "and Last for Advanced");
}
