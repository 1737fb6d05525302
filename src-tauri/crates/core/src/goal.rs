//! Goals: what a learner wants to reach, by when, with how many hours a week.

use crate::availability::WeekMinutes;
use crate::error::{ValidationError, ValidationResult};
use crate::ids::GoalId;
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// How hard the learner expects the goal to be.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Difficulty {
    /// New to the subject.
    #[default]
    Beginner,
    /// Knows the basics.
    Intermediate,
    /// Deepening existing skill.
    Advanced,
}

impl Difficulty {
    /// Parses `beginner`, `intermediate` or `advanced`.
    pub fn parse(text: &str) -> ValidationResult<Self> {
        match text.trim().to_lowercase().as_str() {
            "beginner" => Ok(Self::Beginner),
            "intermediate" => Ok(Self::Intermediate),
            "advanced" => Ok(Self::Advanced),
            other => Err(ValidationError::new(
                "difficulty",
                format!("\"{other}\" is not a difficulty; use beginner, intermediate or advanced"),
            )),
        }
    }
}

/// Where a goal stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum GoalStatus {
    /// Being worked on: its tasks appear on Today.
    #[default]
    Active,
    /// Put aside for now: its tasks are hidden from Today.
    Paused,
    /// Reached.
    Completed,
    /// Kept for the record, out of the way.
    Archived,
}

impl GoalStatus {
    /// Every status, in the order a learner meets them.
    pub const ALL: [Self; 4] = [Self::Active, Self::Paused, Self::Completed, Self::Archived];

    /// Its name as the UI, the JSON and the command line spell it (`active`, …).
    pub fn name(self) -> &'static str {
        match self {
            Self::Active => "active",
            Self::Paused => "paused",
            Self::Completed => "completed",
            Self::Archived => "archived",
        }
    }

    /// Whether the goal's cards come up for review: active and completed goals
    /// (what was learned is kept alive); paused and archived goals rest.
    pub fn reviews_cards(self) -> bool {
        matches!(self, Self::Active | Self::Completed)
    }
}

impl std::str::FromStr for GoalStatus {
    type Err = ValidationError;

    /// Parses a status by its [`name`](Self::name).
    fn from_str(text: &str) -> ValidationResult<Self> {
        Self::ALL.into_iter().find(|s| s.name() == text).ok_or_else(|| {
            ValidationError::new(
                "status",
                format!("\"{text}\" is not a status; use active, paused, completed or archived"),
            )
        })
    }
}

/// A learner's goal.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Goal {
    /// Its id.
    pub id: GoalId,
    /// Short name, e.g. "Learn Rust".
    pub title: String,
    /// Why and what, in the learner's words.
    pub description: String,
    /// Free category, e.g. "Programming".
    pub category: String,
    /// Expected difficulty.
    pub difficulty: Difficulty,
    /// The day the learner wants to be done by.
    pub target_date: Option<NaiveDate>,
    /// Study hours available per week for this goal (the sum of `week_minutes`).
    pub hours_per_week: f64,
    /// Minutes available on each weekday, Monday first.
    pub week_minutes: WeekMinutes,
    /// Skills or tags.
    pub skills: Vec<String>,
    /// Goals to finish first.
    pub prerequisites: Vec<GoalId>,
    /// Where it stands.
    pub status: GoalStatus,
    /// When it was created.
    pub created_at: DateTime<Utc>,
    /// When it was completed, if it was.
    pub completed_at: Option<DateTime<Utc>>,
}

/// What a learner types when creating or editing a goal.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct GoalInput {
    /// Short name; required.
    pub title: String,
    /// Optional description.
    pub description: String,
    /// Optional category.
    pub category: String,
    /// Difficulty (beginner by default).
    pub difficulty: Difficulty,
    /// Optional target date; not in the past.
    pub target_date: Option<NaiveDate>,
    /// Hours per week, more than 0 and at most 168; spread evenly over the week
    /// unless `week_hours` is given.
    pub hours_per_week: f64,
    /// Hours per weekday, Monday first; when given, `hours_per_week` is their sum.
    pub week_hours: Option<Vec<f64>>,
    /// Skills or tags.
    pub skills: Vec<String>,
    /// Goals to finish first (ids).
    pub prerequisites: Vec<GoalId>,
}

/// Default weekly hours when the learner gives none.
pub const DEFAULT_HOURS_PER_WEEK: f64 = 5.0;

impl GoalInput {
    /// Checks and normalises the input. `today` is the learner's date; a target date
    /// before it is refused unless it equals `kept_target` (an edit that leaves an
    /// already-passed date alone).
    pub fn validate(mut self, today: NaiveDate, kept_target: Option<NaiveDate>) -> ValidationResult<Self> {
        self.title = self.title.trim().to_string();
        if self.title.is_empty() {
            return Err(ValidationError::new("title", "is required; give the goal a short name"));
        }
        if self.title.chars().count() > 200 {
            return Err(ValidationError::new("title", "is longer than 200 characters"));
        }
        self.description = self.description.trim().to_string();
        self.category = self.category.trim().to_string();
        if let Some(hours) = &self.week_hours {
            self.hours_per_week = WeekMinutes::from_hours(hours)?.hours_per_week();
        }
        if !self.hours_per_week.is_finite() || self.hours_per_week <= 0.0 || self.hours_per_week > 168.0 {
            return Err(ValidationError::new(
                "hours_per_week",
                format!("must be more than 0 and at most 168 (a week has 168 hours); got {}", self.hours_per_week),
            ));
        }
        if let Some(target) = self.target_date
            && target < today
            && Some(target) != kept_target
        {
            return Err(ValidationError::new(
                "target_date",
                format!("{target} is in the past; pick today ({today}) or a later day"),
            ));
        }
        self.skills = clean_tags(&self.skills);
        let mut prerequisites: Vec<GoalId> = Vec::new();
        for p in self.prerequisites {
            if !prerequisites.contains(&p) {
                prerequisites.push(p);
            }
        }
        self.prerequisites = prerequisites;
        Ok(self)
    }

