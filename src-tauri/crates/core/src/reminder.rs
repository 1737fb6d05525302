//! Reminders: which notifications are due at a given instant, and when to look
//! again. Pure rules over persisted state; the app owns the clock and the
//! notifications.
//!
//! # The rule
//!
//! Every reminder has *slots*, the instants it is meant to ring:
//!
//! - [`ReminderKind::Daily`] rings at each of its times on its weekdays;
//!   [`ReminderKind::StreakAtRisk`] at its time every day, while today's work
//!   is still open ([`Facts::streak_open`]), and only for today's slot.
//! - Times are wall-clock times in the learner's zone, read inside the learner
//!   day ([`crate::day`]): a time before the day-start hour belongs to the night
//!   after its date, so "Monday 01:00" with a 4 am day start rings in the night
//!   from Monday to Tuesday. A time the clock skips (spring forward) rings at
//!   the first instant after the gap; a time that happens twice (fall back)
//!   rings once, at the earlier instant.
//! - [`ReminderKind::At`] has one slot, an instant; the learner sets it as a
//!   date and wall-clock time in their zone ([`OnceInput`]).
//! - [`ReminderKind::ReviewsDue`] has no fixed slots: it rings when enough reviews
//!   are due, at most once per interval, optionally only from a time of day on.
//!
//! A slot is *pending* when it lies after `last_fired_at` (or the creation) and
//! not after now. [`due`] reports at most one [`DueReminder`] per reminder: the
//! latest pending slot, with the other pending slots counted in
//! [`DueReminder::missed`], so a laptop that slept for days sends one catch-up,
//! never a flood. The app records the slot with [`Reminder::record_fired`]; as
//! that survives restarts, a slot never rings twice, and a clock set back rings
//! nothing until a slot after the recorded one comes.
//!
//! Nothing rings while the reminder is disabled or snoozed, while all reminders
//! are paused, or during quiet hours. A slot in quiet hours is deferred to their
//! end; the end of a snooze is a slot of its own (standing in for the slots
//! snoozed over); slots during a pause are dropped.

mod due;
mod input;
mod once;
mod slots;

pub use due::{CATCH_UP_HOURS, REVIEW_RECHECK_MINUTES, due, next_ring, next_wake};
pub use input::{ReminderInput, parse_days, parse_time};
pub use once::{OnceInput, parse_date_time};

use crate::ids::{GoalId, ReminderId, TaskId};
use chrono::{DateTime, Datelike, NaiveDate, NaiveTime, TimeDelta, Utc};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// How long after ringing a reminder still counts as just rung
/// ([`Reminder::rang_recently`]).
pub const RECENT_HOURS: i64 = 12;

/// A day of the week, serialized `mon` to `sun`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Weekday {
    /// Monday.
    Mon,
    /// Tuesday.
    Tue,
    /// Wednesday.
    Wed,
    /// Thursday.
    Thu,
    /// Friday.
    Fri,
    /// Saturday.
    Sat,
    /// Sunday.
    Sun,
}

impl Weekday {
    /// Every day, Monday first.
    pub const ALL: [Weekday; 7] =
        [Weekday::Mon, Weekday::Tue, Weekday::Wed, Weekday::Thu, Weekday::Fri, Weekday::Sat, Weekday::Sun];

    /// The weekday of `date`.
    pub fn of(date: NaiveDate) -> Self {
        Self::ALL[date.weekday().num_days_from_monday() as usize]
    }

    /// Its full English name in lower case, e.g. `monday`.
    pub fn name(self) -> &'static str {
        ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"][self as usize]
    }
}

/// What a reminder is about and when it rings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ReminderKind {
    /// A study nudge at fixed times on chosen weekdays.
    Daily {
        /// Wall-clock times in the learner's zone, ascending.
        times: Vec<NaiveTime>,
        /// The learner days it rings on, Monday first.
        days: Vec<Weekday>,
    },
    /// Reviews are piling up: rings while at least `threshold` are due.
    ReviewsDue {
        /// How many due reviews it takes (at least 1).
        threshold: u32,
        /// The least minutes between two of these reminders (at least 15).
        every_minutes: u32,
        /// If set, it rings only from this time of the learner day on.
        at_or_after: Option<NaiveTime>,
    },
    /// Today's tasks or test are not done yet: rings at `time` while they are open.
    StreakAtRisk {
        /// Wall-clock time in the learner's zone.
        time: NaiveTime,
    },
    /// A one-off reminder.
    At {
        /// When it rings.
        at: DateTime<Utc>,
        /// The goal it is about, if any.
        goal_id: Option<GoalId>,
        /// The task it is about, if any.
        task_id: Option<TaskId>,
        /// What to remind of, in the learner's words.
        note: String,
    },
}

