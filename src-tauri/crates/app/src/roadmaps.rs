//! Roadmap editing: apply a template, add, edit, reorder and remove steps. Every
//! edit re-plans the goal in the same transaction.

use crate::App;
use crate::error::{AppError, AppResult};
use crate::views::GoalView;
use chrono::{DateTime, Utc};
use uuid::Uuid;
use waymark_core::card::Card;
use waymark_core::ids::{GoalId, QuestionId, RoadmapId, StepId};
use waymark_core::question::QuestionInput;
use waymark_core::roadmap::{Roadmap, Step, StepInput, StepStatus, validate_url};
use waymark_core::roadmap_io::RoadmapDoc;
use waymark_core::srs::SrsCard;
use waymark_core::templates::{Template, template_roadmap, templates};

impl App {
    /// The built-in templates.
    pub fn templates(&self) -> Vec<Template> {
        templates()
    }

    /// Replaces the goal's steps with a template's, with its starter questions.
    pub fn apply_template(&mut self, goal_id: &str, name: &str) -> AppResult<GoalView> {
        let template = find_template(name)?;
        let goal = self.goal(goal_id)?;
        let mut roadmap = self.roadmap_or_new(&goal);
        roadmap.template = template.name.clone();
        let (steps, cards) = steps_with_cards(template, &goal.id, self.clock.now())?;
        roadmap.steps = steps;
        self.save_goal_with_cards(&goal, Some(&roadmap), Vec::new(), &cards)?;
        self.goal_view(goal.id.as_str())
    }

    /// Adds a step at `position` (0-based; the end when `None` or past the end).
    pub fn add_step(&mut self, goal_id: &str, input: StepInput, position: Option<usize>) -> AppResult<GoalView> {
        let step = input.validate()?.into_step(StepId::from_uuid(Uuid::now_v7()), StepStatus::Pending);
        self.edit_roadmap(goal_id, move |r| {
            let at = position.unwrap_or(r.steps.len()).min(r.steps.len());
            r.steps.insert(at, step);
            Ok(())
        })
    }

    /// Replaces a step's fields (its id and status stay).
    pub fn update_step(&mut self, goal_id: &str, step_id: &str, input: StepInput) -> AppResult<GoalView> {
        let input = input.validate()?;
        self.edit_roadmap(goal_id, |r| {
            let at = find_step(r, step_id)?;
            let old = &r.steps[at];
            r.steps[at] = input.into_step(old.id.clone(), old.status);
            Ok(())
        })
    }

    /// Moves a step to `to` (0-based, clamped to the last place).
    pub fn move_step(&mut self, goal_id: &str, step_id: &str, to: usize) -> AppResult<GoalView> {
        self.edit_roadmap(goal_id, |r| {
            let from = find_step(r, step_id)?;
            let step = r.steps.remove(from);
            let to = to.min(r.steps.len());
            r.steps.insert(to, step);
            Ok(())
        })
    }

    /// Removes a step; its open tasks go, its done tasks stay as history.
    pub fn remove_step(&mut self, goal_id: &str, step_id: &str) -> AppResult<GoalView> {
        self.edit_roadmap(goal_id, |r| {
            let at = find_step(r, step_id)?;
            r.steps.remove(at);
            Ok(())
        })
    }

    /// Checks that a resource link may be opened (http/https only) and returns it.
    pub fn resource_url(&self, url: &str) -> AppResult<String> {
        validate_url(url.trim())?;
        Ok(url.trim().to_string())
    }

    fn edit_roadmap(&mut self, goal_id: &str, edit: impl FnOnce(&mut Roadmap) -> AppResult<()>) -> AppResult<GoalView> {
        let goal = self.goal(goal_id)?;
        let mut roadmap = self.roadmap_or_new(&goal);
        edit(&mut roadmap)?;
        self.save_goal(&goal, Some(&roadmap), Vec::new())?;
        self.goal_view(goal.id.as_str())
    }
}

impl App {
    pub(crate) fn roadmap_or_new(&self, goal: &waymark_core::goal::Goal) -> Roadmap {
        self.store.roadmap_of_goal(&goal.id).ok().flatten().unwrap_or_else(|| Roadmap {
            id: RoadmapId::from_uuid(Uuid::now_v7()),
            goal_id: goal.id.clone(),
            template: None,
            steps: Vec::new(),
            created_at: self.clock.now(),
        })
    }
}

/// The built-in template `name`, or an error listing the valid names.
pub(crate) fn find_template(name: &str) -> AppResult<&'static RoadmapDoc> {
    template_roadmap(name).ok_or_else(|| {
        let known: Vec<String> = templates().into_iter().map(|t| t.name).collect();
        AppError::invalid("template", format!("\"{name}\" is not a template; choose one of {}", known.join(", ")))
    })
}

/// A roadmap file's steps (a template's or an imported one), new and pending,
/// and its questions as cards on the step each is written under.
pub(crate) fn steps_with_cards(
    doc: &RoadmapDoc,
    goal_id: &GoalId,
    now: DateTime<Utc>,
) -> AppResult<(Vec<Step>, Vec<Card>)> {
    let built = doc
        .steps
        .iter()
        .map(|s| {
            let step = s.step.clone().validate()?.into_step(StepId::from_uuid(Uuid::now_v7()), StepStatus::Pending);
            Ok((step, &s.questions))
        })
        .collect::<AppResult<Vec<_>>>()?;
    let mut cards = Vec::new();
    for (step, questions) in &built {
        for q in questions.iter() {
            let q = QuestionInput { step_id: Some(step.id.clone()), ..q.clone() }.validate()?;
            cards.push(Card {
                question: q.into_question(QuestionId::from_uuid(Uuid::now_v7()), goal_id.clone(), now),
                srs: SrsCard::new(now),
            });
        }
    }
    Ok((built.into_iter().map(|(step, _)| step).collect(), cards))
}

fn find_step(roadmap: &Roadmap, step_id: &str) -> AppResult<usize> {
    roadmap
        .steps
        .iter()
        .position(|s| s.id.as_str() == step_id.trim())
        .ok_or_else(|| AppError::not_found("step", step_id))
}
