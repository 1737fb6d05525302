//! Revision figures: reviews per day, true retention per month, the reviews
//! due over the next days, and cards by state.
//!
//! - **True retention** of a month: of the reviews of cards that were in the
//!   Review state before the rating (not new, learning or relearning cards),
//!   the share not rated Again — the real chance of recall after an interval.
//! - **Forecast**: each card of a goal whose cards are reviewed (active or
//!   completed) is due on the learner date of its due time; a card due before
//!   today (overdue) counts today.

use crate::card::Card;
use crate::goal::Goal;
use crate::ids::GoalId;
use crate::srs::{CardState, Rating};
use crate::stats::calendar::LearnerCalendar;
use crate::stats::{FORECAST_DAYS, MONTHS, REVIEW_DAYS, ReviewFact, last_months, month_start, share};
use chrono::{Days, NaiveDate};
use serde::{Deserialize, Serialize};
use std::collections::HashSet;
use ts_rs::TS;

/// Reviews on one learner date, by rating.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ReviewDay {
    /// The learner date.
    pub date: NaiveDate,
    /// Rated Again.
    pub again: u32,
    /// Rated Hard.
    pub hard: u32,
    /// Rated Good.
    pub good: u32,
    /// Rated Easy.
    pub easy: u32,
}

impl ReviewDay {
    /// All reviews of the day.
    pub fn total(&self) -> u32 {
        self.again + self.hard + self.good + self.easy
    }
}

/// True retention in one month.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, TS)]
pub struct RetentionMonth {
    /// Its first day.
    pub month: NaiveDate,
    /// Reviews of cards in the Review state.
    pub reviews: u32,
    /// Of those, the ones not rated Again.
    pub recalled: u32,
    /// Recalled over reviews, 0..=1; `None` without such reviews.
    pub retention: Option<f64>,
}

/// Cards due on one learner date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct DueDay {
    /// The learner date.
    pub date: NaiveDate,
    /// Cards due (on today: overdue ones too).
    pub cards: u32,
}

/// Cards by state.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
pub struct CardCounts {
    /// Never reviewed.
    pub new: u32,
    /// Failed on their first reviews.
    pub learning: u32,
    /// Remembered, due after an interval.
    pub review: u32,
    /// Forgotten after being remembered.
    pub relearning: u32,
}

/// The revision figures.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct RevisionFigures {
    /// Reviews per date over the last [`REVIEW_DAYS`] days, oldest first.
    pub days: Vec<ReviewDay>,
    /// True retention per month over the last [`MONTHS`] months, oldest first.
    pub months: Vec<RetentionMonth>,
    /// True retention over those months together; `None` without reviews of review cards.
    pub retention: Option<f64>,
    /// Cards due on each of the next [`FORECAST_DAYS`] days, today first.
    pub forecast: Vec<DueDay>,
    /// Cards by state.
    pub cards: CardCounts,
}

/// The revision figures as of `today`, from the review log, the cards and
/// their goals (for which cards are reviewed).
pub fn revision(
    reviews: &[ReviewFact],
    cards: &[&Card],
    goals: &[&Goal],
    calendar: &LearnerCalendar,
    today: NaiveDate,
) -> RevisionFigures {
    let first_day = today - Days::new(REVIEW_DAYS as u64 - 1);
    let mut days: Vec<ReviewDay> = first_day
        .iter_days()
        .take(REVIEW_DAYS)
        .map(|date| ReviewDay { date, again: 0, hard: 0, good: 0, easy: 0 })
        .collect();
    let months = last_months(today, MONTHS);
    let mut per_month = vec![(0u32, 0u32); MONTHS];
    let since = calendar.start();
    for r in reviews.iter().filter(|r| r.at >= since) {
        let date = calendar.date_of(r.at);
        if date > today {
            continue;
        }
        if date >= first_day {
            let d = &mut days[(date - first_day).num_days() as usize];
            match r.rating {
                Rating::Again => d.again += 1,
                Rating::Hard => d.hard += 1,
                Rating::Good => d.good += 1,
                Rating::Easy => d.easy += 1,
            }
        }
        if r.state_before == CardState::Review
            && let Some(i) = months.iter().position(|m| *m == month_start(date))
        {
            per_month[i].0 += 1;
            per_month[i].1 += u32::from(r.rating != Rating::Again);
        }
    }
    let (all, recalled) = per_month.iter().fold((0, 0), |(a, b), (x, y)| (a + x, b + y));
    RevisionFigures {
        days,
        months: months
            .iter()
            .zip(&per_month)
            .map(|(&month, &(reviews, recalled))| RetentionMonth {
                month,
                reviews,
                recalled,
                retention: share(recalled, reviews),
            })
            .collect(),
        retention: share(recalled, all),
        forecast: forecast(cards, goals, calendar, today),
        cards: counts(cards),
    }
}

