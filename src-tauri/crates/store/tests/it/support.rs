//! Shared fixtures: temp stores and domain values that read like the domain.

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use tempfile::TempDir;
use waymark_core::goal::{Difficulty, Goal, GoalStatus};
use waymark_core::ids::{GoalId, RoadmapId, StepId, TaskId};
use waymark_core::roadmap::Roadmap;
use waymark_core::task::{Task, TaskStatus};
pub use waymark_store::Collection;
use waymark_store::{RawDoc, RawStamps, Store, StoreResult};

pub fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 3, 2, 9, 0, 0).unwrap()
}

pub fn day(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

pub fn temp_store() -> (TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path(), now()).unwrap();
    (dir, store)
}

pub fn id(n: u128) -> String {
    uuid::Uuid::from_u128(n).to_string()
}

pub fn goal(n: u128) -> Goal {
    Goal {
        id: GoalId(id(n)),
        title: format!("Goal {n}"),
        description: String::new(),
        category: "Test".into(),
        difficulty: Difficulty::Beginner,
        target_date: None,
        hours_per_week: 5.0,
        week_minutes: waymark_core::availability::WeekMinutes::even(5.0),
        skills: vec![],
        prerequisites: vec![],
        status: GoalStatus::Active,
        created_at: now(),
        completed_at: None,
    }
}

pub fn roadmap(n: u128, goal: &Goal) -> Roadmap {
    Roadmap { id: RoadmapId(id(n)), goal_id: goal.id.clone(), template: None, steps: vec![], created_at: now() }
}

pub fn task(n: u128, goal: &GoalId, date: NaiveDate) -> Task {
    Task {
        id: TaskId(id(n)),
        goal_id: goal.clone(),
        step_id: StepId(id(9_999)),
        date,
        title: format!("Task {n}"),
        duration_minutes: 30,
        seq: u32::try_from(n % 1000).unwrap(),
        status: TaskStatus::Planned,
        time_spent_minutes: None,
        created_at: now(),
        completed_at: None,
        completed_on: None,
        missed_dates: vec![],
    }
}

/// The checked stamps of a raw document of `collection`.
pub fn stamps_of(collection: Collection, doc: &RawDoc) -> StoreResult<RawStamps> {
    doc.stamps(collection)
}
