//! Streaks: how many learner days in a row the plan was kept.
//!
//! A streak has to survive real life, so only a past day that had work left
//! undone breaks it. Days with nothing planned, days off declared in advance and
//! dates the clock jumped over (see [`crate::day::observe_day`]) are neutral: they
//! neither break the streak nor count. Today never breaks it; it is still open.

use crate::availability::DayOff;
use crate::task::{Task, TaskStatus};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Streak lengths worth celebrating, in days.
pub const MILESTONES: [u32; 4] = [7, 30, 100, 365];

/// The facts of one learner date. Several records for one date add up.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
pub struct DayRecord {
    /// The learner date.
    pub date: NaiveDate,
    /// Tasks dated that day, whatever their status.
    pub planned: u32,
    /// Of those, the ones done.
    pub done: u32,
    /// Of those, the ones deliberately skipped.
    pub skipped: u32,
    /// Tasks planned for that day, left undone and rolled forward to a later day.
    pub missed: u32,
    /// Whether that day's verification test was passed.
    pub verified: bool,
}

impl DayRecord {
    /// Kept: verified, or at least one task done and nothing left undone or missed.
    pub fn is_kept(&self) -> bool {
        self.verified || (self.done >= 1 && self.missed == 0 && self.done.saturating_add(self.skipped) >= self.planned)
    }

    /// Whether work was left: a task missed, or one still neither done nor skipped.
    pub fn has_open_work(&self) -> bool {
        self.missed > 0 || self.planned > self.done.saturating_add(self.skipped)
    }

    fn absorb(&mut self, other: &DayRecord) {
        self.planned = self.planned.saturating_add(other.planned);
        self.done = self.done.saturating_add(other.done);
        self.skipped = self.skipped.saturating_add(other.skipped);
        self.missed = self.missed.saturating_add(other.missed);
        self.verified |= other.verified;
    }
}

/// Where today stands for the streak.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum TodayState {
    /// Today is kept and already counts.
    Kept,
    /// Work is left today: the streak is at risk.
    Open,
    /// Nothing is planned today.
    Free,
    /// Today is a day off (or a date the clock jumped over).
    Off,
}

/// A learner's streak as of today.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Streak {
    /// Kept days counted back from today (today only once kept), across neutral
    /// days, up to the last day that broke the streak.
    pub current: u32,
    /// The longest such run ever (at least `current`).
    pub longest: u32,
    /// Where today stands.
    pub today: TodayState,
    /// All kept days up to today.
    pub kept_days: u32,
}

/// The streak as of `today` from day `records` (in any order; several per date
/// add up; dates after today are ignored).
///
/// A kept day counts, even on a day off. A past day that is not kept breaks the
/// streak when it had work left ([`DayRecord::has_open_work`]), unless it is
/// frozen: covered by a day off declared on or before that date, or listed in
/// `clock_skipped`. Runs in O(n log n + m log m) for n records and m days off.
pub fn streak(records: &[DayRecord], days_off: &[DayOff], clock_skipped: &[NaiveDate], today: NaiveDate) -> Streak {
    let frozen = Frozen::new(days_off, clock_skipped);
    let days = merged(records, today);
    let (mut run, mut longest, mut kept_days) = (0u32, 0u32, 0u32);
    for day in &days {
        if day.is_kept() {
            run += 1;
            kept_days += 1;
            longest = longest.max(run);
        } else if day.date < today && day.has_open_work() && !frozen.covers(day.date) {
            run = 0;
        }
    }
    let today_record = days.last().filter(|d| d.date == today);
    let state = match today_record {
        Some(d) if d.is_kept() => TodayState::Kept,
        _ if frozen.covers(today) => TodayState::Off,
        Some(d) if d.has_open_work() => TodayState::Open,
        _ => TodayState::Free,
    };
    Streak { current: run, longest, today: state, kept_days }
}

