//! An outlook in words: the facade's view of core's [`Outlook`] with the
//! sentence that says why the goal stands where it does.

use super::{date_text, hours_text};
use serde::{Deserialize, Serialize};
use std::ops::Deref;
use ts_rs::TS;
use waymark_core::outlook::{Outlook, Why};

/// A goal's outlook as the screens and the CLI show it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct OutlookView {
    /// The rules' outlook (its fields appear at the top level).
    #[serde(flatten)]
    #[ts(flatten)]
    pub outlook: Outlook,
    /// One line for the learner, from `outlook.why`.
    pub reason: String,
}

impl Deref for OutlookView {
    type Target = Outlook;

    fn deref(&self) -> &Outlook {
        &self.outlook
    }
}

/// `outlook` with its reason in words.
pub(crate) fn outlook_view(outlook: Outlook) -> OutlookView {
    OutlookView { reason: reason(&outlook.why), outlook }
}

fn reason(why: &Why) -> String {
    match why {
        Why::NothingPlanned => "Nothing is planned yet".into(),
        Why::AllDone => "All planned work is done".into(),
        Why::NoTargetPaced { finish } => {
            format!("No target date; at this pace you finish around {}", date_text(*finish))
        }
        Why::NoTargetPlanEnds { plan_end } => format!("The plan ends on {}", date_text(*plan_end)),
        Why::NoTargetNothingScheduled => "No target date and nothing is scheduled yet".into(),
        Why::TargetPassed { target, hours_left } => {
            format!("The target date {} has passed; {} h of work remain", date_text(*target), hours_text(*hours_left))
        }
        Why::NoStudyDaysLeft { target, plan_end } => {
            format!("No study days are left by {}; the plan ends on {}", date_text(*target), date_text(*plan_end))
        }
        Why::CannotFit { hours_left, target, plan_end } => format!(
            "{} h cannot fit in the days left by {}; the plan ends on {}",
            hours_text(*hours_left),
            date_text(*target),
            date_text(*plan_end)
        ),
        Why::NeedsMoreHours { extra_hours, target } => {
            format!("Needs {} h/week more to finish by {}", hours_text(*extra_hours), date_text(*target))
        }
        Why::PaceTooSlow { pace_hours, finish } => format!(
            "At your recent pace ({} h/week) you would finish on {}, after the target",
            hours_text(*pace_hours),
            date_text(*finish)
        ),
        Why::FinishesOnTarget { target } => format!("Finishes on the target date, {}", date_text(*target)),
        Why::FinishesEarly { finish, days_early } => {
            let unit = if *days_early == 1 { "day" } else { "days" };
            format!("Finishes on {}, {days_early} {unit} before the target", date_text(*finish))
        }
        Why::NothingScheduled { target } => {
            format!("Nothing is scheduled yet; the target is {}", date_text(*target))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn every_reason_reads_as_one_line() {
        let cases = [
            (Why::NothingPlanned, "Nothing is planned yet"),
            (Why::AllDone, "All planned work is done"),
            (
                Why::NoTargetPaced { finish: day("2027-03-15") },
                "No target date; at this pace you finish around Mar 15, 2027",
            ),
            (Why::NoTargetPlanEnds { plan_end: day("2027-03-12") }, "The plan ends on Mar 12, 2027"),
            (Why::NoTargetNothingScheduled, "No target date and nothing is scheduled yet"),
            (
                Why::TargetPassed { target: day("2027-02-25"), hours_left: 12.5 },
                "The target date Feb 25, 2027 has passed; 12.5 h of work remain",
            ),
            (
                Why::NoStudyDaysLeft { target: day("2027-03-07"), plan_end: day("2027-03-19") },
                "No study days are left by Mar 7, 2027; the plan ends on Mar 19, 2027",
            ),
            (
                Why::CannotFit { hours_left: 100.0, target: day("2027-03-01"), plan_end: day("2027-05-07") },
                "100 h cannot fit in the days left by Mar 1, 2027; the plan ends on May 7, 2027",
            ),
            (
                Why::NeedsMoreHours { extra_hours: 2.5, target: day("2027-03-28") },
                "Needs 2.5 h/week more to finish by Mar 28, 2027",
            ),
            (
                Why::PaceTooSlow { pace_hours: 2.5, finish: day("2027-03-29") },
                "At your recent pace (2.5 h/week) you would finish on Mar 29, 2027, after the target",
            ),
            (Why::FinishesOnTarget { target: day("2027-03-28") }, "Finishes on the target date, Mar 28, 2027"),
            (
                Why::FinishesEarly { finish: day("2027-03-12"), days_early: 16 },
                "Finishes on Mar 12, 2027, 16 days before the target",
            ),
            (
                Why::FinishesEarly { finish: day("2027-03-27"), days_early: 1 },
                "Finishes on Mar 27, 2027, 1 day before the target",
            ),
            (
                Why::NothingScheduled { target: day("2027-03-28") },
                "Nothing is scheduled yet; the target is Mar 28, 2027",
            ),
        ];
        for (why, text) in cases {
            assert_eq!(reason(&why), text);
        }
    }
}
