//! The assistant's requests as the front ends run them. Each reads what it
//! needs under the app's lock (the brief and the client), lets the lock go
//! while the model writes, and takes it again only to build the preview.
//! Nothing of the learner's data is written here: Accept does that. Dropping
//! a returned future cancels its request at once.

use crate::SharedApp;
use crate::ai::questions::QuestionsPreview;
use crate::ai::roadmap::RoadmapPreview;
use crate::error::AppResult;
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use waymark_assistant::QuestionKind;

/// What the settings' Test found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct AssistantCheck {
    /// The models the server offers.
    pub models: Vec<String>,
    /// Whether the configured model is among them.
    pub model_listed: bool,
    /// What the model answered to a tiny request.
    pub reply: String,
    /// How long the tiny request took, in milliseconds.
    pub reply_ms: u64,
    /// One sentence for the learner.
    pub message: String,
}

/// Lists the server's models and makes one tiny request: Settings → Assistant → Test.
pub async fn check(shared: &SharedApp) -> AppResult<AssistantCheck> {
    let (client, model) = shared.with(|app| app.ai_client())?;
    let c = client.check(&model).await?;
    let message = if c.model_listed {
        match c.models.len() {
            1 => format!("The server answered in {} ms; {model} is the model it serves.", c.reply_ms),
            n => format!("The server answered in {} ms; {model} is among the {n} models it serves.", c.reply_ms),
        }
    } else {
        format!(
            "The server answered in {} ms, but does not list {model}; it lists {}.",
            c.reply_ms,
            if c.models.is_empty() { "no models".to_string() } else { c.models.join(", ") }
        )
    };
    Ok(AssistantCheck { models: c.models, model_listed: c.model_listed, reply: c.reply, reply_ms: c.reply_ms, message })
}

/// Asks for a roadmap for the goal (`known`: what the learner already knows;
/// `note`: their word on the previous proposal), streaming the reply's text
/// to `on_delta`; returns the preview.
pub async fn propose_roadmap(
    shared: &SharedApp,
    goal_id: &str,
    known: &str,
    note: Option<&str>,
    on_delta: &mut (dyn FnMut(&str) + Send),
) -> AppResult<RoadmapPreview> {
    let (client, model, brief) = shared.with(|app| {
        let brief = app.roadmap_brief(goal_id, known, note)?;
        let (client, model) = app.ai_client()?;
        Ok((client, model, brief))
    })?;
    let generated = client.propose_roadmap(&brief, on_delta).await?;
    shared.with(|app| app.roadmap_preview(goal_id, generated, model))
}

/// Asks for `count` questions (the default when 0) of `kinds` (every kind
/// when empty) for the step, streaming the reply's text to `on_delta`;
/// returns the preview.
pub async fn propose_questions(
    shared: &SharedApp,
    step_id: &str,
    count: usize,
    kinds: &[QuestionKind],
    on_delta: &mut (dyn FnMut(&str) + Send),
) -> AppResult<QuestionsPreview> {
    let (client, model, brief) = shared.with(|app| {
        let brief = app.questions_brief(step_id, count, kinds)?;
        let (client, model) = app.ai_client()?;
        Ok((client, model, brief))
    })?;
    let generated = client.propose_questions(&brief, on_delta).await?;
    shared.with(|app| app.questions_preview(step_id, generated, model))
}
