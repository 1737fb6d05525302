//! The learner's day and the daily rollover, and the settings that shape days:
//! day start hour, time zone, days off.
//!
//! "Today" is the learner's date — local time in their zone, minus the day
//! start hour — and never goes backwards (a flight west or a clock set back
//! keeps the day). The first call on a new day rolls unfinished tasks from past
//! days forward, in one transaction, and logs what moved.

use crate::App;
use crate::error::{AppError, AppResult};
use crate::plan::Edits;
use crate::views::{MovedTask, SettingsInput, SettingsView};
use chrono::NaiveDate;
use chrono_tz::Tz;
use uuid::Uuid;
use waymark_core::activity::{Activity, ActivityKind};
use waymark_core::day::{DayObservation, learner_date, observe_day, parse_time_zone, validate_day_start_hour};
use waymark_core::ids::ActivityId;
use waymark_core::profile::{DayOffInput, Profile};

/// Local key of the last observed learner day.
const DAY_KEY: &str = "day";
/// Local key of the dates the clock jumped over (they never break a streak).
const SKIPPED_KEY: &str = "clock_skipped";

impl App {
    /// The time zone in effect: the learner's choice, else the computer's.
    pub fn zone(&self) -> Tz {
        self.profile.time_zone.as_deref().and_then(|z| z.parse().ok()).unwrap_or_else(|| self.clock.zone())
    }

    /// The learner's date now (never before the last day observed).
    pub fn today(&self) -> NaiveDate {
        let date = learner_date(self.clock.now(), self.zone(), self.profile.day_start_hour);
        match &self.observed {
            Some(o) if o.date > date => o.date,
            _ => date,
        }
    }

    /// Starts a new learner day when one began since the last call: records the
    /// day, and rolls unfinished tasks of past days forward. Returns the tasks
    /// that moved (empty on an ordinary call).
    pub fn roll_over(&mut self) -> AppResult<Vec<MovedTask>> {
        let now = self.clock.now();
        let date = learner_date(now, self.zone(), self.profile.day_start_hour);
        if self.observed.as_ref().is_some_and(|o| o.date >= date) {
            return Ok(Vec::new());
        }
        let step = observe_day(self.observed, now, date);
        let mut skipped = self.clock_skipped.clone();
        skipped.extend(step.skipped.iter().copied());
        let observation = step.observation;
        self.observed = Some(observation);
        let changes = match self.plan_changes(&Edits::default()) {
            Ok(c) => c,
            Err(e) => {
                self.observed = self.store.local(DAY_KEY)?;
                return Err(e);
            }
        };
        let mut log = Vec::new();
        let mut moved = Vec::new();
        for (goal_id, rolled) in &changes.rolled {
            let Some(goal) = self.store.goal(goal_id) else { continue };
            let count = u32::try_from(rolled.len()).unwrap_or(u32::MAX);
            log.push(Activity {
                id: ActivityId::from_uuid(Uuid::now_v7()),
                kind: ActivityKind::TasksRolledOver,
                goal_id: Some(goal_id.clone()),
                subject_id: None,
                title: format!(
                    "{count} unfinished {} of {} moved forward",
                    if count == 1 { "task" } else { "tasks" },
                    goal.title
                ),
                at: now,
                date: step.today,
                value: Some(count),
            });
            moved.extend(rolled.iter().map(|(id, from, to)| MovedTask {
                task_id: id.clone(),
                goal_id: goal_id.clone(),
                from: *from,
                to: *to,
            }));
        }
        let result = self.store.transact(now, |tx| {
            tx.put_local(DAY_KEY, &observation)?;
            if !step.skipped.is_empty() {
                tx.put_local(SKIPPED_KEY, &skipped)?;
            }
            changes.write(tx)?;
            for a in &log {
                tx.put(a)?;
            }
            Ok::<_, AppError>(())
        });
        match result {
            Ok(()) => {
                self.clock_skipped = skipped;
                Ok(moved)
            }
            Err(e) => {
                self.observed = self.store.local(DAY_KEY)?;
                Err(e)
            }
        }
    }

    pub(crate) fn load_day_state(&mut self) -> AppResult<()> {
        self.profile = self
            .store
            .get::<Profile>(&self.store.identity().user_id)?
            .unwrap_or_else(|| Profile::new(self.store.identity().user_id.clone()));
        self.observed = self.store.local::<DayObservation>(DAY_KEY)?;
        self.clock_skipped = self.store.local::<Vec<NaiveDate>>(SKIPPED_KEY)?.unwrap_or_default();
        Ok(())
    }

    /// The settings that shape the learner's days.
    pub fn settings(&self) -> SettingsView {
        SettingsView {
            day_start_hour: self.profile.day_start_hour,
            time_zone: self.profile.time_zone.clone(),
            zone_in_effect: self.zone().name().to_string(),
            system_zone: self.clock.zone().name().to_string(),
            today: self.today(),
            days_off: self.profile.days_off.clone(),
            pass_mark: self.profile.pass_mark,
            desired_retention: self.profile.desired_retention,
            fsrs_optimized: !self.profile.fsrs_weights.is_empty(),
        }
    }

    /// Changes the day start hour and time zone (`None` follows the computer).
    pub fn update_settings(&mut self, input: SettingsInput) -> AppResult<SettingsView> {
        let mut profile = self.profile.clone();
        profile.day_start_hour = validate_day_start_hour(input.day_start_hour)?;
        profile.time_zone = match input.time_zone.as_deref().map(str::trim).filter(|z| !z.is_empty()) {
            Some(name) => Some(parse_time_zone(name)?.name().to_string()),
            None => None,
        };
        self.save_profile(profile)?;
        self.roll_over()?;
        Ok(self.settings())
    }

    /// Declares a break for all goals; their plans move around it.
    pub fn add_day_off(&mut self, input: DayOffInput) -> AppResult<SettingsView> {
        let off = input.validate(self.today())?;
        let mut profile = self.profile.clone();
        profile.days_off.push(off);
        profile.days_off.sort_by_key(|d| (d.start, d.end));
        self.save_profile(profile)?;
        Ok(self.settings())
    }

    /// Removes the break starting on `start`; plans may use those days again.
    pub fn remove_day_off(&mut self, start: NaiveDate) -> AppResult<SettingsView> {
        let mut profile = self.profile.clone();
        let before = profile.days_off.len();
        profile.days_off.retain(|d| d.start != start);
        if profile.days_off.len() == before {
            return Err(AppError::not_found("day off", &start.to_string()));
        }
        self.save_profile(profile)?;
        Ok(self.settings())
    }

    /// Re-plans every goal now (the learner asked, e.g. after changing hours).
    pub fn replan_all(&mut self) -> AppResult<()> {
        let changes = self.plan_changes(&Edits::default())?;
        self.store.transact(self.clock.now(), |tx| changes.write(tx))
    }

    pub(crate) fn save_profile(&mut self, profile: Profile) -> AppResult<()> {
        let previous = std::mem::replace(&mut self.profile, profile);
        let result = self.plan_changes(&Edits::default()).and_then(|changes| {
            let profile = &self.profile;
            self.store.transact(self.clock.now(), |tx| {
                tx.put(profile)?;
                changes.write(tx)
            })
        });
        if result.is_err() {
            self.profile = previous;
        }
        result
    }
}
