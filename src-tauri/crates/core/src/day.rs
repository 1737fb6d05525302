//! The learner's day: which date "today" is, and when it begins.
//!
//! A learner's day turns over at a chosen hour in their own time zone (4 am by
//! default, as in Anki), so a session at 1 am still counts for the evening before.
//! Every "today" in Waymark is such a learner date. Daylight saving makes some
//! learner days 23 or 25 hours long; travel and clock changes are smoothed by
//! [`observe_day`], so that today never goes backwards and dates the clock jumped
//! over are known.

use crate::error::{ValidationError, ValidationResult};
use chrono::{DateTime, Datelike, Days, LocalResult, NaiveDate, NaiveDateTime, NaiveTime, TimeDelta, TimeZone, Utc};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};

/// The hour a learner's day starts at unless they choose another (4 am).
pub const DEFAULT_DAY_START_HOUR: u8 = 4;

const SECONDS_PER_DAY: i64 = 86_400;
const MILLIS_PER_DAY: i64 = SECONDS_PER_DAY * 1000;

/// The learner date at `now`: the date of the local wall time in `tz` minus
/// `day_start_hour` hours, so 1 am on Tuesday is still Monday with the default.
///
/// Always consistent with [`day_start`]: `day_start(d) <= now < day_start(d + 1)`.
/// In the rare zones whose clock is turned back across the day start, the date
/// stays on the later day rather than going back.
pub fn learner_date(now: DateTime<Utc>, tz: Tz, day_start_hour: u8) -> NaiveDate {
    let wall = now.with_timezone(&tz).naive_local();
    let shift = TimeDelta::hours(i64::from(day_start_hour));
    let mut date = wall.checked_sub_signed(shift).unwrap_or(wall).date();
    while now < day_start(date, tz, day_start_hour)
        && let Some(previous) = date.pred_opt()
    {
        date = previous;
    }
    while let Some(next) = date.succ_opt()
        && now >= day_start(next, tz, day_start_hour)
    {
        date = next;
    }
    date
}

/// The Monday of `date`'s week.
pub fn week_start(date: NaiveDate) -> NaiveDate {
    date - Days::new(u64::from(date.weekday().num_days_from_monday()))
}

/// The instant learner day `date` begins: `day_start_hour` o'clock on `date` in
/// `tz`. When the clock skips that hour (spring forward) the day begins at the
/// first instant after the gap; when the hour happens twice (fall back) it begins
/// at the earlier one.
pub fn day_start(date: NaiveDate, tz: Tz, day_start_hour: u8) -> DateTime<Utc> {
    let midnight = date.and_time(NaiveTime::MIN);
    let wall = midnight.checked_add_signed(TimeDelta::hours(i64::from(day_start_hour))).unwrap_or(midnight);
    local_instant(wall, tz)
}

/// The instant the wall clock in `tz` reads `wall`. When the clock skips that time
/// (spring forward) it is the first instant after the gap; when the time happens
/// twice (fall back) it is the earlier one.
pub fn local_instant(wall: NaiveDateTime, tz: Tz) -> DateTime<Utc> {
    match tz.from_local_datetime(&wall) {
        LocalResult::Single(t) => t.to_utc(),
        LocalResult::Ambiguous(a, b) => a.min(b).to_utc(),
        LocalResult::None => gap_end(tz, wall),
    }
}

/// The first instant whose wall clock in `tz` reads `wall` or later, for a `wall`
/// the clock skipped. Bisects to the second (transitions fall on whole seconds)
/// between a day before and a day after: no offset reaches a whole day.
pub(crate) fn gap_end(tz: Tz, wall: NaiveDateTime) -> DateTime<Utc> {
    let reached =
        |secs: i64| DateTime::from_timestamp(secs, 0).is_some_and(|t| t.with_timezone(&tz).naive_local() >= wall);
    let mut before = wall.and_utc().timestamp() - SECONDS_PER_DAY;
    let mut after = wall.and_utc().timestamp() + SECONDS_PER_DAY;
    while after - before > 1 {
        let mid = before + (after - before) / 2;
        if reached(mid) {
            after = mid;
        } else {
            before = mid;
        }
    }
    DateTime::from_timestamp(after, 0).unwrap_or(DateTime::<Utc>::MAX_UTC)
}

