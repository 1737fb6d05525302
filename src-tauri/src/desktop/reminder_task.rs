//! Sends study reminders on time, also while the window is hidden: a thread
//! asks the facade what is due, shows each as a desktop notification,
//! records the slot once the notification server took it, then sleeps until
//! the next wake (at most a minute) or until a reminder setting changes.
//! A notification that could not be shown is not recorded: it is tried again
//! after [`FIRST_RETRY`], then less and less often, up to once a minute.

use super::Shared;
use super::notifier::{self, Outgoing};
use chrono::{DateTime, Utc};
use std::sync::{Condvar, Mutex};
use std::time::Duration;
use tauri::{AppHandle, Manager};
use waymark_app::Clock;

/// The longest sleep between two checks.
const MAX_SLEEP: Duration = Duration::from_secs(60);
/// The shortest sleep, so a wake time in the past never spins the loop.
const MIN_SLEEP: Duration = Duration::from_secs(1);
/// The wait before the first retry after a failure; it doubles with each
/// failure in a row, up to [`MAX_SLEEP`].
const FIRST_RETRY: Duration = Duration::from_secs(10);

/// Wakes the reminder thread early (managed state; poked by the commands
/// that change reminders, the pause or the quiet hours).
#[derive(Default)]
pub struct ReminderWake {
    poked: Mutex<bool>,
    cond: Condvar,
}

impl ReminderWake {
    /// Asks the thread to check again now.
    pub fn poke(&self) {
        *self.poked.lock().unwrap_or_else(|p| p.into_inner()) = true;
        self.cond.notify_all();
    }

    /// Sleeps for `timeout` or until poked, whichever comes first.
    fn wait(&self, timeout: Duration) {
        let guard = self.poked.lock().unwrap_or_else(|p| p.into_inner());
        let (mut guard, _) =
            self.cond.wait_timeout_while(guard, timeout, |poked| !*poked).unwrap_or_else(|p| p.into_inner());
        *guard = false;
    }
}

/// Pokes the reminder thread, if the app runs one.
pub fn poke(handle: &AppHandle) {
    if let Some(wake) = handle.try_state::<ReminderWake>() {
        wake.poke();
    }
}

/// Spawns the reminder thread; it ends with the process.
pub fn spawn(handle: AppHandle) {
    let clock = match waymark_app::clock_from_env() {
        Ok(clock) => clock,
        Err(e) => {
            eprintln!("waymark: reminders are off: {e}");
            return;
        }
    };
    std::thread::spawn(move || {
        let mut failures = 0;
        loop {
            let wait = match check(&handle) {
                Ok(next) => {
                    failures = 0;
                    next.map_or(MAX_SLEEP, |at| until(at, clock.as_ref()))
                }
                Err(()) => {
                    failures += 1;
                    retry_after(failures)
                }
            };
            handle.state::<ReminderWake>().wait(wait);
        }
    });
}

/// How long to wait after `failures` failed checks in a row (at least one).
fn retry_after(failures: u32) -> Duration {
    FIRST_RETRY.saturating_mul(1 << failures.clamp(1, 8).saturating_sub(1)).min(MAX_SLEEP)
}

/// How long to sleep before `at`, within [`MIN_SLEEP`, `MAX_SLEEP`].
fn until(at: DateTime<Utc>, clock: &dyn Clock) -> Duration {
    (at - clock.now()).to_std().unwrap_or(MIN_SLEEP).clamp(MIN_SLEEP, MAX_SLEEP)
}

/// Sends what is due and records each slot once its notification was shown;
/// returns the next wake time, or `Err` when something failed (logged).
fn check(handle: &AppHandle) -> Result<Option<DateTime<Utc>>, ()> {
    let state = handle.state::<Shared>();
    let due = state.with(|app| app.reminders_due(None)).map_err(|e| {
        eprintln!("waymark: cannot check reminders: {}", e.message);
    })?;
    let mut all_sent = true;
    for n in due {
        let note =
            Outgoing { title: n.title.clone(), body: n.body.clone(), route: n.route, reminder: Some(n.due.id.clone()) };
        if let Err(e) = notifier::send(handle, note) {
            eprintln!("waymark: cannot show reminder \"{}\": {e}", n.title);
            all_sent = false;
            continue;
        }
        if let Err(e) = state.with(|app| app.record_fired(n.due.id.as_str(), n.due.slot)) {
            eprintln!("waymark: cannot record reminder {}: {}", n.due.id, e.message);
            all_sent = false;
        }
    }
    if !all_sent {
        return Err(());
    }
    state.with(|app| app.next_reminder_wake()).map_err(|e| {
        eprintln!("waymark: cannot plan the next reminder: {}", e.message);
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;
    use std::time::Instant;
    use waymark_app::FixedClock;

    #[test]
    fn a_poke_ends_the_sleep_early() {
        let wake = Arc::new(ReminderWake::default());
        let poker = Arc::clone(&wake);
        let start = Instant::now();
        std::thread::spawn(move || {
            std::thread::sleep(Duration::from_millis(50));
            poker.poke();
        });
        wake.wait(Duration::from_secs(30));
        assert!(start.elapsed() < Duration::from_secs(5));
    }

    #[test]
    fn a_poke_before_the_sleep_is_not_lost() {
        let wake = ReminderWake::default();
        wake.poke();
        let start = Instant::now();
        wake.wait(Duration::from_secs(30));
        assert!(start.elapsed() < Duration::from_secs(5));
    }

    #[test]
    fn the_sleep_is_clamped_between_a_second_and_a_minute() {
        let clock = FixedClock::on(chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap());
        let now = clock.now;
        assert_eq!(until(now - chrono::Duration::hours(1), &clock), MIN_SLEEP);
        assert_eq!(until(now + chrono::Duration::seconds(10), &clock), Duration::from_secs(10));
        assert_eq!(until(now + chrono::Duration::hours(5), &clock), MAX_SLEEP);
    }

    #[test]
    fn retries_back_off_to_once_a_minute() {
        let secs: Vec<u64> = (1..=6).map(|n| retry_after(n).as_secs()).collect();
        assert_eq!(secs, [10, 20, 40, 60, 60, 60]);
        assert_eq!(retry_after(u32::MAX), MAX_SLEEP);
    }
}
