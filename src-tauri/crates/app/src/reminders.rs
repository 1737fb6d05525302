//! Study reminders: the learner's reminder list and settings, and what would
//! ring at a given time. The desktop shell's scheduler sends the
//! notifications; this module decides, and records what was sent.

use crate::App;
use crate::error::{AppError, AppResult};
use chrono::{DateTime, Days, TimeDelta, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;
use waymark_core::day::day_start;
use waymark_core::ids::ReminderId;
use waymark_core::reminder::{
    DueReminder, Facts, OnceInput, QuietHours, Reminder, ReminderInput, ReminderKind, ReminderRules, due, next_ring,
    next_wake,
};
use waymark_core::streak::TodayState;

/// The longest snooze, in minutes (a day).
const MAX_SNOOZE_MINUTES: u32 = 24 * 60;

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

/// How long to pause every reminder.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum PauseFor {
    /// For an hour from now.
    Hour,
    /// Until the next learner day starts.
    UntilTomorrow,
}

/// One reminder as Settings shows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ReminderRow {
    /// The reminder.
    pub reminder: Reminder,
    /// When it may ring next (for reviews due: when it looks again), if ever.
    pub next_at: Option<DateTime<Utc>>,
    /// When it rang, if that was recently enough to snooze it.
    pub rang_at: Option<DateTime<Utc>>,
    /// Silent until then, while snoozed.
    pub snoozed_until: Option<DateTime<Utc>>,
    /// For a one-off: the task or goal it is about, by title.
    pub about: Option<String>,
}

/// Everything Settings → Reminders shows, as saved.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ReminderSettings {
    /// The reminders, oldest first.
    pub reminders: Vec<ReminderRow>,
    /// The quiet hours, if any.
    pub quiet_hours: Option<QuietHours>,
    /// Every reminder is silent until then, while paused.
    pub paused_until: Option<DateTime<Utc>>,
    /// The time zone reminder times are read in.
    pub time_zone: String,
}

impl App {
    /// The reminders, oldest first.
    pub fn reminders(&self) -> AppResult<Vec<Reminder>> {
        let mut list = self.store.scan::<Reminder>()?;
        list.sort_by(|a, b| a.created_at.cmp(&b.created_at).then_with(|| a.id.cmp(&b.id)));
        Ok(list)
    }

    /// The reminders with when each rings next, the quiet hours and the pause.
    pub fn reminder_settings(&self) -> AppResult<ReminderSettings> {
        let now = self.clock.now();
        let rules = self.reminder_rules();
        let rows = self
            .reminders()?
            .into_iter()
            .map(|r| ReminderRow {
                next_at: next_ring(&r, &rules, now),
                rang_at: r.rang_recently(now),
                snoozed_until: r.snoozed_at(now),
                about: self.about(&r.kind),
                reminder: r,
            })
            .collect();
        Ok(ReminderSettings {
            reminders: rows,
            quiet_hours: self.profile.quiet_hours,
            paused_until: self.profile.reminders_paused_until.filter(|until| *until > now),
            time_zone: self.zone().name().to_string(),
        })
    }

    /// Adds a reminder, checked against the quiet hours; a one-off must lie
    /// ahead, and the task or goal it is about must exist (a task's goal is
    /// filled in).
    pub fn add_reminder(&mut self, input: ReminderInput) -> AppResult<Reminder> {
        let now = self.clock.now();
        let mut input = input.validate(self.profile.quiet_hours, now)?;
        if let ReminderKind::At { goal_id, task_id, .. } = &mut input.kind {
            if let Some(task_id) = task_id {
                let task = self.store.task(task_id).ok_or_else(|| AppError::not_found("task", task_id.as_str()))?;
                if goal_id.as_ref().is_some_and(|g| *g != task.goal_id) {
                    return Err(AppError::invalid("goal_id", "the task belongs to another goal"));
                }
                *goal_id = Some(task.goal_id);
            }
            if let Some(goal_id) = goal_id
                && self.store.goal_ref(goal_id).is_none()
            {
                return Err(AppError::not_found("goal", goal_id.as_str()));
            }
        }
        let reminder = Reminder::new(ReminderId::from_uuid(Uuid::now_v7()), input, now);
        self.store.transact(now, |tx| tx.put(&reminder))?;
        Ok(reminder)
    }

    /// Adds a one-off reminder at a date and wall-clock time in the learner's zone.
    pub fn add_once_reminder(&mut self, input: OnceInput) -> AppResult<Reminder> {
        let input = input.in_zone(self.zone());
        self.add_reminder(input)
    }

    /// Deletes a reminder.
    pub fn delete_reminder(&mut self, id: &str) -> AppResult<()> {
        let r = self.reminder(id)?;
        self.store.transact(self.clock.now(), |tx| tx.delete(&r))?;
        Ok(())
    }

    /// Silences one reminder until `until`; then it rings once more.
    pub fn snooze_reminder(&mut self, id: &str, until: DateTime<Utc>) -> AppResult<Reminder> {
        let mut r = self.reminder(id)?;
        if until <= self.clock.now() {
            return Err(AppError::invalid("until", "is already past; snooze until a later time"));
        }
        r.snoozed_until = Some(until);
        self.store.transact(self.clock.now(), |tx| tx.put(&r))?;
        Ok(r)
    }

    /// Snoozes one reminder for `minutes` from now (1 to a day).
    pub fn snooze_reminder_for(&mut self, id: &str, minutes: u32) -> AppResult<Reminder> {
        if !(1..=MAX_SNOOZE_MINUTES).contains(&minutes) {
            return Err(AppError::invalid(
                "minutes",
                format!("snooze for 1 to {MAX_SNOOZE_MINUTES} minutes; got {minutes}"),
            ));
        }
        let until = self.clock.now() + TimeDelta::minutes(i64::from(minutes));
        self.snooze_reminder(id, until)
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

    /// Pauses every reminder for an hour or until the next learner day;
    /// returns when they ring again.
    pub fn pause_reminders_for(&mut self, pause: PauseFor) -> AppResult<DateTime<Utc>> {
        let until = match pause {
            PauseFor::Hour => self.clock.now() + TimeDelta::hours(1),
            PauseFor::UntilTomorrow => {
                let tomorrow = self.today().checked_add_days(Days::new(1)).unwrap_or(self.today());
                day_start(tomorrow, self.zone(), self.profile.day_start_hour)
            }
        };
        self.pause_reminders(Some(until))?;
        Ok(until)
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

    /// The title of the task or goal a one-off reminder is about.
    fn about(&self, kind: &ReminderKind) -> Option<String> {
        let ReminderKind::At { goal_id, task_id, .. } = kind else { return None };
        let task = task_id.as_ref().and_then(|t| self.store.task(t));
        let goal = goal_id.as_ref().and_then(|g| self.store.goal_ref(g)).map(|g| g.title.clone());
        match (task, goal) {
            (Some(t), Some(g)) => Some(format!("{} · {g}", t.title)),
            (Some(t), None) => Some(t.title),
            (None, goal) => goal,
        }
    }
}