/// A saved reminder and what happened to it so far.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Reminder {
    /// Its id.
    pub id: ReminderId,
    /// What it is about and when it rings.
    pub kind: ReminderKind,
    /// Whether it rings at all.
    pub enabled: bool,
    /// Slots up to this instant are done: rung, or passed while disabled.
    pub last_fired_at: Option<DateTime<Utc>>,
    /// Silent until then; then it rings once more (if its condition holds).
    pub snoozed_until: Option<DateTime<Utc>>,
    /// When it was created; earlier slots never ring.
    pub created_at: DateTime<Utc>,
}

impl Reminder {
    /// A new, enabled reminder that has not rung yet.
    pub fn new(id: ReminderId, input: ReminderInput, created_at: DateTime<Utc>) -> Self {
        Self { id, kind: input.kind, enabled: true, last_fired_at: None, snoozed_until: None, created_at }
    }

    /// Records that the notification for `slot` (a [`DueReminder::slot`]) was sent.
    /// Never moves `last_fired_at` back.
    pub fn record_fired(&mut self, slot: DateTime<Utc>) {
        self.last_fired_at = Some(self.last_fired_at.map_or(slot, |last| last.max(slot)));
    }

    /// Turns the reminder on or off at `now`. Turning it on marks the slots
    /// passed so far as done, so the time it was off is not caught up.
    pub fn set_enabled(&mut self, enabled: bool, now: DateTime<Utc>) {
        if enabled && !self.enabled {
            self.record_fired(now);
        }
        self.enabled = enabled;
    }

    /// When it last rang, if that was less than [`RECENT_HOURS`] before `now`:
    /// the learner may still want to be reminded again (snooze).
    pub fn rang_recently(&self, now: DateTime<Utc>) -> Option<DateTime<Utc>> {
        self.last_fired_at.filter(|last| *last <= now && now - *last < TimeDelta::hours(RECENT_HOURS))
    }

    /// Whether it is snoozed at `now`: silent until [`Reminder::snoozed_until`].
    pub fn snoozed_at(&self, now: DateTime<Utc>) -> Option<DateTime<Utc>> {
        self.snoozed_until.filter(|until| *until > now)
    }

    /// The instant from which slots are pending: the last one done, or the creation.
    fn since(&self) -> DateTime<Utc> {
        self.last_fired_at.map_or(self.created_at, |last| last.max(self.created_at))
    }
}

/// Hours of the day without notifications, in the learner's zone. `start` is
/// included, `end` is not; they may wrap midnight (22:00–07:00). Equal times
/// mean the whole day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct QuietHours {
    /// When the quiet begins.
    pub start: NaiveTime,
    /// When it ends.
    pub end: NaiveTime,
}

impl QuietHours {
    /// Whether the wall-clock `time` falls in the quiet hours.
    pub fn contains(&self, time: NaiveTime) -> bool {
        if self.start < self.end {
            self.start <= time && time < self.end
        } else {
            self.start <= time || time < self.end
        }
    }

    /// Whether they cover the whole day (start equals end).
    pub fn whole_day(&self) -> bool {
        self.start == self.end
    }
}

/// The learner's settings that apply to all reminders.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ReminderRules {
    /// The learner's time zone.
    pub tz: Tz,
    /// Hours without notifications, if any.
    pub quiet: Option<QuietHours>,
    /// All reminders are silent until then; slots before it are dropped.
    pub paused_until: Option<DateTime<Utc>>,
    /// The hour the learner's day starts at (see [`crate::day`]).
    pub day_start_hour: u8,
}

/// What the reminders' conditions depend on, as of now.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
pub struct Facts {
    /// Revision cards due now.
    pub reviews_due: u32,
    /// Whether today's tasks or test are still open (the streak is at risk).
    pub streak_open: bool,
}

