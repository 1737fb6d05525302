//! When to take an automatic backup, and which backups to keep — like Anki:
//! the newest backup of each of the 12 latest hours that have one, then of
//! each of the 10 latest days before those, then of each of the 9 latest
//! months before those. Everything else can go.
//!
//! Backups taken within the last hour are all kept (a "back up now" and the
//! backup taken before a restore do not push each other out straight away);
//! the slots apply to the older ones. The slots count hours, days and months
//! *that have a backup*, not calendar time back from now: after a month away,
//! the backups from before the break are still there when the first new one
//! is taken. The newest backup is always kept. Days and months are the
//! learner's (in their time zone).

use chrono::{DateTime, Datelike, Duration, NaiveDate, Utc};
use chrono_tz::Tz;

/// Hours (that have a backup) kept with their newest backup.
pub const KEEP_HOURLY: usize = 12;
/// Days kept with their newest backup, before the hourly ones.
pub const KEEP_DAILY: usize = 10;
/// Months kept with their newest backup, before the daily ones.
pub const KEEP_MONTHLY: usize = 9;

/// The least time between two automatic backups.
pub fn backup_interval() -> Duration {
    Duration::hours(1)
}

/// Whether an automatic backup is due at `now`: no backup was taken within an
/// hour of it. A backup stamped in the future (the clock was set back) only
/// counts when it is within that hour too, so it cannot stop backups for long.
pub fn backup_due(taken: &[DateTime<Utc>], now: DateTime<Utc>) -> bool {
    let interval = backup_interval();
    !taken.iter().any(|t| (now - *t).abs() < interval)
}

/// For each backup instant in `taken` (any order), whether to keep it at `now`.
pub fn backups_to_keep(taken: &[DateTime<Utc>], now: DateTime<Utc>, zone: Tz) -> Vec<bool> {
    let mut order: Vec<usize> = (0..taken.len()).collect();
    order.sort_by(|a, b| taken[*b].cmp(&taken[*a]).then(a.cmp(b)));
    let mut keep = vec![false; taken.len()];
    let mut left = [KEEP_HOURLY, KEEP_DAILY, KEEP_MONTHLY];
    let mut last: Option<Buckets> = None;
    for i in order {
        let b = Buckets::of(taken[i], zone);
        let stage = left.iter().position(|n| *n > 0);
        let in_slot = stage.is_some_and(|s| last.as_ref().is_none_or(|l| b.older_than(l, s)));
        if let Some(s) = stage.filter(|_| in_slot) {
            left[s] -= 1;
        }
        if in_slot || (now - taken[i]).abs() < backup_interval() {
            keep[i] = true;
            last = Some(b);
        }
    }
    keep
}

/// The hour, day and month a backup falls in.
struct Buckets {
    hour: i64,
    day: NaiveDate,
    month: (i32, u32),
}

impl Buckets {
    fn of(t: DateTime<Utc>, zone: Tz) -> Self {
        let local = t.with_timezone(&zone).date_naive();
        Self { hour: t.timestamp().div_euclid(3600), day: local, month: (local.year(), local.month()) }
    }

