//! The assistant: a [`Model`] with limits, the output mode each server was
//! found to take, and the three things the facade asks of it (check the
//! setup, propose a roadmap, propose questions). Every proposal streams its
//! text to a callback as it arrives and comes back checked by
//! [`crate::proposal`]; nothing is written anywhere. No lock is held across
//! the network, so one assistant serves concurrent requests.

use crate::brief::{GoalBrief, StepBrief};
use crate::config::Limits;
use crate::error::{AiResult, ErrorKind};
use crate::model::{ChatRequest, Finish, Message, Model, OutputMode, Reply};
use crate::prompt::{self, Prompt};
use crate::proposal::{QuestionsProposal, RoadmapProposal, parse_questions, parse_roadmap};
use crate::schema;
use serde::{Deserialize, Serialize};
use std::sync::Mutex;
use std::time::Instant;
use ts_rs::TS;

/// Questions asked for when the learner does not say how many.
pub const DEFAULT_QUESTIONS: usize = 5;

/// A proposal and how it was obtained.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Generated<P> {
    /// The checked proposal.
    pub proposal: P,
    /// How the reply was asked for (the mode the server took).
    pub mode: OutputMode,
    /// Why the model stopped.
    pub finish: Finish,
    /// The learner's fields shortened to fit the context budget.
    pub shortened: Vec<String>,
    /// The reply as the model wrote it.
    pub text: String,
}

/// What the settings' Test found.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Check {
    /// The models the server offers.
    pub models: Vec<String>,
    /// Whether the configured model is among them.
    pub model_listed: bool,
    /// What the model answered to a tiny request.
    pub reply: String,
    /// How long the tiny request took, in milliseconds.
    pub reply_ms: u64,
}

/// Sampling settings of the proposals.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Sampling {
    /// The temperature; the server's default when `None`.
    pub temperature: Option<f32>,
    /// The seed, for repeatable replies.
    pub seed: Option<u64>,
}

/// The assistant over one model.
#[derive(Debug)]
pub struct Assistant<M> {
    model: M,
    limits: Limits,
    sampling: Sampling,
    mode: Mutex<Option<OutputMode>>,
}

impl<M: Model> Assistant<M> {
    /// An assistant asking `model` within `limits`.
    pub fn new(model: M, limits: Limits) -> Self {
        Self { model, limits, sampling: Sampling::default(), mode: Mutex::new(None) }
    }

    /// The same assistant with other sampling settings.
    pub fn with_sampling(mut self, sampling: Sampling) -> Self {
        self.sampling = sampling;
        self
    }

    /// The same assistant starting from `mode` instead of the strictest (the
    /// mode `ai status` reported for this server earlier, or one the learner
    /// chose); it still falls back when the server rejects it.
    pub fn with_mode(self, mode: OutputMode) -> Self {
        *self.mode.lock().unwrap_or_else(|e| e.into_inner()) = Some(mode);
        self
    }

    /// The model it asks.
    pub fn model(&self) -> &M {
        &self.model
    }

    /// Its limits.
    pub fn limits(&self) -> &Limits {
        &self.limits
    }

