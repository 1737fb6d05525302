//! A roadmap from the assistant: the brief that is sent, the preview of what
//! came back (the valid steps with their hour estimates, the problems, and
//! the plan each way of accepting would give, computed by the same planner
//! and outlook as the goal screen without writing anything), and Accept,
//! which checks the steps again on the one path (`StepInput::validate`, as
//! `add_step` and an import do) and writes them in one transaction.

use crate::App;
use crate::ai::reply::ReplyInfo;
use crate::error::{AppError, AppResult, ErrorCode};
use crate::goals::total_estimate;
use crate::plan::Edits;
use crate::views::GoalView;
use crate::words::OutlookView;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::HashSet;
use std::str::FromStr;
use ts_rs::TS;
use uuid::Uuid;
use waymark_assistant::{Generated, GoalBrief, Problem, RoadmapProposal};
use waymark_core::duration::HourEstimate;
use waymark_core::goal::Goal;
use waymark_core::ids::{GoalId, StepId};
use waymark_core::planner::Feasibility;
use waymark_core::roadmap::{Roadmap, Step, StepInput, StepStatus};
use waymark_core::task::Task;

/// How accepted steps join the roadmap.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum AcceptMode {
    /// They replace every step (open tasks of the old steps go; done ones stay as history).
    Replace,
    /// They come after the steps there are.
    #[default]
    Append,
}

impl FromStr for AcceptMode {
    type Err = AppError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim() {
            "replace" => Ok(Self::Replace),
            "append" => Ok(Self::Append),
            other => Err(AppError::invalid("accept", format!("\"{other}\" is neither replace nor append"))),
        }
    }
}

/// A valid proposed step with its estimate at the goal's weekly hours.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ProposedStep {
    /// Its 1-based place in the reply (problems name the same numbers).
    pub item: usize,
    /// The step, checked and normalised: editable, and what Accept takes back.
    pub step: StepInput,
    /// Its hours, as the goal screen estimates them.
    pub estimate: HourEstimate,
}

/// The plan a roadmap would give, computed without writing.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct PlanPreview {
    /// How the steps would join the roadmap.
    pub mode: AcceptMode,
    /// The roadmap's steps after accepting.
    pub step_count: u32,
    /// Their total estimate.
    pub estimate: HourEstimate,
    /// The last planned day.
    pub finish_date: Option<NaiveDate>,
    /// Whether the plan would end by the target date.
    pub feasibility: Feasibility,
    /// Progress, forecast and on-track status.
    pub outlook: OutlookView,
}

/// A roadmap proposal as the preview shows it. Nothing is written until
/// `accept_roadmap`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct RoadmapPreview {
    /// The goal it is for.
    pub goal_id: GoalId,
    /// The valid steps.
    pub steps: Vec<ProposedStep>,
    /// What was wrong, per step or with the whole reply.
    pub problems: Vec<Problem>,
    /// The plan if the valid steps replaced the roadmap.
    pub replace: PlanPreview,
    /// The plan if they were appended.
    pub append: PlanPreview,
    /// The reply as the model wrote it.
    pub reply: ReplyInfo,
}

impl App {
    /// What a roadmap request sends about the goal.
    pub(crate) fn roadmap_brief(&self, goal_id: &str, known: &str, note: Option<&str>) -> AppResult<GoalBrief> {
        let goal = self.goal(goal_id)?;
        Ok(GoalBrief::of_goal(&goal, known, note.map(str::trim).filter(|n| !n.is_empty())))
    }

    /// The preview of a proposal for the goal.
    pub(crate) fn roadmap_preview(
        &mut self,
        goal_id: &str,
        generated: Generated<RoadmapProposal>,
        model: String,
    ) -> AppResult<RoadmapPreview> {
        self.note_output_mode(generated.mode)?;
        let reply = ReplyInfo::of(&generated, model);
        let goal = self.goal(goal_id)?;
        let inputs: Vec<StepInput> = generated.proposal.steps.iter().map(|p| p.value.clone()).collect();
        let steps = generated
            .proposal
            .steps
            .into_iter()
            .map(|p| {
                let estimate = new_step(p.value.clone()).estimate(goal.hours_per_week);
                ProposedStep { item: p.item, step: p.value, estimate }
            })
            .collect();
        Ok(RoadmapPreview {
            replace: self.plan_preview_of(&goal, validated(inputs.clone())?, AcceptMode::Replace)?,
            append: self.plan_preview_of(&goal, validated(inputs)?, AcceptMode::Append)?,
            goal_id: goal.id,
            reply,
            steps,
            problems: generated.proposal.problems,
        })
    }

