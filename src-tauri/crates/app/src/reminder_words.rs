//! The words of what the app tells the learner unasked: the text of a reminder
//! notification, and the short summary of today the tray shows.

use crate::App;
use crate::error::AppResult;
use crate::reminders::Notification;
use crate::study_views::TestState;
use crate::words::{duration, join, plural, weekday_date};
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;
use ts_rs::TS;
use waymark_core::reminder::{DueReminder, Facts, ReminderKind};

/// A short text about today (the tray's "Today's summary").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct TodaySummary {
    /// The heading.
    pub title: String,
    /// One line: tasks and minutes, reviews, the test and the streak.
    pub body: String,
}

impl App {
    /// Today in one line: tasks and minutes done, reviews due, the day's test
    /// and the streak.
    pub fn today_summary(&mut self) -> AppResult<TodaySummary> {
        let view = self.today_view(None)?;
        let n = u32::try_from(view.tasks.len()).unwrap_or(u32::MAX);
        let mut parts = vec![if n == 0 {
            "No tasks today".to_string()
        } else {
            format!(
                "{n} {} today · {} of {} done",
                plural(n, "task"),
                duration(view.done_minutes),
                duration(view.planned_minutes)
            )
        }];
        if view.reviews_due > 0 {
            parts.push(format!("{} {} due", view.reviews_due, plural(view.reviews_due, "review")));
        }
        match view.test_state {
            TestState::Ready => parts.push("today's test is ready".into()),
            TestState::Passed => parts.push("today's test passed".into()),
            TestState::Failed => parts.push("today's test not passed yet".into()),
            TestState::NothingToTest | TestState::NoQuestions => {}
        }
        if view.streak.current > 0 {
            parts.push(format!("{}-day streak", view.streak.current));
        }
        Ok(TodaySummary { title: format!("Today, {}", weekday_date(view.date)), body: parts.join(" · ") })
    }

    /// The notification for a due reminder: a title, a body that says what is
    /// waiting, and the screen a click opens.
    pub(crate) fn notification(&self, due: DueReminder, facts: &Facts) -> AppResult<Notification> {
        let date = self.today();
        let summary = self.day_line(facts)?;
        let (title, body, route) = match &due.kind {
            ReminderKind::Daily { .. } => ("Time to study".to_string(), summary, "#/today".to_string()),
            ReminderKind::ReviewsDue { .. } => ("Reviews are waiting".to_string(), summary, "#/review".to_string()),
            ReminderKind::StreakAtRisk { .. } => {
                let streak = self.streak_now().current;
                let title =
                    if streak > 0 { format!("Keep your {streak}-day streak") } else { "Today still counts".into() };
                let test =
                    if self.today_test_state(date)? == TestState::Ready { " · today's test is ready" } else { "" };
                (title, format!("{summary}{test}"), "#/today".to_string())
            }
            ReminderKind::At { note, goal_id, task_id, .. } => {
                let task = task_id.as_ref().and_then(|t| self.store.task(t));
                let goal_id = task.as_ref().map(|t| &t.goal_id).or(goal_id.as_ref());
                let goal = goal_id.and_then(|g| self.store.goal_ref(g)).map(|g| g.title.clone());
                let about = match (&task, &goal) {
                    (Some(t), Some(g)) => Some(format!(
                        "“{}” for {g} ({}, {})",
                        t.title,
                        duration(t.duration_minutes),
                        weekday_date(t.date)
                    )),
                    (Some(t), None) => Some(format!("“{}”", t.title)),
                    (None, Some(g)) => Some(g.clone()),
                    (None, None) => None,
                };
                let title = match (note.is_empty(), &task, &goal) {
                    (false, _, _) => note.clone(),
                    (true, Some(t), _) => format!("Reminder: {}", t.title),
                    (true, None, Some(g)) => format!("Reminder: {g}"),
                    (true, None, None) => "Reminder".to_string(),
                };
                let body = [about, Some(summary).filter(|s| !s.is_empty())].into_iter().flatten().collect();
                let route =
                    goal_id.filter(|_| goal.is_some()).map_or_else(|| "#/today".into(), |g| format!("#/goal/{g}"));
                (title, join(body), route)
            }
        };
        let body = if due.catch_up && due.missed > 0 {
            format!("You missed {} {} while away. {body}", due.missed, plural(due.missed, "reminder"))
        } else if body.is_empty() {
            "Nothing left for today — well done.".to_string()
        } else {
            body
        };
        Ok(Notification { due, title, body, route })
    }

    /// What is waiting today: open tasks with their minutes, and reviews due.
    fn day_line(&self, facts: &Facts) -> AppResult<String> {
        let tasks = self.store.tasks_on(self.today())?;
        let open: Vec<_> = tasks.iter().filter(|t| !t.status.is_settled()).collect();
        let reviews = (facts.reviews_due > 0)
            .then(|| format!("{} {} due", facts.reviews_due, plural(facts.reviews_due, "review")));
        let tasks_line = match open.as_slice() {
            [] => None,
            some => {
                let minutes: u32 = some.iter().map(|t| t.duration_minutes).sum();
                let goals: BTreeSet<_> = some.iter().map(|t| &t.goal_id).collect();
                let about = match goals.iter().next().and_then(|g| self.store.goal_ref(g)) {
                    Some(g) if goals.len() == 1 => format!(" for {}", g.title),
                    _ => String::new(),
                };
                let n = u32::try_from(some.len()).unwrap_or(u32::MAX);
                Some(format!("{n} {}{about} today (~{})", plural(n, "task"), duration(minutes)))
            }
        };
        Ok(join([tasks_line, reviews].into_iter().flatten().collect()))
    }
}
