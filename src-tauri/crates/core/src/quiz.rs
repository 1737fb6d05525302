//! The daily verification test: which questions to ask, whether the learner
//! passed, how tests went over time, and which steps need another look.
//!
//! Everything is a pure function over what the store already holds (questions,
//! revision-card strengths, past results), so the same inputs always give the
//! same test; the only randomness is a seeded shuffle that breaks ties.

use crate::day::week_start;
use crate::error::{ValidationError, ValidationResult};
use crate::ids::{QuestionId, StepId};
use crate::question::{Answer, Question};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use ts_rs::TS;

/// Fewest questions a test asks (when that many exist).
pub const MIN_QUESTIONS: usize = 3;
/// Most questions a test asks.
pub const MAX_QUESTIONS: usize = 10;
/// The share of right answers that passes, unless the learner chose another.
pub const DEFAULT_PASS_MARK: f64 = 0.7;
/// Mean card retrievability under which a step counts as fading.
pub const WEAK_RETRIEVABILITY: f64 = 0.7;

const EPSILON: f64 = 1e-9;

/// A question that could be asked today, with what is known of the learner's hold on it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Candidate<'a> {
    /// The question.
    pub question: &'a Question,
    /// Whether it was asked before (in a test or as a revision card).
    pub seen: bool,
    /// Retrievability (0 to 1) from its revision card; `None` when never reviewed.
    pub strength: Option<f64>,
}

/// Picks the questions of a day's test.
///
/// Only questions of the day's steps are eligible (a question for a task carries
/// the task's step). Unseen questions come first, then seen ones from the weakest
/// up; a seen question without a strength counts as weakest. Ties are broken by a
/// shuffle seeded with `seed`, so one seed always gives one test whatever the input
/// order. The count is `want` clamped to [`MIN_QUESTIONS`]..=[`MAX_QUESTIONS`], then
/// to what exists: fewer than [`MIN_QUESTIONS`] eligible questions are all returned,
/// and the caller asks the learner to write more.
pub fn assemble(candidates: &[Candidate<'_>], steps_of_the_day: &[StepId], want: usize, seed: u64) -> Vec<QuestionId> {
    let mut pool: Vec<&Candidate<'_>> = candidates
        .iter()
        .filter(|c| c.question.step_id.as_ref().is_some_and(|s| steps_of_the_day.contains(s)))
        .collect();
    pool.sort_by(|a, b| a.question.id.cmp(&b.question.id));
    pool.dedup_by(|a, b| a.question.id == b.question.id);
    shuffle(&mut pool, seed);
    pool.sort_by(|a, b| a.seen.cmp(&b.seen).then(weakness_key(a).total_cmp(&weakness_key(b))));
    let n = want.clamp(MIN_QUESTIONS, MAX_QUESTIONS).min(pool.len());
    pool.into_iter().take(n).map(|c| c.question.id.clone()).collect()
}

fn weakness_key(c: &Candidate<'_>) -> f64 {
    match c.strength {
        Some(s) if c.seen && s.is_finite() => s.clamp(0.0, 1.0),
        _ => 0.0,
    }
}

/// SplitMix64: a tiny, well-mixed deterministic generator (enough for shuffling).
struct SplitMix64(u64);

impl SplitMix64 {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        ((u128::from(self.next()) * n as u128) >> 64) as usize
    }
}

fn shuffle<T>(items: &mut [T], seed: u64) {
    let mut rng = SplitMix64(seed);
    for i in (1..items.len()).rev() {
        items.swap(i, rng.below(i + 1));
    }
}

/// One answered question of a test.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Attempt {
    /// The question.
    pub question_id: QuestionId,
    /// What the learner answered.
    pub answer: Answer,
    /// Whether it was right.
    pub correct: bool,
}

/// The share of right answers, 0 to 1; 0 for an empty test.
pub fn score(attempts: &[Attempt]) -> f64 {
    if attempts.is_empty() {
        return 0.0;
    }
    attempts.iter().filter(|a| a.correct).count() as f64 / attempts.len() as f64
}

/// Whether a score reaches the pass mark (with a little slack for rounding, so
/// 7 right out of 10 passes at 0.7).
pub fn passed(score: f64, pass_mark: f64) -> bool {
    score + EPSILON >= pass_mark
}

/// Accepts a pass mark from 0.1 to 1.0.
pub fn validate_pass_mark(p: f64) -> ValidationResult<f64> {
    if p.is_finite() && (0.1..=1.0).contains(&p) {
        Ok(p)
    } else {
        Err(ValidationError::new("pass_mark", format!("must be from 0.1 to 1.0 (10% to 100%); got {p}")))
    }
}

