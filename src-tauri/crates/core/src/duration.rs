//! Duration text of a roadmap step ("2 weeks", "1-3 months", "45 min") and the
//! hour estimates derived from it.
//!
//! Two kinds of unit mean different things. Minutes and hours are *effort*: the
//! time the step takes. Days, weeks and months are *calendar spans*: the step is
//! studied for that long at the learner's weekly hours, so the effort is the span
//! in weeks times the hours per week.

use crate::error::{ValidationError, ValidationResult};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Average weeks in a month (52 / 12).
const WEEKS_PER_MONTH: f64 = 52.0 / 12.0;

/// The unit of a duration text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum DurationUnit {
    /// Effort in minutes.
    Minutes,
    /// Effort in hours.
    Hours,
    /// A calendar span in days.
    Days,
    /// A calendar span in weeks.
    Weeks,
    /// A calendar span in months.
    Months,
}

/// A parsed duration: a single value (`min == max`) or a range.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, TS)]
pub struct StepDuration {
    /// Lower bound, in `unit`.
    pub min: f64,
    /// Upper bound, in `unit`.
    pub max: f64,
    /// What the numbers count.
    pub unit: DurationUnit,
}

/// Estimated study hours of a step.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, TS)]
pub struct HourEstimate {
    /// Hours at the lower bound.
    pub min: f64,
    /// Hours at the middle of the range: what the planner schedules.
    pub mid: f64,
    /// Hours at the upper bound.
    pub max: f64,
}

const FIELD: &str = "duration";

/// The longest a step may be: five years as a calendar span, or as much
/// effort as five years at 40 hours a week. A longer step is a typo or
/// hostile input (it would plan tens of thousands of tasks); split it.
const MAX_WEEKS: f64 = 261.0;
const MAX_HOURS: f64 = MAX_WEEKS * 40.0;

/// Parses duration text such as `"2 weeks"`, `"1-3 months"`, `"10 days"`,
/// `"45 min"`, `"1.5h"` or `"2 to 4 weeks"`.
pub fn parse_duration(text: &str) -> ValidationResult<StepDuration> {
    let lowered = text.trim().to_lowercase();
    if lowered.is_empty() {
        return Err(ValidationError::new(FIELD, "is empty; write e.g. \"2 weeks\", \"1-3 months\" or \"45 min\""));
    }
    if lowered.starts_with('-') {
        return Err(ValidationError::new(
            FIELD,
            format!("\"{}\" is negative; a duration must be more than zero", text.trim()),
        ));
    }
    let split_at =
        lowered.char_indices().rev().take_while(|(_, c)| c.is_alphabetic()).last().map(|(i, _)| i).ok_or_else(
            || {
                ValidationError::new(
                    FIELD,
                    format!("\"{}\" has no unit; add min, hours, days, weeks or months", text.trim()),
                )
            },
        )?;
    let (numbers, unit_text) = lowered.split_at(split_at);
    let unit = parse_unit(unit_text.trim()).ok_or_else(|| {
        ValidationError::new(
            FIELD,
            format!(
                "\"{}\" has an unknown unit \"{}\"; use min, hours, days, weeks or months",
                text.trim(),
                unit_text.trim()
            ),
        )
    })?;
    let numbers = numbers.trim();
    let (min, max) = match split_range(numbers) {
        Some((a, b)) => (parse_number(a, text)?, parse_number(b, text)?),
        None => {
            let v = parse_number(numbers, text)?;
            (v, v)
        }
    };
    if min <= 0.0 || max <= 0.0 {
        return Err(ValidationError::new(FIELD, format!("\"{}\" must be more than zero", text.trim())));
    }
    if min > max {
        return Err(ValidationError::new(
            FIELD,
            format!("\"{}\" has its range backwards; write the smaller number first", text.trim()),
        ));
    }
    let too_long = match unit {
        DurationUnit::Minutes => max / 60.0 > MAX_HOURS,
        DurationUnit::Hours => max > MAX_HOURS,
        DurationUnit::Days => max > MAX_WEEKS * 7.0,
        DurationUnit::Weeks => max > MAX_WEEKS,
        DurationUnit::Months => max > 60.0,
    };
    if too_long {
        return Err(ValidationError::new(
            FIELD,
            format!("\"{}\" is longer than five years; split the step into shorter ones", text.trim()),
        ));
    }
    Ok(StepDuration { min, max, unit })
}

fn split_range(numbers: &str) -> Option<(&str, &str)> {
    for sep in ["-", "–", "—", " to "] {
        if let Some((a, b)) = numbers.split_once(sep) {
            return Some((a.trim(), b.trim()));
        }
    }
    None
}

fn parse_number(part: &str, whole: &str) -> ValidationResult<f64> {
    let part = part.trim().trim_end_matches(" to").trim();
    match part.parse::<f64>() {
        Ok(v) if v.is_finite() => Ok(v),
        _ => Err(ValidationError::new(
            FIELD,
            format!("\"{}\" is not a number of units; write e.g. \"2 weeks\" or \"1-3 months\"", whole.trim()),
        )),
    }
}

fn parse_unit(unit: &str) -> Option<DurationUnit> {
    Some(match unit {
        "m" | "min" | "mins" | "minute" | "minutes" => DurationUnit::Minutes,
        "h" | "hr" | "hrs" | "hour" | "hours" => DurationUnit::Hours,
        "d" | "day" | "days" => DurationUnit::Days,
        "w" | "wk" | "wks" | "week" | "weeks" => DurationUnit::Weeks,
        "mo" | "mon" | "month" | "months" => DurationUnit::Months,
        _ => return None,
    })
}

