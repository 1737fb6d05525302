//! The daily verification test: a few questions on the steps of the tasks
//! done today, checked one by one with feedback, then handed in as an attempt.
//! Retakes are new attempts; the day counts as verified on its best one.

use crate::App;
use crate::error::{AppError, AppResult};
use crate::study_views::{GoalStudy, TestQuestion, TodayTest};
use chrono::Days;
use std::collections::HashSet;
use uuid::Uuid;
use waymark_core::activity::ActivityKind;
use waymark_core::card::{AnsweredQuestion, Card, TestAttempt};
use waymark_core::day::day_start;
use waymark_core::ids::{GoalId, StepId, TestId};
use waymark_core::question::{Answer, Checked, check};
use waymark_core::quiz::{
    Attempt, Candidate, StepEvidence, assemble, pass_rate_by_week, passed, score, test_stats, validate_pass_mark,
    weak_steps,
};
use waymark_core::srs::{retrievability, validate_retention};
use waymark_core::task::TaskStatus;

/// How many questions a test asks when enough exist.
const WANTED_QUESTIONS: usize = 5;

impl App {
    /// The day's test: its state, the questions of the next attempt, attempts so far.
    pub fn today_test(&mut self) -> AppResult<TodayTest> {
        self.roll_over()?;
        let date = self.today();
        let steps = self.studied_steps(date)?;
        let mut attempts: Vec<TestAttempt> = self.store.tests().filter(|t| t.date == date).cloned().collect();
        attempts.sort_by_key(|a| a.completed_at);
        let now = self.clock.now();
        let params = self.srs_params();
        let asked: HashSet<_> = self.store.tests().flat_map(|t| t.question_ids.iter()).collect();
        let cards: Vec<&Card> = self.store.cards().collect();
        let candidates: Vec<Candidate<'_>> = cards
            .iter()
            .map(|c| Candidate {
                question: &c.question,
                seen: c.srs.reps > 0 || asked.contains(&c.question.id),
                strength: retrievability(&c.srs, now, &params),
            })
            .collect();
        let seed = u64::try_from(date.to_epoch_days()).unwrap_or(0) * 31 + attempts.len() as u64;
        let ids = assemble(&candidates, &steps, WANTED_QUESTIONS, seed);
        let questions: Vec<TestQuestion> = ids
            .iter()
            .filter_map(|id| cards.iter().find(|c| &c.question.id == id))
            .map(|c| TestQuestion::of(&c.question))
            .collect();
        let best_score =
            attempts.iter().map(|a| a.score).fold(None, |b: Option<f64>, s| Some(b.map_or(s, |b| b.max(s))));
        let state = self.today_test_state(date)?;
        Ok(TodayTest { date, state, questions, pass_mark: self.profile.pass_mark, attempts, best_score })
    }

    /// The steps of the tasks done on `date`: what its test asks about.
    pub(crate) fn studied_steps(&self, date: chrono::NaiveDate) -> AppResult<Vec<StepId>> {
        Ok(self.store.tasks_on(date)?.into_iter().filter(|t| t.status == TaskStatus::Done).map(|t| t.step_id).collect())
    }

    /// Checks one answer (no write): right or wrong, the right answer, the explanation.
    pub fn check_answer(&self, question_id: &str, answer: &Answer) -> AppResult<Checked> {
        let card = self.card(question_id)?;
        Ok(check(&card.question, answer)?)
    }

