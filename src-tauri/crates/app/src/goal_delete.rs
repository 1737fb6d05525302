//! Deleting a goal deletes everything that belongs to it — roadmap, tasks,
//! questions and their cards, reviews, test attempts, reminders, activity —
//! in one transaction, as tombstones that sync, so that nothing of it stays
//! in the store, an export, a backup or the remote. Other goals that named it
//! as a prerequisite no longer do.

use crate::App;
use crate::error::AppResult;
use crate::plan::Edits;
use waymark_core::card::{Card, Review, TestAttempt};
use waymark_core::goal::Goal;
use waymark_core::ids::GoalId;
use waymark_core::reminder::{Reminder, ReminderKind};

impl App {
    /// Deletes a goal and everything that belongs to it.
    pub fn delete_goal(&mut self, id: &str) -> AppResult<()> {
        let goal = self.goal(id)?;
        let gone = &goal.id;
        let roadmap = self.store.roadmap_of_goal(gone)?;
        let tasks = self.store.tasks_of_goal(gone)?;
        let activities = self.store.recent_activities(Some(gone), usize::MAX)?;
        let cards: Vec<Card> = self.store.cards().filter(|c| &c.question.goal_id == gone).cloned().collect();
        let reviews: Vec<Review> = self.store.reviews()?.into_iter().filter(|r| &r.goal_id == gone).collect();
        let tests: Vec<TestAttempt> = self.store.tests().filter(|t| only_of(t, gone)).cloned().collect();
        let reminders: Vec<Reminder> =
            self.store.scan::<Reminder>()?.into_iter().filter(|r| reminder_of(r, gone)).collect();
        let dependants: Vec<Goal> = self
            .store
            .goals()?
            .into_iter()
            .filter(|g| g.prerequisites.contains(gone))
            .map(|mut g| {
                g.prerequisites.retain(|p| p != gone);
                g
            })
            .collect();
        let changes = self.plan_changes(&Edits { deleted: Some(gone), ..Edits::default() })?;
        self.store.transact(self.clock.now(), |tx| {
            tasks.iter().try_for_each(|t| tx.delete(t))?;
            activities.iter().try_for_each(|a| tx.delete(a))?;
            cards.iter().try_for_each(|c| tx.delete(c))?;
            reviews.iter().try_for_each(|r| tx.delete(r))?;
            tests.iter().try_for_each(|t| tx.delete(t))?;
            reminders.iter().try_for_each(|r| tx.delete(r))?;
            dependants.iter().try_for_each(|g| tx.put(g))?;
            if let Some(r) = &roadmap {
                tx.delete(r)?;
            }
            tx.delete(&goal)?;
            changes.write(tx)
        })
    }
}

/// Whether a test attempt covered this goal and no other: an attempt that
/// also covered another goal stays, as that goal's history.
fn only_of(test: &TestAttempt, goal: &GoalId) -> bool {
    test.goal_ids.contains(goal) && test.goal_ids.iter().all(|g| g == goal)
}

fn reminder_of(reminder: &Reminder, goal: &GoalId) -> bool {
    matches!(&reminder.kind, ReminderKind::At { goal_id: Some(g), .. } if g == goal)
}
