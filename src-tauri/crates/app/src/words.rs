//! The sentences the learner reads, made in one place for every front end from
//! what the rules decide. Core returns kinds and numbers (an outlook's [`Why`],
//! a weak step's causes); this module puts them into words, so the desktop
//! shows, the CLI prints and a notification (`reminder_words`) carries the
//! same sentence. Rust,
//! not the UI, words them because two of those front ends have no UI: the CLI,
//! and the reminders that fire from the tray with the window closed.
//!
//! [`Why`]: waymark_core::outlook::Why

mod outlook;
mod weak;

pub use outlook::OutlookView;
pub(crate) use outlook::outlook_view;
pub use weak::WeakStepView;
pub(crate) use weak::weak_view;

use chrono::NaiveDate;

/// "Mar 14, 2027".
fn date_text(date: NaiveDate) -> String {
    date.format("%b %-d, %Y").to_string()
}

/// "Sun 14 Mar".
pub(crate) fn weekday_date(date: NaiveDate) -> String {
    date.format("%a %-d %b").to_string()
}

/// Hours rounded to 0.1 without a trailing ".0": "3", "2.5".
fn hours_text(hours: f64) -> String {
    let tenth = (hours * 10.0).round() / 10.0;
    if tenth.fract() == 0.0 { format!("{tenth:.0}") } else { format!("{tenth:.1}") }
}

/// Minutes as hours and minutes: "45 min", "2 h", "1 h 30 min".
pub(crate) fn duration(minutes: u32) -> String {
    match (minutes / 60, minutes % 60) {
        (0, m) => format!("{m} min"),
        (h, 0) => format!("{h} h"),
        (h, m) => format!("{h} h {m} min"),
    }
}

pub(crate) fn plural(n: u32, word: &str) -> String {
    if n == 1 { word.to_string() } else { format!("{word}s") }
}

pub(crate) fn join(parts: Vec<String>) -> String {
    parts.join(" · ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_and_dates_read_plainly() {
        assert_eq!((hours_text(3.0), hours_text(2.5), hours_text(0.14)), ("3".into(), "2.5".into(), "0.1".into()));
        assert_eq!(date_text("2027-03-04".parse().unwrap()), "Mar 4, 2027");
        assert_eq!(weekday_date("2027-03-04".parse().unwrap()), "Thu 4 Mar");
        assert_eq!((duration(45), duration(120), duration(90)), ("45 min".into(), "2 h".into(), "1 h 30 min".into()));
        assert_eq!((plural(1, "task"), plural(2, "task")), ("task".into(), "tasks".into()));
    }
}