/// A reminder to notify about now.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct DueReminder {
    /// The reminder.
    pub id: ReminderId,
    /// The slot it rings for: the latest pending one (now for reviews due).
    /// Pass it to [`Reminder::record_fired`] once the notification is sent.
    pub slot: DateTime<Utc>,
    /// Pending slots that were not rung in time (more than [`CATCH_UP_HOURS`]
    /// after they were due, or superseded by `slot`), collapsed into this one.
    pub missed: u32,
    /// Whether even `slot` is late: the notification is a catch-up ("you missed
    /// N reminders") rather than the reminder itself.
    pub catch_up: bool,
    /// What the reminder is about.
    pub kind: ReminderKind,
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn time(s: &str) -> NaiveTime {
        s.parse().unwrap()
    }

    #[test]
    fn quiet_hours_may_wrap_midnight() {
        let night = QuietHours { start: time("22:00:00"), end: time("07:00:00") };
        assert!(
            night.contains(time("22:00:00")) && night.contains(time("23:59:00")) && night.contains(time("06:59:00"))
        );
        assert!(!night.contains(time("07:00:00")) && !night.contains(time("21:59:00")));
        let lunch = QuietHours { start: time("12:00:00"), end: time("13:00:00") };
        assert!(lunch.contains(time("12:30:00")) && !lunch.contains(time("13:00:00")));
        let always = QuietHours { start: time("08:00:00"), end: time("08:00:00") };
        assert!(always.whole_day() && always.contains(time("03:00:00")) && always.contains(time("08:00:00")));
    }

    #[test]
    fn kinds_serialize_tagged_with_short_weekdays() {
        let kind = ReminderKind::Daily { times: vec![time("19:30:00")], days: vec![Weekday::Mon, Weekday::Sun] };
        let value = serde_json::to_value(&kind).unwrap();
        assert_eq!(value, json!({ "kind": "daily", "times": ["19:30:00"], "days": ["mon", "sun"] }));
        assert_eq!(serde_json::from_value::<ReminderKind>(value).unwrap(), kind);
        let streak = serde_json::to_value(ReminderKind::StreakAtRisk { time: time("21:00:00") }).unwrap();
        assert_eq!(streak["kind"], "streak_at_risk");
    }

    #[test]
    fn record_fired_never_goes_back_and_enabling_skips_the_time_off() {
        let at = |s: &str| s.parse::<DateTime<Utc>>().unwrap();
        let input = ReminderInput { kind: ReminderKind::StreakAtRisk { time: time("21:00:00") } };
        let mut reminder = Reminder::new(ReminderId("r".into()), input, at("2026-06-01T00:00:00Z"));
        reminder.record_fired(at("2026-06-02T19:00:00Z"));
        reminder.record_fired(at("2026-06-01T19:00:00Z"));
        assert_eq!(reminder.last_fired_at, Some(at("2026-06-02T19:00:00Z")));
        reminder.set_enabled(false, at("2026-06-03T00:00:00Z"));
        assert_eq!(reminder.last_fired_at, Some(at("2026-06-02T19:00:00Z")));
        reminder.set_enabled(true, at("2026-07-01T00:00:00Z"));
        assert!(reminder.enabled);
        assert_eq!(reminder.last_fired_at, Some(at("2026-07-01T00:00:00Z")));
        assert_eq!(Weekday::of("2026-06-15".parse().unwrap()), Weekday::Mon);
    }

    #[test]
    fn just_rung_and_snoozed() {
        let at = |s: &str| s.parse::<DateTime<Utc>>().unwrap();
        let input = ReminderInput { kind: ReminderKind::StreakAtRisk { time: time("21:00:00") } };
        let mut reminder = Reminder::new(ReminderId("r".into()), input, at("2026-06-01T00:00:00Z"));
        assert_eq!(reminder.rang_recently(at("2026-06-01T19:00:00Z")), None);
        reminder.record_fired(at("2026-06-01T19:00:00Z"));
        assert_eq!(reminder.rang_recently(at("2026-06-02T06:59:00Z")), Some(at("2026-06-01T19:00:00Z")));
        assert_eq!(reminder.rang_recently(at("2026-06-02T07:00:00Z")), None);
        assert_eq!(reminder.rang_recently(at("2026-06-01T18:00:00Z")), None, "a clock set back");
        reminder.snoozed_until = Some(at("2026-06-01T19:10:00Z"));
        assert_eq!(reminder.snoozed_at(at("2026-06-01T19:05:00Z")), reminder.snoozed_until);
        assert_eq!(reminder.snoozed_at(at("2026-06-01T19:10:00Z")), None);
    }
}