/// How the daily tests went, one count per day tested.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize, TS)]
pub struct TestStats {
    /// Days with at least one test.
    pub total: u32,
    /// Days whose best attempt passed.
    pub passed: u32,
    /// Days whose best attempt failed.
    pub failed: u32,
    /// Mean of the days' best scores, 0 to 1; 0 when there are none.
    pub average_score: f64,
    /// Days whose best attempt had every answer right.
    pub perfect: u32,
}

/// Counts test results `(date, score, passed)`, each date once by its best attempt:
/// a passing attempt beats a failing one, then the higher score wins.
pub fn test_stats(results: impl IntoIterator<Item = (NaiveDate, f64, bool)>) -> TestStats {
    let best = best_by_date(results);
    let total = best.len() as u32;
    let passed = best.values().filter(|(_, p)| *p).count() as u32;
    let perfect = best.values().filter(|(s, _)| *s + EPSILON >= 1.0).count() as u32;
    let average_score =
        if best.is_empty() { 0.0 } else { best.values().map(|(s, _)| s).sum::<f64>() / best.len() as f64 };
    TestStats { total, passed, failed: total - passed, average_score, perfect }
}

/// The share of tested days passed, per week (weeks start on Monday), oldest week
/// first; weeks without a test are left out. Each date counts once, by its best attempt.
pub fn pass_rate_by_week(results: impl IntoIterator<Item = (NaiveDate, f64, bool)>) -> Vec<(NaiveDate, f64)> {
    let mut weeks: BTreeMap<NaiveDate, (u32, u32)> = BTreeMap::new();
    for (date, (_, passed)) in best_by_date(results) {
        let week = weeks.entry(week_start(date)).or_default();
        week.0 += u32::from(passed);
        week.1 += 1;
    }
    weeks.into_iter().map(|(monday, (passed, tested))| (monday, f64::from(passed) / f64::from(tested))).collect()
}

/// Each date's best attempt `(score, passed)`: a passing attempt beats a failing
/// one, then the higher score wins; scores are clamped to 0..=1.
pub(crate) fn best_by_date(
    results: impl IntoIterator<Item = (NaiveDate, f64, bool)>,
) -> BTreeMap<NaiveDate, (f64, bool)> {
    let mut best: BTreeMap<NaiveDate, (f64, bool)> = BTreeMap::new();
    for (date, score, passed) in results {
        let score = if score.is_finite() { score.clamp(0.0, 1.0) } else { 0.0 };
        best.entry(date)
            .and_modify(|b| {
                if (passed, score) > (b.1, b.0) {
                    *b = (score, passed);
                }
            })
            .or_insert((score, passed));
    }
    best
}

/// What the learner knows of one step, for [`weak_steps`].
#[derive(Debug, Clone, PartialEq)]
pub struct StepEvidence {
    /// The step.
    pub step_id: StepId,
    /// Current retrievability (0 to 1) of each revision card of the step.
    pub retrievabilities: Vec<f64>,
    /// For each question of the step, its test results oldest first (`true` = right).
    pub results: Vec<Vec<bool>>,
}

/// What to do about a weak step.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum WeakAction {
    /// The material was understood but is fading: review its cards now.
    ReviewNow,
    /// Questions keep failing: go back over the step's material.
    RestudyStep,
}

/// A step that needs attention, and why, as numbers (the facade words them).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct WeakStep {
    /// The step.
    pub step_id: StepId,
    /// Its questions that failed in 2 or more of their last 3 tests.
    pub failing_questions: u32,
    /// Its cards' mean recall in whole percent (rounded down), when under
    /// [`WEAK_RETRIEVABILITY`].
    pub fading_recall_percent: Option<u32>,
    /// What to do.
    pub action: WeakAction,
}

/// Finds the steps that need attention, in the order given.
///
/// A step is weak when a question of it failed in at least 2 of its last 3 tests
/// (→ [`WeakAction::RestudyStep`], since answers keep being wrong), or when the mean
/// retrievability of its cards is under [`WEAK_RETRIEVABILITY`] (→
/// [`WeakAction::ReviewNow`], since memory is fading). When both hold, restudying
/// wins and the reason names both. Steps without cards or results are never weak.
pub fn weak_steps(evidence: &[StepEvidence]) -> Vec<WeakStep> {
    evidence.iter().filter_map(weak_step).collect()
}

