//! The adaptive planner through the facade: weekday hours, days off, rollover
//! at the learner's day start, outlook, streak, prerequisites, completion and
//! the activity log.

use crate::support::*;
use chrono::{TimeZone, Utc};
use waymark_app::{ErrorCode, FixedClock, SettingsInput};
use waymark_core::activity::ActivityKind;
use waymark_core::goal::{GoalInput, GoalStatus};
use waymark_core::outlook::{FixChoice, TrackStatus};
use waymark_core::profile::DayOffInput;
use waymark_core::roadmap::{StepInput, StepStatus};
use waymark_core::streak::TodayState;
use waymark_core::task::TaskStatus;

fn weekday_goal(t: &mut TestApp, title: &str, hours: [f64; 7]) -> String {
    let input = GoalInput { title: title.into(), week_hours: Some(hours.to_vec()), ..Default::default() };
    t.app.create_goal(input, None).unwrap().goal.id.0
}

fn step(title: &str, duration: &str) -> StepInput {
    StepInput { title: title.into(), duration: duration.into(), ..Default::default() }
}

#[test]
fn tasks_fill_only_the_hours_of_each_weekday() {
    let mut t = TestApp::new();
    // Mon–Fri 1 h, Sat 3 h, Sun off; TODAY (2026-03-02) is a Monday.
    let g = weekday_goal(&mut t, "Rust", [1.0, 1.0, 1.0, 1.0, 1.0, 3.0, 0.0]);
    let view = t.app.add_step(&g, step("Ownership", "10 hours"), None).unwrap();
    assert_eq!(view.overview.goal.hours_per_week, 8.0);
    let plan = t.app.plan(&g).unwrap();
    let days: Vec<(String, u32)> = plan.tasks.iter().map(|x| (x.date.to_string(), x.duration_minutes)).collect();
    assert_eq!(
        days,
        vec![
            ("2026-03-02".into(), 60),
            ("2026-03-03".into(), 60),
            ("2026-03-04".into(), 60),
            ("2026-03-05".into(), 60),
            ("2026-03-06".into(), 60),
            ("2026-03-07".into(), 180),
            ("2026-03-09".into(), 60),
            ("2026-03-10".into(), 60),
        ]
    );
}

#[test]
fn zero_hours_on_every_day_is_refused_and_changes_nothing() {
    let mut t = TestApp::new();
    let input = GoalInput { title: "Nothing".into(), week_hours: Some(vec![0.0; 7]), ..Default::default() };
    let err = t.app.create_goal(input, None).unwrap_err();
    assert_eq!((err.code, err.field.as_deref()), (ErrorCode::InvalidInput, Some("week_hours")));
    assert!(err.message.contains("0 h on every day"), "{}", err.message);
    assert!(t.app.list_goals().unwrap().is_empty());
}

#[test]
fn days_off_move_the_plan_and_removing_them_moves_it_back() {
    let mut t = TestApp::new();
    let g = weekday_goal(&mut t, "Rust", [1.0; 7]);
    t.app.add_step(&g, step("A", "3 hours"), None).unwrap();
    let off = DayOffInput { start: Some(day("2026-03-03")), end: Some(day("2026-03-04")), note: "Trip".into() };
    let settings = t.app.add_day_off(off).unwrap();
    assert_eq!(settings.days_off.len(), 1);
    let dates: Vec<String> = t.app.plan(&g).unwrap().tasks.iter().map(|x| x.date.to_string()).collect();
    assert_eq!(dates, vec!["2026-03-02", "2026-03-05", "2026-03-06"]);
    t.app.remove_day_off(day("2026-03-03")).unwrap();
    let dates: Vec<String> = t.app.plan(&g).unwrap().tasks.iter().map(|x| x.date.to_string()).collect();
    assert_eq!(dates, vec!["2026-03-02", "2026-03-03", "2026-03-04"]);
    let bad = DayOffInput { start: Some(day("2026-03-10")), end: Some(day("2026-03-09")), note: String::new() };
    assert_eq!(t.app.add_day_off(bad).unwrap_err().field.as_deref(), Some("end"));
    assert!(t.app.settings().days_off.is_empty());
}

