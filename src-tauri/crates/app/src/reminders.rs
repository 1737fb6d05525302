//! Study reminders: the learner's reminder list, and what would ring at a
//! given time with the words of its notification. The desktop shell's
//! scheduler sends them; this module decides, and records what was sent.

use crate::App;
use crate::error::{AppError, AppResult};
use crate::study_views::TestState;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;
use waymark_core::ids::ReminderId;
use waymark_core::reminder::{
    DueReminder, Facts, QuietHours, Reminder, ReminderInput, ReminderKind, ReminderRules, due, next_wake,
};
use waymark_core::streak::TodayState;

/// A reminder that would ring, with its notification text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Notification {
    /// What rings and for which slot.
    #[serde(flatten)]
    pub due: DueReminder,
    /// The notification title.
    pub title: String,
    /// The notification body.
    pub body: String,
    /// The screen a click opens (`#/today`, `#/review`, `#/goal/<id>`).
    pub route: String,
}

impl App {
    /// The reminders, oldest first.
    pub fn reminders(&self) -> AppResult<Vec<Reminder>> {
        let mut list = self.store.scan::<Reminder>()?;
        list.sort_by(|a, b| a.created_at.cmp(&b.created_at).then_with(|| a.id.cmp(&b.id)));
        Ok(list)
    }

    /// Adds a reminder (checked against the quiet hours).
    pub fn add_reminder(&mut self, input: ReminderInput) -> AppResult<Reminder> {
        let input = input.validate(self.profile.quiet_hours)?;
        let now = self.clock.now();
        let reminder = Reminder::new(ReminderId::from_uuid(Uuid::now_v7()), input, now);
        self.store.transact(now, |tx| tx.put(&reminder))?;
        Ok(reminder)
    }

    /// Deletes a reminder.
    pub fn delete_reminder(&mut self, id: &str) -> AppResult<()> {
        let r = self.reminder(id)?;
        self.store.transact(self.clock.now(), |tx| tx.delete(&r))?;
        Ok(())
    }

    /// Silences one reminder until `until`.
    pub fn snooze_reminder(&mut self, id: &str, until: DateTime<Utc>) -> AppResult<Reminder> {
        let mut r = self.reminder(id)?;
        r.snoozed_until = Some(until);
        self.store.transact(self.clock.now(), |tx| tx.put(&r))?;
        Ok(r)
    }

    /// Sets the quiet hours (`None` removes them); refused when a reminder
    /// would never ring.
    pub fn set_quiet_hours(&mut self, quiet: Option<QuietHours>) -> AppResult<()> {
        if let Some(q) = &quiet {
            for r in self.reminders()? {
                r.kind.check_quiet(q)?;
            }
        }
        let mut profile = self.profile.clone();
        profile.quiet_hours = quiet;
        self.save_profile(profile)
    }

    /// Pauses every reminder until `until` (`None` resumes them).
    pub fn pause_reminders(&mut self, until: Option<DateTime<Utc>>) -> AppResult<()> {
        let mut profile = self.profile.clone();
        profile.reminders_paused_until = until;
        self.save_profile(profile)
    }

    /// What would ring at `at` (default now), with its words; sends and
    /// records nothing.
    pub fn reminders_due(&self, at: Option<DateTime<Utc>>) -> AppResult<Vec<Notification>> {
        let at = at.unwrap_or_else(|| self.clock.now());
        let reminders = self.reminders()?;
        let facts =
            Facts { reviews_due: self.due_count_at(at), streak_open: self.streak_now().today == TodayState::Open };
        let due = due(&reminders, &self.reminder_rules(), &facts, at);
        due.into_iter().map(|d| self.notification(d, &facts)).collect()
    }

    /// Records that a reminder rang for `slot`, so it never rings twice for it.
    pub fn record_fired(&mut self, id: &str, slot: DateTime<Utc>) -> AppResult<()> {
        let mut r = self.reminder(id)?;
        r.record_fired(slot);
        self.store.transact(self.clock.now(), |tx| tx.put(&r))?;
        Ok(())
    }

    /// When the scheduler should next wake up.
    pub fn next_reminder_wake(&self) -> AppResult<Option<DateTime<Utc>>> {
        Ok(next_wake(&self.reminders()?, &self.reminder_rules(), self.clock.now()))
    }

    fn reminder_rules(&self) -> ReminderRules {
        ReminderRules {
            tz: self.zone(),
            quiet: self.profile.quiet_hours,
            paused_until: self.profile.reminders_paused_until,
            day_start_hour: self.profile.day_start_hour,
        }
    }

    fn reminder(&self, id: &str) -> AppResult<Reminder> {
        let rid = ReminderId::parse(id)
            .ok_or_else(|| AppError::invalid("reminder_id", format!("\"{id}\" is not a reminder id")))?;
        self.store.get::<Reminder>(rid.as_str())?.ok_or_else(|| AppError::not_found("reminder", id))
    }

    fn notification(&self, due: DueReminder, facts: &Facts) -> AppResult<Notification> {
        let date = self.today();
        let tasks = self.store.tasks_on(date)?;
        let open: Vec<_> = tasks.iter().filter(|t| !t.status.is_settled()).collect();
        let reviews = (facts.reviews_due > 0)
            .then(|| format!("{} {} due", facts.reviews_due, plural(facts.reviews_due, "review")));
        let tasks_line = match open.as_slice() {
            [] => None,
            some => {
                let minutes: u32 = some.iter().map(|t| t.duration_minutes).sum();
                let goals: std::collections::BTreeSet<_> = some.iter().map(|t| &t.goal_id).collect();
                let about = match goals.iter().next().and_then(|g| self.store.goal_ref(g)) {
                    Some(g) if goals.len() == 1 => format!(" for {}", g.title),
                    _ => String::new(),
                };
                let n = u32::try_from(some.len()).unwrap_or(u32::MAX);
                Some(format!("{n} {}{about} today (~{})", plural(n, "task"), duration(minutes)))
            }
        };
        let summary = [tasks_line, reviews].into_iter().flatten().collect::<Vec<_>>().join(" · ");
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
            ReminderKind::At { note, goal_id, .. } => (
                if note.is_empty() { "Reminder".to_string() } else { note.clone() },
                summary,
                goal_id.as_ref().map(|g| format!("#/goal/{g}")).unwrap_or_else(|| "#/today".into()),
            ),
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
}

fn plural(n: u32, word: &str) -> String {
    if n == 1 { word.to_string() } else { format!("{word}s") }
}

fn duration(minutes: u32) -> String {
    match (minutes / 60, minutes % 60) {
        (0, m) => format!("{m} min"),
        (h, 0) => format!("{h} h"),
        (h, m) => format!("{h} h {m} min"),
    }
}