    /// Whether this falls in an earlier hour (stage 0), day (1) or month (2) than `other`.
    fn older_than(&self, other: &Self, stage: usize) -> bool {
        match stage {
            0 => self.hour < other.hour,
            1 => self.day < other.day,
            _ => self.month < other.month,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn at(y: i32, m: u32, d: u32, h: u32, min: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(y, m, d, h, min, 0).unwrap()
    }

    /// What is kept two hours after the newest backup (none in the grace hour).
    fn later(taken: &[DateTime<Utc>]) -> DateTime<Utc> {
        taken.iter().max().copied().unwrap_or_default() + Duration::hours(2)
    }

    fn kept(taken: &[DateTime<Utc>]) -> Vec<DateTime<Utc>> {
        let now = taken.iter().max().copied().unwrap_or_default() + Duration::hours(2);
        let keep = backups_to_keep(taken, now, Tz::UTC);
        let mut out: Vec<_> = taken.iter().zip(keep).filter(|(_, k)| *k).map(|(t, _)| *t).collect();
        out.sort();
        out
    }

    #[test]
    fn a_backup_is_due_an_hour_after_the_last_one() {
        let now = at(2026, 3, 2, 12, 0);
        assert!(backup_due(&[], now));
        assert!(!backup_due(&[at(2026, 3, 2, 11, 1)], now));
        assert!(backup_due(&[at(2026, 3, 2, 11, 0)], now));
        assert!(!backup_due(&[at(2026, 3, 2, 12, 30)], now), "a backup a little ahead counts");
        assert!(backup_due(&[at(2027, 1, 1, 0, 0)], now), "one far in the future does not block backups");
    }

    #[test]
    fn the_newest_of_each_hour_is_kept_for_twelve_hours_then_of_each_day() {
        // Every 20 minutes for 60 hours (2026-03-01 00:00 to 03-03 11:40), newest first.
        let start = at(2026, 3, 1, 0, 0);
        let taken: Vec<_> = (0..180).rev().map(|i| start + Duration::minutes(20 * i)).collect();
        let kept = kept(&taken);
        let hourly: Vec<_> = (0..12).map(|h| at(2026, 3, 3, h, 40)).collect();
        assert_eq!(kept[2..], hourly[..], "the newest of each of the last 12 hours");
        assert_eq!(kept[..2], [at(2026, 3, 1, 23, 40), at(2026, 3, 2, 23, 40)], "then the newest of each day before");
    }

    #[test]
    fn a_year_of_daily_use_keeps_twelve_hours_ten_days_and_nine_months() {
        // Four backups a day (8:00, 12:00, 16:00, 20:00) for a year.
        let first = NaiveDate::from_ymd_opt(2025, 1, 1).unwrap();
        let mut taken = Vec::new();
        for d in 0..365 {
            let date = first + Duration::days(d);
            for h in [8, 12, 16, 20] {
                taken.push(Utc.from_utc_datetime(&date.and_hms_opt(h, 0, 0).unwrap()));
            }
        }
        let kept = kept(&taken);
        assert_eq!(kept.len(), KEEP_HOURLY + KEEP_DAILY + KEEP_MONTHLY);
        let last = *taken.last().unwrap();
        assert_eq!(kept.last(), Some(&last));
        // 12 hourly backups span the last three days (4 a day).
        assert_eq!(kept[kept.len() - KEEP_HOURLY], at(2025, 12, 29, 8, 0));
        // Then one (the 20:00) for each of the 10 days before.
        let daily = &kept[KEEP_MONTHLY..KEEP_MONTHLY + KEEP_DAILY];
        assert_eq!(daily.first(), Some(&at(2025, 12, 19, 20, 0)));
        assert!(daily.iter().all(|t| t.format("%H").to_string() == "20"));
        // Then the last backup of each of the 9 months before December.
        let monthly = &kept[..KEEP_MONTHLY];
        assert_eq!(monthly.first(), Some(&at(2025, 3, 31, 20, 0)));
        assert_eq!(monthly.last(), Some(&at(2025, 11, 30, 20, 0)));
    }

    #[test]
    fn old_backups_stay_after_a_long_break() {
        let before: Vec<_> = (0..5).map(|d| at(2025, 6, 1 + d, 10, 0)).collect();
        let mut taken = before.clone();
        taken.push(at(2026, 3, 2, 9, 0));
        assert_eq!(kept(&taken), taken, "six backups fit the slots: all kept");
    }

    #[test]
    fn days_and_months_are_the_learners() {
        // 23:30 and 22:00 UTC on March 1 are March 2 in Tokyo: one day there.
        let tokyo: Tz = "Asia/Tokyo".parse().unwrap();
        let mut taken: Vec<_> = (0..12).map(|h| at(2026, 3, 5, h, 0)).collect();
        taken.push(at(2026, 3, 1, 23, 30));
        taken.push(at(2026, 3, 1, 22, 0));
        let keep = backups_to_keep(&taken, later(&taken), tokyo);
        assert_eq!(&keep[12..], &[true, false]);
        let keep = backups_to_keep(&taken, later(&taken), Tz::UTC);
        assert_eq!(&keep[12..], &[true, false], "in UTC the same day too");
        taken.push(at(2026, 3, 1, 14, 0));
        let keep = backups_to_keep(&taken, later(&taken), tokyo);
        assert_eq!(&keep[12..], &[true, false, true], "14:00 UTC is still March 1 in Tokyo");
        let keep = backups_to_keep(&taken, later(&taken), Tz::UTC);
        assert_eq!(&keep[12..], &[true, false, false], "but one day with 23:30 in UTC");
    }

    #[test]
    fn equal_instants_keep_one() {
        let t = at(2026, 3, 2, 9, 0);
        let now = t + Duration::hours(2);
        assert_eq!(backups_to_keep(&[t, t, t], now, Tz::UTC), vec![true, false, false]);
        assert!(backups_to_keep(&[], now, Tz::UTC).is_empty());
    }

    #[test]
    fn everything_from_the_last_hour_is_kept_then_thinned() {
        let t = at(2026, 3, 2, 9, 0);
        let taken = [t, t + Duration::minutes(5), t + Duration::minutes(50)];
        let now = t + Duration::minutes(50);
        assert_eq!(backups_to_keep(&taken, now, Tz::UTC), vec![true, true, true], "a restore keeps what it restored");
        let now = t + Duration::minutes(100);
        assert_eq!(backups_to_keep(&taken, now, Tz::UTC), vec![false, false, true], "an hour later, one for 9:00");
        let mut more = taken.to_vec();
        more.push(now);
        assert_eq!(backups_to_keep(&more, now, Tz::UTC), vec![false, false, true, true]);
    }
}