/// Parses an IANA time zone name such as `Europe/Berlin`.
pub fn parse_time_zone(name: &str) -> ValidationResult<Tz> {
    let name = name.trim();
    if name.is_empty() {
        return Err(ValidationError::new("time_zone", "is required; use a time zone name such as Europe/Berlin"));
    }
    name.parse().map_err(|_| {
        ValidationError::new(
            "time_zone",
            format!("\"{name}\" is not a known time zone; use a name such as Europe/Berlin or America/New_York"),
        )
    })
}

/// Checks the hour a learner's day starts at: 0 (midnight) to 23.
pub fn validate_day_start_hour(hour: u8) -> ValidationResult<u8> {
    if hour > 23 {
        return Err(ValidationError::new(
            "day_start_hour",
            format!("must be an hour from 0 to 23 (4 means the day turns over at 4 am); got {hour}"),
        ));
    }
    Ok(hour)
}

/// The last time the app looked at the clock: when, and which learner date it
/// settled on. Persisted between runs and fed back to [`observe_day`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct DayObservation {
    /// The instant of the observation (never earlier than the one before).
    pub at: DateTime<Utc>,
    /// The learner date settled on (never earlier than the one before).
    pub date: NaiveDate,
}

/// What [`observe_day`] settled on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DayStep {
    /// The learner's today: the clock's date, but never before the last one.
    pub today: NaiveDate,
    /// Dates the clock jumped over without the time to live them (flying east,
    /// a clock set forward), oldest first. They freeze the streak.
    pub skipped: Vec<NaiveDate>,
    /// What to persist for the next call.
    pub observation: DayObservation,
}

/// Reconciles the clock's learner date `today` (from [`learner_date`] at `now`)
/// with the `last` observation, so travel and clock changes stay fair:
///
/// - Today never goes backwards: flying west or setting the clock back keeps the
///   last date until the clock's date catches up (that learner day runs longer).
/// - The date may advance by as many days as real time passed, rounded up
///   (`ceil((now - last.at) / 24 h)`); dates jumped beyond that are `skipped`,
///   the latest ones just before today. Daily use or a week away skips nothing.
///   A learner day shortened by daylight saving can occasionally yield a skipped
///   date; that errs towards freezing the streak, never towards breaking it.
/// - The observation kept is today with `at = max(last.at, now)`: a clock set
///   back must not make the next stretch look longer than it really was, which
///   would hide a later jump forward. Again, when in doubt, more is skipped.
pub fn observe_day(last: Option<DayObservation>, now: DateTime<Utc>, today: NaiveDate) -> DayStep {
    let Some(last) = last else {
        return DayStep { today, skipped: Vec::new(), observation: DayObservation { at: now, date: today } };
    };
    let today = today.max(last.date);
    let advanced = (today - last.date).num_days();
    let between = (advanced - 1).max(0);
    let skip = (advanced - days_lived(now - last.at)).clamp(0, between);
    let skipped = (1..=skip).rev().filter_map(|back| today.checked_sub_days(Days::new(back as u64))).collect();
    DayStep { today, skipped, observation: DayObservation { at: now.max(last.at), date: today } }
}