#[test]
fn missed_tasks_roll_forward_at_the_day_start_and_the_log_says_so() {
    let mut t = TestApp::new();
    let g = weekday_goal(&mut t, "Rust", [1.0; 7]);
    t.app.add_step(&g, step("A", "3 hours"), None).unwrap();
    // 03:30 UTC on Tuesday is still Monday for a learner whose day starts at 4.
    t.app.set_clock(Box::new(FixedClock {
        now: Utc.with_ymd_and_hms(2026, 3, 3, 3, 30, 0).unwrap(),
        zone: chrono_tz::UTC,
    }));
    assert!(t.app.roll_over().unwrap().is_empty());
    assert_eq!(t.app.today(), day("2026-03-02"));
    t.app.set_clock(Box::new(FixedClock {
        now: Utc.with_ymd_and_hms(2026, 3, 3, 4, 30, 0).unwrap(),
        zone: chrono_tz::UTC,
    }));
    let today = t.app.today_view(None).unwrap();
    assert_eq!(today.date, day("2026-03-03"));
    assert_eq!(today.tasks.len(), 1);
    assert_eq!(today.tasks[0].title, "A (part 1 of 3)");
    assert_eq!(today.tasks[0].missed_dates, vec![day("2026-03-02")]);
    let plan = t.app.plan(&g).unwrap();
    assert_eq!(plan.tasks.len(), 3, "no task lost");
    assert_eq!(plan.tasks.last().unwrap().date, day("2026-03-05"));
    let log = t.app.activities(Some(&g), None).unwrap();
    assert_eq!(log[0].kind, ActivityKind::TasksRolledOver);
    assert_eq!(log[0].value, Some(1), "only Monday's task missed its day");
    assert_eq!(log[0].title, "1 unfinished task of Rust moved forward");
    // Asking again on the same day moves nothing more.
    assert!(t.app.roll_over().unwrap().is_empty());
}

#[test]
fn the_day_start_and_zone_are_settings_and_bad_ones_are_refused() {
    let mut t = TestApp::new();
    let s = t.app.update_settings(SettingsInput { day_start_hour: 6, time_zone: Some("Asia/Tokyo".into()) }).unwrap();
    assert_eq!((s.day_start_hour, s.zone_in_effect.as_str()), (6, "Asia/Tokyo"));
    let err = t.app.update_settings(SettingsInput { day_start_hour: 24, time_zone: None }).unwrap_err();
    assert_eq!(err.field.as_deref(), Some("day_start_hour"));
    let err =
        t.app.update_settings(SettingsInput { day_start_hour: 4, time_zone: Some("Mars/Olympus".into()) }).unwrap_err();
    assert_eq!(err.field.as_deref(), Some("time_zone"));
    let t = t.restart();
    assert_eq!(t.app.settings().zone_in_effect, "Asia/Tokyo");
}

#[test]
fn outlook_flags_an_infeasible_target_and_its_fixes_work() {
    let mut t = TestApp::new();
    let input = GoalInput {
        title: "Exam".into(),
        week_hours: Some(vec![1.0, 1.0, 1.0, 1.0, 1.0, 0.0, 0.0]),
        target_date: Some(day("2026-03-13")),
        ..Default::default()
    };
    let g = t.app.create_goal(input, None).unwrap().goal.id.0;
    let view = t.app.add_step(&g, step("Everything", "20 hours"), None).unwrap();
    let o = &view.overview.outlook;
    assert_eq!(o.status, TrackStatus::OffTrack);
    let fixes = o.fixes.clone().expect("fixes offered");
    assert!(o.reason.contains("h/week more"), "{}", o.reason);
    let hours = fixes.hours_per_week.unwrap();
    assert_eq!(fixes.later_date, view.overview.finish_date.unwrap());
    // Taking the first fix: the plan fits.
    let scaled: Vec<f64> = [1.0, 1.0, 1.0, 1.0, 1.0, 0.0, 0.0].iter().map(|h| h * hours / 5.0).collect();
    let fixed = t
        .app
        .update_goal(
            &g,
            GoalInput {
                title: "Exam".into(),
                week_hours: Some(scaled),
                target_date: Some(day("2026-03-13")),
                ..Default::default()
            },
        )
        .unwrap();
    assert_eq!(fixed.outlook.status, TrackStatus::OnTrack, "{}", fixed.outlook.reason);
    assert!(fixed.finish_date.unwrap() <= day("2026-03-13"));
}

#[test]
fn the_streak_counts_days_whose_tasks_are_done_and_a_missed_day_breaks_it() {
    let mut t = TestApp::new();
    let g = weekday_goal(&mut t, "Rust", [1.0; 7]);
    t.app.add_step(&g, step("A", "10 hours"), None).unwrap();
    for d in 0..3 {
        t.advance_to(plus(day(TODAY), d));
        let today = t.app.today_view(None).unwrap();
        assert_eq!(today.streak.today, TodayState::Open);
        t.app.set_task_status(today.tasks[0].id.as_str(), TaskStatus::Done, None).unwrap();
        let today = t.app.today_view(None).unwrap();
        assert_eq!((today.streak.current, today.streak.today), (d as u32 + 1, TodayState::Kept));
    }
    // Day 4 missed entirely; on day 5 the streak is gone.
    t.advance_to(plus(day(TODAY), 4));
    let today = t.app.today_view(None).unwrap();
    assert_eq!((today.streak.current, today.streak.longest), (0, 3));
}