    /// The weekly pattern of a validated input.
    pub fn week(&self) -> WeekMinutes {
        match &self.week_hours {
            Some(hours) => WeekMinutes::from_hours(hours).unwrap_or_else(|_| WeekMinutes::even(self.hours_per_week)),
            None => WeekMinutes::even(self.hours_per_week),
        }
    }
}

impl GoalInput {
    /// Sets the weekly time to `week`: its total, and the weekday pattern
    /// unless every day has the same time (then it is the even spread).
    pub fn set_week(&mut self, week: &WeekMinutes) {
        self.hours_per_week = week.hours_per_week();
        let even = week.0.iter().all(|m| *m == week.0[0]);
        self.week_hours = (!even).then(|| week.0.iter().map(|m| f64::from(*m) / 60.0).collect());
    }
}

impl Goal {
    /// The input that saves this goal as it is: the start of an edit that
    /// changes one thing.
    pub fn input(&self) -> GoalInput {
        let mut input = GoalInput {
            title: self.title.clone(),
            description: self.description.clone(),
            category: self.category.clone(),
            difficulty: self.difficulty,
            target_date: self.target_date,
            hours_per_week: self.hours_per_week,
            week_hours: None,
            skills: self.skills.clone(),
            prerequisites: self.prerequisites.clone(),
        };
        input.set_week(&self.week_minutes);
        input
    }

    /// Whether the goal's plan should fill days: only active goals have planned tasks.
    pub fn is_active(&self) -> bool {
        self.status == GoalStatus::Active
    }
}

/// Trims tags, drops empty ones and duplicates (keeping the first spelling).
pub fn clean_tags(tags: &[String]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for t in tags {
        let t = t.trim();
        if !t.is_empty() && !out.iter().any(|o| o.eq_ignore_ascii_case(t)) {
            out.push(t.to_string());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn input() -> GoalInput {
        GoalInput { title: "  Learn Rust ".into(), hours_per_week: 5.0, ..Default::default() }
    }

    #[test]
    fn a_status_parses_by_the_name_it_is_stored_under() {
        for status in GoalStatus::ALL {
            assert_eq!(serde_json::to_value(status).unwrap(), status.name());
            assert_eq!(status.name().parse::<GoalStatus>(), Ok(status));
        }
        assert_eq!("done".parse::<GoalStatus>().unwrap_err().field, "status");
    }

    #[test]
    fn valid_input_is_normalised() {
        let g = GoalInput { skills: vec![" rust ".into(), "".into(), "Rust".into(), "cargo".into()], ..input() };
        let g = g.validate(day("2026-01-01"), None).unwrap();
        assert_eq!(g.title, "Learn Rust");
        assert_eq!(g.skills, vec!["rust".to_string(), "cargo".to_string()]);
    }

    #[test]
    fn refuses_bad_fields_by_name() {
        let today = day("2026-06-01");
        let cases = [
            (GoalInput { title: "   ".into(), ..input() }, "title"),
            (GoalInput { hours_per_week: 0.0, ..input() }, "hours_per_week"),
            (GoalInput { hours_per_week: -3.0, ..input() }, "hours_per_week"),
            (GoalInput { hours_per_week: 169.0, ..input() }, "hours_per_week"),
            (GoalInput { hours_per_week: f64::NAN, ..input() }, "hours_per_week"),
            (GoalInput { target_date: Some(day("2026-05-31")), ..input() }, "target_date"),
        ];
        for (bad, field) in cases {
            assert_eq!(bad.validate(today, None).unwrap_err().field, field);
        }
    }

    #[test]
    fn past_target_is_kept_on_edit_but_not_set_anew() {
        let today = day("2026-06-01");
        let past = Some(day("2026-05-01"));
        assert!(GoalInput { target_date: past, ..input() }.validate(today, past).is_ok());
        assert!(GoalInput { target_date: past, ..input() }.validate(today, Some(day("2026-07-01"))).is_err());
        assert!(GoalInput { target_date: Some(today), ..input() }.validate(today, None).is_ok());
    }

    #[test]
    fn weekday_hours_set_the_weekly_total() {
        let g = GoalInput { week_hours: Some(vec![1.0, 1.0, 1.0, 1.0, 1.0, 3.0, 0.0]), hours_per_week: 0.0, ..input() };
        let g = g.validate(day("2026-01-01"), None).unwrap();
        assert_eq!(g.hours_per_week, 8.0);
        assert_eq!(g.week().0, [60, 60, 60, 60, 60, 180, 0]);
        let zero = GoalInput { week_hours: Some(vec![0.0; 7]), ..input() };
        assert_eq!(zero.validate(day("2026-01-01"), None).unwrap_err().field, "week_hours");
    }

    #[test]
    fn difficulty_parses_case_insensitively() {
        assert_eq!(Difficulty::parse("Advanced"), Ok(Difficulty::Advanced));
        assert_eq!(Difficulty::parse("expert").unwrap_err().field, "difficulty");
    }
}
