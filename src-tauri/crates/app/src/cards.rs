//! Questions and revision cards: write them, import them from an Anki-style
//! text file, review the due ones with FSRS, and fit FSRS to the learner.

use crate::App;
use crate::error::{AppError, AppResult, ErrorCode};
use crate::study_views::{CardImport, CardView, RatedCard};
use chrono::{DateTime, Utc};
use uuid::Uuid;
use waymark_core::card::{Card, Review};
use waymark_core::cards_csv::parse_cards;
use waymark_core::ids::{QuestionId, ReviewId};
use waymark_core::question::QuestionInput;
use waymark_core::srs::{Optimized, Rating, ReviewEntry, SrsCard, SrsError, SrsParams, optimize, preview, schedule};

pub(crate) fn parse_card_id(id: &str) -> AppResult<QuestionId> {
    QuestionId::parse(id).ok_or_else(|| AppError::invalid("card_id", format!("\"{id}\" is not a card id")))
}

impl App {
    /// The FSRS parameters in effect.
    pub(crate) fn srs_params(&self) -> SrsParams {
        SrsParams { weights: self.profile.fsrs_weights.clone(), desired_retention: self.profile.desired_retention }
    }

    /// Adds a question (and its revision card, due now) to a goal.
    pub fn add_question(&mut self, goal_id: &str, input: QuestionInput) -> AppResult<CardView> {
        let goal = self.goal(goal_id)?;
        let input = input.validate()?;
        self.check_question_links(&goal.id, &input)?;
        let now = self.clock.now();
        let card = Card {
            question: input.into_question(QuestionId::from_uuid(Uuid::now_v7()), goal.id.clone(), now),
            srs: SrsCard::new(now),
        };
        self.store.transact(now, |tx| tx.put(&card))?;
        Ok(self.card_view(&card, now, true))
    }

    /// Replaces a question's text and answers; its schedule stays.
    pub fn update_question(&mut self, card_id: &str, input: QuestionInput) -> AppResult<CardView> {
        let mut card = self.card(card_id)?;
        let input = input.validate()?;
        self.check_question_links(&card.question.goal_id, &input)?;
        let now = self.clock.now();
        let generated_by = card.question.generated_by.take();
        card.question =
            input.into_question(card.question.id.clone(), card.question.goal_id.clone(), card.question.created_at);
        card.question.generated_by = generated_by;
        self.store.transact(now, |tx| tx.put(&card))?;
        Ok(self.card_view(&card, now, true))
    }

    /// Deletes a question and its card (its reviews stay in the log).
    pub fn delete_question(&mut self, card_id: &str) -> AppResult<()> {
        let card = self.card(card_id)?;
        self.store.transact(self.clock.now(), |tx| tx.delete(&card))?;
        Ok(())
    }

    /// Imports recall cards from an Anki-style text export into a goal (the only
    /// active goal when `goal_id` is `None`). When some rows fail, nothing is
    /// written unless `confirm` is true; then the valid rows are imported.
    pub fn import_cards(&mut self, text: &str, goal_id: Option<&str>, confirm: bool) -> AppResult<CardImport> {
        self.limits.check(crate::limits::InputKind::Cards, text.len() as u64)?;
        let goal = match goal_id {
            Some(id) => self.goal(id)?,
            None => {
                let active: Vec<_> = self.store.goals()?.into_iter().filter(|g| g.is_active()).collect();
                match active.as_slice() {
                    [only] => only.clone(),
                    [] => return Err(AppError::invalid("goal_id", "there is no active goal to import the cards into")),
                    _ => {
                        return Err(AppError::invalid("goal_id", "several goals are active; choose one for the cards"));
                    }
                }
            }
        };
        let parsed = parse_cards(text);
        let valid = u32::try_from(parsed.cards.len()).unwrap_or(u32::MAX);
        if parsed.cards.is_empty() && parsed.errors.is_empty() {
            return Err(AppError::invalid(
                "file",
                "the file holds no cards (expected lines like front<TAB>back<TAB>tags)",
            ));
        }
        if !parsed.errors.is_empty() && !confirm {
            return Ok(CardImport { imported: 0, valid, errors: parsed.errors, needs_confirmation: true });
        }
        let now = self.clock.now();
        let mut cards = Vec::with_capacity(parsed.cards.len());
        for row in parsed.cards {
            let line = row.line;
            let input = row
                .into_question_input()
                .validate()
                .map_err(|e| AppError::invalid("file", format!("line {line}: {} {}", e.field, e.message)))?;
            cards.push(Card {
                question: input.into_question(QuestionId::from_uuid(Uuid::now_v7()), goal.id.clone(), now),
                srs: SrsCard::new(now),
            });
        }
        self.store.transact(now, |tx| {
            for c in &cards {
                tx.put(c)?;
            }
            Ok::<_, AppError>(())
        })?;
        Ok(CardImport {
            imported: u32::try_from(cards.len()).unwrap_or(u32::MAX),
            valid,
            errors: parsed.errors,
            needs_confirmation: false,
        })
    }

    /// Whether a goal's cards are reviewed: active and completed goals keep
    /// their knowledge alive; paused and archived ones rest.
    fn reviewing(&self, goal: &waymark_core::ids::GoalId) -> bool {
        self.store.goal_ref(goal).is_some_and(|g| g.status.reviews_cards())
    }

