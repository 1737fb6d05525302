//! What a learner types for a reminder: times, weekdays and limits, checked
//! against their quiet hours so that no reminder is set up never to ring.

use super::{QuietHours, ReminderKind, Weekday};
use crate::error::{ValidationError, ValidationResult};
use chrono::{DateTime, NaiveTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// The least `threshold` of a reviews-due reminder.
const MIN_THRESHOLD: u32 = 1;
/// The least `every_minutes` of a reviews-due reminder, so it cannot nag.
const MIN_EVERY_MINUTES: u32 = 15;
/// The longest note of a one-off reminder, in characters (it is a notification title).
const MAX_NOTE_CHARS: usize = 200;

/// What a learner gives when creating or editing a reminder.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ReminderInput {
    /// What it is about and when it rings.
    pub kind: ReminderKind,
}

impl ReminderInput {
    /// Checks and normalises the input: times and weekdays sorted without
    /// repeats, limits in range, a one-off after `now` and saying what it is
    /// about (its note trimmed), and not silenced for good by the learner's
    /// `quiet` hours.
    pub fn validate(mut self, quiet: Option<QuietHours>, now: DateTime<Utc>) -> ValidationResult<Self> {
        match &mut self.kind {
            ReminderKind::Daily { times, days } => {
                times.sort();
                times.dedup();
                days.sort();
                days.dedup();
                if times.is_empty() {
                    return Err(ValidationError::new("times", "choose at least one time, e.g. 19:30"));
                }
                if days.is_empty() {
                    return Err(no_weekday());
                }
            }
            ReminderKind::ReviewsDue { threshold, every_minutes, .. } => {
                if *threshold < MIN_THRESHOLD {
                    return Err(ValidationError::new(
                        "threshold",
                        format!("must be at least {MIN_THRESHOLD} due review; got {threshold}"),
                    ));
                }
                if *every_minutes < MIN_EVERY_MINUTES {
                    return Err(ValidationError::new(
                        "every_minutes",
                        format!("must be at least {MIN_EVERY_MINUTES} minutes between reminders; got {every_minutes}"),
                    ));
                }
            }
            ReminderKind::StreakAtRisk { .. } => {}
            ReminderKind::At { at, goal_id, task_id, note } => {
                *note = note.trim().to_string();
                if *at <= now {
                    return Err(ValidationError::new("at", "is already past; choose a later date and time"));
                }
                if note.is_empty() && goal_id.is_none() && task_id.is_none() {
                    return Err(ValidationError::new(
                        "note",
                        "say what to remind you of, or set the reminder on a task or goal",
                    ));
                }
                if note.chars().count() > MAX_NOTE_CHARS {
                    return Err(ValidationError::new(
                        "note",
                        format!("is too long; keep it under {MAX_NOTE_CHARS} characters"),
                    ));
                }
            }
        }
        if let Some(quiet) = quiet {
            self.kind.check_quiet(&quiet)?;
        }
        Ok(self)
    }
}

impl ReminderKind {
    /// Refuses quiet hours that would keep this reminder from ever ringing at
    /// its time: ones covering the whole day, or every time of a daily or
    /// streak reminder. Also for checking existing reminders when the quiet
    /// hours change.
    pub fn check_quiet(&self, quiet: &QuietHours) -> ValidationResult<()> {
        let silenced = quiet.whole_day()
            || match self {
                ReminderKind::Daily { times, .. } => times.iter().all(|t| quiet.contains(*t)),
                ReminderKind::StreakAtRisk { time } => quiet.contains(*time),
                ReminderKind::ReviewsDue { .. } | ReminderKind::At { .. } => false,
            };
        if silenced {
            return Err(ValidationError::new(
                "quiet_hours",
                "quiet hours cover every time of this reminder; it would never fire",
            ));
        }
        Ok(())
    }
}

