//! When a learner can study: minutes available on each weekday, and the days
//! off (holidays, vacations) declared for all goals.

use crate::error::{ValidationError, ValidationResult};
use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Minutes available on each weekday, Monday first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct WeekMinutes(pub [u32; 7]);

/// Weekday names, Monday first, as used in messages.
pub const WEEKDAYS: [&str; 7] = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

impl WeekMinutes {
    /// The same share of `hours_per_week` on every day (at least one minute a day).
    pub fn even(hours_per_week: f64) -> Self {
        Self([((hours_per_week * 60.0 / 7.0).round() as u32).max(1); 7])
    }

    /// Minutes from hours per weekday (Monday first). Each day is 0–24 h; at
    /// least one day must have time.
    pub fn from_hours(hours: &[f64]) -> ValidationResult<Self> {
        if hours.len() != 7 {
            return Err(ValidationError::new(
                "week_hours",
                format!("needs 7 values, Monday to Sunday; got {}", hours.len()),
            ));
        }
        let mut minutes = [0u32; 7];
        for (i, h) in hours.iter().enumerate() {
            if !h.is_finite() || *h < 0.0 || *h > 24.0 {
                return Err(ValidationError::new(
                    "week_hours",
                    format!("{} must be between 0 and 24 hours; got {h}", WEEKDAYS[i]),
                ));
            }
            minutes[i] = (h * 60.0).round() as u32;
        }
        if minutes.iter().all(|m| *m == 0) {
            return Err(ValidationError::new(
                "week_hours",
                "is 0 h on every day, so nothing can be planned; give at least one day some time",
            ));
        }
        Ok(Self(minutes))
    }

    /// Minutes available on `date`'s weekday.
    pub fn on(&self, date: NaiveDate) -> u32 {
        self.0[date.weekday().num_days_from_monday() as usize]
    }

    /// Minutes in a whole week.
    pub fn total(&self) -> u32 {
        self.0.iter().sum()
    }

    /// Hours in a whole week.
    pub fn hours_per_week(&self) -> f64 {
        f64::from(self.total()) / 60.0
    }
}

/// A declared break from study: `start..=end`, for all goals. Declared in
/// advance (`declared_on` before the day), it also keeps the streak alive.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct DayOff {
    /// First day off.
    pub start: NaiveDate,
    /// Last day off (inclusive).
    pub end: NaiveDate,
    /// Why, in the learner's words ("Holiday in Rome").
    pub note: String,
    /// The learner's date when it was declared.
    pub declared_on: NaiveDate,
}

impl DayOff {
    /// Whether `date` falls in this break.
    pub fn covers(&self, date: NaiveDate) -> bool {
        self.start <= date && date <= self.end
    }
}

/// Whether any break covers `date`.
pub fn is_day_off(days_off: &[DayOff], date: NaiveDate) -> bool {
    days_off.iter().any(|d| d.covers(date))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn weekday_pattern() {
        let week = WeekMinutes::from_hours(&[1.0, 1.0, 1.0, 1.0, 1.0, 3.0, 0.0]).unwrap();
        assert_eq!(week.total(), 480);
        assert_eq!(week.hours_per_week(), 8.0);
        assert_eq!(week.on(day("2026-11-21")), 180); // Saturday
        assert_eq!(week.on(day("2026-11-22")), 0); // Sunday
        assert_eq!(week.on(day("2026-11-23")), 60); // Monday
    }

    #[test]
    fn bad_patterns_are_refused() {
        let zero = WeekMinutes::from_hours(&[0.0; 7]).unwrap_err();
        assert_eq!(zero.field, "week_hours");
        assert!(zero.message.contains("0 h on every day"), "{}", zero.message);
        assert!(WeekMinutes::from_hours(&[25.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0]).is_err());
        assert!(WeekMinutes::from_hours(&[-1.0, 1.0, 0.0, 0.0, 0.0, 0.0, 0.0]).is_err());
        assert!(WeekMinutes::from_hours(&[1.0; 6]).is_err());
    }

    #[test]
    fn days_off_cover_inclusive_ranges() {
        let off = vec![DayOff {
            start: day("2026-12-24"),
            end: day("2026-12-26"),
            note: "Holidays".into(),
            declared_on: day("2026-12-01"),
        }];
        assert!(!is_day_off(&off, day("2026-12-23")));
        assert!(is_day_off(&off, day("2026-12-24")));
        assert!(is_day_off(&off, day("2026-12-26")));
        assert!(!is_day_off(&off, day("2026-12-27")));
        assert_eq!(WeekMinutes::even(7.0).0, [60; 7]);
    }
}