/// Whole days needed to cover `elapsed`, rounded up; none for no time or less.
fn days_lived(elapsed: TimeDelta) -> i64 {
    let millis = elapsed.num_milliseconds();
    if millis <= 0 { 0 } else { (millis - 1) / MILLIS_PER_DAY + 1 }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono_tz::{America, Antarctica, Asia, Australia, Europe, Pacific};
    use proptest::prelude::*;

    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn utc(s: &str) -> DateTime<Utc> {
        s.parse().unwrap()
    }

    fn local(tz: Tz, s: &str) -> DateTime<Utc> {
        tz.from_local_datetime(&s.parse().unwrap()).earliest().unwrap().to_utc()
    }

    fn hours_long(date: NaiveDate, tz: Tz, hour: u8) -> i64 {
        (day_start(date.succ_opt().unwrap(), tz, hour) - day_start(date, tz, hour)).num_minutes()
    }

    #[test]
    fn early_hours_belong_to_the_evening_before() {
        let tz = Europe::Berlin;
        assert_eq!(learner_date(local(tz, "2026-06-10T01:00:00"), tz, 4), day("2026-06-09"));
        assert_eq!(learner_date(local(tz, "2026-06-10T03:59:59"), tz, 4), day("2026-06-09"));
        assert_eq!(learner_date(local(tz, "2026-06-10T04:00:00"), tz, 4), day("2026-06-10"));
        assert_eq!(learner_date(local(tz, "2026-06-10T00:00:00"), tz, 0), day("2026-06-10"));
        assert_eq!(day_start(day("2026-06-10"), tz, 4), utc("2026-06-10T02:00:00Z"));
    }

    #[test]
    fn dst_changes_make_one_short_and_one_long_learner_day() {
        // (zone, spring-forward date, fall-back date, day start, expected short day, expected long day)
        let cases = [
            (Europe::Berlin, "2026-03-29", "2026-10-25", 0, "2026-03-29", "2026-10-25"),
            (Europe::Berlin, "2026-03-29", "2026-10-25", 2, "2026-03-29", "2026-10-25"),
            (Europe::Berlin, "2026-03-29", "2026-10-25", 4, "2026-03-28", "2026-10-24"),
            (America::New_York, "2026-03-08", "2026-11-01", 0, "2026-03-08", "2026-11-01"),
            (America::New_York, "2026-03-08", "2026-11-01", 2, "2026-03-08", "2026-10-31"),
            (America::New_York, "2026-03-08", "2026-11-01", 4, "2026-03-07", "2026-10-31"),
        ];
        for (tz, spring, fall, hour, short, long) in cases {
            for (change, odd, minutes) in [(spring, short, 23 * 60), (fall, long, 25 * 60)] {
                let first = day(change) - Days::new(3);
                for date in first.iter_days().take(7) {
                    let expected = if date == day(odd) { minutes } else { 24 * 60 };
                    assert_eq!(hours_long(date, tz, hour), expected, "{tz} {date} starting at {hour}");
                }
            }
        }
    }

    #[test]
    fn a_day_start_in_the_skipped_hour_begins_after_the_gap() {
        let tz = America::New_York;
        // 2026-03-08: 02:00 EST jumps to 03:00 EDT (07:00 UTC).
        assert_eq!(day_start(day("2026-03-08"), tz, 2), utc("2026-03-08T07:00:00Z"));
        assert_eq!(learner_date(utc("2026-03-08T06:59:59Z"), tz, 2), day("2026-03-07"));
        assert_eq!(learner_date(utc("2026-03-08T07:00:00Z"), tz, 2), day("2026-03-08"));
        // Berlin 2026-03-29: 02:00 CET jumps to 03:00 CEST (01:00 UTC).
        assert_eq!(day_start(day("2026-03-29"), Europe::Berlin, 2), utc("2026-03-29T01:00:00Z"));
        // Lord Howe's half-hour jump, 2026-10-04: 02:00 becomes 02:30 (+11).
        assert_eq!(day_start(day("2026-10-04"), Australia::Lord_Howe, 2), utc("2026-10-03T15:30:00Z"));
    }

    #[test]
    fn a_day_start_in_the_repeated_hour_takes_the_first() {
        // Berlin 2026-10-25: 03:00 CEST goes back to 02:00 CET; 02:00 happens twice.
        assert_eq!(day_start(day("2026-10-25"), Europe::Berlin, 2), utc("2026-10-25T00:00:00Z"));
        assert_eq!(learner_date(utc("2026-10-25T01:30:00Z"), Europe::Berlin, 2), day("2026-10-25"));
        // New York 2026-11-01: 02:00 EDT goes back to 01:00 EST.
        assert_eq!(day_start(day("2026-11-01"), America::New_York, 1), utc("2026-11-01T05:00:00Z"));
        assert_eq!(learner_date(utc("2026-11-01T06:30:00Z"), America::New_York, 1), day("2026-11-01"));
    }

    #[test]
    fn a_clock_turned_back_across_the_day_start_keeps_the_date() {
        // Casey, 2021-03-14 00:00 (+11) became 2021-03-13 21:00 (+08): 22:00 on the 13th happened twice.
        let tz = Antarctica::Casey;
        assert_eq!(day_start(day("2021-03-13"), tz, 22), utc("2021-03-13T11:00:00Z"));
        let second_evening = utc("2021-03-13T13:30:00Z");
        assert_eq!(second_evening.with_timezone(&tz).naive_local().to_string(), "2021-03-13 21:30:00");
        assert_eq!(learner_date(second_evening, tz, 22), day("2021-03-13"));
        assert_eq!(day_start(day("2021-03-14"), tz, 22), utc("2021-03-14T14:00:00Z"));
    }

    #[test]
    fn quarter_hour_offsets() {
        let tz = Asia::Kathmandu;
        assert_eq!(day_start(day("2026-05-11"), tz, 4), utc("2026-05-10T22:15:00Z"));
        assert_eq!(learner_date(utc("2026-05-10T22:14:59Z"), tz, 4), day("2026-05-10"));
        assert_eq!(learner_date(utc("2026-05-10T22:15:00Z"), tz, 4), day("2026-05-11"));
    }

    #[test]
    fn time_zone_names_and_hours_are_checked() {
        assert_eq!(parse_time_zone(" Europe/Berlin "), Ok(Europe::Berlin));
        let bad = parse_time_zone("Mars/Olympus").unwrap_err();
        assert_eq!(bad.field, "time_zone");
        assert!(bad.message.contains("Mars/Olympus") && bad.message.contains("Europe/Berlin"), "{}", bad.message);
        assert_eq!(parse_time_zone("").unwrap_err().field, "time_zone");
        assert_eq!(validate_day_start_hour(0), Ok(0));
        assert_eq!(validate_day_start_hour(23), Ok(23));
        assert_eq!(validate_day_start_hour(24).unwrap_err().field, "day_start_hour");
    }

    fn observed(at: &str, date: &str) -> Option<DayObservation> {
        Some(DayObservation { at: utc(at), date: day(date) })
    }

    #[test]
    fn first_observation_and_daily_use() {
        let first = observe_day(None, utc("2026-06-10T18:00:00Z"), day("2026-06-10"));
        assert_eq!((first.today, first.skipped.len()), (day("2026-06-10"), 0));
        assert_eq!(first.observation, observed("2026-06-10T18:00:00Z", "2026-06-10").unwrap());
        let next = observe_day(Some(first.observation), utc("2026-06-11T07:00:00Z"), day("2026-06-11"));
        assert_eq!((next.today, next.skipped.len()), (day("2026-06-11"), 0));
    }

    #[test]
    fn a_week_away_skips_nothing() {
        let step =
            observe_day(observed("2026-06-10T20:00:00Z", "2026-06-10"), utc("2026-06-17T06:00:00Z"), day("2026-06-17"));
        assert_eq!(step.today, day("2026-06-17"));
        assert!(step.skipped.is_empty());
    }

    #[test]
    fn opening_daily_across_dst_skips_nothing() {
        for tz in [Europe::Berlin, America::New_York] {
            let mut last = None;
            for date in day("2026-03-01").iter_days().take(250) {
                let now = local(tz, &format!("{date}T20:00:00"));
                let step = observe_day(last, now, learner_date(now, tz, 4));
                assert!(step.skipped.is_empty(), "{tz} {date}");
                assert_eq!(step.today, date);
                last = Some(step.observation);
            }
        }
    }

    #[test]
    fn flying_west_does_not_take_today_back() {
        // Studies at 05:00 in Berlin on June 11, then sets the laptop to New York time at the gate,
        // where it is 23:30 on June 10.
        let berlin = local(Europe::Berlin, "2026-06-11T05:00:00");
        let first = observe_day(None, berlin, learner_date(berlin, Europe::Berlin, 4));
        assert_eq!(first.today, day("2026-06-11"));
        let gate = berlin + TimeDelta::minutes(30);
        assert_eq!(learner_date(gate, America::New_York, 4), day("2026-06-10"));
        let step = observe_day(Some(first.observation), gate, learner_date(gate, America::New_York, 4));
        assert_eq!(step.today, day("2026-06-11"));
        assert!(step.skipped.is_empty());
        assert_eq!(step.observation, DayObservation { at: gate, date: day("2026-06-11") });
        // Landed at 08:30 New York time: still June 11, nothing skipped.
        let landed = gate + TimeDelta::hours(9);
        let step = observe_day(Some(step.observation), landed, learner_date(landed, America::New_York, 4));
        assert_eq!((step.today, step.skipped.len()), (day("2026-06-11"), 0));
        // The next morning in New York is June 12.
        let next = local(America::New_York, "2026-06-12T08:00:00");
        let step = observe_day(Some(step.observation), next, learner_date(next, America::New_York, 4));
        assert_eq!((step.today, step.skipped.len()), (day("2026-06-12"), 0));
    }

    #[test]
    fn flying_east_overnight_skips_a_date() {
        // Last seen in New York at 23:00 on June 10; opened in Tokyo at 08:00 on June 12, 20 h later.
        let new_york = local(America::New_York, "2026-06-10T23:00:00");
        let tokyo = local(Asia::Tokyo, "2026-06-12T08:00:00");
        assert_eq!((tokyo - new_york).num_hours(), 20);
        let last = DayObservation { at: new_york, date: learner_date(new_york, America::New_York, 4) };
        let step = observe_day(Some(last), tokyo, learner_date(tokyo, Asia::Tokyo, 4));
        assert_eq!(step.today, day("2026-06-12"));
        assert_eq!(step.skipped, vec![day("2026-06-11")]);
        assert_eq!(step.observation, DayObservation { at: tokyo, date: day("2026-06-12") });
    }

    #[test]
    fn a_clock_jumped_forward_skips_the_excess() {
        let step =
            observe_day(observed("2026-06-10T12:00:00Z", "2026-06-10"), utc("2026-06-15T12:00:00Z"), day("2026-06-20"));
        assert_eq!(step.skipped, ["2026-06-15", "2026-06-16", "2026-06-17", "2026-06-18", "2026-06-19"].map(day));
        // A time zone changed in settings at the same instant moves one date: nothing lies between.
        let same =
            observe_day(observed("2026-06-10T12:00:00Z", "2026-06-10"), utc("2026-06-10T12:00:00Z"), day("2026-06-11"));
        assert_eq!((same.today, same.skipped.len()), (day("2026-06-11"), 0));
    }

    #[test]
    fn a_clock_set_back_keeps_today_and_the_later_instant() {
        // 04:30 Berlin (learner June 11), then the clock is set back an hour to 03:30 (learner June 10).
        let tz = Europe::Berlin;
        let before = local(tz, "2026-06-11T04:30:00");
        let after = local(tz, "2026-06-11T03:30:00");
        let last = DayObservation { at: before, date: learner_date(before, tz, 4) };
        let step = observe_day(Some(last), after, learner_date(after, tz, 4));
        assert_eq!(step.today, day("2026-06-11"));
        assert!(step.skipped.is_empty());
        assert_eq!(step.observation, last);
        // The next morning, a normal day later, nothing is skipped.
        let next_morning = local(tz, "2026-06-12T08:00:00");
        let next = observe_day(Some(step.observation), next_morning, learner_date(next_morning, tz, 4));
        assert_eq!((next.today, next.skipped.len()), (day("2026-06-12"), 0));
    }

    const ZONES: [Tz; 7] = [
        Europe::Berlin,
        America::New_York,
        Australia::Lord_Howe,
        Asia::Kolkata,
        Asia::Kathmandu,
        Pacific::Apia,
        America::Sao_Paulo,
    ];

    proptest! {
        #[test]
        fn an_instant_lies_inside_its_learner_day(
            secs in 1_577_836_800i64..2_082_758_400, // 2020-01-01 to 2036-01-01
            zone in 0..ZONES.len() + 1,
            hour in 0u8..24,
        ) {
            let tz = ZONES.get(zone).copied().unwrap_or(Antarctica::Casey);
            let t = DateTime::from_timestamp(secs, 0).unwrap();
            let date = learner_date(t, tz, hour);
            prop_assert!(day_start(date, tz, hour) <= t);
            prop_assert!(t < day_start(date.succ_opt().unwrap(), tz, hour));
            if zone < ZONES.len() {
                let wall = t.with_timezone(&tz).naive_local() - TimeDelta::hours(i64::from(hour));
                prop_assert_eq!(date, wall.date());
            }
        }

        #[test]
        fn observation_never_goes_back(
            last_secs in 0i64..10 * SECONDS_PER_DAY,
            now_secs in 0i64..10 * SECONDS_PER_DAY,
            last_day in 0u64..10,
            today_day in 0u64..10,
        ) {
            let base = day("2026-01-01");
            let last = DayObservation {
                at: DateTime::from_timestamp(1_767_225_600 + last_secs, 0).unwrap(),
                date: base + Days::new(last_day),
            };
            let now = DateTime::from_timestamp(1_767_225_600 + now_secs, 0).unwrap();
            let step = observe_day(Some(last), now, base + Days::new(today_day));
            prop_assert_eq!(step.today, last.date.max(base + Days::new(today_day)));
            prop_assert_eq!(step.observation.date, step.today);
            prop_assert!(step.observation.at >= last.at && step.observation.at >= now);
            prop_assert!(step.skipped.iter().all(|d| last.date < *d && *d < step.today));
            prop_assert!(step.skipped.windows(2).all(|w| w[0].succ_opt() == Some(w[1])));
        }
    }
}
