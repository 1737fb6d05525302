//! The scheduler's two questions: which reminders ring now, and how long it may
//! sleep before asking again.

use super::slots::{deferred, instant_on, is_quiet, slots_between};
use super::{DueReminder, Facts, Reminder, ReminderKind, ReminderRules};
use crate::day::{day_start, learner_date};
use chrono::{DateTime, Days, NaiveTime, TimeDelta, Utc};

/// A slot more than this many hours past (counted from the end of the quiet
/// hours it fell in) was missed: it is only reported in a catch-up.
pub const CATCH_UP_HOURS: i64 = 12;

/// How soon a reviews-due reminder that could ring looks again at the count of
/// due reviews, which [`next_wake`] does not know.
pub const REVIEW_RECHECK_MINUTES: i64 = 15;

/// The longest [`next_wake`] lets the scheduler sleep.
const MAX_SLEEP_HOURS: i64 = 24;

/// The reminders to notify about at `now`, at most one each (see the module
/// documentation for the rule). Nothing while paused or in quiet hours.
pub fn due(reminders: &[Reminder], rules: &ReminderRules, facts: &Facts, now: DateTime<Utc>) -> Vec<DueReminder> {
    if rules.paused_until.is_some_and(|until| until > now) || is_quiet(now, rules) {
        return Vec::new();
    }
    reminders.iter().filter_map(|reminder| due_one(reminder, rules, facts, now)).collect()
}

fn due_one(reminder: &Reminder, rules: &ReminderRules, facts: &Facts, now: DateTime<Utc>) -> Option<DueReminder> {
    if !reminder.enabled || reminder.snoozed_until.is_some_and(|until| until > now) {
        return None;
    }
    let found = |slot, missed, catch_up| DueReminder {
        id: reminder.id.clone(),
        slot,
        missed,
        catch_up,
        kind: reminder.kind.clone(),
    };
    if let ReminderKind::ReviewsDue { threshold, every_minutes, at_or_after } = &reminder.kind {
        let interval_over = reminder.last_fired_at.is_none_or(|last| now >= last + minutes(*every_minutes));
        let snooze_over = snooze_slot(reminder, rules, now).is_some();
        let open = at_or_after.is_none_or(|time| now >= window_start(now, time, rules));
        return (facts.reviews_due >= *threshold && open && (interval_over || snooze_over))
            .then(|| found(now, 0, false));
    }
    if matches!(reminder.kind, ReminderKind::StreakAtRisk { .. }) && !facts.streak_open {
        return None;
    }
    let pending = pending_slots(reminder, rules, now);
    let latest = *pending.last()?;
    let late = deferred(latest, rules).is_none_or(|at| now - at > TimeDelta::hours(CATCH_UP_HOURS));
    let missed = pending.len() - usize::from(!late);
    Some(found(latest, u32::try_from(missed).unwrap_or(u32::MAX), late))
}

/// The slots of a slot-based reminder pending at `now`, oldest first: after the
/// last one done, not before the pause or snooze ended, plus the snooze's end.
fn pending_slots(reminder: &Reminder, rules: &ReminderRules, now: DateTime<Utc>) -> Vec<DateTime<Utc>> {
    let mut slots = slots_between(&reminder.kind, rules, reminder.since(), now);
    slots.retain(|slot| not_before(*slot, rules.paused_until) && not_before(*slot, reminder.snoozed_until));
    slots.extend(snooze_slot(reminder, rules, now));
    if matches!(reminder.kind, ReminderKind::StreakAtRisk { .. }) {
        let today = day_start(learner_date(now, rules.tz, rules.day_start_hour), rules.tz, rules.day_start_hour);
        slots.retain(|slot| *slot >= today);
    }
    slots.sort();
    slots.dedup();
    slots
}

/// The end of the reminder's snooze, when it is pending at `now`.
fn snooze_slot(reminder: &Reminder, rules: &ReminderRules, now: DateTime<Utc>) -> Option<DateTime<Utc>> {
    reminder
        .snoozed_until
        .filter(|until| reminder.since() < *until && *until <= now && not_before(*until, rules.paused_until))
}

