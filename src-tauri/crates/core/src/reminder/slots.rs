//! Turning wall-clock reminder times into instants: the slots of a reminder in
//! a stretch of time, and where quiet hours push a moment to.

use super::{ReminderKind, ReminderRules, Weekday};
use crate::day::{gap_end, learner_date, local_instant};
use chrono::{DateTime, Days, LocalResult, NaiveDate, NaiveDateTime, NaiveTime, TimeZone, Timelike, Utc};
use chrono_tz::Tz;

/// How many learner days back slots are looked for; older ones are not counted.
const LOOKBACK_DAYS: u64 = 366;

/// The instant `time` happens in learner day `date`: on `date` itself, or in the
/// night after it when `time` is before the day-start hour.
pub(super) fn instant_on(date: NaiveDate, time: NaiveTime, rules: &ReminderRules) -> DateTime<Utc> {
    let wall_date = if time.hour() < u32::from(rules.day_start_hour) { date.succ_opt().unwrap_or(date) } else { date };
    local_instant(wall_date.and_time(time), rules.tz)
}

/// The slots of `kind` in `(after, until]`, oldest first, at most a year back
/// from `until`. Reviews-due reminders have none.
pub(super) fn slots_between(
    kind: &ReminderKind,
    rules: &ReminderRules,
    after: DateTime<Utc>,
    until: DateTime<Utc>,
) -> Vec<DateTime<Utc>> {
    if after >= until {
        return Vec::new();
    }
    let mut slots = match kind {
        ReminderKind::Daily { times, days } => daily(times, Some(days), rules, after, until),
        ReminderKind::StreakAtRisk { time } => daily(&[*time], None, rules, after, until),
        ReminderKind::At { at, .. } => vec![*at],
        ReminderKind::ReviewsDue { .. } => Vec::new(),
    };
    slots.retain(|s| after < *s && *s <= until);
    slots.sort();
    slots.dedup();
    slots
}

fn daily(
    times: &[NaiveTime],
    days: Option<&[Weekday]>,
    rules: &ReminderRules,
    after: DateTime<Utc>,
    until: DateTime<Utc>,
) -> Vec<DateTime<Utc>> {
    let last = learner_date(until, rules.tz, rules.day_start_hour);
    let earliest = last.checked_sub_days(Days::new(LOOKBACK_DAYS)).unwrap_or(last);
    let first = learner_date(after, rules.tz, rules.day_start_hour).max(earliest);
    let first = first.pred_opt().unwrap_or(first);
    let end = last.succ_opt().unwrap_or(last);
    first
        .iter_days()
        .take_while(|date| *date <= end)
        .filter(|date| days.is_none_or(|days| days.contains(&Weekday::of(*date))))
        .flat_map(|date| times.iter().map(move |time| instant_on(date, *time, rules)))
        .collect()
}

/// The first instant after `after` at which the wall clock in `tz` reads `time`
/// (or, for a time the clock skips, the first instant after the gap).
pub(super) fn next_wall_time(after: DateTime<Utc>, time: NaiveTime, tz: Tz) -> Option<DateTime<Utc>> {
    let date = after.with_timezone(&tz).date_naive();
    let dates = date.pred_opt().into_iter().chain(date.iter_days().take(3));
    dates.flat_map(|d| instants(d.and_time(time), tz)).find(|t| *t > after)
}

fn instants(wall: NaiveDateTime, tz: Tz) -> Vec<DateTime<Utc>> {
    match tz.from_local_datetime(&wall) {
        LocalResult::Single(t) => vec![t.to_utc()],
        LocalResult::Ambiguous(a, b) => vec![a.min(b).to_utc(), a.max(b).to_utc()],
        LocalResult::None => vec![gap_end(tz, wall)],
    }
}

/// Whether `at` falls in the learner's quiet hours.
pub(super) fn is_quiet(at: DateTime<Utc>, rules: &ReminderRules) -> bool {
    rules.quiet.is_some_and(|quiet| quiet.contains(at.with_timezone(&rules.tz).time()))
}