/// Parses a wall-clock time written `HH:MM` (24-hour; `7:05` works too).
pub fn parse_time(text: &str) -> ValidationResult<NaiveTime> {
    let text = text.trim();
    if text.is_empty() {
        return Err(ValidationError::new("time", "is required; use HH:MM, e.g. 19:30"));
    }
    let bad = || ValidationError::new("time", format!("\"{text}\" is not a time; use HH:MM, e.g. 19:30"));
    let (hours, minutes) = text.split_once(':').ok_or_else(bad)?;
    let digits = |s: &str, lengths: &[usize]| lengths.contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit());
    if !digits(hours, &[1, 2]) || !digits(minutes, &[2]) {
        return Err(bad());
    }
    let (Ok(hours), Ok(minutes)) = (hours.parse(), minutes.parse()) else {
        return Err(bad());
    };
    NaiveTime::from_hms_opt(hours, minutes, 0).ok_or_else(bad)
}

/// Parses weekdays separated by commas or spaces (`mon,tue,fri`), with ranges
/// (`mon-fri`, `sat-sun`) and full names; Monday first, without repeats.
pub fn parse_days(text: &str) -> ValidationResult<Vec<Weekday>> {
    let mut days = Vec::new();
    for token in text.split(|c: char| c == ',' || c.is_whitespace()).filter(|t| !t.is_empty()) {
        match token.split_once('-') {
            Some((from, to)) => {
                let (from, to) = (parse_day(from)? as usize, parse_day(to)? as usize);
                let len = (to + 7 - from) % 7 + 1;
                days.extend((from..from + len).map(|i| Weekday::ALL[i % 7]));
            }
            None => days.push(parse_day(token)?),
        }
    }
    days.sort();
    days.dedup();
    if days.is_empty() {
        return Err(no_weekday());
    }
    Ok(days)
}

/// A weekday from its name or an abbreviation of at least three letters.
fn parse_day(text: &str) -> ValidationResult<Weekday> {
    let lower = text.trim().to_lowercase();
    Weekday::ALL.into_iter().find(|day| lower.len() >= 3 && day.name().starts_with(&lower)).ok_or_else(|| {
        ValidationError::new("days", format!("\"{text}\" is not a weekday; use mon, tue, wed, thu, fri, sat or sun"))
    })
}

fn no_weekday() -> ValidationError {
    ValidationError::new("days", "choose at least one weekday")
}

#[cfg(test)]
mod tests {
    use super::*;
    use Weekday::*;

    fn time(s: &str) -> NaiveTime {
        s.parse().unwrap()
    }

    fn now() -> DateTime<Utc> {
        "2026-06-15T12:00:00Z".parse().unwrap()
    }

    fn night() -> Option<QuietHours> {
        Some(QuietHours { start: time("22:00:00"), end: time("07:00:00") })
    }

    fn daily(times: &[&str], days: &[Weekday]) -> ReminderInput {
        ReminderInput {
            kind: ReminderKind::Daily { times: times.iter().map(|t| time(t)).collect(), days: days.to_vec() },
        }
    }

    #[test]
    fn times_are_hh_mm() {
        assert_eq!(parse_time("19:30"), Ok(time("19:30:00")));
        assert_eq!(parse_time(" 07:05 "), Ok(time("07:05:00")));
        assert_eq!(parse_time("7:05"), Ok(time("07:05:00")));
        assert_eq!(parse_time("0:00"), Ok(NaiveTime::MIN));
        let bad = parse_time("7pm").unwrap_err();
        assert_eq!(bad, ValidationError::new("time", "\"7pm\" is not a time; use HH:MM, e.g. 19:30"));
        for text in ["24:00", "19:60", "19:3", "19:300", "-1:30", "+7:30", "19.30", "19:30:00", "１9:30"] {
            assert_eq!(parse_time(text).unwrap_err().field, "time", "{text}");
        }
        assert!(parse_time("").unwrap_err().message.contains("required"));
    }

    #[test]
    fn weekdays_by_name_list_or_range() {
        assert_eq!(parse_days("mon,tue, fri"), Ok(vec![Mon, Tue, Fri]));
        assert_eq!(parse_days("Mon-Fri"), Ok(vec![Mon, Tue, Wed, Thu, Fri]));
        assert_eq!(parse_days("fri-mon"), Ok(vec![Mon, Fri, Sat, Sun]));
        assert_eq!(parse_days("sunday saturday tues thurs sun"), Ok(vec![Tue, Thu, Sat, Sun]));
        assert_eq!(parse_days("wed-wed"), Ok(vec![Wed]));
        let none = parse_days(" , ").unwrap_err();
        assert_eq!(none, ValidationError::new("days", "choose at least one weekday"));
        let bad = parse_days("mon,xyz").unwrap_err();
        assert_eq!(bad.field, "days");
        assert!(bad.message.contains("\"xyz\""), "{}", bad.message);
        assert_eq!(parse_days("mo").unwrap_err().field, "days");
    }

