//! Questions, the daily verification test and FSRS reviews through the facade.

use crate::support::*;
use chrono::{Duration, TimeZone, Utc};
use waymark_app::ErrorCode;
use waymark_app::study_views::TestState;
use waymark_core::question::{Answer, Choice, QuestionBody, QuestionInput};
use waymark_core::roadmap::StepInput;
use waymark_core::srs::CardState;
use waymark_core::task::TaskStatus;

fn mc(step: &waymark_core::ids::StepId, prompt: &str) -> QuestionInput {
    QuestionInput {
        prompt: prompt.into(),
        body: QuestionBody::MultipleChoice {
            choices: vec![
                Choice { text: "right".into(), correct: true },
                Choice { text: "wrong".into(), correct: false },
            ],
        },
        explanation: "Because.".into(),
        tags: vec![],
        step_id: Some(step.clone()),
        task_id: None,
    }
}

/// A goal with one step, three questions on it, and today's task done.
fn ready(t: &mut TestApp) -> (String, Vec<String>) {
    let g = t.app.create_goal(input("Rust", 7.0), None).unwrap().goal.id.0;
    let view = t
        .app
        .add_step(&g, StepInput { title: "A".into(), duration: "1 hour".into(), ..Default::default() }, None)
        .unwrap();
    let step = view.steps[0].step.id.clone();
    let ids: Vec<String> = (0..3).map(|i| t.app.add_question(&g, mc(&step, &format!("Q{i}"))).unwrap().id.0).collect();
    assert_eq!(t.app.today_test().unwrap().state, TestState::NothingToTest);
    let task = t.app.today_view(None).unwrap().tasks[0].id.clone();
    t.app.set_task_status(task.as_str(), TaskStatus::Done, None).unwrap();
    (g, ids)
}

#[test]
fn a_bad_question_is_refused_and_nothing_is_written() {
    let mut t = TestApp::new();
    let g = t.app.create_goal(input("Rust", 7.0), None).unwrap().goal.id.0;
    let two_right = QuestionInput {
        prompt: "Pick".into(),
        body: QuestionBody::MultipleChoice {
            choices: vec![Choice { text: "a".into(), correct: true }, Choice { text: "b".into(), correct: true }],
        },
        explanation: String::new(),
        tags: vec![],
        step_id: None,
        task_id: None,
    };
    assert_eq!(t.app.add_question(&g, two_right).unwrap_err().field.as_deref(), Some("choices"));
    let empty = QuestionInput {
        prompt: "  ".into(),
        body: QuestionBody::TrueFalse { answer: true },
        explanation: String::new(),
        tags: vec![],
        step_id: None,
        task_id: None,
    };
    assert_eq!(t.app.add_question(&g, empty).unwrap_err().field.as_deref(), Some("prompt"));
    assert!(t.app.goal_study(&g).unwrap().cards.is_empty());
}

