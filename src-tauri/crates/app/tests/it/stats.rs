//! The Stats figures through the facade, on a four-day history scripted here
//! and checked by hand (UTC, day start 4 am, clock at noon).
//!
//! - Mon 2 Mar: "Rust" (Programming, 60 min a day, one 3-hour step) and
//!   "Piano" (Music, 30 min a day, one 1-hour step) start. Rust's task done
//!   with 45 min recorded, Piano's done (30 planned). Three Rust questions are
//!   rated Good and today's test is passed 3/3.
//! - Tue 3 Mar: Rust's task done (60); Piano's skipped, which completes its
//!   step and the goal.
//! - Wed 4 Mar: the three cards are due; one rated Again, one Good. Rust's
//!   task is left undone.
//! - Thu 5 Mar: the task rolls forward; the stats are read.

use crate::support::*;
use chrono::{Days, NaiveDate};
use waymark_app::ErrorCode;
use waymark_core::goal::GoalInput;
use waymark_core::question::{Answer, QuestionBody, QuestionInput};
use waymark_core::roadmap::StepInput;
use waymark_core::stats::weekly::Compliance;
use waymark_core::stats::{FORECAST_DAYS, Stats, WEEKS};
use waymark_core::streak::TodayState;
use waymark_core::task::TaskStatus;

struct History {
    t: TestApp,
    rust: String,
    piano: String,
    /// The learner date the Good card of Wednesday is due next.
    good_due: NaiveDate,
}

fn recall(step: &waymark_core::ids::StepId, prompt: &str) -> QuestionInput {
    QuestionInput {
        prompt: prompt.into(),
        body: QuestionBody::Recall { back: "Answer".into() },
        explanation: String::new(),
        tags: vec![],
        step_id: Some(step.clone()),
        task_id: None,
    }
}

fn goal_with_step(t: &mut TestApp, title: &str, category: &str, hours: f64, duration: &str) -> String {
    let input = GoalInput { category: category.into(), ..input(title, hours) };
    let id = t.app.create_goal(input, None).unwrap().goal.id.0;
    let step = StepInput { title: format!("{title} basics"), duration: duration.into(), ..Default::default() };
    t.app.add_step(&id, step, None).unwrap();
    id
}

/// The tasks of `goal` planned for `date`, in plan order.
fn tasks_on(t: &mut TestApp, goal: &str, date: NaiveDate) -> Vec<String> {
    let plan = t.app.today_view(Some(date)).unwrap();
    plan.tasks.into_iter().filter(|x| x.goal_id.0 == goal).map(|x| x.id.0).collect()
}

/// Sets the status of `goal`'s one task planned for `date`.
fn settle(t: &mut TestApp, goal: &str, date: NaiveDate, status: TaskStatus, spent: Option<u32>) {
    let task = tasks_on(t, goal, date).remove(0);
    t.app.set_task_status(&task, status, spent).unwrap();
}

fn history() -> History {
    let mut t = TestApp::new();
    let monday = day(TODAY);
    let rust = goal_with_step(&mut t, "Rust", "Programming", 7.0, "3 hours");
    let piano = goal_with_step(&mut t, "Piano", "Music", 3.5, "1 hour");
    for (i, d) in ["2026-03-02", "2026-03-03", "2026-03-04"].into_iter().enumerate() {
        assert_eq!(tasks_on(&mut t, &rust, day(d)).len(), 1, "one 60-min Rust task on {d}");
        assert_eq!(tasks_on(&mut t, &piano, day(d)).len(), usize::from(i < 2), "Piano on {d}");
    }
    assert!(t.app.today_view(Some(monday)).unwrap().tasks.iter().all(|x| x.duration_minutes <= 60));

    let step = t.app.goal_view(&rust).unwrap().steps[0].step.id.clone();
    let cards: Vec<String> =
        (0..3).map(|i| t.app.add_question(&rust, recall(&step, &format!("Q{i}"))).unwrap().id.0).collect();
    settle(&mut t, &rust, monday, TaskStatus::Done, Some(45));
    settle(&mut t, &piano, monday, TaskStatus::Done, None);
    for c in &cards {
        t.app.rate_card(c, 3, None, None).unwrap();
    }
    let answers = cards.iter().map(|c| (c.clone(), Answer::SelfGrade(true))).collect();
    assert!(t.app.submit_test(answers).unwrap().passed);

    let tuesday = monday + Days::new(1);
    t.advance_to(tuesday);
    settle(&mut t, &rust, tuesday, TaskStatus::Done, None);
    settle(&mut t, &piano, tuesday, TaskStatus::Skipped, None);

    let wednesday = tuesday + Days::new(1);
    t.advance_to(wednesday);
    assert_eq!(t.app.due_cards(None).unwrap().len(), 3, "the Good cards of Monday are due");
    t.app.rate_card(&cards[0], 1, None, None).unwrap();
    let good = t.app.rate_card(&cards[1], 3, None, None).unwrap();
    let good_due = good.due.date_naive();

    t.advance_to(wednesday + Days::new(1));
    History { t, rust, piano, good_due }
}

