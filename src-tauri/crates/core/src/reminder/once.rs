//! One-off reminders as a learner sets them: a date and a wall-clock time in
//! their own zone ("remind me on Tuesday at 18:00 about this task"), turned
//! into the instant it rings.

use super::{ReminderInput, ReminderKind};
use crate::day::local_instant;
use crate::error::{ValidationError, ValidationResult};
use crate::ids::{GoalId, TaskId};
use chrono::NaiveDateTime;
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// What a learner gives for a one-off reminder.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct OnceInput {
    /// The wall-clock date and time it rings, in the learner's zone.
    pub at: NaiveDateTime,
    /// The goal it is about, if any.
    #[serde(default)]
    pub goal_id: Option<GoalId>,
    /// The task it is about, if any.
    #[serde(default)]
    pub task_id: Option<TaskId>,
    /// What to remind of, in the learner's words.
    #[serde(default)]
    pub note: String,
}

impl OnceInput {
    /// The reminder input, with `at` read in `tz`: a time the clock skips
    /// (spring forward) rings at the first instant after the gap, a time that
    /// happens twice (fall back) at the earlier one.
    pub fn in_zone(self, tz: Tz) -> ReminderInput {
        let at = local_instant(self.at, tz);
        ReminderInput { kind: ReminderKind::At { at, goal_id: self.goal_id, task_id: self.task_id, note: self.note } }
    }
}

/// Parses a local date and time written `YYYY-MM-DDTHH:MM` (a space instead of
/// the `T` and seconds are accepted too).
pub fn parse_date_time(text: &str) -> ValidationResult<NaiveDateTime> {
    let text = text.trim();
    ["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M:%S"]
        .iter()
        .find_map(|format| NaiveDateTime::parse_from_str(text, format).ok())
        .ok_or_else(|| {
            ValidationError::new(
                "at",
                format!("\"{text}\" is not a date and time; use YYYY-MM-DDTHH:MM, e.g. 2026-12-01T18:00"),
            )
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{DateTime, Utc};
    use chrono_tz::Europe::Berlin;

    fn utc(s: &str) -> DateTime<Utc> {
        s.parse().unwrap()
    }

    fn at_of(input: ReminderInput) -> DateTime<Utc> {
        let ReminderKind::At { at, .. } = input.kind else { panic!("not a one-off") };
        at
    }

    fn once(text: &str) -> OnceInput {
        OnceInput { at: parse_date_time(text).unwrap(), goal_id: None, task_id: None, note: "Call".into() }
    }

    #[test]
    fn local_date_times_parse_in_a_few_spellings() {
        let want: NaiveDateTime = "2026-12-01T18:00:00".parse().unwrap();
        for text in ["2026-12-01T18:00", " 2026-12-01 18:00 ", "2026-12-01T18:00:00"] {
            assert_eq!(parse_date_time(text), Ok(want), "{text}");
        }
        for text in ["", "2026-12-01", "18:00", "2026-13-01T18:00", "2026-12-01T25:00", "tomorrow 6pm"] {
            let err = parse_date_time(text).unwrap_err();
            assert_eq!(err.field, "at", "{text}");
            assert!(err.message.contains("YYYY-MM-DDTHH:MM"), "{}", err.message);
        }
    }

    #[test]
    fn the_wall_time_is_read_in_the_learners_zone() {
        assert_eq!(at_of(once("2026-06-15T18:00").in_zone(Berlin)), utc("2026-06-15T16:00:00Z"));
        assert_eq!(at_of(once("2026-12-15T18:00").in_zone(Berlin)), utc("2026-12-15T17:00:00Z"));
        assert_eq!(at_of(once("2026-12-15T18:00").in_zone(chrono_tz::UTC)), utc("2026-12-15T18:00:00Z"));
    }

    #[test]
    fn skipped_and_repeated_wall_times() {
        // 2026-03-29: 02:00 CET jumps to 03:00 CEST; 02:30 does not exist.
        assert_eq!(at_of(once("2026-03-29T02:30").in_zone(Berlin)), utc("2026-03-29T01:00:00Z"));
        // 2026-10-25: 02:30 happens twice (CEST, then CET); the earlier counts.
        assert_eq!(at_of(once("2026-10-25T02:30").in_zone(Berlin)), utc("2026-10-25T00:30:00Z"));
    }
}