    #[test]
    fn daily_reminders_need_a_time_and_a_weekday() {
        let ok = daily(&["19:30:00", "08:00:00", "19:30:00"], &[Fri, Mon]).validate(None, now()).unwrap();
        assert_eq!(ok, daily(&["08:00:00", "19:30:00"], &[Mon, Fri]));
        assert_eq!(daily(&["19:30:00"], &[]).validate(None, now()).unwrap_err(), no_weekday());
        assert_eq!(daily(&[], &[Mon]).validate(None, now()).unwrap_err().field, "times");
    }

    #[test]
    fn quiet_hours_may_not_cover_every_time() {
        let err = daily(&["23:00:00", "06:30:00"], &[Mon]).validate(night(), now()).unwrap_err();
        assert_eq!(
            err,
            ValidationError::new("quiet_hours", "quiet hours cover every time of this reminder; it would never fire")
        );
        assert!(daily(&["23:00:00", "19:30:00"], &[Mon]).validate(night(), now()).is_ok());
        assert!(daily(&["07:00:00"], &[Mon]).validate(night(), now()).is_ok());
        let whole_day = Some(QuietHours { start: time("09:00:00"), end: time("09:00:00") });
        assert_eq!(daily(&["19:30:00"], &[Mon]).validate(whole_day, now()).unwrap_err().field, "quiet_hours");
        let streak = ReminderInput { kind: ReminderKind::StreakAtRisk { time: time("22:30:00") } };
        assert_eq!(streak.validate(night(), now()).unwrap_err().field, "quiet_hours");
    }

    #[test]
    fn reviews_due_limits() {
        let reviews = |threshold, every_minutes| ReminderInput {
            kind: ReminderKind::ReviewsDue { threshold, every_minutes, at_or_after: None },
        };
        assert!(reviews(1, 15).validate(night(), now()).is_ok());
        assert_eq!(reviews(0, 60).validate(None, now()).unwrap_err().field, "threshold");
        assert_eq!(reviews(10, 14).validate(None, now()).unwrap_err().field, "every_minutes");
    }

    fn one_off(at: &str, note: &str, goal: bool) -> ReminderInput {
        ReminderInput {
            kind: ReminderKind::At {
                at: at.parse().unwrap(),
                goal_id: goal.then(|| crate::ids::GoalId("g1".into())),
                task_id: None,
                note: note.into(),
            },
        }
    }

    #[test]
    fn one_off_notes_are_trimmed() {
        let ok = one_off("2026-06-15T17:30:00Z", "  Call the tutor ", false).validate(night(), now()).unwrap();
        let ReminderKind::At { note, .. } = ok.kind else { panic!("kind changed") };
        assert_eq!(note, "Call the tutor");
    }

    #[test]
    fn a_one_off_must_lie_ahead_and_say_what_it_is_about() {
        let past = one_off("2026-06-15T11:59:00Z", "Call", false).validate(None, now()).unwrap_err();
        assert_eq!(past, ValidationError::new("at", "is already past; choose a later date and time"));
        assert_eq!(one_off("2026-06-15T12:00:00Z", "Call", false).validate(None, now()).unwrap_err().field, "at");
        assert_eq!(one_off("2026-06-16T12:00:00Z", "  ", false).validate(None, now()).unwrap_err().field, "note");
        assert!(one_off("2026-06-16T12:00:00Z", "", true).validate(None, now()).is_ok());
        assert_eq!(
            one_off("2026-06-16T12:00:00Z", &"x".repeat(201), true).validate(None, now()).unwrap_err().field,
            "note"
        );
        // In the quiet hours it is not refused: it rings when they end.
        assert!(one_off("2026-06-15T23:30:00Z", "Call", false).validate(night(), now()).is_ok());
    }
}