    /// Hands in an attempt at today's test. Every question counts; a wrong one
    /// becomes due for revision at the start of the next day.
    pub fn submit_test(&mut self, answers: Vec<(String, Answer)>) -> AppResult<TestAttempt> {
        if answers.is_empty() {
            return Err(AppError::invalid("answers", "a test needs at least one answered question"));
        }
        let date = self.today();
        let now = self.clock.now();
        let tomorrow = day_start(date + Days::new(1), self.zone(), self.profile.day_start_hour);
        let mut answered = Vec::with_capacity(answers.len());
        let mut cards = Vec::new();
        let mut goals: Vec<GoalId> = Vec::new();
        for (id, answer) in answers {
            let mut card = self.card(&id)?;
            let checked = check(&card.question, &answer)?;
            if !checked.correct && card.srs.due > tomorrow {
                card.srs.due = tomorrow;
                cards.push(card.clone());
            }
            if !goals.contains(&card.question.goal_id) {
                goals.push(card.question.goal_id.clone());
            }
            answered.push(AnsweredQuestion {
                question_id: card.question.id.clone(),
                step_id: card.question.step_id.clone(),
                answer,
                correct: checked.correct,
            });
        }
        let attempts: Vec<Attempt> = answered
            .iter()
            .map(|a| Attempt { question_id: a.question_id.clone(), answer: a.answer.clone(), correct: a.correct })
            .collect();
        let s = score(&attempts);
        let attempt = TestAttempt {
            id: TestId::from_uuid(Uuid::now_v7()),
            date,
            goal_ids: goals,
            question_ids: answered.iter().map(|a| a.question_id.clone()).collect(),
            answers: answered,
            score: s,
            passed: passed(s, self.profile.pass_mark),
            pass_mark: self.profile.pass_mark,
            completed_at: now,
        };
        let right = attempt.answers.iter().filter(|a| a.correct).count();
        let title = format!(
            "{} the daily test ({right} of {})",
            if attempt.passed { "Passed" } else { "Took" },
            attempt.answers.len()
        );
        let log = self.activity(
            if attempt.passed { ActivityKind::TestPassed } else { ActivityKind::TestTaken },
            None,
            Some(attempt.id.to_string()),
            title,
            Some(u32::try_from(right).unwrap_or(u32::MAX)),
        );
        self.store.transact(now, |tx| {
            for c in &cards {
                tx.put(c)?;
            }
            tx.put(&log)?;
            tx.put(&attempt)
        })?;
        Ok(attempt)
    }

    /// A goal's test statistics, weak topics and cards.
    pub fn goal_study(&self, goal_id: &str) -> AppResult<GoalStudy> {
        let goal = self.goal(goal_id)?;
        let now = self.clock.now();
        let params = self.srs_params();
        let cards: Vec<Card> = self.store.cards().filter(|c| c.question.goal_id == goal.id).cloned().collect();
        let mut tests: Vec<&TestAttempt> = self.store.tests().filter(|t| t.goal_ids.contains(&goal.id)).collect();
        tests.sort_by_key(|t| t.completed_at);
        let results: Vec<_> = tests.iter().map(|t| (t.date, t.score, t.passed)).collect();
        let roadmap = self.store.roadmap_of_goal(&goal.id)?;
        let evidence: Vec<StepEvidence> = roadmap
            .map(|r| {
                r.steps
                    .iter()
                    .map(|s| {
                        let mine: Vec<&Card> =
                            cards.iter().filter(|c| c.question.step_id.as_ref() == Some(&s.id)).collect();
                        StepEvidence {
                            step_id: s.id.clone(),
                            retrievabilities: mine
                                .iter()
                                .filter_map(|c| retrievability(&c.srs, now, &params))
                                .collect(),
                            results: mine
                                .iter()
                                .map(|c| {
                                    tests
                                        .iter()
                                        .flat_map(|t| t.answers.iter())
                                        .filter(|a| a.question_id == c.question.id)
                                        .map(|a| a.correct)
                                        .collect()
                                })
                                .collect(),
                        }
                    })
                    .collect()
            })
            .unwrap_or_default();
        let due_now = u32::try_from(cards.iter().filter(|c| c.is_due(now)).count()).unwrap_or(u32::MAX);
        Ok(GoalStudy {
            goal_id: goal.id,
            stats: test_stats(results.iter().copied()),
            pass_rate_by_week: pass_rate_by_week(results.iter().copied()),
            weak_steps: weak_steps(&evidence).into_iter().map(crate::words::weak_view).collect(),
            cards,
            due_now,
        })
    }

    /// Sets the test pass mark and the FSRS desired retention.
    pub fn update_study_settings(&mut self, pass_mark: f64, desired_retention: f64) -> AppResult<crate::SettingsView> {
        let mut profile = self.profile.clone();
        profile.pass_mark = validate_pass_mark(pass_mark)?;
        profile.desired_retention = validate_retention(desired_retention)?;
        self.save_profile(profile)?;
        Ok(self.settings())
    }
}
