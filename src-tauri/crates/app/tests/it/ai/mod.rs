//! The assistant through the facade, against the real llama.cpp server of
//! `waymark-test-ai` (SmolLM2-135M): previews with a plan, Accept writing
//! exactly what was accepted, nothing written without it (nor by a cancel or
//! a server killed mid-reply), the failures' codes and messages, and
//! generated questions in the daily test. The model writes poor content: the
//! tests check the pipeline, not the prose. Few real generations, small
//! limits.

mod accept;
mod failures;
mod proposals;

use crate::support::TestApp;
use waymark_app::ai::{AssistantOverride, Limits, Sampling};
use waymark_app::{App, SharedApp};
use waymark_core::roadmap::StepInput;
use waymark_test_ai::TestServer;

/// An app whose assistant is `server` (as `WAYMARK_AI_*` would give it),
/// with small limits and a fixed seed.
pub fn app_on(server: &TestServer) -> TestApp {
    let mut t = TestApp::new();
    point_at(&mut t.app, &server.url, &server.model, Some(&server.key));
    t
}

/// Points the app's assistant at `url`.
pub fn point_at(app: &mut App, url: &str, model: &str, key: Option<&str>) {
    app.set_assistant_override(Some(AssistantOverride {
        base_url: Some(url.into()),
        model: Some(model.into()),
        key: key.map(str::to_string),
    }));
    let limits =
        Limits { max_steps: 2, max_questions: 2, max_tokens: 1200, max_text_chars: Some(32), ..Limits::default() };
    app.set_assistant_tuning(limits, Sampling { temperature: Some(0.0), seed: Some(7) });
}

/// Everything a proposal could have written, as JSON: every goal's view
/// (roadmap, tasks, outlook) and its cards.
pub fn snapshot(app: &App) -> String {
    let goals = app.list_goals().unwrap();
    let views: Vec<_> = goals
        .iter()
        .map(|g| (app.goal_view(g.goal.id.as_str()).unwrap(), app.goal_study(g.goal.id.as_str()).unwrap().cards))
        .collect();
    serde_json::to_string(&views).unwrap()
}

/// A step written by hand.
pub fn step(title: &str, duration: &str) -> StepInput {
    StepInput { title: title.into(), duration: duration.into(), ..StepInput::default() }
}

/// Asserts that the shared app still holds what `before` snapshotted.
pub fn unchanged(shared: &SharedApp, before: &str, why: &str) {
    let now = shared.with(|app| Ok(snapshot(app))).unwrap();
    assert_eq!(now, before, "{why}");
}
