//! Proposals from the real server: a schema-constrained roadmap previewed
//! with its plan and accepted as edited (append, then replace), a cancel in
//! the middle of the reply, and Fill the gaps putting generated questions in
//! the daily test of a goal that had none.

use super::{app_on, snapshot, step, unchanged};
use crate::support::{TestApp, day};
use std::time::Duration;
use waymark_app::SharedApp;
use waymark_app::ai::{self, AcceptMode, FillOptions, OutputMode, QuestionKind};
use waymark_core::goal::GoalInput;
use waymark_core::roadmap::StepInput;
use waymark_core::task::TaskStatus;
use waymark_test_ai::shared;

fn go_goal(t: &mut TestApp) -> String {
    let input = GoalInput {
        title: "Learn Go".into(),
        hours_per_week: 5.0,
        target_date: Some(day("2026-12-31")),
        ..GoalInput::default()
    };
    t.app.create_goal(input, None).unwrap().goal.id.to_string()
}

fn titles(steps: &[StepInput]) -> Vec<String> {
    steps.iter().map(|s| s.title.clone()).collect()
}

#[tokio::test]
async fn a_roadmap_is_previewed_with_its_plan_and_accept_writes_exactly_what_was_accepted() {
    let mut t = app_on(shared());
    let id = go_goal(&mut t);
    t.app.accept_roadmap(&id, vec![step("Basics", "1 week")], AcceptMode::Append).unwrap();
    let before = snapshot(&t.app);
    let TestApp { dir: _dir, app } = t;
    let shared_app = SharedApp::new(app);
    let mut streamed = String::new();
    let preview = ai::propose_roadmap(&shared_app, &id, "Python", None, &mut |d| streamed.push_str(d)).await.unwrap();
    eprintln!("roadmap preview: {} steps, problems {:?}", preview.steps.len(), preview.problems);
    assert_eq!(streamed, preview.reply.text);
    assert_eq!(preview.reply.output_mode, OutputMode::JsonSchema);
    assert!(!preview.steps.is_empty() || !preview.problems.is_empty(), "{}", preview.reply.text);
    for s in &preview.steps {
        assert_eq!(s.step.clone().validate().as_ref(), Ok(&s.step));
        assert!(s.estimate.mid > 0.0, "{s:?}");
    }
    let n = preview.steps.len() as u32;
    assert_eq!((preview.replace.step_count, preview.append.step_count), (n, n + 1));
    assert!(preview.append.finish_date.is_some(), "{:?}", preview.append);
    unchanged(&shared_app, &before, "a proposal writes nothing");

    let mut accepted: Vec<StepInput> = preview.steps.iter().map(|s| s.step.clone()).collect();
    accepted.push(step("Edited by hand", "3 hours"));
    let plan = shared_app.with(|app| app.preview_plan(&id, accepted.clone(), AcceptMode::Append)).unwrap();
    assert_eq!(plan.step_count as usize, accepted.len() + 1);
    unchanged(&shared_app, &before, "a plan preview writes nothing");

    let view = shared_app.with(|app| app.accept_roadmap(&id, accepted.clone(), AcceptMode::Append)).unwrap();
    let written: Vec<StepInput> = view.steps.iter().map(|s| StepInput::from(s.step.clone())).collect();
    assert_eq!(titles(&written), [vec!["Basics".to_string()], titles(&accepted)].concat());
    assert_eq!(written[1..], accepted[..]);
    assert_eq!(view.overview.finish_date, plan.finish_date, "the preview's plan is the plan written");
    let view = shared_app.with(|app| app.accept_roadmap(&id, accepted.clone(), AcceptMode::Replace)).unwrap();
    let written: Vec<StepInput> = view.steps.iter().map(|s| StepInput::from(s.step.clone())).collect();
    assert_eq!(written, accepted);
    let status = shared_app.with(|app| app.assistant_view()).unwrap();
    assert_eq!(status.output_mode, Some(OutputMode::JsonSchema));
}

#[tokio::test]
async fn a_cancel_mid_stream_stops_the_reply_and_writes_nothing() {
    let mut t = app_on(shared());
    let id = go_goal(&mut t);
    let before = snapshot(&t.app);
    let TestApp { dir: _dir, app } = t;
    let shared_app = SharedApp::new(app);
    let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel::<String>();
    let mut on_delta = move |d: &str| {
        let _ = tx.send(d.to_string());
    };
    {
        let request = ai::propose_roadmap(&shared_app, &id, "", None, &mut on_delta);
        tokio::select! {
            done = request => panic!("the request ended before its first delta: {done:?}"),
            first = rx.recv() => assert!(first.is_some()),
        }
    }
    while rx.try_recv().is_ok() {}
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert!(rx.try_recv().is_err(), "no delta after the cancel");
    unchanged(&shared_app, &before, "nothing is written");
}

#[tokio::test]
async fn generated_questions_join_the_daily_test_of_a_goal_that_had_none() {
    let mut t = app_on(shared());
    let id = go_goal(&mut t);
    t.app.accept_roadmap(&id, vec![step("Goroutines and channels", "2 hours")], AcceptMode::Append).unwrap();
    let task = t.app.today_view(None).unwrap().tasks[0].id.clone();
    t.app.set_task_status(task.as_str(), TaskStatus::Done, None).unwrap();
    assert!(t.app.today_test().unwrap().questions.is_empty(), "the day's work has no questions yet");
    let TestApp { dir: _dir, app } = t;
    let shared_app = SharedApp::new(app);
    let options = FillOptions { count: 2, kinds: vec![QuestionKind::TrueFalse], accept: true };
    let mut progress = Vec::new();
    let report = ai::fill_gaps(&shared_app, &id, &options, &mut |p| progress.push(p), &mut |_| {}).await.unwrap();
    eprintln!("fill: {report:?}");
    assert_eq!(report.steps.len(), 1);
    assert!(report.accepted >= 1, "{report:?}");
    assert_eq!(progress.iter().map(|p| (p.done, p.total)).collect::<Vec<_>>(), [(0, 1), (1, 1)]);
    shared_app
        .with(|app| {
            let generated = app.generated_questions(&id)?;
            assert_eq!(generated.len() as u32, report.accepted);
            assert!(generated.iter().all(|c| c.question.generated_by.as_deref() == Some(shared().model.as_str())));
            let test = app.today_test()?;
            assert!(!test.questions.is_empty());
            assert!(test.questions.iter().all(|q| generated.iter().any(|c| c.id == q.id)), "{test:?}");
            Ok(())
        })
        .unwrap();
    let again = ai::fill_gaps(&shared_app, &id, &options, &mut |_| {}, &mut |_| {}).await.unwrap();
    assert!(again.steps.is_empty(), "every step has questions now");
    shared_app
        .with(|app| {
            assert_eq!(app.delete_generated_questions(&id)?, report.accepted);
            assert!(app.generated_questions(&id)?.is_empty());
            assert!(app.today_test()?.questions.is_empty());
            Ok(())
        })
        .unwrap();
}