/// The day records of `tasks` and of the `verified` dates (a verification test
/// passed). A task counts on its planned date — planned, and done or skipped by
/// its status — and as missed on every date it rolled forward from. Records
/// may repeat a date; [`streak`] adds them up.
pub fn day_records<'a>(
    tasks: impl IntoIterator<Item = &'a Task>,
    verified: impl IntoIterator<Item = NaiveDate>,
) -> Vec<DayRecord> {
    let mut records = Vec::new();
    for t in tasks {
        records.push(DayRecord {
            date: t.date,
            planned: 1,
            done: u32::from(t.status == TaskStatus::Done),
            skipped: u32::from(t.status == TaskStatus::Skipped),
            ..DayRecord::default()
        });
        records.extend(t.missed_dates.iter().map(|d| DayRecord { date: *d, missed: 1, ..DayRecord::default() }));
    }
    records.extend(verified.into_iter().map(|date| DayRecord { date, verified: true, ..DayRecord::default() }));
    records
}

/// The milestones reached when a streak goes from `before` to `after` days.
pub fn milestones_crossed(before: u32, after: u32) -> Vec<u32> {
    MILESTONES.into_iter().filter(|m| before < *m && *m <= after).collect()
}

/// Records up to `today`, one per date, sorted by date.
fn merged(records: &[DayRecord], today: NaiveDate) -> Vec<DayRecord> {
    let mut sorted: Vec<DayRecord> = records.iter().filter(|r| r.date <= today).copied().collect();
    sorted.sort_unstable_by_key(|r| r.date);
    let mut days: Vec<DayRecord> = Vec::with_capacity(sorted.len());
    for record in sorted {
        match days.last_mut() {
            Some(last) if last.date == record.date => last.absorb(&record),
            _ => days.push(record),
        }
    }
    days
}

/// Dates on which a day with open work does not break the streak.
struct Frozen {
    /// Disjoint inclusive ranges, sorted: the part of each day off that was
    /// declared in advance (from `max(start, declared_on)` to `end`).
    ranges: Vec<(NaiveDate, NaiveDate)>,
    /// Sorted dates the clock jumped over.
    skipped: Vec<NaiveDate>,
}

impl Frozen {
    fn new(days_off: &[DayOff], clock_skipped: &[NaiveDate]) -> Self {
        let mut spans: Vec<(NaiveDate, NaiveDate)> =
            days_off.iter().map(|d| (d.start.max(d.declared_on), d.end)).filter(|(from, to)| from <= to).collect();
        spans.sort_unstable();
        let mut ranges: Vec<(NaiveDate, NaiveDate)> = Vec::with_capacity(spans.len());
        for (from, to) in spans {
            match ranges.last_mut() {
                Some(last) if from <= last.1 => last.1 = last.1.max(to),
                _ => ranges.push((from, to)),
            }
        }
        let mut skipped = clock_skipped.to_vec();
        skipped.sort_unstable();
        skipped.dedup();
        Self { ranges, skipped }
    }

