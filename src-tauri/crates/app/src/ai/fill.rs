//! Fill the gaps: questions for every step of a goal that has none, one step
//! after the other. Each step's proposal is its own request; with `accept`
//! its valid questions are committed before the next step starts, so a
//! cancel (dropping the future) or a failure keeps the steps already done
//! and writes nothing of the step in flight.

use crate::SharedApp;
use crate::ai::run::propose_questions;
use crate::error::AppResult;
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use waymark_assistant::{Problem, QuestionKind};
use waymark_core::ids::StepId;
use waymark_core::question::QuestionInput;

/// What to ask for each step.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct FillOptions {
    /// Questions per step (the default, 5, when 0).
    pub count: usize,
    /// The kinds allowed (every kind when empty).
    pub kinds: Vec<QuestionKind>,
    /// Whether each step's valid questions are written (otherwise this only previews).
    pub accept: bool,
}

/// Where a fill stands: before step `done + 1` of `total`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct FillProgress {
    /// Steps finished.
    pub done: u32,
    /// Steps to fill.
    pub total: u32,
    /// The step asked for now (`None` once all are done).
    pub step_id: Option<StepId>,
    /// Its title.
    pub step_title: Option<String>,
}

/// What a fill did for one step.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct FillStep {
    /// The step.
    pub step_id: StepId,
    /// Its title.
    pub step_title: String,
    /// The valid questions the model wrote.
    pub questions: Vec<QuestionInput>,
    /// Questions written (0 without `accept`).
    pub accepted: u32,
    /// What was wrong with the reply.
    pub problems: Vec<Problem>,
}

/// What a fill did.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct FillReport {
    /// Per step, in roadmap order.
    pub steps: Vec<FillStep>,
    /// Questions written in all.
    pub accepted: u32,
}

/// Proposes (and with `accept` writes) questions for every step of the goal
/// that has none. `progress` hears before each step and at the end; the
/// reply's text streams to `on_delta`.
pub async fn fill_gaps(
    shared: &SharedApp,
    goal_id: &str,
    options: &FillOptions,
    progress: &mut (dyn FnMut(FillProgress) + Send),
    on_delta: &mut (dyn FnMut(&str) + Send),
) -> AppResult<FillReport> {
    let steps = shared.with(|app| app.steps_without_questions(goal_id))?;
    let total = u32::try_from(steps.len()).unwrap_or(u32::MAX);
    let mut report = FillReport { steps: Vec::new(), accepted: 0 };
    for (done, step) in (0u32..).zip(&steps) {
        progress(FillProgress { done, total, step_id: Some(step.id.clone()), step_title: Some(step.title.clone()) });
        let preview = propose_questions(shared, step.id.as_str(), options.count, &options.kinds, on_delta).await?;
        let questions: Vec<QuestionInput> = preview.questions.into_iter().map(|p| p.value).collect();
        let accepted = if options.accept && !questions.is_empty() {
            let cards = shared.with(|app| app.accept_questions(step.id.as_str(), questions.clone()))?;
            u32::try_from(cards.len()).unwrap_or(u32::MAX)
        } else {
            0
        };
        report.accepted += accepted;
        report.steps.push(FillStep {
            step_id: step.id.clone(),
            step_title: step.title.clone(),
            questions,
            accepted,
            problems: preview.problems,
        });
    }
    progress(FillProgress { done: total, total, step_id: None, step_title: None });
    Ok(report)
}