#[test]
fn a_day_off_declared_in_advance_keeps_the_streak() {
    let mut t = TestApp::new();
    let g = weekday_goal(&mut t, "Rust", [1.0; 7]);
    t.app.add_step(&g, step("A", "10 hours"), None).unwrap();
    let task = t.app.today_view(None).unwrap().tasks[0].id.clone();
    t.app.set_task_status(task.as_str(), TaskStatus::Done, None).unwrap();
    t.app.add_day_off(DayOffInput { start: Some(plus(day(TODAY), 1)), end: None, note: String::new() }).unwrap();
    t.advance_to(plus(day(TODAY), 1));
    assert_eq!(t.app.today_view(None).unwrap().streak.today, TodayState::Off);
    t.advance_to(plus(day(TODAY), 2));
    let today = t.app.today_view(None).unwrap();
    t.app.set_task_status(today.tasks[0].id.as_str(), TaskStatus::Done, None).unwrap();
    assert_eq!(t.app.today_view(None).unwrap().streak.current, 2);
}

#[test]
fn a_goal_waits_for_its_prerequisite_plan() {
    let mut t = TestApp::new();
    let basics = weekday_goal(&mut t, "Basics", [1.0; 7]);
    t.app.add_step(&basics, step("A", "3 hours"), None).unwrap();
    let input = GoalInput {
        title: "Advanced".into(),
        week_hours: Some(vec![1.0; 7]),
        prerequisites: vec![waymark_core::ids::GoalId(basics.clone())],
        ..Default::default()
    };
    let adv = t.app.create_goal(input, None).unwrap().goal.id.0;
    let view = t.app.add_step(&adv, step("B", "2 hours"), None).unwrap();
    assert_eq!(view.overview.starts_on, Some(day("2026-03-05")));
    let first = t.app.plan(&adv).unwrap().tasks[0].date;
    assert_eq!(first, day("2026-03-05"), "starts the day after Basics ends (2026-03-04)");
    // Growing the prerequisite pushes the dependent goal.
    t.app.add_step(&basics, step("A2", "1 hour"), None).unwrap();
    assert_eq!(t.app.plan(&adv).unwrap().tasks[0].date, day("2026-03-06"));
    // A cycle is refused and changes nothing.
    let cyc = GoalInput {
        title: "Basics".into(),
        week_hours: Some(vec![1.0; 7]),
        prerequisites: vec![waymark_core::ids::GoalId(adv.clone())],
        ..Default::default()
    };
    assert_eq!(t.app.update_goal(&basics, cyc).unwrap_err().field.as_deref(), Some("prerequisites"));
    assert!(t.app.goal_view(&basics).unwrap().overview.goal.prerequisites.is_empty());
    // Pausing the prerequisite flags the dependent goal instead.
    t.app.set_goal_status(&basics, GoalStatus::Paused).unwrap();
    let view = t.app.goal_view(&adv).unwrap();
    assert_eq!(view.overview.waiting_on, vec!["Basics".to_string()]);
}

#[test]
fn finishing_every_task_completes_the_steps_and_the_goal() {
    let mut t = TestApp::new();
    let g = weekday_goal(&mut t, "Short", [2.0; 7]);
    t.app.add_step(&g, step("A", "1 hour"), None).unwrap();
    t.app.add_step(&g, step("B", "1 hour"), None).unwrap();
    let tasks = t.app.today_view(None).unwrap().tasks;
    assert_eq!(tasks.len(), 2);
    t.app.set_task_status(tasks[0].id.as_str(), TaskStatus::Done, None).unwrap();
    let view = t.app.goal_view(&g).unwrap();
    assert_eq!(view.steps[0].step.status, StepStatus::Done);
    assert_eq!(view.overview.goal.status, GoalStatus::Active);
    t.app.set_task_status(tasks[1].id.as_str(), TaskStatus::Done, None).unwrap();
    let view = t.app.goal_view(&g).unwrap();
    assert_eq!(view.overview.goal.status, GoalStatus::Completed);
    assert!(view.overview.goal.completed_at.is_some());
    let kinds: Vec<ActivityKind> = view.activities.iter().map(|a| a.kind).collect();
    assert_eq!(
        kinds,
        vec![
            ActivityKind::GoalCompleted,
            ActivityKind::StepCompleted,
            ActivityKind::TaskCompleted,
            ActivityKind::StepCompleted,
            ActivityKind::TaskCompleted,
            ActivityKind::RoadmapStarted,
            ActivityKind::GoalCreated,
        ]
    );
    // Undoing a task reopens the goal.
    t.app.set_task_status(tasks[1].id.as_str(), TaskStatus::Planned, None).unwrap();
    assert_eq!(t.app.goal_view(&g).unwrap().overview.goal.status, GoalStatus::Active);
}