#[test]
fn failing_a_question_makes_it_due_the_next_day_and_a_pass_verifies_the_day() {
    let mut t = TestApp::new();
    let (_, ids) = ready(&mut t);
    let test = t.app.today_test().unwrap();
    assert_eq!(test.state, TestState::Ready);
    assert_eq!(test.questions.len(), 3);
    let checked = t.app.check_answer(&ids[0], &Answer::Choice(1)).unwrap();
    assert!(!checked.correct);
    assert_eq!((checked.expected.as_str(), checked.explanation.as_str()), ("right", "Because."));
    // New cards are due at once; rate two of them so only the failed one is due tomorrow.
    for id in &ids {
        t.app.rate_card(id, 3, None, None).unwrap();
    }
    let answers = vec![
        (ids[0].clone(), Answer::Choice(1)),
        (ids[1].clone(), Answer::Choice(0)),
        (ids[2].clone(), Answer::Choice(0)),
    ];
    let attempt = t.app.submit_test(answers).unwrap();
    assert!((attempt.score - 2.0 / 3.0).abs() < 1e-9);
    assert!(!attempt.passed, "2/3 is under the 0.7 pass mark");
    assert_eq!(t.app.today_test().unwrap().state, TestState::Failed);
    let tomorrow = Utc.from_utc_datetime(&plus(day(TODAY), 1).and_hms_opt(12, 0, 0).unwrap());
    let due: Vec<String> = t.app.due_cards(Some(tomorrow)).unwrap().into_iter().map(|c| c.id.0).collect();
    assert_eq!(due, vec![ids[0].clone()]);
    // A retake that passes verifies the day and keeps the streak.
    let all_right = ids.iter().map(|id| (id.clone(), Answer::Choice(0))).collect();
    assert!(t.app.submit_test(all_right).unwrap().passed);
    let test = t.app.today_test().unwrap();
    assert_eq!((test.state, test.attempts.len(), test.best_score), (TestState::Passed, 2, Some(1.0)));
    let study = t.app.goal_study(&t.app.list_goals().unwrap()[0].goal.id.0).unwrap();
    assert_eq!((study.stats.total, study.stats.passed, study.stats.perfect), (1, 1, 1));
    assert_eq!(t.app.today_view(None).unwrap().test_state, TestState::Passed);
}

#[test]
fn rating_schedules_with_fsrs_and_bad_ratings_change_nothing() {
    let mut t = TestApp::new();
    let (_, ids) = ready(&mut t);
    let before = t.app.due_cards(None).unwrap();
    assert_eq!(before.len(), 3);
    assert!(before.iter().all(|c| c.state == CardState::New));
    let err = t.app.rate_card(&ids[0], 5, None, None).unwrap_err();
    assert_eq!((err.code, err.field.as_deref()), (ErrorCode::InvalidInput, Some("rating")));
    assert_eq!(t.app.due_cards(None).unwrap(), before);
    let at = Utc.with_ymd_and_hms(2026, 3, 2, 12, 0, 0).unwrap();
    let good = t.app.rate_card(&ids[0], 3, Some(at), None).unwrap();
    assert_eq!((good.reps, good.lapses, good.state), (1, 0, CardState::Review));
    assert!((good.stability - 2.3065).abs() < 1e-3, "FSRS-6 default first Good stability: {}", good.stability);
    assert_eq!(good.due, at + Duration::days(2));
    // Reviewing it again after it came due, and forgetting it.
    let again = t.app.rate_card(&ids[0], 1, Some(at + Duration::days(2)), None).unwrap();
    assert_eq!((again.reps, again.lapses, again.state), (2, 1, CardState::Relearning));
    // A review dated before the last one is refused.
    assert_eq!(t.app.rate_card(&ids[0], 3, Some(at), None).unwrap_err().field.as_deref(), Some("at"));
}

#[test]
fn cards_import_from_csv_and_bad_lines_need_confirmation() {
    let mut t = TestApp::new();
    let g = t.app.create_goal(input("Spanish", 3.0), None).unwrap().goal.id.0;
    let text = "#separator:tab\n#tags:spanish\nhola\thello\ngreeting\nadiós\tgoodbye\tfarewell\n";
    let preview = t.app.import_cards(text, Some(&g), false).unwrap();
    assert!(preview.needs_confirmation);
    assert_eq!((preview.imported, preview.valid), (0, 2));
    assert!(preview.errors[0].message.starts_with("line 4"), "{}", preview.errors[0].message);
    assert!(t.app.goal_study(&g).unwrap().cards.is_empty(), "nothing written before confirmation");
    let done = t.app.import_cards(text, Some(&g), true).unwrap();
    assert_eq!(done.imported, 2);
    let cards = t.app.goal_study(&g).unwrap().cards;
    assert_eq!(cards.len(), 2);
    assert!(cards.iter().any(|c| c.question.prompt == "adiós" && c.question.tags == vec!["spanish", "farewell"]));
}