    fn covers(&self, date: NaiveDate) -> bool {
        let before = self.ranges.partition_point(|(from, _)| *from <= date);
        let in_range = before > 0 && self.ranges[before - 1].1 >= date;
        in_range || self.skipped.binary_search(&date).is_ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::day::{day_start, learner_date, observe_day};
    use chrono::{DateTime, Days, TimeDelta, TimeZone, Utc};
    use chrono_tz::{America, Europe};
    use proptest::prelude::*;

    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn kept(date: &str) -> DayRecord {
        DayRecord { date: day(date), planned: 1, done: 1, ..Default::default() }
    }

    fn missed(date: &str) -> DayRecord {
        DayRecord { date: day(date), planned: 1, missed: 1, ..Default::default() }
    }

    fn off(start: &str, end: &str, declared_on: &str) -> DayOff {
        DayOff { start: day(start), end: day(end), note: "Away".into(), declared_on: day(declared_on) }
    }

    fn at(today: &str, records: &[DayRecord]) -> Streak {
        streak(records, &[], &[], day(today))
    }

    #[test]
    fn consecutive_kept_days_make_a_run() {
        let s = at("2026-05-04", &[kept("2026-05-01"), kept("2026-05-02"), kept("2026-05-03")]);
        assert_eq!(s, Streak { current: 3, longest: 3, today: TodayState::Free, kept_days: 3 });
        let s = at("2026-05-03", &[kept("2026-05-03"), kept("2026-05-01"), kept("2026-05-02")]);
        assert_eq!((s.current, s.today), (3, TodayState::Kept));
    }

    #[test]
    fn a_missed_day_breaks_it() {
        let s = at("2026-05-05", &[kept("2026-05-01"), missed("2026-05-02"), kept("2026-05-03"), kept("2026-05-04")]);
        assert_eq!((s.current, s.longest, s.kept_days), (2, 2, 3));
        // Work left undone (not rolled forward yet) breaks it too.
        let open = DayRecord { date: day("2026-05-04"), planned: 2, done: 1, ..Default::default() };
        assert_eq!(at("2026-05-05", &[kept("2026-05-03"), open]).current, 0);
    }

    #[test]
    fn skipped_only_and_empty_days_are_neutral() {
        let skipped_only = DayRecord { date: day("2026-05-02"), planned: 2, skipped: 2, ..Default::default() };
        let nothing = DayRecord { date: day("2026-05-03"), ..Default::default() };
        let s = at("2026-05-05", &[kept("2026-05-01"), skipped_only, nothing, kept("2026-05-04")]);
        assert_eq!((s.current, s.kept_days), (2, 2));
        assert!(!skipped_only.is_kept());
        // A partly skipped day with one task done is kept.
        let mixed = DayRecord { date: day("2026-05-02"), planned: 3, done: 1, skipped: 2, ..Default::default() };
        assert!(mixed.is_kept());
    }

    #[test]
    fn only_a_day_off_declared_in_advance_freezes() {
        let records = [kept("2026-05-01"), missed("2026-05-02"), missed("2026-05-03"), kept("2026-05-04")];
        let ahead = [off("2026-05-02", "2026-05-03", "2026-04-20")];
        assert_eq!(streak(&records, &ahead, &[], day("2026-05-05")).current, 2);
        let late = [off("2026-05-02", "2026-05-03", "2026-05-04")];
        assert_eq!(streak(&records, &late, &[], day("2026-05-05")).current, 1);
        // Declared on the 3rd: freezes the 3rd onwards, not the 2nd.
        let midway = [off("2026-05-02", "2026-05-03", "2026-05-03")];
        assert_eq!(streak(&records, &midway, &[], day("2026-05-05")).current, 1);
        assert_eq!(streak(&records[2..], &midway, &[], day("2026-05-05")).current, 1);
        // Overlapping days off still freeze every covered date.
        let overlapping =
            [off("2026-05-01", "2026-05-10", "2026-04-01"), off("2026-05-02", "2026-05-02", "2026-04-01")];
        assert_eq!(streak(&records, &overlapping, &[], day("2026-05-05")).current, 2);
    }

    #[test]
    fn today_open_does_not_break_yesterday() {
        let today = DayRecord { date: day("2026-05-04"), planned: 2, done: 1, ..Default::default() };
        let s = at("2026-05-04", &[kept("2026-05-02"), kept("2026-05-03"), today]);
        assert_eq!((s.current, s.today), (2, TodayState::Open));
        let rolled = DayRecord { date: day("2026-05-04"), missed: 1, ..Default::default() };
        assert_eq!(at("2026-05-04", &[kept("2026-05-03"), rolled]).today, TodayState::Open);
        let s = streak(
            &[kept("2026-05-03"), today],
            &[off("2026-05-04", "2026-05-04", "2026-05-01")],
            &[],
            day("2026-05-04"),
        );
        assert_eq!((s.current, s.today), (1, TodayState::Off));
    }

    #[test]
    fn a_verified_day_counts_despite_missed_tasks() {
        let verified = DayRecord { verified: true, ..missed("2026-05-02") };
        let s = at("2026-05-04", &[kept("2026-05-01"), verified, kept("2026-05-03")]);
        assert_eq!((s.current, s.kept_days), (3, 3));
    }

    #[test]
    fn several_records_for_one_date_add_up_and_the_future_is_ignored() {
        let half = DayRecord { date: day("2026-05-02"), planned: 1, done: 1, ..Default::default() };
        let other_goal = DayRecord { date: day("2026-05-02"), planned: 1, missed: 1, ..Default::default() };
        assert_eq!(at("2026-05-03", &[kept("2026-05-01"), half, other_goal]).current, 0);
        assert_eq!(at("2026-05-03", &[kept("2026-05-01"), half, half]).current, 2);
        assert_eq!(at("2026-05-03", &[kept("2026-05-02"), missed("2026-05-04")]).current, 1);
    }

    #[test]
    fn day_records_count_each_task_on_its_planned_date_and_each_missed_date() {
        use crate::stats::fixtures::{done, skipped, task};
        let mut rolled = done(task("2026-05-03", 30), "2026-05-03", None);
        rolled.missed_dates = vec![day("2026-05-01"), day("2026-05-02")];
        let tasks = [rolled, skipped(task("2026-05-02", 30), "2026-05-02"), task("2026-05-03", 20)];
        let mut records = day_records(&tasks, [day("2026-05-02")]);
        records.sort_by_key(|r| (r.date, r.planned, r.missed, r.done));
        let d = day;
        let r = |date, planned, done, skipped, missed, verified| DayRecord {
            date,
            planned,
            done,
            skipped,
            missed,
            verified,
        };
        assert_eq!(
            records,
            vec![
                r(d("2026-05-01"), 0, 0, 0, 1, false),
                r(d("2026-05-02"), 0, 0, 0, 0, true),
                r(d("2026-05-02"), 0, 0, 0, 1, false),
                r(d("2026-05-02"), 1, 0, 1, 0, false),
                r(d("2026-05-03"), 1, 0, 0, 0, false),
                r(d("2026-05-03"), 1, 1, 0, 0, false),
            ]
        );
        // 1 May missed, 2 May verified despite its missed task, 3 May still open today.
        let s = streak(&records, &[], &[], d("2026-05-03"));
        assert_eq!((s.current, s.today), (1, TodayState::Open));
    }

    #[test]
    fn longest_outlives_current() {
        let mut records: Vec<DayRecord> =
            day("2026-04-01").iter_days().take(10).map(|d| kept(&d.to_string())).collect();
        records.push(missed("2026-04-11"));
        records.extend([kept("2026-04-12"), kept("2026-04-13")]);
        let s = at("2026-04-14", &records);
        assert_eq!(s, Streak { current: 2, longest: 10, today: TodayState::Free, kept_days: 12 });
    }

    #[test]
    fn milestones_are_crossed_once() {
        assert_eq!(milestones_crossed(6, 7), vec![7]);
        assert_eq!(milestones_crossed(7, 8), Vec::<u32>::new());
        assert_eq!(milestones_crossed(0, 100), vec![7, 30, 100]);
        assert_eq!(milestones_crossed(364, 365), vec![365]);
        assert_eq!(milestones_crossed(30, 2), Vec::<u32>::new());
    }

    #[test]
    fn dst_changes_keep_the_run() {
        let tz = Europe::Berlin;
        let mut records = Vec::new();
        for change in ["2026-03-29", "2026-10-25"] {
            let first = day(change) - Days::new(4);
            for date in first.iter_days().take(9) {
                // A night owl finishing at 03:30 the next morning, and an early bird at 04:30.
                let next = date.succ_opt().unwrap();
                for (on, time) in [(next, "03:30:00"), (date, "04:30:00")] {
                    let wall = format!("{on}T{time}").parse().unwrap();
                    let done_at = tz.from_local_datetime(&wall).earliest().unwrap().to_utc();
                    records.push(DayRecord {
                        date: learner_date(done_at, tz, 4),
                        planned: 1,
                        done: 1,
                        ..Default::default()
                    });
                }
            }
            // Berlin's repeated 02:00–03:00 on 2026-10-25 still belongs to the 24th, both times round.
            let twice = tz.from_local_datetime(&"2026-10-25T02:30:00".parse().unwrap());
            for done_at in [twice.earliest().unwrap(), twice.latest().unwrap()] {
                assert_eq!(learner_date(done_at.to_utc(), tz, 4), day("2026-10-24"));
            }
            let s = streak(&records, &[], &[], first + Days::new(8));
            assert_eq!((s.current, s.today), (9, TodayState::Kept), "around {change}");
            records.clear();
        }
    }

    #[test]
    fn moving_from_berlin_to_new_york_keeps_the_run() {
        let mut last = None;
        let mut records = Vec::new();
        let mut clock_skipped = Vec::new();
        let mut step_at = |now: DateTime<Utc>, tz: chrono_tz::Tz| {
            let step = observe_day(last, now, learner_date(now, tz, 4));
            last = Some(step.observation);
            clock_skipped.extend(step.skipped.iter().copied());
            step.today
        };
        // Evenings in Berlin, June 1–3.
        for date in day("2026-06-01").iter_days().take(3) {
            let now = Europe::Berlin.from_local_datetime(&date.and_hms_opt(20, 0, 0).unwrap()).unwrap().to_utc();
            records.push(DayRecord { date: step_at(now, Europe::Berlin), planned: 1, done: 1, ..Default::default() });
        }
        // June 4: one task at 05:00 in Berlin, then the laptop goes to New York time at the gate,
        // where the clock says June 3 again; the second task is done on the plane.
        let morning = Europe::Berlin.from_local_datetime(&day("2026-06-04").and_hms_opt(5, 0, 0).unwrap()).unwrap();
        let today = step_at(morning.to_utc(), Europe::Berlin);
        records.push(DayRecord { date: today, planned: 2, done: 1, ..Default::default() });
        let on_board = morning.to_utc() + TimeDelta::hours(2);
        assert_eq!(learner_date(on_board, America::New_York, 4), day("2026-06-03"));
        let today = step_at(on_board, America::New_York);
        assert_eq!(today, day("2026-06-04"));
        records.push(DayRecord { date: today, done: 1, ..Default::default() });
        // Then daily evenings in New York, June 5–7.
        for date in day("2026-06-05").iter_days().take(3) {
            let now = America::New_York.from_local_datetime(&date.and_hms_opt(20, 0, 0).unwrap()).unwrap().to_utc();
            records.push(DayRecord {
                date: step_at(now, America::New_York),
                planned: 1,
                done: 1,
                ..Default::default()
            });
        }
        assert!(clock_skipped.is_empty());
        let s = streak(&records, &[], &clock_skipped, day("2026-06-07"));
        assert_eq!((s.current, s.longest, s.today), (7, 7, TodayState::Kept));
    }

    #[test]
    fn a_date_lost_flying_east_is_frozen() {
        let new_york = America::New_York.from_local_datetime(&"2026-06-10T23:00:00".parse().unwrap()).unwrap();
        let tokyo = chrono_tz::Asia::Tokyo.from_local_datetime(&"2026-06-12T08:00:00".parse().unwrap()).unwrap();
        let first = observe_day(None, new_york.to_utc(), learner_date(new_york.to_utc(), America::New_York, 4));
        let step = observe_day(
            Some(first.observation),
            tokyo.to_utc(),
            learner_date(tokyo.to_utc(), chrono_tz::Asia::Tokyo, 4),
        );
        assert_eq!(step.skipped, vec![day("2026-06-11")]);
        // June 11's task rolled forward unseen: missed, but the date was never lived.
        let records = [kept("2026-06-09"), kept("2026-06-10"), missed("2026-06-11"), kept("2026-06-12")];
        assert_eq!(streak(&records, &[], &step.skipped, step.today).current, 3);
        assert_eq!(streak(&records, &[], &[], step.today).current, 1);
        assert!(day_start(step.today, chrono_tz::Asia::Tokyo, 4) <= tokyo.to_utc());
    }

    #[test]
    fn five_years_of_history_with_many_days_off() {
        // Two goals a day for five years; every seventh day one task is missed, on a day off
        // declared in advance. Thousands of overlapping days off cover those days.
        let start = day("2021-01-01");
        let days = 5 * 366;
        let mut records = Vec::new();
        let mut days_off = Vec::new();
        for (i, date) in start.iter_days().take(days).enumerate() {
            records.push(DayRecord { date, planned: 1, done: 1, ..Default::default() });
            if i % 7 == 0 {
                records.push(DayRecord { date, planned: 1, missed: 1, ..Default::default() });
                for len in 0..3 {
                    let declared_on = date - Days::new(1);
                    days_off.push(DayOff { start: date, end: date + Days::new(len), note: String::new(), declared_on });
                }
            }
        }
        let kept = (days - days.div_ceil(7)) as u32;
        let today = start + Days::new(days as u64 - 1);
        let s = streak(&records, &days_off, &[], today);
        assert_eq!((s.current, s.longest, s.kept_days, s.today), (kept, kept, kept, TodayState::Kept));
        assert_eq!(streak(&records, &[], &[], today).current, ((days - 1) % 7) as u32);
    }

    /// The rules spelled out day by day, to check the fast version against.
    fn reference(
        records: &[DayRecord],
        days_off: &[DayOff],
        clock_skipped: &[NaiveDate],
        today: NaiveDate,
    ) -> (u32, u32, u32) {
        let first = records.iter().map(|r| r.date).min().unwrap_or(today).min(today);
        let (mut run, mut longest, mut kept_days) = (0, 0, 0);
        for date in first.iter_days().take_while(|d| *d <= today) {
            let mut merged = DayRecord { date, ..Default::default() };
            records.iter().filter(|r| r.date == date).for_each(|r| merged.absorb(r));
            let frozen =
                clock_skipped.contains(&date) || days_off.iter().any(|d| d.covers(date) && d.declared_on <= date);
            if merged.is_kept() {
                run += 1;
                kept_days += 1;
                longest = longest.max(run);
            } else if date < today && merged.has_open_work() && !frozen {
                run = 0;
            }
        }
        (run, longest, kept_days)
    }

    fn record_strategy() -> impl Strategy<Value = DayRecord> {
        (0u64..40, 0u32..3, 0u32..3, 0u32..2, 0u32..2, proptest::bool::weighted(0.1)).prop_map(
            |(offset, planned, done, skipped, missed, verified)| {
                let done = done.min(planned);
                let skipped = skipped.min(planned - done);
                DayRecord { date: day("2026-01-01") + Days::new(offset), planned, done, skipped, missed, verified }
            },
        )
    }

    fn day_off_strategy() -> impl Strategy<Value = DayOff> {
        (0u64..40, 0u64..5, 0u64..45).prop_map(|(start, len, declared)| {
            let base = day("2026-01-01");
            DayOff {
                start: base + Days::new(start),
                end: base + Days::new(start + len),
                note: String::new(),
                declared_on: base + Days::new(declared),
            }
        })
    }

    proptest! {
        #[test]
        fn matches_the_day_by_day_rules(
            records in proptest::collection::vec(record_strategy(), 0..40),
            days_off in proptest::collection::vec(day_off_strategy(), 0..6),
            skipped in proptest::collection::vec(0u64..40, 0..4),
            today in 0u64..40,
        ) {
            let base = day("2026-01-01");
            let clock_skipped: Vec<NaiveDate> = skipped.iter().map(|o| base + Days::new(*o)).collect();
            let today = base + Days::new(today);
            let s = streak(&records, &days_off, &clock_skipped, today);
            prop_assert_eq!((s.current, s.longest, s.kept_days), reference(&records, &days_off, &clock_skipped, today));
            prop_assert!(s.current <= s.longest);

            let mut with_today: Vec<DayRecord> = records.iter().filter(|r| r.date != today).copied().collect();
            with_today.push(DayRecord { date: today, planned: 1, done: 1, ..Default::default() });
            let after = streak(&with_today, &days_off, &clock_skipped, today);
            prop_assert!(after.current >= s.current);
            prop_assert_eq!(after.current, s.current + u32::from(s.today != TodayState::Kept));
            prop_assert_eq!(after.today, TodayState::Kept);
            prop_assert!(after.current <= after.longest);
        }
    }
}
