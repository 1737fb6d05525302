//! Small builders for the stats tests: tasks, goals, attempts, reviews and
//! cards that read like the history they describe.

use crate::activity::{Activity, ActivityKind};
use crate::availability::WeekMinutes;
use crate::card::{Card, TestAttempt};
use crate::goal::{Difficulty, Goal, GoalStatus};
use crate::ids::{ActivityId, GoalId, QuestionId, StepId, TaskId, TestId};
use crate::question::{Question, QuestionBody};
use crate::srs::{CardState, Rating, SrsCard};
use crate::stats::ReviewFact;
use crate::task::{Task, TaskStatus};
use chrono::{DateTime, NaiveDate, Utc};
use std::sync::atomic::{AtomicU64, Ordering};

static NEXT: AtomicU64 = AtomicU64::new(1);

fn next_id() -> String {
    uuid::Uuid::from_u128(u128::from(NEXT.fetch_add(1, Ordering::Relaxed))).to_string()
}

pub(crate) fn day(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

pub(crate) fn utc(s: &str) -> DateTime<Utc> {
    s.parse().unwrap()
}

pub(crate) fn refs<T>(items: &[T]) -> Vec<&T> {
    items.iter().collect()
}

pub(crate) fn step_id(n: u128) -> StepId {
    StepId(uuid::Uuid::from_u128(2_000 + n).to_string())
}

/// An active goal without a category, created on 1 January 2026.
pub(crate) fn goal(n: u128) -> Goal {
    Goal {
        id: GoalId(uuid::Uuid::from_u128(1_000 + n).to_string()),
        title: format!("Goal {n}"),
        description: String::new(),
        category: String::new(),
        difficulty: Difficulty::Beginner,
        target_date: None,
        hours_per_week: 5.0,
        week_minutes: WeekMinutes::even(5.0),
        skills: vec![],
        prerequisites: vec![],
        status: GoalStatus::Active,
        created_at: utc("2026-01-01T10:00:00Z"),
        completed_at: None,
    }
}

pub(crate) fn goal_titled(n: u128, title: &str) -> Goal {
    Goal { title: title.into(), ..goal(n) }
}

pub(crate) fn goal_with_status(n: u128, status: GoalStatus) -> Goal {
    Goal { status, ..goal(n) }
}

pub(crate) fn goal_in(n: u128, category: &str, created_at: &str) -> Goal {
    Goal { category: category.into(), created_at: utc(created_at), ..goal(n) }
}

/// A planned task of goal 1.
pub(crate) fn task(date: &str, minutes: u32) -> Task {
    task_of(&goal(1), date, minutes)
}

pub(crate) fn task_of(goal: &Goal, date: &str, minutes: u32) -> Task {
    Task {
        id: TaskId(next_id()),
        goal_id: goal.id.clone(),
        step_id: step_id(1),
        date: day(date),
        title: "Study".into(),
        duration_minutes: minutes,
        seq: 0,
        status: TaskStatus::Planned,
        time_spent_minutes: None,
        created_at: utc("2026-01-01T10:00:00Z"),
        completed_at: None,
        completed_on: None,
        missed_dates: vec![],
    }
}

/// `task` marked done on learner date `on`, with `spent` minutes recorded.
pub(crate) fn done(task: Task, on: &str, spent: Option<u32>) -> Task {
    Task {
        status: TaskStatus::Done,
        completed_on: Some(day(on)),
        completed_at: Some(utc(&format!("{on}T12:00:00Z"))),
        time_spent_minutes: spent,
        ..task
    }
}

pub(crate) fn skipped(task: Task, on: &str) -> Task {
    Task { status: TaskStatus::Skipped, completed_on: Some(day(on)), ..task }
}

pub(crate) fn attempt(date: &str, score: f64, passed: bool, goals: &[&Goal]) -> TestAttempt {
    TestAttempt {
        id: TestId(next_id()),
        date: day(date),
        goal_ids: goals.iter().map(|g| g.id.clone()).collect(),
        question_ids: vec![],
        answers: vec![],
        score,
        passed,
        pass_mark: 0.7,
        completed_at: utc(&format!("{date}T12:00:00Z")),
    }
}

pub(crate) fn review(at: &str, state_before: CardState, rating: Rating) -> ReviewFact {
    ReviewFact { at: utc(at), state_before, rating }
}

pub(crate) fn card(goal: &Goal, due: &str, state: CardState) -> Card {
    Card {
        question: Question {
            id: QuestionId(next_id()),
            goal_id: goal.id.clone(),
            step_id: None,
            task_id: None,
            prompt: "Why?".into(),
            body: QuestionBody::Recall { back: "Because.".into() },
            explanation: String::new(),
            tags: vec![],
            created_at: utc("2026-01-01T10:00:00Z"),
            generated_by: None,
        },
        srs: SrsCard { state, due: utc(due), ..SrsCard::new(utc("2026-01-01T10:00:00Z")) },
    }
}

/// A log entry of goal 1 about step 1.
pub(crate) fn activity(kind: ActivityKind, date: &str) -> Activity {
    Activity {
        id: ActivityId(next_id()),
        kind,
        goal_id: Some(goal(1).id),
        subject_id: Some(step_id(1).0),
        title: "Done".into(),
        at: utc(&format!("{date}T12:00:00Z")),
        date: day(date),
        value: None,
    }
}