/// When the scheduler should next call [`due`]: the earliest coming slot, end of
/// a snooze or of the quiet hours (a slot inside them counts at their end), at
/// most a day away. `None` when no enabled reminder can ring again.
pub fn next_wake(reminders: &[Reminder], rules: &ReminderRules, now: DateTime<Utc>) -> Option<DateTime<Utc>> {
    let enabled: Vec<&Reminder> = reminders.iter().filter(|r| r.enabled).collect();
    let quiet_end = (!enabled.is_empty()).then(|| deferred(now, rules)).flatten().filter(|end| *end > now);
    let wake = enabled.iter().filter_map(|reminder| next_ring(reminder, rules, now));
    wake.chain(quiet_end).min().map(|at| at.min(now + TimeDelta::hours(MAX_SLEEP_HOURS)))
}

/// When `reminder` may ring next after `now`: its next slot or the end of its
/// snooze, after a pause and at the end of quiet hours. For a reviews-due
/// reminder, the next time it looks at the count. `None` when it is disabled
/// or never rings again.
pub fn next_ring(reminder: &Reminder, rules: &ReminderRules, now: DateTime<Utc>) -> Option<DateTime<Utc>> {
    if !reminder.enabled {
        return None;
    }
    next_for(reminder, rules, now).and_then(|at| deferred(at, rules))
}

fn next_for(reminder: &Reminder, rules: &ReminderRules, now: DateTime<Utc>) -> Option<DateTime<Utc>> {
    let floor = now.max(rules.paused_until.unwrap_or(now));
    let snooze_end = reminder.snoozed_until.filter(|until| *until > now && *until > reminder.since());
    if let Some(until) = snooze_end
        && until >= floor
    {
        return Some(until);
    }
    let floor = floor.max(snooze_end.unwrap_or(floor));
    match &reminder.kind {
        ReminderKind::ReviewsDue { every_minutes, at_or_after, .. } => {
            let interval_end = reminder.last_fired_at.map_or(floor, |last| last + minutes(*every_minutes));
            let mut at = interval_end.max(floor);
            if at <= now {
                at = now + TimeDelta::minutes(REVIEW_RECHECK_MINUTES);
            }
            Some(at_or_after.map_or(at, |time| open_from(at, time, rules)))
        }
        ReminderKind::At { at, .. } => Some(*at).filter(|at| *at > reminder.since().max(now) && *at >= floor),
        kind => {
            let after = reminder.since().max(now);
            let until = after.max(floor) + Days::new(8);
            let slots = slots_between(kind, rules, after, until);
            slots.into_iter().find(|slot| *slot >= floor)
        }
    }
}

/// The instant the reviews-due window of `at`'s learner day opens.
fn window_start(at: DateTime<Utc>, time: NaiveTime, rules: &ReminderRules) -> DateTime<Utc> {
    instant_on(learner_date(at, rules.tz, rules.day_start_hour), time, rules)
}

/// `at`, or the next opening of the reviews-due window when `at` is before it.
fn open_from(at: DateTime<Utc>, time: NaiveTime, rules: &ReminderRules) -> DateTime<Utc> {
    let start = window_start(at, time, rules);
    if at >= start { at } else { start }
}

fn not_before(at: DateTime<Utc>, limit: Option<DateTime<Utc>>) -> bool {
    limit.is_none_or(|limit| at >= limit)
}

