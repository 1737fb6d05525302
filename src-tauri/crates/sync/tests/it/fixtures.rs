//! Domain values for sync tests and the benchmark: one of each synced kind,
//! numbered so two devices can write the same documents.

#![allow(dead_code)]

use chrono::{DateTime, Duration, NaiveDate, NaiveTime, TimeZone, Utc};
use waymark_core::activity::{Activity, ActivityKind};
use waymark_core::availability::WeekMinutes;
use waymark_core::card::{Card, Review, TestAttempt};
use waymark_core::goal::{Difficulty, Goal, GoalStatus};
use waymark_core::ids::{ActivityId, GoalId, QuestionId, ReminderId, ReviewId, StepId, TaskId, TestId};
use waymark_core::question::{Question, QuestionBody};
use waymark_core::reminder::{Reminder, ReminderKind};
use waymark_core::srs::{CardState, Memory, Rating, SrsCard};
use waymark_core::task::{Task, TaskStatus};

pub fn t0() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 3, 2, 9, 0, 0).unwrap()
}

pub fn uuid(n: u64) -> String {
    uuid::Uuid::from_u128(u128::from(n)).to_string()
}

pub fn day(n: u64) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 1, 1).unwrap() + Duration::days(i64::try_from(n % 700).unwrap())
}

pub fn goal(n: u64, title: &str) -> Goal {
    Goal {
        id: GoalId(uuid(1_000_000 + n)),
        title: title.to_string(),
        description: String::new(),
        category: "Languages".into(),
        difficulty: Difficulty::Intermediate,
        target_date: None,
        hours_per_week: 5.0,
        week_minutes: WeekMinutes::even(5.0),
        skills: vec![],
        prerequisites: vec![],
        status: GoalStatus::Active,
        created_at: t0(),
        completed_at: None,
    }
}

pub fn task(n: u64, goal: u64, title: &str) -> Task {
    Task {
        id: TaskId(uuid(2_000_000 + n)),
        goal_id: GoalId(uuid(1_000_000 + goal)),
        step_id: StepId(uuid(9)),
        date: day(n),
        title: title.to_string(),
        duration_minutes: 30,
        seq: u32::try_from(n % 1000).unwrap(),
        status: TaskStatus::Planned,
        time_spent_minutes: None,
        created_at: t0(),
        completed_at: None,
        completed_on: None,
        missed_dates: vec![],
    }
}

pub fn card(n: u64, goal: u64, prompt: &str) -> Card {
    let due = t0() + Duration::hours(i64::try_from(n % 5000).unwrap());
    Card {
        question: Question {
            id: QuestionId(uuid(3_000_000 + n)),
            goal_id: GoalId(uuid(1_000_000 + goal)),
            step_id: None,
            task_id: None,
            prompt: prompt.to_string(),
            body: QuestionBody::Recall { back: format!("Answer {n}") },
            explanation: String::new(),
            tags: vec![],
            created_at: t0(),
            generated_by: None,
        },
        srs: SrsCard {
            state: CardState::Review,
            memory: Some(Memory { stability: 20.0, difficulty: 5.0 }),
            due,
            last_review: Some(due - Duration::days(20)),
            reps: 10,
            lapses: 1,
        },
    }
}

pub fn review(n: u64, card: u64, goal: u64) -> Review {
    Review {
        id: ReviewId(uuid(4_000_000 + n)),
        card_id: QuestionId(uuid(3_000_000 + card)),
        goal_id: GoalId(uuid(1_000_000 + goal)),
        rating: Rating::Good,
        at: t0() - Duration::minutes(i64::try_from(n).unwrap()),
        state_before: CardState::Review,
        elapsed_days: 10,
        scheduled_days: 20,
        duration_ms: Some(6_000),
    }
}

pub fn activity(n: u64, goal: u64) -> Activity {
    Activity {
        id: ActivityId(uuid(5_000_000 + n)),
        kind: ActivityKind::GoalCreated,
        goal_id: Some(GoalId(uuid(1_000_000 + goal))),
        subject_id: None,
        title: format!("Activity {n}"),
        at: t0(),
        date: day(n),
        value: None,
    }
}

pub fn attempt(n: u64, goal: u64) -> TestAttempt {
    TestAttempt {
        id: TestId(uuid(6_000_000 + n)),
        date: day(n),
        goal_ids: vec![GoalId(uuid(1_000_000 + goal))],
        question_ids: vec![],
        answers: vec![],
        score: 0.8,
        passed: true,
        pass_mark: 0.7,
        completed_at: t0(),
    }
}

pub fn reminder(n: u64, minute: u32) -> Reminder {
    Reminder {
        id: ReminderId(uuid(7_000_000 + n)),
        kind: ReminderKind::StreakAtRisk { time: NaiveTime::from_hms_opt(20, minute % 60, 0).unwrap() },
        enabled: true,
        last_fired_at: None,
        snoozed_until: None,
        created_at: t0(),
    }
}
