//! Fixtures: an app on a temp store with a clock pinned to a known day.

use chrono::{Days, NaiveDate};
use tempfile::TempDir;
use waymark_app::{App, FixedClock, GoalOverview};
use waymark_core::goal::GoalInput;

pub const TODAY: &str = "2026-03-02";

pub fn day(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

pub fn clock_on(date: NaiveDate) -> Box<FixedClock> {
    Box::new(FixedClock::on(date))
}

pub struct TestApp {
    pub app: App,
    /// Dropped last: the store closes before its directory goes.
    pub dir: TempDir,
}

impl TestApp {
    pub fn new() -> Self {
        let dir = tempfile::tempdir().unwrap();
        let app = App::open(dir.path(), clock_on(day(TODAY))).unwrap();
        Self { dir, app }
    }

    /// Closes and reopens the store, as a restart would.
    pub fn restart(self) -> Self {
        let Self { dir, app } = self;
        drop(app);
        let app = App::open(dir.path(), clock_on(day(TODAY))).unwrap();
        Self { dir, app }
    }

    /// Moves the clock to `date` (noon UTC) and starts that learner day.
    pub fn advance_to(&mut self, date: NaiveDate) {
        self.app.set_clock(clock_on(date));
        self.app.roll_over().unwrap();
    }

    pub fn goal_from(&mut self, template: &str, hours: f64) -> GoalOverview {
        self.app
            .create_goal(
                GoalInput { title: format!("Learn {template}"), hours_per_week: hours, ..Default::default() },
                Some(template),
            )
            .unwrap()
    }
}

pub fn input(title: &str, hours: f64) -> GoalInput {
    GoalInput { title: title.into(), hours_per_week: hours, ..Default::default() }
}

pub fn plus(date: NaiveDate, days: u64) -> NaiveDate {
    date + Days::new(days)
}