fn forecast(cards: &[&Card], goals: &[&Goal], calendar: &LearnerCalendar, today: NaiveDate) -> Vec<DueDay> {
    let reviewed: HashSet<&GoalId> = goals.iter().filter(|g| g.status.reviews_cards()).map(|g| &g.id).collect();
    let mut due: Vec<DueDay> = today.iter_days().take(FORECAST_DAYS).map(|date| DueDay { date, cards: 0 }).collect();
    for card in cards.iter().filter(|c| reviewed.contains(&c.question.goal_id)) {
        let offset = (calendar.date_of(card.srs.due) - today).num_days().max(0) as usize;
        if let Some(d) = due.get_mut(offset) {
            d.cards += 1;
        }
    }
    due
}

fn counts(cards: &[&Card]) -> CardCounts {
    let mut c = CardCounts::default();
    for card in cards {
        match card.srs.state {
            CardState::New => c.new += 1,
            CardState::Learning => c.learning += 1,
            CardState::Review => c.review += 1,
            CardState::Relearning => c.relearning += 1,
        }
    }
    c
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::goal::GoalStatus;
    use crate::stats::fixtures::*;
    use chrono::{Months, TimeZone};
    use chrono_tz::{America, Tz};

    fn calendar(tz: Tz, today: &str) -> LearnerCalendar {
        let today = day(today);
        let first = month_start(today).checked_sub_months(Months::new(MONTHS as u32 - 1)).unwrap();
        LearnerCalendar::new(tz, 4, first, today + Days::new(FORECAST_DAYS as u64))
    }

    #[test]
    fn reviews_per_day_and_true_retention_per_month() {
        let tz = chrono_tz::UTC;
        let reviews = [
            // February: two review-card reviews, one Again → 50 %; a learning card's Again is not counted.
            review("2026-02-10T10:00:00Z", CardState::Review, Rating::Good),
            review("2026-02-11T10:00:00Z", CardState::Review, Rating::Again),
            review("2026-02-11T11:00:00Z", CardState::Learning, Rating::Again),
            // March: three review-card reviews, all recalled; one new card rated Easy.
            review("2026-03-02T10:00:00Z", CardState::Review, Rating::Hard),
            review("2026-03-02T12:00:00Z", CardState::Review, Rating::Good),
            review("2026-03-03T10:00:00Z", CardState::Review, Rating::Easy),
            review("2026-03-03T11:00:00Z", CardState::New, Rating::Easy),
            // At 02:00 on 4 March: still the learner's 3 March (day start 4 am).
            review("2026-03-04T02:00:00Z", CardState::Relearning, Rating::Good),
            // Long ago: outside every window.
            review("2024-01-01T10:00:00Z", CardState::Review, Rating::Again),
        ];
        let r = revision(&reviews, &[], &[], &calendar(tz, "2026-03-04"), day("2026-03-04"));
        assert_eq!(r.days.len(), REVIEW_DAYS);
        assert_eq!(r.days[0].date, day("2026-02-03"));
        let on = |d: &str| *r.days.iter().find(|x| x.date == day(d)).unwrap();
        assert_eq!(on("2026-02-11"), ReviewDay { date: day("2026-02-11"), again: 2, hard: 0, good: 0, easy: 0 });
        assert_eq!(on("2026-03-02").total(), 2);
        assert_eq!(on("2026-03-03"), ReviewDay { date: day("2026-03-03"), again: 0, hard: 0, good: 1, easy: 2 });
        assert_eq!(on("2026-03-04").total(), 0);
        let feb = r.months.iter().find(|m| m.month == day("2026-02-01")).unwrap();
        assert_eq!((feb.reviews, feb.recalled, feb.retention), (2, 1, Some(0.5)));
        let mar = r.months[MONTHS - 1];
        assert_eq!((mar.month, mar.reviews, mar.recalled, mar.retention), (day("2026-03-01"), 3, 3, Some(1.0)));
        assert_eq!(r.months[0].month, day("2025-04-01"));
        assert_eq!(r.months[0].retention, None);
        assert_eq!(r.retention, Some(4.0 / 5.0));
    }

    #[test]
    fn a_review_after_midnight_counts_for_the_evening_before_in_the_learners_zone() {
        // 23:30 and 01:30 in New York on the night of 2–3 March: both on the learner's 2 March.
        let at = |s: &str| America::New_York.from_local_datetime(&s.parse().unwrap()).unwrap().to_utc();
        let reviews = [
            ReviewFact { at: at("2026-03-02T23:30:00"), state_before: CardState::Review, rating: Rating::Good },
            ReviewFact { at: at("2026-03-03T01:30:00"), state_before: CardState::Review, rating: Rating::Good },
        ];
        let r = revision(&reviews, &[], &[], &calendar(America::New_York, "2026-03-03"), day("2026-03-03"));
        let on = |d: &str| r.days.iter().find(|x| x.date == day(d)).unwrap().total();
        assert_eq!((on("2026-03-02"), on("2026-03-03")), (2, 0));
        // In UTC the second one is already on 3 March (06:30Z), and the first at 04:30Z too.
        let r = revision(&reviews, &[], &[], &calendar(chrono_tz::UTC, "2026-03-03"), day("2026-03-03"));
        let on = |d: &str| r.days.iter().find(|x| x.date == day(d)).unwrap().total();
        assert_eq!((on("2026-03-02"), on("2026-03-03")), (0, 2));
    }

    #[test]
    fn the_forecast_counts_overdue_cards_today_and_skips_paused_goals() {
        let (active, paused) = (goal(1), goal_with_status(2, GoalStatus::Paused));
        let cards = [
            card(&active, "2026-02-20T10:00:00Z", CardState::Review), // overdue → today
            card(&active, "2026-03-04T20:00:00Z", CardState::Review), // later today
            card(&active, "2026-03-05T03:00:00Z", CardState::Learning), // before 4 am: still today
            card(&active, "2026-03-05T05:00:00Z", CardState::Relearning), // tomorrow
            card(&active, "2026-04-02T10:00:00Z", CardState::Review), // day 29: the last shown
            card(&active, "2026-04-03T10:00:00Z", CardState::Review), // day 30: beyond
            card(&active, "2026-03-04T08:00:00Z", CardState::New),
            card(&paused, "2026-03-04T10:00:00Z", CardState::Review),
        ];
        let r = revision(
            &[],
            &refs(&cards),
            &[&active, &paused],
            &calendar(chrono_tz::UTC, "2026-03-04"),
            day("2026-03-04"),
        );
        assert_eq!(r.forecast.len(), FORECAST_DAYS);
        assert_eq!(r.forecast[0], DueDay { date: day("2026-03-04"), cards: 4 });
        assert_eq!(r.forecast[1].cards, 1);
        assert_eq!(r.forecast[29], DueDay { date: day("2026-04-02"), cards: 1 });
        assert_eq!(r.forecast.iter().map(|d| d.cards).sum::<u32>(), 6);
        // Cards by state count every card given, paused goals included.
        assert_eq!(r.cards, CardCounts { new: 1, learning: 1, review: 5, relearning: 1 });
    }
}