impl StepDuration {
    /// Study hours for this duration at `weekly_hours` per week.
    pub fn hours_at(&self, weekly_hours: f64) -> HourEstimate {
        let to_hours = |v: f64| match self.unit {
            DurationUnit::Minutes => v / 60.0,
            DurationUnit::Hours => v,
            DurationUnit::Days => v / 7.0 * weekly_hours,
            DurationUnit::Weeks => v * weekly_hours,
            DurationUnit::Months => v * WEEKS_PER_MONTH * weekly_hours,
        };
        let (min, max) = (to_hours(self.min), to_hours(self.max));
        HourEstimate { min: round1(min), mid: round1((min + max) / 2.0), max: round1(max) }
    }

    /// The minutes the planner schedules: the middle estimate, at least one minute.
    pub fn planned_minutes(&self, weekly_hours: f64) -> u32 {
        let (lo, hi) = (self.hours_at(weekly_hours).min, self.hours_at(weekly_hours).max);
        let exact = match self.unit {
            DurationUnit::Minutes => (self.min + self.max) / 2.0,
            _ => (lo + hi) / 2.0 * 60.0,
        };
        exact.round().clamp(1.0, f64::from(u32::MAX)) as u32
    }
}

fn round1(v: f64) -> f64 {
    (v * 10.0).round() / 10.0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(min: f64, max: f64, unit: DurationUnit) -> StepDuration {
        StepDuration { min, max, unit }
    }

    #[test]
    fn parses_single_values_and_units() {
        assert_eq!(parse_duration("2 weeks"), Ok(d(2.0, 2.0, DurationUnit::Weeks)));
        assert_eq!(parse_duration("10 days"), Ok(d(10.0, 10.0, DurationUnit::Days)));
        assert_eq!(parse_duration("45 min"), Ok(d(45.0, 45.0, DurationUnit::Minutes)));
        assert_eq!(parse_duration("1.5h"), Ok(d(1.5, 1.5, DurationUnit::Hours)));
        assert_eq!(parse_duration(" 3 Hours "), Ok(d(3.0, 3.0, DurationUnit::Hours)));
        assert_eq!(parse_duration("1 month"), Ok(d(1.0, 1.0, DurationUnit::Months)));
        assert_eq!(parse_duration("90mins"), Ok(d(90.0, 90.0, DurationUnit::Minutes)));
    }

    #[test]
    fn parses_ranges() {
        assert_eq!(parse_duration("1-3 months"), Ok(d(1.0, 3.0, DurationUnit::Months)));
        assert_eq!(parse_duration("2 - 4 weeks"), Ok(d(2.0, 4.0, DurationUnit::Weeks)));
        assert_eq!(parse_duration("2 to 4 weeks"), Ok(d(2.0, 4.0, DurationUnit::Weeks)));
        assert_eq!(parse_duration("30–45 min"), Ok(d(30.0, 45.0, DurationUnit::Minutes)));
    }

    #[test]
    fn refuses_bad_text_naming_the_field() {
        for bad in
            ["", "   ", "-2 weeks", "0 days", "two weeks", "3 fortnights", "5", "3-1 weeks", "1-x months", "NaN days"]
        {
            let err = parse_duration(bad).expect_err(bad);
            assert_eq!(err.field, "duration", "{bad}");
        }
    }

    /// Found by the fuzz suite: "218446744073709551616 days" planned 36,526 tasks.
    #[test]
    fn a_step_longer_than_five_years_is_refused() {
        for long in ["218446744073709551616 days", "1828 days", "262 weeks", "61 months", "1-61 months", "10441 hours"]
        {
            let err = parse_duration(long).expect_err(long);
            assert!(err.message.contains("longer than five years"), "{long}: {}", err.message);
        }
        for fine in ["1827 days", "261 weeks", "60 months", "10440 hours", "600000 min"] {
            assert!(parse_duration(fine).is_ok(), "{fine}");
        }
    }

    #[test]
    fn effort_units_ignore_weekly_hours() {
        let e = parse_duration("45 min").unwrap().hours_at(10.0);
        assert_eq!(e, HourEstimate { min: 0.8, mid: 0.8, max: 0.8 });
        assert_eq!(parse_duration("45 min").unwrap().planned_minutes(10.0), 45);
        assert_eq!(parse_duration("2-4 hours").unwrap().hours_at(1.0), HourEstimate { min: 2.0, mid: 3.0, max: 4.0 });
    }

    #[test]
    fn calendar_units_scale_with_weekly_hours() {
        assert_eq!(parse_duration("2 weeks").unwrap().hours_at(5.0), HourEstimate { min: 10.0, mid: 10.0, max: 10.0 });
        assert_eq!(parse_duration("14 days").unwrap().hours_at(5.0), HourEstimate { min: 10.0, mid: 10.0, max: 10.0 });
        let months = parse_duration("1-3 months").unwrap().hours_at(6.0);
        assert_eq!(months, HourEstimate { min: 26.0, mid: 52.0, max: 78.0 });
        assert_eq!(parse_duration("1-3 months").unwrap().planned_minutes(6.0), 52 * 60);
    }
}
