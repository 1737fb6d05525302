//! Where the facade learns the time. The core never reads a clock; the facade
//! reads this one, so tests and the CLI can pin "now".

use chrono::{DateTime, Local, NaiveDate, Utc};

/// A source of the current time and the learner's current date.
pub trait Clock: Send + Sync {
    /// The current instant.
    fn now(&self) -> DateTime<Utc>;
    /// The learner's current calendar date.
    fn today(&self) -> NaiveDate;
}

/// The machine's clock and local time zone.
#[derive(Debug, Default, Clone, Copy)]
pub struct SystemClock;

#[allow(clippy::disallowed_methods)] // The one place that reads the machine's clock.
impl Clock for SystemClock {
    fn now(&self) -> DateTime<Utc> {
        Utc::now()
    }
    fn today(&self) -> NaiveDate {
        Local::now().date_naive()
    }
}

/// A clock stopped at one instant, with a chosen date (tests, benchmarks).
#[derive(Debug, Clone, Copy)]
pub struct FixedClock {
    /// The instant returned by `now`.
    pub now: DateTime<Utc>,
    /// The date returned by `today`.
    pub today: NaiveDate,
}

impl Clock for FixedClock {
    fn now(&self) -> DateTime<Utc> {
        self.now
    }
    fn today(&self) -> NaiveDate {
        self.today
    }
}