#[test]
fn optimizing_needs_enough_reviews() {
    let mut t = TestApp::new();
    let err = t.app.optimize_fsrs().unwrap_err();
    assert_eq!(err.code, ErrorCode::InvalidInput);
    assert!(err.message.contains("400"), "{}", err.message);
}

#[test]
fn a_template_goal_comes_with_a_starter_question_bank() {
    let mut t = TestApp::new();
    let g = t.goal_from("rust", 7.0);
    let study = t.app.goal_study(g.goal.id.as_str()).unwrap();
    let steps = t.app.goal_view(g.goal.id.as_str()).unwrap().steps;
    assert_eq!(study.cards.len(), steps.len() * 4);
    for s in &steps {
        assert_eq!(study.cards.iter().filter(|c| c.question.step_id.as_ref() == Some(&s.step.id)).count(), 4);
    }
    let task = t.app.today_view(None).unwrap().tasks[0].id.clone();
    t.app.set_task_status(task.as_str(), TaskStatus::Done, None).unwrap();
    let test = t.app.today_test().unwrap();
    assert_eq!((test.state, test.questions.len()), (TestState::Ready, 4));
}

#[test]
fn the_due_queue_matches_the_cards_after_many_ratings_and_a_restart() {
    let mut t = TestApp::new();
    let g = t.goal_from("dsa", 7.0);
    let gid = g.goal.id.0.clone();
    let ids: Vec<String> = t.app.goal_study(&gid).unwrap().cards.iter().map(|c| c.question.id.0.clone()).collect();
    let start = Utc.with_ymd_and_hms(2026, 3, 2, 12, 0, 0).unwrap();
    for (i, id) in ids.iter().enumerate() {
        for r in 0..(i % 4) {
            let at = start + Duration::days((i * 3 + r * 5) as i64);
            t.app.rate_card(id, ((i + r) % 4 + 1) as u8, Some(at), None).unwrap();
        }
    }
    let t = t.restart();
    for days in [0, 3, 10, 40, 400] {
        let at = start + Duration::days(days);
        let mut expected: Vec<String> = t
            .app
            .goal_study(&gid)
            .unwrap()
            .cards
            .iter()
            .filter(|c| c.srs.due <= at)
            .map(|c| c.question.id.0.clone())
            .collect();
        let mut got: Vec<String> = t.app.due_cards(Some(at)).unwrap().into_iter().map(|c| c.id.0).collect();
        expected.sort();
        got.sort();
        assert_eq!(got, expected, "due at +{days} days");
    }
    let first = t.app.due_cards(Some(start + Duration::days(400))).unwrap();
    assert!(first[0].next_intervals.is_some() && first[1..].iter().all(|c| c.next_intervals.is_none()));
}

#[test]
fn with_400_reviews_fsrs_is_fitted_to_the_learner() {
    let mut t = TestApp::new();
    let g = t.goal_from("rust", 7.0);
    let ids: Vec<String> =
        t.app.goal_study(g.goal.id.as_str()).unwrap().cards.iter().map(|c| c.question.id.0.clone()).collect();
    let start = Utc.with_ymd_and_hms(2026, 3, 2, 12, 0, 0).unwrap();
    let mut n = 0u32;
    for (i, id) in ids.iter().enumerate() {
        let mut at = start + Duration::hours(i as i64);
        for k in 0..13u32 {
            let rating = if (k + i as u32).is_multiple_of(5) { 1 } else { 3 };
            let rated = t.app.rate_card(id, rating as u8, Some(at), None).unwrap();
            at = rated.due.max(at + Duration::days(1));
            n += 1;
        }
    }
    assert!(n >= 400, "{n} reviews");
    let o = t.app.optimize_fsrs().unwrap();
    assert_eq!(o.reviews as u32, n);
    assert!(o.log_loss_after <= o.log_loss_before, "{} → {}", o.log_loss_before, o.log_loss_after);
    assert!(
        t.app.settings().fsrs_optimized == (o.log_loss_after < o.log_loss_before) || t.app.settings().fsrs_optimized
    );
}
