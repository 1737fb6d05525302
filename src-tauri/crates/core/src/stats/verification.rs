//! Verification tests over time: pass rate, average score and perfect scores
//! per week, with the all-time totals. Each tested date counts once, by its
//! best attempt (a pass beats a fail, then the higher score), as everywhere
//! else in Waymark.

use crate::card::TestAttempt;
use crate::day::week_start;
use crate::quiz::{TestStats, best_by_date, test_stats};
use crate::stats::{WEEKS, last_weeks, share};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

const EPSILON: f64 = 1e-9;

/// One week's tests.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, TS)]
pub struct TestWeek {
    /// Its Monday.
    pub week: NaiveDate,
    /// Dates tested.
    pub tested: u32,
    /// Dates whose best attempt passed.
    pub passed: u32,
    /// Dates whose best attempt had every answer right.
    pub perfect: u32,
    /// Passed over tested, 0..=1; `None` without a test.
    pub pass_rate: Option<f64>,
    /// Mean best score of the dates tested, 0..=1; `None` without a test.
    pub average_score: Option<f64>,
}

/// The test figures.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct TestFigures {
    /// All-time totals.
    pub totals: TestStats,
    /// The last [`WEEKS`] weeks, oldest first.
    pub weeks: Vec<TestWeek>,
}

/// The test figures up to `today`'s week.
pub fn tests(attempts: &[&TestAttempt], today: NaiveDate) -> TestFigures {
    let results = || attempts.iter().map(|a| (a.date, a.score, a.passed));
    let mondays = last_weeks(today, WEEKS);
    let mut sums = vec![(0u32, 0u32, 0u32, 0.0f64); WEEKS];
    for (date, (score, passed)) in best_by_date(results()) {
        let week = week_start(date);
        if week < mondays[0] || week > mondays[WEEKS - 1] {
            continue;
        }
        let s = &mut sums[((week - mondays[0]).num_days() / 7) as usize];
        s.0 += 1;
        s.1 += u32::from(passed);
        s.2 += u32::from(score + EPSILON >= 1.0);
        s.3 += score;
    }
    let weeks = mondays
        .iter()
        .zip(sums)
        .map(|(&week, (tested, passed, perfect, total))| TestWeek {
            week,
            tested,
            passed,
            perfect,
            pass_rate: share(passed, tested),
            average_score: (tested > 0).then(|| total / f64::from(tested)),
        })
        .collect();
    TestFigures { totals: test_stats(results()), weeks }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stats::fixtures::*;

    #[test]
    fn each_date_counts_once_by_its_best_attempt() {
        // Week of 2 March: Monday failed (0.4) then passed on a retake (0.8); Tuesday perfect;
        // Wednesday failed (0.5). Week of 9 March: one pass at 0.7. Today is Thursday 12 March.
        let attempts = [
            attempt("2026-03-02", 0.4, false, &[]),
            attempt("2026-03-02", 0.8, true, &[]),
            attempt("2026-03-03", 1.0, true, &[]),
            attempt("2026-03-04", 0.5, false, &[]),
            attempt("2026-03-10", 0.7, true, &[]),
        ];
        let t = tests(&refs(&attempts), day("2026-03-12"));
        assert_eq!(t.weeks.len(), WEEKS);
        let (last, this) = (t.weeks[WEEKS - 2], t.weeks[WEEKS - 1]);
        assert_eq!((last.week, last.tested, last.passed, last.perfect), (day("2026-03-02"), 3, 2, 1));
        assert_eq!(last.pass_rate, Some(2.0 / 3.0));
        assert!((last.average_score.unwrap() - (0.8 + 1.0 + 0.5) / 3.0).abs() < 1e-12);
        assert_eq!((this.tested, this.passed, this.perfect, this.pass_rate), (1, 1, 0, Some(1.0)));
        assert!((this.average_score.unwrap() - 0.7).abs() < 1e-12);
        assert_eq!(t.weeks[0].pass_rate, None);
        assert_eq!((t.totals.total, t.totals.passed, t.totals.failed, t.totals.perfect), (4, 3, 1, 1));
    }

    #[test]
    fn old_tests_count_in_the_totals_only() {
        let attempts = [attempt("2024-01-02", 1.0, true, &[])];
        let t = tests(&refs(&attempts), day("2026-03-12"));
        assert!(t.weeks.iter().all(|w| w.tested == 0));
        assert_eq!((t.totals.total, t.totals.perfect), (1, 1));
    }
}