    /// Cards due at `at` (default now), earliest first, of active and completed
    /// goals; the first carries the next intervals of its rating buttons.
    pub fn due_cards(&self, at: Option<DateTime<Utc>>) -> AppResult<Vec<CardView>> {
        let at = at.unwrap_or_else(|| self.clock.now());
        let mut cards: Vec<CardView> = self
            .store
            .cards_due_by(at)
            .filter(|c| self.reviewing(&c.question.goal_id))
            .map(|c| self.card_view(c, at, false))
            .collect();
        if let Some(first) = cards.first_mut()
            && let Some(card) = self.store.card(&first.id)
        {
            first.next_intervals = Some(preview(&card.srs, at, &self.srs_params()).map(|s| s.interval_days));
        }
        Ok(cards)
    }

    /// Number of cards due now (active and completed goals).
    pub fn due_count(&self) -> u32 {
        self.due_count_at(self.clock.now())
    }

    /// Number of cards due at `now` (active and completed goals).
    pub(crate) fn due_count_at(&self, now: DateTime<Utc>) -> u32 {
        let n = self.store.cards_due_by(now).filter(|c| self.reviewing(&c.question.goal_id)).count();
        u32::try_from(n).unwrap_or(u32::MAX)
    }

    /// Rates a card 1 (Again) to 4 (Easy) as of `at` (default now; a review done
    /// on paper can be entered later): schedules it with FSRS, writes the card
    /// and appends the review, in one transaction.
    pub fn rate_card(
        &mut self,
        card_id: &str,
        rating: u8,
        at: Option<DateTime<Utc>>,
        duration_ms: Option<u32>,
    ) -> AppResult<RatedCard> {
        let rating = Rating::from_number(rating)?;
        let mut card = self.card(card_id)?;
        let at = at.unwrap_or_else(|| self.clock.now());
        if let Some(last) = card.srs.last_review
            && at < last
        {
            return Err(AppError::invalid(
                "at",
                format!("{at} is before this card's last review ({last}); reviews are recorded in order"),
            ));
        }
        let scheduled = schedule(&card.srs, rating, at, &self.srs_params());
        let review = Review {
            id: ReviewId::from_uuid(Uuid::now_v7()),
            card_id: card.question.id.clone(),
            goal_id: card.question.goal_id.clone(),
            rating,
            at,
            state_before: card.srs.state,
            elapsed_days: scheduled.elapsed_days,
            scheduled_days: scheduled.scheduled_days,
            duration_ms,
        };
        card.srs = scheduled.card;
        self.store.transact(self.clock.now(), |tx| {
            tx.put(&card)?;
            tx.put(&review)
        })?;
        let memory = card.srs.memory.unwrap_or(waymark_core::srs::Memory { stability: 0.0, difficulty: 0.0 });
        Ok(RatedCard {
            id: card.question.id,
            due: card.srs.due,
            stability: memory.stability,
            difficulty: memory.difficulty,
            reps: card.srs.reps,
            lapses: card.srs.lapses,
            interval_days: scheduled.interval_days,
            state: card.srs.state,
        })
    }

    /// Fits FSRS to the learner's review log (at least 400 reviews) and keeps
    /// the new weights when they predict the log better.
    pub fn optimize_fsrs(&mut self) -> AppResult<Optimized> {
        let reviews = self.store.reviews()?;
        let history: Vec<ReviewEntry> = reviews
            .iter()
            .map(|r| ReviewEntry {
                card_key: r.card_id.to_string(),
                rating: r.rating,
                at: r.at,
                elapsed_days: r.elapsed_days,
            })
            .collect();
        let optimized = optimize(&history, &self.srs_params()).map_err(|e| match e {
            SrsError::NotEnoughReviews { reviews, needed } => AppError::invalid(
                "reviews",
                format!("optimizing needs at least {needed} reviews; there are {reviews} so far"),
            ),
            other => AppError { code: ErrorCode::System, message: other.to_string(), field: None },
        })?;
        let mut profile = self.profile.clone();
        profile.fsrs_weights = optimized.weights.clone();
        self.save_profile(profile)?;
        Ok(optimized)
    }

    pub(crate) fn card(&self, id: &str) -> AppResult<Card> {
        let cid = parse_card_id(id)?;
        self.store.card(&cid).ok_or_else(|| AppError::not_found("card", id))
    }

    pub(crate) fn card_view(&self, card: &Card, at: DateTime<Utc>, with_preview: bool) -> CardView {
        let next = with_preview.then(|| preview(&card.srs, at, &self.srs_params()).map(|s| s.interval_days));
        CardView {
            id: card.question.id.clone(),
            question: card.question.clone(),
            goal_title: self.store.goal_ref(&card.question.goal_id).map(|g| g.title.clone()).unwrap_or_default(),
            due: card.srs.due,
            stability: card.srs.memory.map(|m| m.stability),
            difficulty: card.srs.memory.map(|m| m.difficulty),
            state: card.srs.state,
            reps: card.srs.reps,
            lapses: card.srs.lapses,
            next_intervals: next,
        }
    }

    fn check_question_links(&self, goal: &waymark_core::ids::GoalId, input: &QuestionInput) -> AppResult<()> {
        if let Some(step) = &input.step_id {
            let roadmap = self.store.roadmap_of_goal(goal)?;
            if !roadmap.is_some_and(|r| r.steps.iter().any(|s| &s.id == step)) {
                return Err(AppError::invalid("step_id", "that step is not part of this goal's roadmap"));
            }
        }
        Ok(())
    }
}