fn week(s: &Stats) -> &waymark_core::stats::weekly::WeekFigures {
    &s.weekly.weeks[WEEKS - 1]
}

#[test]
fn all_goals_on_a_hand_checked_history() {
    let History { mut t, good_due, .. } = history();
    let s = t.app.stats(None).unwrap();
    assert_eq!(s.today, day("2026-03-05"));

    // Heatmap: 45 + 30 on Monday, 60 on Tuesday.
    let on = |d: &str| s.study.days.iter().find(|x| x.date == day(d)).unwrap().minutes;
    assert_eq!((on("2026-03-02"), on("2026-03-03"), on("2026-03-04")), (75, 60, 0));
    assert_eq!((s.study.total_minutes, s.study.active_days), (135, 2));
    assert_eq!(s.study.best_day.map(|d| (d.date, d.minutes)), Some((day("2026-03-02"), 75)));
    // Kept Monday and Tuesday; Wednesday's task was missed; today it is open.
    let streak = s.study.streak;
    assert_eq!((streak.current, streak.longest, streak.kept_days, streak.today), (0, 2, 2, TodayState::Open));
    assert_eq!(streak, t.app.today_view(None).unwrap().streak, "the same streak as Today");

    // This week: planned Rust 60 + 60 + 60 (missed Wednesday) and Piano 30 (its skipped task
    // does not count, nor the task rolled to today, still open); done 60 + 60 + 30: 150 of 210.
    let w = week(&s);
    assert_eq!((w.week, w.partial), (day("2026-03-02"), true));
    assert_eq!((w.studied_minutes, w.planned_minutes, w.done_minutes), (135, 210, 150));
    assert_eq!((w.planned_tasks, w.done_tasks, w.status), (4, 3, Compliance::AtRisk));
    let by_goal: Vec<(&str, u32)> = s.weekly.by_goal.iter().map(|g| (g.title.as_str(), g.minutes[WEEKS - 1])).collect();
    assert_eq!(by_goal, vec![("Rust", 105), ("Piano", 30)]);

    // One test, passed with every answer right.
    let tw = s.tests.weeks[WEEKS - 1];
    assert_eq!((tw.tested, tw.passed, tw.perfect, tw.pass_rate, tw.average_score), (1, 1, 1, Some(1.0), Some(1.0)));
    assert_eq!((s.tests.totals.total, s.tests.totals.perfect), (1, 1));

    // Reviews: three Good on Monday (new cards); Again and Good on Wednesday (review cards).
    let r = &s.revision;
    let reviews = |d: &str| r.days.iter().find(|x| x.date == day(d)).unwrap();
    assert_eq!((reviews("2026-03-02").good, reviews("2026-03-02").total()), (3, 3));
    assert_eq!((reviews("2026-03-04").again, reviews("2026-03-04").good), (1, 1));
    let march = r.months.last().unwrap();
    assert_eq!((march.reviews, march.recalled, march.retention), (2, 1, Some(0.5)));
    assert_eq!(r.retention, Some(0.5));
    // Due: the Again card (relearning, due 10 minutes later) and the unrated one are overdue,
    // so today; the Good one on its new date.
    assert_eq!(r.forecast[0].cards, 2);
    let offset = (good_due - s.today).num_days() as usize;
    assert!(offset > 0 && offset < FORECAST_DAYS, "Good card due {good_due}");
    assert_eq!(r.forecast[offset].cards, 1);
    assert_eq!(r.forecast.iter().map(|d| d.cards).sum::<u32>(), 3);
    assert_eq!((r.cards.new, r.cards.learning, r.cards.review, r.cards.relearning), (0, 0, 2, 1));

    // Piano was completed on Tuesday, a day after it was created, with its one step.
    let g = &s.goals;
    assert_eq!((g.total, g.completed, g.average_days_to_complete), (2, 1, Some(1.0)));
    let cats: Vec<(&str, u32, u32)> =
        g.categories.iter().map(|c| (c.category.as_str(), c.goals, c.completed)).collect();
    assert_eq!(cats, vec![("Music", 1, 1), ("Programming", 1, 0)]);
    assert_eq!(g.steps_by_month.last().map(|m| (m.month, m.steps)), Some((day("2026-03-01"), 1)));
}

