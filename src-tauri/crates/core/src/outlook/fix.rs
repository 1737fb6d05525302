//! Taking one of an outlook's fixes: the goal's own input with either more
//! weekly hours in the same weekday shape ([`scaled_week`]) or the later target
//! date. The only home of this rule; the desktop's buttons and the CLI reach it
//! through the facade, which saves the input like any other edit.

use super::{Fixes, scaled_week};
use crate::goal::{Goal, GoalInput};
use serde::{Deserialize, Serialize};
use std::str::FromStr;
use ts_rs::TS;

/// Which of the two fixes the learner takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum FixChoice {
    /// Study the offered hours a week, in the same weekday shape.
    MoreHours,
    /// Move the target to the day the plan ends.
    LaterDate,
}

impl FromStr for FixChoice {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "more-hours" | "more_hours" | "hours" => Ok(Self::MoreHours),
            "later-date" | "later_date" | "date" => Ok(Self::LaterDate),
            other => Err(format!("unknown fix '{other}'; use hours or date")),
        }
    }
}

/// `goal`'s input with `choice` applied; `None` when `fixes` does not offer it
/// (no amount of hours finishes by the target).
pub fn fixed_input(goal: &Goal, fixes: &Fixes, choice: FixChoice) -> Option<GoalInput> {
    let mut input = goal.input();
    match choice {
        FixChoice::MoreHours => input.set_week(&scaled_week(&goal.week_minutes, fixes.hours_per_week?)),
        FixChoice::LaterDate => input.target_date = Some(fixes.later_date),
    }
    Some(input)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::availability::WeekMinutes;
    use crate::goal::{Difficulty, GoalStatus};
    use crate::ids::GoalId;
    use chrono::NaiveDate;

    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn goal(week: [u32; 7]) -> Goal {
        let week = WeekMinutes(week);
        Goal {
            id: GoalId::from_uuid(uuid::Uuid::nil()),
            title: "Exam".into(),
            description: "Pass it".into(),
            category: "School".into(),
            difficulty: Difficulty::Advanced,
            target_date: Some(day("2027-03-13")),
            hours_per_week: week.hours_per_week(),
            week_minutes: week,
            skills: vec!["maths".into()],
            prerequisites: vec![],
            status: GoalStatus::Active,
            created_at: chrono::DateTime::UNIX_EPOCH,
            completed_at: None,
        }
    }

    const FIXES: Fixes =
        Fixes { hours_per_week: Some(7.5), extra_hours_per_week: Some(2.5), later_date: NaiveDate::MIN };

    #[test]
    fn more_hours_keep_the_weekday_shape_and_everything_else() {
        let g = goal([60, 60, 60, 60, 60, 0, 0]);
        let input = fixed_input(&g, &FIXES, FixChoice::MoreHours).unwrap();
        assert_eq!(input.week_hours, Some(vec![1.5, 1.5, 1.5, 1.5, 1.5, 0.0, 0.0]));
        assert_eq!(input.hours_per_week, 7.5);
        assert_eq!((input.title.as_str(), input.target_date, input.difficulty), ("Exam", g.target_date, g.difficulty));
        assert_eq!((input.description, input.category, input.skills), (g.description, g.category, g.skills));
    }

    #[test]
    fn an_even_week_stays_even_and_no_day_gets_less_than_its_share() {
        let g = goal([43; 7]);
        let input = fixed_input(&g, &FIXES, FixChoice::MoreHours).unwrap();
        assert_eq!(input.week_hours, None);
        // 450 min over 7 days: 64.3 each, rounded up to 65.
        assert_eq!(input.hours_per_week, 7.0 * 65.0 / 60.0);
        assert_eq!(input.week(), WeekMinutes([65; 7]));
    }

    #[test]
    fn the_later_date_moves_only_the_target_and_a_missing_offer_is_none() {
        let g = goal([60, 0, 30, 0, 60, 0, 0]);
        let fixes = Fixes { hours_per_week: None, extra_hours_per_week: None, later_date: day("2027-04-02") };
        let input = fixed_input(&g, &fixes, FixChoice::LaterDate).unwrap();
        assert_eq!(input.target_date, Some(day("2027-04-02")));
        assert_eq!(input.week(), g.week_minutes);
        assert_eq!(fixed_input(&g, &fixes, FixChoice::MoreHours), None);
        assert_eq!("date".parse::<FixChoice>(), Ok(FixChoice::LaterDate));
        assert!("sideways".parse::<FixChoice>().is_err());
    }
}