    /// The plan the goal would have with `steps` accepted by `mode` (for an
    /// edited preview); nothing is written. The steps are checked as Accept checks them.
    pub fn preview_plan(&self, goal_id: &str, steps: Vec<StepInput>, mode: AcceptMode) -> AppResult<PlanPreview> {
        let goal = self.goal(goal_id)?;
        self.plan_preview_of(&goal, validated(steps)?, mode)
    }

    /// Writes the accepted steps (as the learner edited them) into the goal's
    /// roadmap — replacing it or after its steps — and re-plans, in one
    /// transaction. A step that breaks a rule refuses the whole accept with
    /// its field (`steps[2].duration`) and writes nothing.
    pub fn accept_roadmap(&mut self, goal_id: &str, steps: Vec<StepInput>, mode: AcceptMode) -> AppResult<GoalView> {
        if steps.is_empty() {
            return Err(AppError::invalid("steps", "there is no step to accept"));
        }
        let goal = self.goal(goal_id)?;
        let roadmap = self.roadmap_with(&goal, validated(steps)?, mode);
        self.save_goal(&goal, Some(&roadmap), Vec::new())?;
        self.goal_view(goal.id.as_str())
    }

    fn roadmap_with(&self, goal: &Goal, steps: Vec<Step>, mode: AcceptMode) -> Roadmap {
        let mut roadmap = self.roadmap_or_new(goal);
        if mode == AcceptMode::Replace {
            roadmap.steps.clear();
            roadmap.template = None;
        }
        roadmap.steps.extend(steps);
        roadmap
    }

    fn plan_preview_of(&self, goal: &Goal, steps: Vec<Step>, mode: AcceptMode) -> AppResult<PlanPreview> {
        let roadmap = self.roadmap_with(goal, steps, mode);
        let edits = Edits { goal: Some(goal), roadmap: Some(&roadmap), only_for: Some(&goal.id), ..Edits::default() };
        let changes = self.plan_changes(&edits)?;
        let stored = self.store.tasks_of_goal(&goal.id)?;
        let put: Vec<&Task> = changes.put.iter().filter(|t| t.goal_id == goal.id).collect();
        let replaced: HashSet<&str> = changes.delete.iter().chain(put.iter().copied()).map(|t| t.id.as_str()).collect();
        let tasks: Vec<&Task> =
            stored.iter().filter(|t| !replaced.contains(t.id.as_str())).chain(put.iter().copied()).collect();
        let overview = self.overview_with(goal.clone(), Some(&roadmap), &tasks);
        Ok(PlanPreview {
            mode,
            step_count: overview.step_count,
            estimate: total_estimate(roadmap.steps.iter().map(|s| s.estimate(goal.hours_per_week))),
            finish_date: overview.finish_date,
            feasibility: overview.feasibility,
            outlook: overview.outlook,
        })
    }
}

fn new_step(input: StepInput) -> Step {
    input.into_step(StepId::from_uuid(Uuid::now_v7()), StepStatus::Pending)
}

/// The steps checked by `StepInput::validate`; the first failure names the
/// step (`steps[i].field`, 0-based; "step i+1" in the message).
fn validated(steps: Vec<StepInput>) -> AppResult<Vec<Step>> {
    steps
        .into_iter()
        .enumerate()
        .map(|(i, s)| {
            let s = s.validate().map_err(|e| AppError {
                code: ErrorCode::InvalidInput,
                message: format!("step {}: {}: {}", i + 1, e.field, e.message),
                field: Some(format!("steps[{i}].{}", e.field)),
            })?;
            Ok(new_step(s))
        })
        .collect()
}
