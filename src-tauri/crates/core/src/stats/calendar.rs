//! Learner dates of many instants, fast: the start of each learner day in a
//! range is computed once, and an instant's date is found by binary search.
//! The stats map hundreds of thousands of reviews and due dates to dates; doing
//! the time-zone arithmetic of [`learner_date`] for each would dominate.

use crate::day::{day_start, learner_date};
use chrono::{DateTime, Days, NaiveDate, Utc};
use chrono_tz::Tz;

/// Learner days from a first to a last date, in one zone with one day start.
#[derive(Debug, Clone)]
pub struct LearnerCalendar {
    zone: Tz,
    hour: u8,
    first: NaiveDate,
    /// `starts[i]` is when learner day `first + i` begins; one more than the
    /// days covered, so the last entry is when the range ends.
    starts: Vec<DateTime<Utc>>,
}

impl LearnerCalendar {
    /// The learner days `first..=last` in `zone`, starting at `hour` o'clock.
    pub fn new(zone: Tz, hour: u8, first: NaiveDate, last: NaiveDate) -> Self {
        let days = (last - first).num_days().max(0) as u64 + 2;
        let starts = first.iter_days().take(days as usize).map(|d| day_start(d, zone, hour)).collect();
        Self { zone, hour, first, starts }
    }

    /// When the first covered day begins.
    pub fn start(&self) -> DateTime<Utc> {
        self.starts[0]
    }

    /// The learner date of `at`: the same as [`learner_date`], from the table
    /// inside the range and by the full computation outside it.
    pub fn date_of(&self, at: DateTime<Utc>) -> NaiveDate {
        let end = self.starts[self.starts.len() - 1];
        if at < self.starts[0] || at >= end {
            return learner_date(at, self.zone, self.hour);
        }
        let index = self.starts.partition_point(|s| *s <= at) - 1;
        self.first + Days::new(index as u64)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;
    use chrono_tz::{America, Antarctica, Asia, Australia, Europe, Pacific};
    use proptest::prelude::*;

    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn early_hours_belong_to_the_day_before() {
        let c = LearnerCalendar::new(Europe::Berlin, 4, day("2026-03-01"), day("2026-03-31"));
        let at = |s: &str| Europe::Berlin.from_local_datetime(&s.parse().unwrap()).unwrap().to_utc();
        assert_eq!(c.date_of(at("2026-03-10T03:59:00")), day("2026-03-09"));
        assert_eq!(c.date_of(at("2026-03-10T04:00:00")), day("2026-03-10"));
        // The spring-forward night (29 March) and the days around it.
        assert_eq!(c.date_of(at("2026-03-29T03:30:00")), day("2026-03-28"));
        assert_eq!(c.date_of(at("2026-03-29T04:00:00")), day("2026-03-29"));
        // Outside the table, the same answer by the full computation.
        assert_eq!(c.date_of(at("2026-02-01T02:00:00")), day("2026-01-31"));
        assert_eq!(c.date_of(at("2026-04-02T05:00:00")), day("2026-04-02"));
        assert_eq!(c.start(), at("2026-03-01T04:00:00"));
    }

    const ZONES: [Tz; 8] = [
        Europe::Berlin,
        America::New_York,
        Australia::Lord_Howe,
        Asia::Kathmandu,
        Pacific::Apia,
        America::Sao_Paulo,
        Antarctica::Casey,
        Tz::UTC,
    ];

    proptest! {
        #[test]
        fn agrees_with_learner_date(
            secs in 1_609_459_200i64..1_672_531_200, // 2021-01-01 to 2023-01-01
            zone in 0..ZONES.len(),
            hour in 0u8..24,
        ) {
            let tz = ZONES[zone];
            let c = LearnerCalendar::new(tz, hour, day("2021-03-01"), day("2022-10-31"));
            let t = DateTime::from_timestamp(secs, 0).unwrap();
            prop_assert_eq!(c.date_of(t), learner_date(t, tz, hour));
        }
    }
}