fn weak_step(e: &StepEvidence) -> Option<WeakStep> {
    let failing = e.results.iter().filter(|r| r.iter().rev().take(3).filter(|ok| !**ok).count() >= 2).count();
    let cards: Vec<f64> = e.retrievabilities.iter().filter(|r| r.is_finite()).map(|r| r.clamp(0.0, 1.0)).collect();
    let mean = (!cards.is_empty()).then(|| cards.iter().sum::<f64>() / cards.len() as f64);
    let fading = mean.filter(|m| *m < WEAK_RETRIEVABILITY).map(|m| (m * 100.0 + EPSILON).floor() as u32);
    if failing == 0 && fading.is_none() {
        return None;
    }
    let action = if failing > 0 { WeakAction::RestudyStep } else { WeakAction::ReviewNow };
    let failing_questions = u32::try_from(failing).unwrap_or(u32::MAX);
    Some(WeakStep { step_id: e.step_id.clone(), failing_questions, fading_recall_percent: fading, action })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ids::GoalId;
    use crate::question::QuestionBody;
    use chrono::{TimeZone, Utc};

    fn q(id: &str, step: Option<&str>) -> Question {
        Question {
            id: QuestionId(id.into()),
            goal_id: GoalId("g".into()),
            step_id: step.map(|s| StepId(s.into())),
            task_id: None,
            prompt: format!("prompt {id}"),
            body: QuestionBody::TrueFalse { answer: true },
            explanation: String::new(),
            tags: vec![],
            created_at: Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap(),
            generated_by: None,
        }
    }

    fn ids(v: &[QuestionId]) -> Vec<&str> {
        v.iter().map(|i| i.as_str()).collect()
    }

    fn steps(names: &[&str]) -> Vec<StepId> {
        names.iter().map(|s| StepId(s.to_string())).collect()
    }

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 3, d).unwrap()
    }

    #[test]
    fn new_questions_come_first_then_the_weakest() {
        let qs = [
            q("strong", Some("s1")),
            q("new-a", Some("s1")),
            q("weak", Some("s2")),
            q("new-b", Some("s2")),
            q("unrated", Some("s1")),
            q("other-step", Some("s3")),
            q("no-step", None),
            q("middling", Some("s2")),
        ];
        let c = |i: usize, seen: bool, strength: Option<f64>| Candidate { question: &qs[i], seen, strength };
        let cands = [
            c(0, true, Some(0.9)),
            c(1, false, None),
            c(2, true, Some(0.2)),
            c(3, false, None),
            c(4, true, None),
            c(5, false, None),
            c(6, false, None),
            c(7, true, Some(0.5)),
        ];
        let got = assemble(&cands, &steps(&["s1", "s2"]), 10, 7);
        let got = ids(&got);
        assert_eq!(got.len(), 6);
        let mut new = got[..2].to_vec();
        new.sort();
        assert_eq!(new, ["new-a", "new-b"]);
        assert_eq!(got[2..], ["unrated", "weak", "middling", "strong"]);
    }

    #[test]
    fn assembly_is_deterministic_for_a_seed() {
        let qs: Vec<Question> = (0..8).map(|i| q(&format!("q{i}"), Some("s"))).collect();
        let cands: Vec<Candidate<'_>> =
            qs.iter().map(|question| Candidate { question, seen: true, strength: Some(0.5) }).collect();
        let mut reversed = cands.clone();
        reversed.reverse();
        let s = steps(&["s"]);
        let first = assemble(&cands, &s, 5, 42);
        assert_eq!(first, assemble(&cands, &s, 5, 42));
        assert_eq!(first, assemble(&reversed, &s, 5, 42));
        let orders: std::collections::BTreeSet<Vec<QuestionId>> =
            (0..20).map(|seed| assemble(&cands, &s, 5, seed)).collect();
        assert!(orders.len() > 1, "ties should be shuffled by the seed");
    }

    #[test]
    fn the_count_is_clamped() {
        let qs: Vec<Question> = (0..12).map(|i| q(&format!("q{i:02}"), Some("s"))).collect();
        let cands: Vec<Candidate<'_>> =
            qs.iter().map(|question| Candidate { question, seen: false, strength: None }).collect();
        let s = steps(&["s"]);
        assert_eq!(assemble(&cands, &s, 0, 1).len(), MIN_QUESTIONS);
        assert_eq!(assemble(&cands, &s, 2, 1).len(), 3);
        assert_eq!(assemble(&cands, &s, 6, 1).len(), 6);
        assert_eq!(assemble(&cands, &s, 50, 1).len(), MAX_QUESTIONS);
        assert_eq!(assemble(&cands[..2], &s, 5, 1).len(), 2);
        assert!(assemble(&cands, &steps(&["elsewhere"]), 5, 1).is_empty());
        let doubled: Vec<Candidate<'_>> = cands[..2].iter().chain(&cands[..2]).copied().collect();
        assert_eq!(assemble(&doubled, &s, 5, 1).len(), 2);
    }

    fn attempts(right: usize, total: usize) -> Vec<Attempt> {
        (0..total)
            .map(|i| Attempt {
                question_id: QuestionId(format!("q{i}")),
                answer: Answer::Bool(true),
                correct: i < right,
            })
            .collect()
    }

    #[test]
    fn score_and_pass_at_exactly_the_mark() {
        assert_eq!(score(&[]), 0.0);
        assert_eq!(score(&attempts(7, 10)), 0.7);
        assert!(passed(score(&attempts(7, 10)), DEFAULT_PASS_MARK));
        assert!(!passed(score(&attempts(6, 10)), DEFAULT_PASS_MARK));
        assert!(passed(score(&attempts(2, 3)), 2.0 / 3.0));
        assert!(passed(0.1 + 0.2, 0.3));
        assert!(passed(1.0, 1.0));
        assert!(!passed(0.0, 0.1));
        assert!(!passed(score(&attempts(4, 5)), 0.81));
    }

    #[test]
    fn pass_marks_are_checked() {
        assert_eq!(validate_pass_mark(0.7), Ok(0.7));
        assert_eq!(validate_pass_mark(0.1), Ok(0.1));
        assert_eq!(validate_pass_mark(1.0), Ok(1.0));
        for bad in [0.0, 0.09, 1.01, -0.5, f64::NAN, f64::INFINITY] {
            assert_eq!(validate_pass_mark(bad).unwrap_err().field, "pass_mark", "{bad}");
        }
    }

    #[test]
    fn stats_count_each_day_by_its_best_attempt() {
        let results = [
            (day(2), 0.5, false),
            (day(2), 0.8, true),
            (day(2), 0.6, false),
            (day(3), 1.0, true),
            (day(4), 0.4, false),
            (day(5), 0.9, false),
            (day(5), 0.7, true),
        ];
        let s = test_stats(results);
        assert_eq!((s.total, s.passed, s.failed, s.perfect), (4, 3, 1, 1));
        assert!((s.average_score - (0.8 + 1.0 + 0.4 + 0.7) / 4.0).abs() < 1e-12);
        assert_eq!(test_stats([]), TestStats::default());
    }

    #[test]
    fn weekly_pass_rate_starts_on_monday() {
        // 2026-03-01 and 2026-03-08 are Sundays: they close the weeks of Feb 23 and Mar 2.
        let results = [
            (day(1), 0.9, true),
            (day(2), 0.2, false),
            (day(2), 0.9, true),
            (day(3), 0.3, false),
            (day(8), 0.5, false),
            (day(9), 0.8, true),
            (day(4), 0.9, true),
            (day(23), 1.0, true),
        ];
        let weeks = pass_rate_by_week(results);
        let feb_23 = NaiveDate::from_ymd_opt(2026, 2, 23).unwrap();
        assert_eq!(weeks, vec![(feb_23, 1.0), (day(2), 0.5), (day(9), 1.0), (day(23), 1.0)]);
    }

    #[test]
    fn weak_steps_follow_the_rule() {
        let ev = |id: &str, cards: &[f64], results: &[&[bool]]| StepEvidence {
            step_id: StepId(id.into()),
            retrievabilities: cards.to_vec(),
            results: results.iter().map(|r| r.to_vec()).collect(),
        };
        let evidence = [
            ev("fine", &[0.9, 0.8], &[&[false, false, true, true, true]]),
            ev("fading", &[0.9, 0.3], &[&[true, false, true]]),
            ev("failing", &[0.95], &[&[true, false, false], &[false, true, false], &[false]]),
            ev("both", &[0.1], &[&[false, false]]),
            ev("edge", &[0.7, 0.7], &[&[false, true, true, false]]),
            ev("empty", &[], &[]),
        ];
        let weak = weak_steps(&evidence);
        assert_eq!(
            weak,
            vec![
                WeakStep {
                    step_id: StepId("fading".into()),
                    failing_questions: 0,
                    fading_recall_percent: Some(60),
                    action: WeakAction::ReviewNow,
                },
                WeakStep {
                    step_id: StepId("failing".into()),
                    failing_questions: 2,
                    fading_recall_percent: None,
                    action: WeakAction::RestudyStep,
                },
                WeakStep {
                    step_id: StepId("both".into()),
                    failing_questions: 1,
                    fading_recall_percent: Some(10),
                    action: WeakAction::RestudyStep,
                },
            ]
        );
    }
}
