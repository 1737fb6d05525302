//! Where the facade learns the time and the computer's time zone. The core
//! never reads a clock; the facade reads this one, so tests and the CLI can pin
//! "now" and the zone.

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use chrono_tz::Tz;

/// A source of the current instant and the computer's time zone.
pub trait Clock: Send + Sync {
    /// The current instant.
    fn now(&self) -> DateTime<Utc>;
    /// The computer's time zone (used unless the learner chose one).
    fn zone(&self) -> Tz;
}

/// The machine's clock and time zone (UTC when the zone cannot be read).
#[derive(Debug, Default, Clone, Copy)]
pub struct SystemClock;

#[allow(clippy::disallowed_methods)] // The one place that reads the machine's clock.
impl Clock for SystemClock {
    fn now(&self) -> DateTime<Utc> {
        Utc::now()
    }
    fn zone(&self) -> Tz {
        iana_time_zone::get_timezone().ok().and_then(|name| name.parse().ok()).unwrap_or(Tz::UTC)
    }
}

/// Environment variable that pins the clock of a whole process to an instant
/// (RFC 3339, e.g. `2026-03-03T09:00:00Z`): for end-to-end tests and demos that
/// need "tomorrow" without waiting a day. The zone stays the computer's.
pub const NOW_ENV: &str = "WAYMARK_NOW";

/// The clock a process should use: pinned by [`NOW_ENV`] when set, else the system's.
pub fn clock_from_env() -> Result<Box<dyn Clock>, String> {
    match std::env::var(NOW_ENV) {
        Ok(text) if !text.trim().is_empty() => {
            let now = DateTime::parse_from_rfc3339(text.trim())
                .map_err(|e| format!("{NOW_ENV}=\"{text}\" is not an RFC 3339 instant: {e}"))?;
            Ok(Box::new(FixedClock { now: now.with_timezone(&Utc), zone: SystemClock.zone() }))
        }
        _ => Ok(Box::new(SystemClock)),
    }
}

/// A clock stopped at one instant in a chosen zone (tests, benchmarks).
#[derive(Debug, Clone, Copy)]
pub struct FixedClock {
    /// The instant returned by `now`.
    pub now: DateTime<Utc>,
    /// The zone returned by `zone`.
    pub zone: Tz,
}

impl FixedClock {
    /// Noon UTC on `date`, in UTC: with any day start up to 11 am, the learner's
    /// date is `date`.
    pub fn on(date: NaiveDate) -> Self {
        let noon = date.and_hms_opt(12, 0, 0).unwrap_or_default();
        Self { now: Utc.from_utc_datetime(&noon), zone: Tz::UTC }
    }
}

impl Clock for FixedClock {
    fn now(&self) -> DateTime<Utc> {
        self.now
    }
    fn zone(&self) -> Tz {
        self.zone
    }
}
