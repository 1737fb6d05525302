//! Schema-constrained proposals from the real server: the reply streams in
//! several deltas, is asked for with the JSON schema (llama.cpp takes it),
//! parses into the schema's shape and is validated item by item.

use crate::server::shared;
use std::time::Instant;
use waymark_assistant::{Assistant, Finish, GoalBrief, Limits, Model, OutputMode, QuestionKind, Sampling, StepBrief};
use waymark_core::question::QuestionBody;

/// Small bounds, so that a 135M model on a shared CPU finishes in seconds
/// (one step, two questions, short texts), with a token limit that leaves
/// room for the schema's widest reply, so greedy decoding is never cut off.
pub fn small_limits() -> Limits {
    Limits { max_steps: 1, max_questions: 2, max_tokens: 900, max_text_chars: Some(32), ..Limits::default() }
}

pub fn goal() -> GoalBrief {
    GoalBrief {
        title: "Learn Kubernetes".into(),
        description: "Run my own web services on a small cluster".into(),
        level: Some("beginner".into()),
        hours_per_week: 5.0,
        target_date: Some("2027-06-30".into()),
        known: "Docker and Linux basics".into(),
        note: None,
    }
}

fn assistant() -> Assistant<impl Model> {
    let sampling = Sampling { temperature: Some(0.0), seed: Some(7) };
    Assistant::new(shared().client(), small_limits()).with_sampling(sampling)
}

#[tokio::test]
async fn the_server_lists_its_model() {
    let server = shared();
    let models = server.client().models().await.unwrap();
    assert_eq!(models, std::slice::from_ref(&server.model));
    let check = assistant().check(&server.model).await.unwrap();
    assert!(check.model_listed, "{check:?}");
}

#[tokio::test]
async fn a_roadmap_proposal_streams_parses_and_validates() {
    let assistant = assistant();
    let started = Instant::now();
    let mut first = None;
    let mut streamed = String::new();
    let generated = assistant
        .propose_roadmap(&goal(), &mut |delta| {
            first.get_or_insert_with(|| started.elapsed());
            streamed.push_str(delta);
        })
        .await
        .unwrap();
    eprintln!(
        "roadmap proposal: first delta after {:?}, done in {:?}, {} steps kept, problems {:?}",
        first.unwrap_or_default(),
        started.elapsed(),
        generated.proposal.steps.len(),
        generated.proposal.problems
    );
    assert_eq!(generated.mode, OutputMode::JsonSchema);
    assert_eq!(assistant.output_mode(), Some(OutputMode::JsonSchema));
    assert_eq!(generated.finish, Finish::Stop, "{}", generated.text);
    assert_eq!(streamed, generated.text);
    let reply: serde_json::Value = serde_json::from_str(&generated.text).expect("the schema holds the reply to JSON");
    let steps = reply["steps"].as_array().expect("a steps list");
    assert_eq!(steps.len(), 1, "{}", generated.text);
    let proposal = &generated.proposal;
    assert!(proposal.problems.iter().all(|p| p.item.is_some()), "{:?}", proposal.problems);
    assert_eq!(proposal.steps.len() + proposal.problems.len(), steps.len());
    for step in &proposal.steps {
        assert_eq!(step.value.clone().validate().as_ref(), Ok(&step.value));
        assert!(waymark_core::duration::parse_duration(&step.value.duration).is_ok());
    }
}

#[tokio::test]
async fn a_questions_proposal_keeps_to_the_kinds_asked_for() {
    let step = StepBrief {
        goal: "Learn Kubernetes".into(),
        title: "Pods and deployments".into(),
        description: "Run a container in a pod, then scale it with a deployment".into(),
        skills: vec!["pods".into(), "kubectl".into()],
        resources: vec!["Kubernetes documentation".into()],
        count: 2,
        kinds: vec![QuestionKind::TrueFalse, QuestionKind::MultipleChoice],
    };
    let started = Instant::now();
    let mut deltas = 0;
    let generated = assistant().propose_questions(&step, &mut |_| deltas += 1).await.unwrap();
    eprintln!("questions proposal: {deltas} deltas in {:?}: {:?}", started.elapsed(), generated.proposal);
    assert!(deltas > 1);
    assert_eq!(generated.finish, Finish::Stop, "{}", generated.text);
    let reply: serde_json::Value = serde_json::from_str(&generated.text).expect("JSON");
    let asked = reply["questions"].as_array().expect("a questions list");
    let proposal = &generated.proposal;
    assert!(proposal.problems.iter().all(|p| p.item.is_some()), "{:?}", proposal.problems);
    assert_eq!(proposal.questions.len() + proposal.problems.len(), asked.len());
    for q in &proposal.questions {
        assert!(matches!(q.value.body, QuestionBody::TrueFalse { .. } | QuestionBody::MultipleChoice { .. }));
        assert_eq!(q.value.clone().validate().as_ref(), Ok(&q.value));
    }
}

#[tokio::test]
async fn json_mode_output_that_misses_the_shape_gives_problems_not_a_panic() {
    let limits = Limits { max_tokens: 60, ..small_limits() };
    let assistant = Assistant::new(shared().client(), limits).with_mode(OutputMode::JsonObject);
    let generated = assistant.propose_roadmap(&goal(), &mut |_| {}).await.unwrap();
    eprintln!("json mode: {:?} {:?}", generated.finish, generated.proposal.problems);
    assert_eq!(generated.mode, OutputMode::JsonObject);
    let proposal = &generated.proposal;
    assert!(!proposal.steps.is_empty() || !proposal.problems.is_empty());
    for step in &proposal.steps {
        assert_eq!(step.value.clone().validate().as_ref(), Ok(&step.value));
    }
}