    /// The output mode the server took last (for `ai status`); `None` before
    /// the first proposal.
    pub fn output_mode(&self) -> Option<OutputMode> {
        *self.mode.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Lists the models and makes one tiny request: the settings' Test.
    pub async fn check(&self, model_name: &str) -> AiResult<Check> {
        let models = self.model.models().await?;
        let request = ChatRequest {
            messages: vec![Message::user("Reply with the single word OK.")],
            schema: None,
            mode: OutputMode::PromptOnly,
            max_tokens: 8,
            max_reply_bytes: 4096,
            temperature: Some(0.0),
            seed: None,
        };
        let started = Instant::now();
        let reply = self.model.chat(&request, &mut |_| {}).await?;
        let reply_ms = u64::try_from(started.elapsed().as_millis()).unwrap_or(u64::MAX);
        Ok(Check { model_listed: models.iter().any(|m| m == model_name), models, reply: reply.text, reply_ms })
    }

    /// Proposes a roadmap for `goal`, streaming the reply's text to `on_delta`.
    pub async fn propose_roadmap(
        &self,
        goal: &GoalBrief,
        on_delta: &mut (dyn FnMut(&str) + Send),
    ) -> AiResult<Generated<RoadmapProposal>> {
        let prompt = prompt::roadmap(goal, &self.limits, schema::roadmap(&self.limits));
        let (reply, mode, shortened) = self.ask(prompt, on_delta).await?;
        let proposal = parse_roadmap(&reply.text, &reply.finish, self.limits.max_steps);
        Ok(Generated { proposal, mode, finish: reply.finish, shortened, text: reply.text })
    }

    /// Proposes questions for `step` (`step.count`, at most the limit;
    /// [`DEFAULT_QUESTIONS`] when 0), streaming the reply's text to `on_delta`.
    pub async fn propose_questions(
        &self,
        step: &StepBrief,
        on_delta: &mut (dyn FnMut(&str) + Send),
    ) -> AiResult<Generated<QuestionsProposal>> {
        let count = if step.count == 0 { DEFAULT_QUESTIONS } else { step.count }.min(self.limits.max_questions);
        let prompt = prompt::questions(step, count, &self.limits, schema::questions(&step.kinds, count, &self.limits));
        let (reply, mode, shortened) = self.ask(prompt, on_delta).await?;
        let proposal = parse_questions(&reply.text, &reply.finish, &step.kinds, count);
        Ok(Generated { proposal, mode, finish: reply.finish, shortened, text: reply.text })
    }

    /// Asks in the mode the server took last (the strictest at first) and
    /// falls back to the next mode while the server rejects the format.
    async fn ask(
        &self,
        prompt: Prompt,
        on_delta: &mut (dyn FnMut(&str) + Send),
    ) -> AiResult<(Reply, OutputMode, Vec<String>)> {
        let mut mode = self.output_mode().unwrap_or(OutputMode::JsonSchema);
        loop {
            let request = ChatRequest {
                messages: prompt.messages(mode),
                schema: Some(prompt.schema.clone()),
                mode,
                max_tokens: self.limits.max_tokens,
                max_reply_bytes: self.limits.max_reply_bytes,
                temperature: self.sampling.temperature,
                seed: self.sampling.seed,
            };
            match self.model.chat(&request, on_delta).await {
                Ok(reply) => {
                    *self.mode.lock().unwrap_or_else(|e| e.into_inner()) = Some(mode);
                    let shortened = prompt.shortened.iter().map(|s| s.to_string()).collect();
                    return Ok((reply, mode, shortened));
                }
                Err(e) if e.kind == ErrorKind::FormatRejected => match mode.fallback() {
                    Some(next) => mode = next,
                    None => return Err(e),
                },
                Err(e) => return Err(e),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::AiError;
    use std::sync::Mutex as StdMutex;

    /// A model that rejects the modes it lacks and answers `reply` otherwise.
    struct Scripted {
        takes: Vec<OutputMode>,
        reply: &'static str,
        asked: StdMutex<Vec<OutputMode>>,
    }

    impl Model for Scripted {
        async fn models(&self) -> AiResult<Vec<String>> {
            Ok(vec!["tiny".into()])
        }

        async fn chat(&self, request: &ChatRequest, on_delta: &mut (dyn FnMut(&str) + Send)) -> AiResult<Reply> {
            self.asked.lock().unwrap().push(request.mode);
            if !self.takes.contains(&request.mode) {
                return Err(AiError::new(ErrorKind::FormatRejected, "no response_format here"));
            }
            on_delta(self.reply);
            Ok(Reply { text: self.reply.into(), finish: Finish::Stop, deltas: 1 })
        }
    }

    const ROADMAP: &str =
        r#"{"steps":[{"title":"Pods","duration":"2 weeks","description":"","skills":[],"resources":[]}]}"#;

    fn assistant(takes: &[OutputMode]) -> Assistant<Scripted> {
        let model = Scripted { takes: takes.to_vec(), reply: ROADMAP, asked: StdMutex::new(Vec::new()) };
        Assistant::new(model, Limits::default())
    }

    fn goal() -> GoalBrief {
        GoalBrief { title: "Learn Kubernetes".into(), hours_per_week: 5.0, ..GoalBrief::default() }
    }

    #[tokio::test]
    async fn a_server_without_schemas_falls_back_and_is_remembered() {
        let a = assistant(&[OutputMode::PromptOnly]);
        assert_eq!(a.output_mode(), None);
        let got = a.propose_roadmap(&goal(), &mut |_| {}).await.unwrap();
        assert_eq!(got.mode, OutputMode::PromptOnly);
        assert_eq!(got.proposal.steps.len(), 1);
        assert_eq!(a.output_mode(), Some(OutputMode::PromptOnly));
        a.propose_roadmap(&goal(), &mut |_| {}).await.unwrap();
        let asked = a.model().asked.lock().unwrap().clone();
        assert_eq!(
            asked,
            [OutputMode::JsonSchema, OutputMode::JsonObject, OutputMode::PromptOnly, OutputMode::PromptOnly]
        );
    }

    #[tokio::test]
    async fn json_mode_is_taken_when_schemas_are_not() {
        let a = assistant(&[OutputMode::JsonObject, OutputMode::PromptOnly]);
        assert_eq!(a.propose_roadmap(&goal(), &mut |_| {}).await.unwrap().mode, OutputMode::JsonObject);
    }

    #[tokio::test]
    async fn a_server_rejecting_every_mode_gives_the_error() {
        let a = assistant(&[]);
        let e = a.propose_roadmap(&goal(), &mut |_| {}).await.unwrap_err();
        assert_eq!(e.kind, ErrorKind::FormatRejected);
        assert_eq!(a.output_mode(), None);
    }

    #[tokio::test]
    async fn the_check_lists_models_and_asks_once() {
        let a = assistant(&[OutputMode::PromptOnly]);
        let check = a.check("tiny").await.unwrap();
        assert!(check.model_listed);
        assert_eq!(check.models, ["tiny"]);
        assert!(!a.check("other").await.unwrap().model_listed);
    }
}
