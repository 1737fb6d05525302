//! A heavy synthetic profile — years of use — written straight into a store:
//! every learner collection, every kind of value the documents hold (strings
//! with escapes and non-ASCII text, whole and fractional numbers, nulls,
//! nested documents, lists), and tombstones. Shared by the data benchmark
//! (full size) and the round-trip test (small size).

use chrono::{DateTime, Days, Duration, NaiveDate, NaiveTime, Utc};
use std::path::Path;
use waymark_core::activity::{Activity, ActivityKind};
use waymark_core::availability::{DayOff, WeekMinutes};
use waymark_core::card::{AnsweredQuestion, Card, Review, TestAttempt};
use waymark_core::goal::{Difficulty, Goal, GoalStatus};
use waymark_core::ids::{ActivityId, GoalId, QuestionId, ReminderId, ReviewId, RoadmapId, StepId, TaskId, TestId};
use waymark_core::profile::Profile;
use waymark_core::question::{Answer, Choice, Question, QuestionBody};
use waymark_core::reminder::{QuietHours, Reminder, ReminderKind, Weekday};
use waymark_core::roadmap::{Resource, ResourceKind, Roadmap, Step, StepStatus};
use waymark_core::srs::{CardState, Memory, Rating, SrsCard};
use waymark_core::task::{Task, TaskStatus};
use waymark_store::{Store, StoreError, Tx};

use crate::timing::uuid;

/// How much of everything.
#[derive(Debug, Clone, Copy)]
pub struct Scale {
    /// Goals (each with a 20-step roadmap).
    pub goals: u128,
    /// Tasks over five years.
    pub tasks: u128,
    /// Revision cards.
    pub cards: u128,
    /// Review-log entries.
    pub reviews: u128,
    /// Daily test attempts.
    pub tests: u128,
    /// Activity-log entries.
    pub activities: u128,
}

impl Scale {
    /// Five years of daily study.
    pub const HEAVY: Self =
        Self { goals: 30, tasks: 25_000, cards: 20_000, reviews: 200_000, tests: 1_500, activities: 30_000 };
    /// Enough of everything for a test in a debug build.
    pub const SMALL: Self = Self { goals: 6, tasks: 1_500, cards: 600, reviews: 3_000, tests: 60, activities: 800 };

    /// Documents the profile holds (tombstones included).
    pub fn documents(&self) -> u128 {
        1 + self.goals * 2 + self.tasks + self.cards + self.reviews + self.tests + self.activities + 4
    }
}

const STEPS: u128 = 20;
const DAYS: u64 = 5 * 365;

fn goal_id(g: u128) -> GoalId {
    GoalId(uuid(1_000_000 + g))
}

fn step_id(g: u128, s: u128) -> StepId {
    StepId(uuid(2_000_000 + g * 100 + s))
}

fn question_id(n: u128) -> QuestionId {
    QuestionId(uuid(5_000_000 + n))
}