fn minutes(minutes: u32) -> TimeDelta {
    TimeDelta::minutes(i64::from(minutes))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ids::ReminderId;
    use crate::reminder::{QuietHours, Weekday};
    use chrono::TimeZone;
    use chrono_tz::Europe::Berlin;
    use proptest::prelude::*;

    fn utc(s: &str) -> DateTime<Utc> {
        s.parse().unwrap()
    }

    /// A Berlin wall time (the earlier instant when it happens twice).
    fn local(s: &str) -> DateTime<Utc> {
        Berlin.from_local_datetime(&s.parse().unwrap()).earliest().unwrap().to_utc()
    }

    fn time(s: &str) -> NaiveTime {
        s.parse().unwrap()
    }

    fn rules() -> ReminderRules {
        ReminderRules { tz: Berlin, quiet: None, paused_until: None, day_start_hour: 4 }
    }

    fn night() -> ReminderRules {
        ReminderRules { quiet: Some(QuietHours { start: time("22:00:00"), end: time("07:00:00") }), ..rules() }
    }

    fn weekdays(at: &str) -> ReminderKind {
        ReminderKind::Daily { times: vec![time(at)], days: Weekday::ALL[..5].to_vec() }
    }

    fn every_day(times: &[&str]) -> ReminderKind {
        ReminderKind::Daily { times: times.iter().map(|t| time(t)).collect(), days: Weekday::ALL.to_vec() }
    }

    fn reviews(threshold: u32, every_minutes: u32, at_or_after: Option<&str>) -> ReminderKind {
        ReminderKind::ReviewsDue { threshold, every_minutes, at_or_after: at_or_after.map(time) }
    }

    fn reminder(kind: ReminderKind, last_fired_at: Option<DateTime<Utc>>) -> Reminder {
        Reminder {
            id: ReminderId("r1".into()),
            kind,
            enabled: true,
            last_fired_at,
            snoozed_until: None,
            created_at: utc("2026-01-01T00:00:00Z"),
        }
    }

    const QUIET: Facts = Facts { reviews_due: 0, streak_open: false };

    /// The one due reminder at `now` as (slot, missed, catch_up), if any.
    fn check(
        r: &Reminder,
        rules: &ReminderRules,
        facts: Facts,
        now: DateTime<Utc>,
    ) -> Option<(DateTime<Utc>, u32, bool)> {
        let found = due(std::slice::from_ref(r), rules, &facts, now);
        assert!(found.len() <= 1);
        found.first().map(|d| (d.slot, d.missed, d.catch_up))
    }

    fn on_time(slot: DateTime<Utc>) -> Option<(DateTime<Utc>, u32, bool)> {
        Some((slot, 0, false))
    }

    #[test]
    fn weekday_reminder_rings_monday_evening_not_saturday() {
        let r = reminder(weekdays("19:30:00"), Some(local("2026-06-12T19:30:00")));
        assert_eq!(check(&r, &rules(), QUIET, local("2026-06-13T19:30:00")), None);
        assert_eq!(check(&r, &rules(), QUIET, local("2026-06-14T23:00:00")), None);
        assert_eq!(check(&r, &rules(), QUIET, local("2026-06-15T19:29:59")), None);
        let monday = check(&r, &rules(), QUIET, local("2026-06-15T19:30:00"));
        assert_eq!(monday, on_time(utc("2026-06-15T17:30:00Z")));
        let new = Reminder { created_at: local("2026-06-13T10:00:00"), ..reminder(weekdays("19:30:00"), None) };
        assert_eq!(check(&new, &rules(), QUIET, local("2026-06-14T20:00:00")), None);
        assert_eq!(check(&new, &rules(), QUIET, local("2026-06-15T19:45:00")), on_time(local("2026-06-15T19:30:00")));
    }

    #[test]
    fn a_slot_rings_once() {
        let mut r = reminder(weekdays("19:30:00"), Some(local("2026-06-12T19:30:00")));
        let now = local("2026-06-15T19:30:00");
        let found = due(std::slice::from_ref(&r), &rules(), &QUIET, now);
        r.record_fired(found[0].slot);
        assert!(due(std::slice::from_ref(&r), &rules(), &QUIET, now).is_empty());
        assert_eq!(check(&r, &rules(), QUIET, local("2026-06-15T23:00:00")), None);
        assert_eq!(check(&r, &rules(), QUIET, local("2026-06-16T19:30:00")), on_time(local("2026-06-16T19:30:00")));
    }

    #[test]
    fn a_time_skipped_by_spring_forward_rings_after_the_gap() {
        // 2026-03-29: 02:00 CET jumps to 03:00 CEST (01:00 UTC).
        let r = reminder(every_day(&["02:30:00"]), Some(local("2026-03-28T02:30:00")));
        assert_eq!(check(&r, &rules(), QUIET, utc("2026-03-29T00:59:59Z")), None);
        let slot = check(&r, &rules(), QUIET, utc("2026-03-29T01:00:00Z"));
        assert_eq!(slot, on_time(utc("2026-03-29T01:00:00Z")));
        assert_eq!(slot.unwrap().0.with_timezone(&Berlin).to_string(), "2026-03-29 03:00:00 CEST");
    }

    #[test]
    fn a_time_repeated_by_fall_back_rings_once() {
        // 2026-10-25: 03:00 CEST goes back to 02:00 CET; 02:30 happens at 00:30 and 01:30 UTC.
        let mut r = reminder(every_day(&["02:30:00"]), Some(local("2026-10-24T02:30:00")));
        let first = check(&r, &rules(), QUIET, utc("2026-10-25T00:30:00Z"));
        assert_eq!(first, on_time(utc("2026-10-25T00:30:00Z")));
        r.record_fired(first.unwrap().0);
        assert_eq!(check(&r, &rules(), QUIET, utc("2026-10-25T01:30:00Z")), None);
        assert_eq!(check(&r, &rules(), QUIET, utc("2026-10-26T01:29:59Z")), None);
        assert_eq!(next_wake(&[r], &rules(), utc("2026-10-25T01:30:00Z")), Some(utc("2026-10-26T01:30:00Z")));
    }

    #[test]
    fn quiet_hours_defer_a_slot_to_the_morning() {
        let mut r = reminder(every_day(&["19:30:00", "23:00:00"]), Some(local("2026-06-15T19:30:00")));
        assert_eq!(
            next_wake(std::slice::from_ref(&r), &night(), local("2026-06-15T20:00:00")),
            Some(local("2026-06-16T07:00:00"))
        );
        assert_eq!(check(&r, &night(), QUIET, local("2026-06-15T23:00:00")), None);
        assert_eq!(check(&r, &night(), QUIET, local("2026-06-16T06:59:59")), None);
        let morning = check(&r, &night(), QUIET, local("2026-06-16T07:00:00"));
        assert_eq!(morning, on_time(local("2026-06-15T23:00:00")));
        r.record_fired(morning.unwrap().0);
        assert_eq!(check(&r, &night(), QUIET, local("2026-06-16T07:05:00")), None);
        assert_eq!(
            next_wake(std::slice::from_ref(&r), &night(), local("2026-06-16T07:00:00")),
            Some(local("2026-06-16T19:30:00"))
        );
        // Without quiet hours it rings at 23:00 (with that evening's 19:30, not recorded here, collapsed into it).
        assert_eq!(
            check(&r, &rules(), QUIET, local("2026-06-16T23:00:00")),
            Some((local("2026-06-16T23:00:00"), 1, false))
        );
    }

    #[test]
    fn lateness_counts_from_the_end_of_the_quiet_hours() {
        let long_night =
            ReminderRules { quiet: Some(QuietHours { start: time("21:00:00"), end: time("10:00:00") }), ..rules() };
        let r = reminder(every_day(&["19:30:00", "21:30:00"]), Some(local("2026-06-15T19:30:00")));
        let morning = check(&r, &long_night, QUIET, local("2026-06-16T10:00:00"));
        assert_eq!(morning, on_time(local("2026-06-15T21:30:00")));
        // 12.5 hours after the slot, but on time: the quiet hours held it back.
        assert!(local("2026-06-16T10:00:00") - local("2026-06-15T21:30:00") > TimeDelta::hours(CATCH_UP_HOURS));
        let evening = check(&r, &long_night, QUIET, local("2026-06-16T20:00:00"));
        assert_eq!(evening, Some((local("2026-06-16T19:30:00"), 1, false)));
    }

    #[test]
    fn a_laptop_asleep_for_days_sends_one_catch_up() {
        let r = reminder(every_day(&["19:30:00"]), Some(local("2026-06-08T19:30:00")));
        let other = Reminder { id: ReminderId("r2".into()), ..reminder(weekdays("08:00:00"), r.last_fired_at) };
        // Asleep from Monday night to Friday morning: Tuesday, Wednesday and Thursday were missed.
        let found = due(&[r.clone(), other], &rules(), &QUIET, local("2026-06-12T09:00:00"));
        assert_eq!(found.len(), 2);
        assert_eq!((found[0].slot, found[0].missed, found[0].catch_up), (local("2026-06-11T19:30:00"), 3, true));
        assert_eq!((found[1].slot, found[1].missed, found[1].catch_up), (local("2026-06-12T08:00:00"), 3, false));
        // Woken just after Thursday's slot: it rings, with the two before it collapsed.
        assert_eq!(
            check(&r, &rules(), QUIET, local("2026-06-11T20:00:00")),
            Some((local("2026-06-11T19:30:00"), 2, false))
        );
    }

    #[test]
    fn a_clock_set_back_does_not_ring_again() {
        let r = reminder(every_day(&["19:30:00"]), Some(local("2026-06-15T19:30:00")));
        for now in ["2026-06-15T19:00:00", "2026-06-15T19:30:00", "2026-06-15T19:45:00", "2026-06-16T19:29:00"] {
            assert_eq!(check(&r, &rules(), QUIET, local(now)), None, "{now}");
        }
        assert_eq!(check(&r, &rules(), QUIET, local("2026-06-16T19:30:00")), on_time(local("2026-06-16T19:30:00")));
        let rev = reminder(reviews(1, 15, None), Some(utc("2026-06-15T12:00:00Z")));
        assert_eq!(
            check(&rev, &rules(), Facts { reviews_due: 50, streak_open: true }, utc("2026-06-15T11:00:00Z")),
            None
        );
    }

    #[test]
    fn a_clock_jumped_forward_collapses_into_one() {
        let r = reminder(every_day(&["19:30:00"]), Some(local("2026-06-15T19:30:00")));
        let two_days = check(&r, &rules(), QUIET, local("2026-06-17T20:00:00"));
        assert_eq!(two_days, Some((local("2026-06-17T19:30:00"), 1, false)));
        let to_morning = check(&r, &rules(), QUIET, local("2026-06-18T08:00:00"));
        assert_eq!(to_morning, Some((local("2026-06-17T19:30:00"), 2, true)));
    }

    #[test]
    fn reviews_due_needs_the_threshold_and_the_interval() {
        let facts = |reviews_due| Facts { reviews_due, streak_open: false };
        let new = reminder(reviews(20, 120, None), None);
        assert_eq!(check(&new, &rules(), facts(19), utc("2026-06-15T10:00:00Z")), None);
        assert_eq!(check(&new, &rules(), facts(20), utc("2026-06-15T10:00:00Z")), on_time(utc("2026-06-15T10:00:00Z")));
        let fired = reminder(reviews(20, 120, None), Some(utc("2026-06-15T10:00:00Z")));
        assert_eq!(check(&fired, &rules(), facts(50), utc("2026-06-15T11:59:59Z")), None);
        assert_eq!(
            check(&fired, &rules(), facts(50), utc("2026-06-15T12:00:00Z")),
            on_time(utc("2026-06-15T12:00:00Z"))
        );
        assert_eq!(
            next_wake(std::slice::from_ref(&fired), &rules(), utc("2026-06-15T10:00:00Z")),
            Some(utc("2026-06-15T12:00:00Z"))
        );
        let morning = reminder(reviews(20, 120, Some("09:00:00")), None);
        assert_eq!(check(&morning, &rules(), facts(50), local("2026-06-15T08:59:00")), None);
        assert_eq!(
            check(&morning, &rules(), facts(50), local("2026-06-15T09:00:00")),
            on_time(local("2026-06-15T09:00:00"))
        );
        assert_eq!(
            check(&morning, &rules(), facts(50), local("2026-06-16T02:00:00")),
            on_time(local("2026-06-16T02:00:00"))
        );
        assert_eq!(check(&morning, &night(), facts(50), local("2026-06-16T02:00:00")), None);
        assert_eq!(
            next_wake(std::slice::from_ref(&morning), &rules(), local("2026-06-15T07:00:00")),
            Some(local("2026-06-15T09:00:00"))
        );
        assert_eq!(
            next_wake(std::slice::from_ref(&morning), &rules(), local("2026-06-15T10:00:00")),
            Some(local("2026-06-15T10:15:00"))
        );
    }

    #[test]
    fn streak_at_risk_only_while_today_is_open() {
        let open = Facts { reviews_due: 0, streak_open: true };
        let r = reminder(ReminderKind::StreakAtRisk { time: time("21:00:00") }, Some(local("2026-06-12T21:00:00")));
        // Saturday's slot passed unseen; on Sunday it is not caught up.
        assert_eq!(check(&r, &rules(), open, local("2026-06-14T10:00:00")), None);
        assert_eq!(check(&r, &rules(), QUIET, local("2026-06-14T21:00:00")), None);
        assert_eq!(check(&r, &rules(), open, local("2026-06-14T21:00:00")), on_time(local("2026-06-14T21:00:00")));
        // 02:00 on Monday is still Sunday for the learner.
        assert_eq!(check(&r, &rules(), open, local("2026-06-15T02:00:00")), on_time(local("2026-06-14T21:00:00")));
        assert_eq!(check(&r, &rules(), open, local("2026-06-15T04:00:00")), None);
    }

    #[test]
    fn snooze_silences_then_rings_once_more() {
        let mut r = reminder(every_day(&["19:30:00"]), Some(local("2026-06-15T19:30:00")));
        r.snoozed_until = Some(local("2026-06-15T19:40:00"));
        assert_eq!(next_wake(std::slice::from_ref(&r), &rules(), local("2026-06-15T19:31:00")), r.snoozed_until);
        assert_eq!(check(&r, &rules(), QUIET, local("2026-06-15T19:35:00")), None);
        let again = check(&r, &rules(), QUIET, local("2026-06-15T19:40:00"));
        assert_eq!(again, on_time(local("2026-06-15T19:40:00")));
        r.record_fired(again.unwrap().0);
        assert_eq!(check(&r, &rules(), QUIET, local("2026-06-15T19:41:00")), None);
        // Snoozed before it rang: the snooze's end stands in for the slot.
        let mut pending = reminder(every_day(&["19:30:00"]), Some(local("2026-06-14T19:30:00")));
        pending.snoozed_until = Some(local("2026-06-15T20:00:00"));
        assert_eq!(check(&pending, &rules(), QUIET, local("2026-06-15T19:45:00")), None);
        assert_eq!(
            check(&pending, &rules(), QUIET, local("2026-06-15T20:00:00")),
            on_time(local("2026-06-15T20:00:00"))
        );
    }

    #[test]
    fn pause_silences_and_drops_its_slots() {
        let paused = ReminderRules { paused_until: Some(local("2026-06-10T12:00:00")), ..rules() };
        let r = reminder(every_day(&["19:30:00"]), Some(local("2026-06-07T19:30:00")));
        assert_eq!(check(&r, &paused, QUIET, local("2026-06-09T19:30:00")), None);
        assert_eq!(check(&r, &paused, QUIET, local("2026-06-10T12:00:00")), None);
        assert_eq!(check(&r, &paused, QUIET, local("2026-06-10T19:30:00")), on_time(local("2026-06-10T19:30:00")));
        assert_eq!(
            next_wake(std::slice::from_ref(&r), &paused, local("2026-06-09T20:00:00")),
            Some(local("2026-06-10T19:30:00"))
        );
    }

    #[test]
    fn disabled_reminders_stay_silent_and_are_not_caught_up() {
        let mut r = reminder(every_day(&["19:30:00"]), Some(local("2026-05-01T19:30:00")));
        r.enabled = false;
        assert_eq!(check(&r, &rules(), QUIET, local("2026-06-01T19:30:00")), None);
        assert_eq!(next_wake(std::slice::from_ref(&r), &rules(), local("2026-06-01T12:00:00")), None);
        r.set_enabled(true, local("2026-06-01T12:00:00"));
        assert_eq!(check(&r, &rules(), QUIET, local("2026-06-01T12:00:00")), None);
        assert_eq!(check(&r, &rules(), QUIET, local("2026-06-01T19:30:00")), on_time(local("2026-06-01T19:30:00")));
    }

    #[test]
    fn a_one_off_rings_once_or_is_caught_up() {
        let kind =
            ReminderKind::At { at: utc("2026-06-15T10:00:00Z"), goal_id: None, task_id: None, note: "Call".into() };
        let mut r = reminder(kind, None);
        assert_eq!(
            next_wake(std::slice::from_ref(&r), &rules(), utc("2026-06-15T09:00:00Z")),
            Some(utc("2026-06-15T10:00:00Z"))
        );
        assert_eq!(check(&r, &rules(), QUIET, utc("2026-06-15T09:59:59Z")), None);
        assert_eq!(
            check(&r, &rules(), QUIET, utc("2026-06-16T10:00:00Z")),
            Some((utc("2026-06-15T10:00:00Z"), 1, true))
        );
        r.record_fired(utc("2026-06-15T10:00:00Z"));
        assert_eq!(check(&r, &rules(), QUIET, utc("2026-06-16T10:00:00Z")), None);
        assert_eq!(next_wake(&[r], &rules(), utc("2026-06-16T10:00:00Z")), None);
    }

    fn one_off(at: DateTime<Utc>) -> ReminderKind {
        ReminderKind::At { at, goal_id: None, task_id: None, note: "Call".into() }
    }

    #[test]
    fn a_one_off_in_the_quiet_hours_rings_when_they_end() {
        let r = reminder(one_off(local("2026-06-15T23:30:00")), None);
        let at_seven = local("2026-06-16T07:00:00");
        assert_eq!(next_wake(std::slice::from_ref(&r), &night(), local("2026-06-15T20:00:00")), Some(at_seven));
        assert_eq!(next_ring(&r, &night(), local("2026-06-15T20:00:00")), Some(at_seven));
        assert_eq!(check(&r, &night(), QUIET, local("2026-06-15T23:30:00")), None);
        assert_eq!(check(&r, &night(), QUIET, at_seven), on_time(local("2026-06-15T23:30:00")));
    }

    #[test]
    fn a_one_off_in_the_repeated_hour_rings_once() {
        // 2026-10-25: 02:30 happens at 00:30 UTC (CEST) and 01:30 UTC (CET); the one-off is an instant.
        let mut r = reminder(one_off(utc("2026-10-25T00:30:00Z")), None);
        let first = check(&r, &rules(), QUIET, utc("2026-10-25T00:30:00Z"));
        assert_eq!(first, on_time(utc("2026-10-25T00:30:00Z")));
        r.record_fired(first.unwrap().0);
        assert_eq!(check(&r, &rules(), QUIET, utc("2026-10-25T01:30:00Z")), None);
        assert_eq!(next_ring(&r, &rules(), utc("2026-10-25T01:30:00Z")), None);
    }

    #[test]
    fn a_one_off_weeks_ahead_is_its_next_ring_and_a_snooze_after_it_rings_again() {
        let at = local("2026-07-20T18:00:00");
        let mut r = reminder(one_off(at), None);
        assert_eq!(next_ring(&r, &rules(), local("2026-06-15T10:00:00")), Some(at));
        let paused = ReminderRules { paused_until: Some(local("2026-07-21T00:00:00")), ..rules() };
        assert_eq!(next_ring(&r, &paused, local("2026-06-15T10:00:00")), None, "dropped by the pause");
        r.record_fired(at);
        r.snoozed_until = Some(local("2026-07-20T18:10:00"));
        assert_eq!(next_ring(&r, &rules(), local("2026-07-20T18:01:00")), r.snoozed_until);
        assert_eq!(check(&r, &rules(), QUIET, local("2026-07-20T18:10:00")), on_time(local("2026-07-20T18:10:00")));
        let mut off = r.clone();
        off.enabled = false;
        assert_eq!(next_ring(&off, &rules(), local("2026-07-20T18:01:00")), None);
    }

    #[test]
    fn next_wake_is_the_next_slot_within_a_day() {
        let monday = reminder(weekdays("19:30:00"), Some(local("2026-06-12T19:30:00")));
        assert_eq!(
            next_wake(std::slice::from_ref(&monday), &rules(), local("2026-06-15T10:00:00")),
            Some(local("2026-06-15T19:30:00"))
        );
        // Friday evening: the next slot is Monday, so it sleeps a day at most.
        let friday = reminder(weekdays("19:30:00"), Some(local("2026-06-19T19:30:00")));
        assert_eq!(next_wake(&[friday], &rules(), local("2026-06-19T20:00:00")), Some(local("2026-06-20T20:00:00")));
        assert_eq!(next_wake(&[], &rules(), local("2026-06-19T20:00:00")), None);
        let rev = reminder(reviews(1, 60, None), None);
        assert_eq!(next_wake(&[rev], &rules(), utc("2026-06-15T10:00:00Z")), Some(utc("2026-06-15T10:15:00Z")));
    }

    proptest! {
        #[test]
        fn slots_never_ring_twice_whatever_the_clock_does(steps in prop::collection::vec(-180i64..3000, 1..60)) {
            let kinds = [every_day(&["02:30:00", "19:30:00", "23:00:00"]), weekdays("07:00:00")];
            let mut reminders: Vec<Reminder> = kinds.into_iter().map(|kind| reminder(kind, None)).collect();
            let mut rung: Vec<Vec<DateTime<Utc>>> = vec![Vec::new(); reminders.len()];
            let mut now = local("2026-03-20T12:00:00");
            for step in steps {
                now += TimeDelta::minutes(step * 7);
                for (r, rung) in reminders.iter_mut().zip(&mut rung) {
                    for found in due(std::slice::from_ref(r), &night(), &QUIET, now) {
                        prop_assert!(found.slot <= now && !rung.contains(&found.slot));
                        prop_assert!(rung.last().is_none_or(|last| *last < found.slot));
                        rung.push(found.slot);
                        r.record_fired(found.slot);
                    }
                    if let Some(wake) = next_wake(std::slice::from_ref(r), &night(), now) {
                        prop_assert!(wake > now && wake <= now + TimeDelta::hours(MAX_SLEEP_HOURS));
                    }
                }
            }
        }
    }
}
