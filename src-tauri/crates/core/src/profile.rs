//! The learner's profile: settings that hold for all goals — when their day
//! starts, their time zone, and their days off.

use crate::availability::DayOff;
use crate::day::DEFAULT_DAY_START_HOUR;
use crate::error::{ValidationError, ValidationResult};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Learner-wide settings. One document per learner; its id is the user id.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Profile {
    /// The user id.
    pub id: String,
    /// The hour (0–23, local time) a new learner day starts.
    pub day_start_hour: u8,
    /// An IANA time zone ("Europe/Berlin"); `None` follows the computer's.
    pub time_zone: Option<String>,
    /// Declared breaks, oldest first.
    pub days_off: Vec<DayOff>,
    /// The share of right answers a daily test needs (0.1–1.0).
    #[serde(default = "default_pass_mark")]
    pub pass_mark: f64,
    /// FSRS desired retention (0.70–0.97).
    #[serde(default = "default_retention")]
    pub desired_retention: f64,
    /// FSRS weights fitted to this learner; empty means the defaults.
    #[serde(default)]
    pub fsrs_weights: Vec<f32>,
    /// Hours without notifications.
    #[serde(default)]
    pub quiet_hours: Option<crate::reminder::QuietHours>,
    /// All reminders are silent until then.
    #[serde(default)]
    pub reminders_paused_until: Option<chrono::DateTime<chrono::Utc>>,
}

fn default_pass_mark() -> f64 {
    crate::quiz::DEFAULT_PASS_MARK
}

fn default_retention() -> f64 {
    crate::srs::DEFAULT_RETENTION
}

impl Profile {
    /// The settings of a new learner.
    pub fn new(id: impl Into<String>) -> Self {
        Self {
            id: id.into(),
            day_start_hour: DEFAULT_DAY_START_HOUR,
            time_zone: None,
            days_off: Vec::new(),
            pass_mark: default_pass_mark(),
            desired_retention: default_retention(),
            fsrs_weights: Vec::new(),
            quiet_hours: None,
            reminders_paused_until: None,
        }
    }
}

/// What a learner types to add a break.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct DayOffInput {
    /// First day off.
    pub start: Option<NaiveDate>,
    /// Last day off; the start day when absent.
    pub end: Option<NaiveDate>,
    /// Optional note.
    pub note: String,
}

impl DayOffInput {
    /// Checks the range (start required, end not before start, at most a year,
    /// not wholly in the past) and stamps it with the day it was declared.
    pub fn validate(self, today: NaiveDate) -> ValidationResult<DayOff> {
        let start = self.start.ok_or_else(|| ValidationError::new("start", "is required: the first day off"))?;
        let end = self.end.unwrap_or(start);
        if end < start {
            return Err(ValidationError::new("end", format!("{end} is before the first day off ({start})")));
        }
        if (end - start).num_days() > 366 {
            return Err(ValidationError::new("end", "a break can last at most a year"));
        }
        if end < today {
            return Err(ValidationError::new("start", format!("{start}–{end} is already over; pick today or later")));
        }
        Ok(DayOff { start, end, note: self.note.trim().chars().take(200).collect(), declared_on: today })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn day_off_ranges_are_checked() {
        let today = day("2026-11-22");
        let one = DayOffInput { start: Some(day("2026-12-24")), end: None, note: " Xmas ".into() };
        let off = one.validate(today).unwrap();
        assert_eq!(
            (off.start, off.end, off.note.as_str(), off.declared_on),
            (day("2026-12-24"), day("2026-12-24"), "Xmas", today)
        );
        let backwards =
            DayOffInput { start: Some(day("2026-12-24")), end: Some(day("2026-12-20")), note: String::new() };
        assert_eq!(backwards.validate(today).unwrap_err().field, "end");
        assert_eq!(DayOffInput::default().validate(today).unwrap_err().field, "start");
        let past = DayOffInput { start: Some(day("2026-11-01")), end: Some(day("2026-11-02")), note: String::new() };
        assert_eq!(past.validate(today).unwrap_err().field, "start");
    }
}