#[test]
fn a_step_marked_done_by_hand_drops_its_open_tasks() {
    let mut t = TestApp::new();
    let g = weekday_goal(&mut t, "Rust", [1.0; 7]);
    t.app.add_step(&g, step("A", "3 hours"), None).unwrap();
    let view = t.app.add_step(&g, step("B", "1 hour"), None).unwrap();
    let a = view.steps[0].step.id.0.clone();
    let view = t.app.set_step_done(&g, &a, true).unwrap();
    assert_eq!(view.steps[0].step.status, StepStatus::Done);
    let titles: Vec<String> = t.app.plan(&g).unwrap().tasks.into_iter().map(|x| x.title).collect();
    assert_eq!(titles, vec!["B"]);
    assert_eq!(view.activities[0].kind, ActivityKind::StepCompleted);
    let view = t.app.set_step_done(&g, &a, false).unwrap();
    assert_eq!(view.steps[0].step.status, StepStatus::Pending);
    assert_eq!(t.app.plan(&g).unwrap().tasks.len(), 4);
}

#[test]
fn replanning_an_unchanged_roadmap_writes_nothing() {
    let mut t = TestApp::new();
    let g = t.goal_from("rust", 5.0);
    let before = t.app.plan(g.goal.id.as_str()).unwrap();
    t.app.replan_all().unwrap();
    let after = t.app.plan(g.goal.id.as_str()).unwrap();
    assert_eq!(before.tasks, after.tasks);
}

#[test]
fn more_hours_finish_calendar_steps_sooner_instead_of_adding_work() {
    let mut t = TestApp::new();
    let g = weekday_goal(&mut t, "Guitar", [1.0; 7]);
    let before = t.app.add_step(&g, step("Chords", "2 weeks"), None).unwrap();
    assert_eq!(before.overview.outlook.hours_total, 14.0);
    let input = GoalInput { title: "Guitar".into(), week_hours: Some(vec![2.0; 7]), ..Default::default() };
    let after = t.app.update_goal(&g, input).unwrap();
    assert_eq!(after.outlook.hours_total, 14.0, "the same work");
    assert_eq!(after.finish_date, Some(plus(day(TODAY), 6)), "in one week instead of two");
}

#[test]
fn the_facade_applies_an_outlook_fix_and_refuses_one_not_offered() {
    let mut t = TestApp::new();
    let input = GoalInput {
        title: "Exam".into(),
        week_hours: Some(vec![1.0, 1.0, 0.5, 1.0, 1.0, 0.0, 0.0]),
        target_date: Some(day("2026-03-13")),
        ..Default::default()
    };
    let g = t.app.create_goal(input, None).unwrap().goal.id.0;
    let view = t.app.add_step(&g, step("Everything", "20 hours"), None).unwrap();
    let fixes = view.overview.outlook.fixes.clone().expect("fixes offered");
    let hours = fixes.hours_per_week.expect("more hours offered");

    let fixed = t.app.apply_outlook_fix(&g, FixChoice::MoreHours).unwrap();
    let week = fixed.goal.week_minutes.0;
    assert!(fixed.goal.hours_per_week >= hours, "{} h/week for an offer of {hours}", fixed.goal.hours_per_week);
    assert_eq!((week[5], week[6]), (0, 0), "free days stay free: {week:?}");
    assert_eq!(week[0], week[1]);
    assert!(week[2] * 2 >= week[0] && week[2] < week[0], "the shorter day stays shorter: {week:?}");
    assert_eq!(fixed.goal.target_date, Some(day("2026-03-13")));
    assert_eq!(fixed.outlook.status, TrackStatus::OnTrack, "{}", fixed.outlook.reason);

    // On track there is nothing to fix: a clear error, and the goal is unchanged.
    let err = t.app.apply_outlook_fix(&g, FixChoice::LaterDate).unwrap_err();
    assert_eq!(err.code, ErrorCode::InvalidInput);
    assert_eq!(t.app.goal_view(&g).unwrap().overview.goal, fixed.goal);
}

#[test]
fn the_later_date_fix_moves_the_target_to_the_plans_last_day() {
    let mut t = TestApp::new();
    let input = GoalInput {
        title: "Exam".into(),
        hours_per_week: 3.0,
        target_date: Some(day("2026-03-05")),
        ..Default::default()
    };
    let g = t.app.create_goal(input, None).unwrap().goal.id.0;
    let view = t.app.add_step(&g, step("Everything", "20 hours"), None).unwrap();
    let later = view.overview.outlook.fixes.clone().expect("fixes offered").later_date;
    let fixed = t.app.apply_outlook_fix(&g, FixChoice::LaterDate).unwrap();
    assert_eq!(fixed.goal.target_date, Some(later));
    assert_eq!(fixed.goal.week_minutes, view.overview.goal.week_minutes);
    assert_eq!(fixed.outlook.status, TrackStatus::OnTrack, "{}", fixed.outlook.reason);
}