/// Writes the profile into the store at `dir` (which must not be open
/// elsewhere); `now` is the end of the five years.
pub fn build(dir: &Path, scale: Scale, now: DateTime<Utc>) {
    let mut store = Store::open(dir, now).unwrap();
    let user = store.identity().user_id.clone();
    let p = Profile5y { scale, now, start: now.date_naive() - Days::new(DAYS) };
    let mut write = |f: &mut dyn FnMut(&mut Tx<'_>) -> Result<(), StoreError>| store.transact(now, f).unwrap();

    write(&mut |tx| {
        tx.put(&p.profile(user.clone()))?;
        for g in 0..scale.goals {
            let goal = p.goal(g);
            tx.put(&goal)?;
            tx.put(&p.roadmap(g))?;
            if g == scale.goals - 1 {
                tx.delete(&goal)?;
            }
        }
        for reminder in p.reminders() {
            tx.put(&reminder)?;
        }
        Ok(())
    });
    for range in chunks(scale.tasks, 2_000) {
        write(&mut |tx| {
            for n in range.clone() {
                let task = p.task(n);
                tx.put(&task)?;
                if n.is_multiple_of(97) {
                    tx.delete(&task)?;
                }
            }
            Ok(())
        });
    }
    for range in chunks(scale.cards, 2_000) {
        write(&mut |tx| range.clone().try_for_each(|n| tx.put(&p.card(n))));
    }
    for range in chunks(scale.reviews, 10_000) {
        write(&mut |tx| range.clone().try_for_each(|n| tx.put(&p.review(n))));
    }
    for range in chunks(scale.tests, 2_000) {
        write(&mut |tx| range.clone().try_for_each(|n| tx.put(&p.test(n))));
    }
    for range in chunks(scale.activities, 10_000) {
        write(&mut |tx| range.clone().try_for_each(|n| tx.put(&p.activity(n))));
    }
}

/// `0..n` cut into ranges of `size`.
fn chunks(n: u128, size: u128) -> impl Iterator<Item = std::ops::Range<u128>> {
    (0..n.div_ceil(size)).map(move |c| c * size..((c + 1) * size).min(n))
}

/// Five years of use at some scale, ending at `now`: makes each document.
struct Profile5y {
    scale: Scale,
    now: DateTime<Utc>,
    start: NaiveDate,
}

impl Profile5y {
    fn at(&self, day: u64, minute: i64) -> DateTime<Utc> {
        (self.start + Days::new(day)).and_time(NaiveTime::MIN).and_utc() + Duration::minutes(minute)
    }

    fn profile(&self, user: String) -> Profile {
        let now = self.now;
        Profile {
            day_start_hour: 5,
            time_zone: Some("Europe/Berlin".into()),
            days_off: vec![DayOff {
                start: now.date_naive() + Days::new(10),
                end: now.date_naive() + Days::new(17),
                note: "Holiday in Rome — «ferie» \"quoted\"".into(),
                declared_on: now.date_naive(),
            }],
            pass_mark: 0.75,
            desired_retention: 0.9,
            fsrs_weights: vec![0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001],
            quiet_hours: Some(QuietHours {
                start: NaiveTime::from_hms_opt(22, 0, 0).unwrap(),
                end: NaiveTime::from_hms_opt(7, 30, 0).unwrap(),
            }),
            reminders_paused_until: None,
            ..Profile::new(user)
        }
    }

    fn goal(&self, g: u128) -> Goal {
        let now = self.now;
        Goal {
            id: goal_id(g),
            title: format!("Goal {g}: naïve café \u{1F680}"),
            description: "A long-running learning goal.\nSecond line\twith a tab and a \\ backslash.".into(),
            category: ["Programming", "Languages", "Music"][(g % 3) as usize].into(),
            difficulty: [Difficulty::Beginner, Difficulty::Intermediate, Difficulty::Advanced][(g % 3) as usize],
            target_date: g.is_multiple_of(2).then(|| now.date_naive() + Days::new(100 + g as u64)),
            hours_per_week: 5.5,
            week_minutes: WeekMinutes::even(5.5),
            skills: vec!["reading".into(), format!("skill {g}")],
            prerequisites: if g > 0 && g.is_multiple_of(5) { vec![goal_id(g - 1)] } else { vec![] },
            status: if g % 10 == 9 { GoalStatus::Completed } else { GoalStatus::Active },
            created_at: self.at(0, g as i64),
            completed_at: (g % 10 == 9).then(|| self.at(DAYS - 30, 0)),
        }
    }

    fn roadmap(&self, g: u128) -> Roadmap {
        Roadmap {
            id: RoadmapId(uuid(3_000_000 + g)),
            goal_id: goal_id(g),
            template: (g % 2 == 1).then(|| "rust".to_string()),
            steps: (0..STEPS)
                .map(|s| Step {
                    id: step_id(g, s),
                    title: format!("Step {s}"),
                    description: "Study and practise".into(),
                    duration: ["2 weeks", "1-3 months", "45 min"][(s % 3) as usize].into(),
                    weekly_hours: s.is_multiple_of(4).then_some(2.5),
                    skills: vec![format!("s{s}")],
                    resources: vec![Resource {
                        title: "The Book".into(),
                        url: format!("https://example.org/book/{s}?a=1&b=2"),
                        kind: ResourceKind::Book,
                    }],
                    status: [StepStatus::Done, StepStatus::InProgress, StepStatus::Pending][(s % 3) as usize],
                })
                .collect(),
            created_at: self.at(0, 1),
        }
    }

    fn reminders(&self) -> Vec<Reminder> {
        let now = self.now;
        [
            ReminderKind::Daily {
                times: vec![NaiveTime::from_hms_opt(19, 30, 0).unwrap()],
                days: vec![Weekday::Mon, Weekday::Fri],
            },
            ReminderKind::ReviewsDue { threshold: 20, every_minutes: 240, at_or_after: None },
            ReminderKind::StreakAtRisk { time: NaiveTime::from_hms_opt(20, 0, 0).unwrap() },
            ReminderKind::At {
                at: now + Duration::days(3),
                goal_id: Some(goal_id(0)),
                task_id: None,
                note: "Exam".into(),
            },
        ]
        .into_iter()
        .enumerate()
        .map(|(n, kind)| Reminder {
            id: ReminderId(uuid(9_000_000 + n as u128)),
            kind,
            enabled: n != 1,
            last_fired_at: (n == 0).then(|| now - Duration::hours(20)),
            snoozed_until: None,
            created_at: self.at(DAYS - 100, 0),
        })
        .collect()
    }

    fn task(&self, n: u128) -> Task {
        let (scale, start) = (self.scale, self.start);
        let g = n % scale.goals;
        let day = (n as u64 * DAYS) / scale.tasks as u64;
        let status = [TaskStatus::Done, TaskStatus::Planned, TaskStatus::Skipped][(n % 3) as usize];
        Task {
            id: TaskId(uuid(10_000_000 + n)),
            goal_id: goal_id(g),
            step_id: step_id(g, n % STEPS),
            date: start + Days::new(day),
            title: format!("Task {n} (part {} of 3)", n % 3 + 1),
            duration_minutes: 30 + (n % 4) as u32 * 15,
            seq: (n / scale.goals) as u32,
            status,
            time_spent_minutes: (status == TaskStatus::Done).then_some(35),
            created_at: self.at(0, 2),
            completed_at: (status != TaskStatus::Planned).then(|| self.at(day, 600)),
            completed_on: (status != TaskStatus::Planned).then(|| start + Days::new(day)),
            missed_dates: if n.is_multiple_of(7) { vec![start + Days::new(day.saturating_sub(1))] } else { vec![] },
        }
    }

    fn card(&self, n: u128) -> Card {
        let scale = self.scale;
        let g = n % scale.goals;
        let body = match n % 4 {
            0 => QuestionBody::MultipleChoice {
                choices: vec![
                    Choice { text: "Borrowing".into(), correct: true },
                    Choice { text: "Cloning".into(), correct: false },
                ],
            },
            1 => QuestionBody::TrueFalse { answer: n % 8 == 1 },
            2 => QuestionBody::ShortAnswer { accepted: vec!["ownership".into(), "Ownership".into()] },
            _ => QuestionBody::Recall { back: format!("Answer {n}") },
        };
        let due = self.at((n as u64 * 7) % (DAYS + 365), 0);
        let new = n.is_multiple_of(10);
        Card {
            question: Question {
                id: question_id(n),
                goal_id: goal_id(g),
                step_id: (!n.is_multiple_of(5)).then(|| step_id(g, n % STEPS)),
                task_id: None,
                prompt: format!("Question {n}: what does `&mut` mean?"),
                body,
                explanation: if n.is_multiple_of(2) { String::new() } else { "Because of the borrow checker.".into() },
                tags: vec!["rust".into()],
                created_at: self.at(n as u64 % DAYS, 0),
                generated_by: None,
            },
            srs: SrsCard {
                state: if new { CardState::New } else { CardState::Review },
                memory: (!new).then(|| Memory { stability: 20.0 + (n % 100) as f64 / 3.0, difficulty: 5.25 }),
                due,
                last_review: (!new).then(|| due - Duration::days(20)),
                reps: (n % 30) as u32,
                lapses: (n % 3) as u32,
            },
        }
    }

    fn review(&self, n: u128) -> Review {
        let scale = self.scale;
        Review {
            id: ReviewId(uuid(20_000_000 + n)),
            card_id: question_id(n % scale.cards),
            goal_id: goal_id(n % scale.goals),
            rating: [Rating::Again, Rating::Hard, Rating::Good, Rating::Easy][(n % 4) as usize],
            at: self.at((n as u64 * DAYS) / scale.reviews as u64, (n % 600) as i64),
            state_before: CardState::Review,
            elapsed_days: (n % 40) as u32,
            scheduled_days: (n % 60) as u32,
            duration_ms: (!n.is_multiple_of(5)).then_some(6_000 + (n % 1000) as u32),
        }
    }

    fn test(&self, n: u128) -> TestAttempt {
        let (scale, start) = (self.scale, self.start);
        let day = (n as u64 * DAYS) / scale.tests as u64;
        let questions: Vec<QuestionId> = (0..4).map(|k| question_id((n * 4 + k) % scale.cards)).collect();
        let answers = questions
            .iter()
            .enumerate()
            .map(|(k, q)| AnsweredQuestion {
                question_id: q.clone(),
                step_id: Some(step_id(n % scale.goals, k as u128)),
                answer: [
                    Answer::Choice(0),
                    Answer::Bool(true),
                    Answer::Text("ownership".into()),
                    Answer::SelfGrade(false),
                ][k % 4]
                    .clone(),
                correct: k != 3,
            })
            .collect();
        TestAttempt {
            id: TestId(uuid(30_000_000 + n)),
            date: start + Days::new(day),
            goal_ids: vec![goal_id(n % scale.goals)],
            question_ids: questions,
            answers,
            score: 0.75,
            passed: true,
            pass_mark: 0.7,
            completed_at: self.at(day, 700),
        }
    }

    fn activity(&self, n: u128) -> Activity {
        let (scale, start) = (self.scale, self.start);
        let day = (n as u64 * DAYS) / scale.activities as u64;
        Activity {
            id: ActivityId(uuid(40_000_000 + n)),
            kind: [ActivityKind::TaskCompleted, ActivityKind::StepCompleted, ActivityKind::TestPassed]
                [(n % 3) as usize],
            goal_id: (!n.is_multiple_of(11)).then(|| goal_id(n % scale.goals)),
            subject_id: Some(uuid(10_000_000 + n % scale.tasks)),
            title: format!("Completed task {n}"),
            at: self.at(day, 720),
            date: start + Days::new(day),
            value: n.is_multiple_of(2).then_some(30),
        }
    }
}