#[test]
fn one_goal_uses_the_same_figures_narrowed_to_it() {
    let History { mut t, rust, piano, .. } = history();
    let s = t.app.stats(Some(&rust)).unwrap();
    assert_eq!((s.study.total_minutes, s.study.streak.longest), (105, 2));
    assert_eq!((week(&s).planned_minutes, week(&s).done_minutes), (180, 120));
    assert_eq!(s.weekly.by_goal.len(), 1);
    assert_eq!(s.tests.totals.total, 1);
    assert_eq!(s.revision.days.iter().map(|d| d.total()).sum::<u32>(), 5);
    assert_eq!((s.goals.total, s.goals.completed), (1, 0));

    let s = t.app.stats(Some(&piano)).unwrap();
    assert_eq!(s.study.total_minutes, 30);
    assert_eq!(s.tests.totals.total, 0, "the test covered Rust's material only");
    assert_eq!(s.revision.days.iter().map(|d| d.total()).sum::<u32>(), 0);
    assert_eq!((s.goals.completed, s.goals.steps_by_month.last().unwrap().steps), (1, 1));
}

#[test]
fn a_fresh_store_has_empty_figures_and_a_bad_goal_is_refused() {
    let mut t = TestApp::new();
    let s = t.app.stats(None).unwrap();
    assert_eq!((s.study.total_minutes, s.study.days.len()), (0, 365));
    assert!(s.weekly.by_goal.is_empty());
    assert_eq!(s.tests.totals.total, 0);
    assert_eq!((s.revision.retention, s.revision.forecast[0].cards), (None, 0));
    assert_eq!(s.goals.total, 0);
    let bad = t.app.stats(Some("not-an-id")).unwrap_err();
    assert_eq!(bad.code, ErrorCode::InvalidInput);
    let missing = t.app.stats(Some("0190a000-0000-7000-8000-000000000099")).unwrap_err();
    assert_eq!(missing.code, ErrorCode::NotFound);
}

#[test]
fn the_figures_survive_a_restart() {
    let History { mut t, .. } = history();
    let before = t.app.stats(None).unwrap();
    let mut t = t.restart();
    t.advance_to(day("2026-03-05"));
    assert_eq!(t.app.stats(None).unwrap(), before);
}

#[test]
fn a_background_read_of_the_review_log_gives_the_same_figures() {
    let History { t, .. } = history();
    let mut t = t.restart();
    t.advance_to(day("2026-03-05"));
    let scan = t.app.stats_scan().expect("the review log is not in memory after a restart");
    let running = std::thread::spawn(move || scan.run());
    // A review rated while the scan runs is kept too.
    let due = t.app.due_cards(None).unwrap()[0].id.0.clone();
    t.app.rate_card(&due, 4, None, None).unwrap();
    t.app.install_stats(running.join().unwrap()).unwrap();
    assert!(t.app.stats_scan().is_none());
    let warmed = t.app.stats(None).unwrap();
    assert_eq!(warmed.revision.days.last().unwrap().easy, 1);
    let mut t = t.restart();
    t.advance_to(day("2026-03-05"));
    assert_eq!(t.app.stats(None).unwrap(), warmed, "the same as reading the log in place");
}