/// When something due at `at` may ring: `at` itself, or the end of the quiet
/// hours it falls in. `None` when the quiet hours never end (whole day).
pub(super) fn deferred(at: DateTime<Utc>, rules: &ReminderRules) -> Option<DateTime<Utc>> {
    match rules.quiet {
        Some(quiet) if is_quiet(at, rules) => {
            if quiet.whole_day() {
                None
            } else {
                next_wall_time(at, quiet.end, rules.tz)
            }
        }
        _ => Some(at),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::reminder::QuietHours;
    use chrono_tz::Europe::Berlin;

    fn utc(s: &str) -> DateTime<Utc> {
        s.parse().unwrap()
    }

    fn time(s: &str) -> NaiveTime {
        s.parse().unwrap()
    }

    fn rules() -> ReminderRules {
        ReminderRules { tz: Berlin, quiet: None, paused_until: None, day_start_hour: 4 }
    }

    #[test]
    fn weekday_slots_in_summer_time() {
        let kind = ReminderKind::Daily {
            times: vec![time("19:30:00")],
            days: vec![Weekday::Mon, Weekday::Tue, Weekday::Wed, Weekday::Thu, Weekday::Fri],
        };
        // Friday 2026-06-12 to Tuesday 2026-06-16, noon UTC.
        let slots = slots_between(&kind, &rules(), utc("2026-06-12T12:00:00Z"), utc("2026-06-16T12:00:00Z"));
        assert_eq!(slots, [utc("2026-06-12T17:30:00Z"), utc("2026-06-15T17:30:00Z")]);
    }

    #[test]
    fn early_morning_times_belong_to_the_night_after_the_learner_day() {
        let kind = ReminderKind::Daily { times: vec![time("01:00:00")], days: vec![Weekday::Mon] };
        let slots = slots_between(&kind, &rules(), utc("2026-06-14T00:00:00Z"), utc("2026-06-17T00:00:00Z"));
        // Monday's 01:00 is the night from Monday to Tuesday: 2026-06-16 01:00 CEST.
        assert_eq!(slots, [utc("2026-06-15T23:00:00Z")]);
        let midnight = ReminderRules { day_start_hour: 0, ..rules() };
        let slots = slots_between(&kind, &midnight, utc("2026-06-14T00:00:00Z"), utc("2026-06-17T00:00:00Z"));
        assert_eq!(slots, [utc("2026-06-14T23:00:00Z")]);
    }

    #[test]
    fn skipped_and_repeated_times() {
        let kind = ReminderKind::StreakAtRisk { time: time("02:30:00") };
        // 2026-03-29: 02:00 CET jumps to 03:00 CEST (01:00 UTC).
        let spring = slots_between(&kind, &rules(), utc("2026-03-28T12:00:00Z"), utc("2026-03-30T12:00:00Z"));
        assert_eq!(spring, [utc("2026-03-29T01:00:00Z"), utc("2026-03-30T00:30:00Z")]);
        // 2026-10-25: 03:00 CEST goes back to 02:00 CET; 02:30 happens at 00:30 and 01:30 UTC.
        let fall = slots_between(&kind, &rules(), utc("2026-10-24T12:00:00Z"), utc("2026-10-26T12:00:00Z"));
        assert_eq!(fall, [utc("2026-10-25T00:30:00Z"), utc("2026-10-26T01:30:00Z")]);
    }

    #[test]
    fn two_times_in_one_gap_make_one_slot() {
        let kind = ReminderKind::Daily { times: vec![time("02:15:00"), time("02:45:00")], days: Weekday::ALL.to_vec() };
        let slots = slots_between(&kind, &rules(), utc("2026-03-28T12:00:00Z"), utc("2026-03-29T12:00:00Z"));
        assert_eq!(slots, [utc("2026-03-29T01:00:00Z")]);
    }

    #[test]
    fn quiet_hours_defer_to_their_end() {
        let quiet =
            ReminderRules { quiet: Some(QuietHours { start: time("22:00:00"), end: time("07:00:00") }), ..rules() };
        assert_eq!(deferred(utc("2026-06-15T21:00:00Z"), &quiet), Some(utc("2026-06-16T05:00:00Z")));
        assert_eq!(deferred(utc("2026-06-16T02:00:00Z"), &quiet), Some(utc("2026-06-16T05:00:00Z")));
        assert_eq!(deferred(utc("2026-06-16T05:00:00Z"), &quiet), Some(utc("2026-06-16T05:00:00Z")));
        let always = QuietHours { start: time("07:00:00"), end: time("07:00:00") };
        assert_eq!(deferred(utc("2026-06-16T05:00:00Z"), &ReminderRules { quiet: Some(always), ..rules() }), None);
    }

    #[test]
    fn a_quiet_end_in_the_repeated_hour_comes_after_the_moment() {
        let quiet =
            ReminderRules { quiet: Some(QuietHours { start: time("22:00:00"), end: time("02:30:00") }), ..rules() };
        // 02:10 CET, the second time round: the quiet ends at 02:30 CET, not the 02:30 CEST before it.
        assert_eq!(deferred(utc("2026-10-25T01:10:00Z"), &quiet), Some(utc("2026-10-25T01:30:00Z")));
        assert_eq!(deferred(utc("2026-10-25T00:10:00Z"), &quiet), Some(utc("2026-10-25T00:30:00Z")));
    }
}
