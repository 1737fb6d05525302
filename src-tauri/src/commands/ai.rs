//! Assistant commands: its settings, the proposals (async: they stream the
//! reply over a channel and hold no lock while the model writes), Accept,
//! the generated questions, Fill the gaps, and `cancel_ai`. Each proposal
//! runs under the `request_id` the window picks; `cancel_ai(request_id)`
//! stops it at once and it fails with `cancelled`, having written nothing.

use super::AppState;
use crate::desktop::Shared;
use crate::desktop::ai_requests::AiRequests;
use tauri::ipc::Channel;
use tauri::{AppHandle, Manager, State};
use waymark_app::ai::{
    self, AcceptMode, AiEvent, AssistantCheck, AssistantInput, AssistantView, FillOptions, FillProgress, FillReport,
    PlanPreview, Preset, QuestionKind, QuestionsPreview, RoadmapPreview,
};
use waymark_app::study_views::CardView;
use waymark_app::{AppResult, GoalView};
use waymark_core::question::QuestionInput;
use waymark_core::roadmap::StepInput;

/// Settings → Assistant as it stands (never the key).
#[tauri::command]
pub fn assistant_view(state: AppState<'_>) -> AppResult<AssistantView> {
    state.with(|app| app.assistant_view())
}

/// The local servers Settings → Assistant offers.
#[tauri::command]
pub fn assistant_presets() -> Vec<Preset> {
    ai::PRESETS.to_vec()
}

/// Saves the endpoint and model (the key in the OS keyring); asks nothing of the server.
#[tauri::command]
pub fn set_assistant(state: AppState<'_>, input: AssistantInput) -> AppResult<AssistantView> {
    state.with(|app| app.set_assistant(input))
}

/// Turns the assistant off and removes its key from the keyring.
#[tauri::command]
pub fn forget_assistant(state: AppState<'_>) -> AppResult<AssistantView> {
    state.with(|app| app.forget_assistant())
}

/// Records that the learner read what a non-local endpoint receives.
#[tauri::command]
pub fn acknowledge_remote_assistant(state: AppState<'_>) -> AppResult<AssistantView> {
    state.with(|app| app.acknowledge_remote_assistant())
}

/// The Test button: lists the server's models and makes one tiny request.
#[tauri::command]
pub async fn check_assistant(handle: AppHandle, request_id: String) -> AppResult<AssistantCheck> {
    let shared = handle.state::<Shared>().shared()?;
    handle.state::<AiRequests>().run(&request_id, async move { ai::check(&shared).await }).await
}

/// Proposes a roadmap for the goal, streaming the reply as `delta` events; writes nothing.
#[tauri::command]
pub async fn propose_roadmap(
    handle: AppHandle,
    request_id: String,
    goal_id: String,
    known: String,
    note: Option<String>,
    on_event: Channel<AiEvent>,
) -> AppResult<RoadmapPreview> {
    let shared = handle.state::<Shared>().shared()?;
    let request = async move {
        let mut on_delta = deltas(on_event);
        ai::propose_roadmap(&shared, &goal_id, &known, note.as_deref(), &mut on_delta).await
    };
    handle.state::<AiRequests>().run(&request_id, request).await
}

/// The plan the goal would have with these (edited) steps accepted; writes nothing.
#[tauri::command]
pub fn preview_plan(
    state: AppState<'_>,
    goal_id: String,
    steps: Vec<StepInput>,
    mode: AcceptMode,
) -> AppResult<PlanPreview> {
    state.with(|app| app.preview_plan(&goal_id, steps, mode))
}

/// Writes the accepted steps into the goal's roadmap (replace or append) and re-plans.
#[tauri::command]
pub fn accept_roadmap(
    state: AppState<'_>,
    goal_id: String,
    steps: Vec<StepInput>,
    mode: AcceptMode,
) -> AppResult<GoalView> {
    state.with(|app| app.accept_roadmap(&goal_id, steps, mode))
}

/// Proposes questions for the step (count 0: the default 5; no kinds: every kind), streaming; writes nothing.
#[tauri::command]
pub async fn propose_questions(
    handle: AppHandle,
    request_id: String,
    step_id: String,
    count: usize,
    kinds: Vec<QuestionKind>,
    on_event: Channel<AiEvent>,
) -> AppResult<QuestionsPreview> {
    let shared = handle.state::<Shared>().shared()?;
    let request = async move {
        let mut on_delta = deltas(on_event);
        ai::propose_questions(&shared, &step_id, count, &kinds, &mut on_delta).await
    };
    handle.state::<AiRequests>().run(&request_id, request).await
}

/// Writes the accepted questions as cards of the step, marked as generated.
#[tauri::command]
pub fn accept_questions(
    state: AppState<'_>,
    step_id: String,
    questions: Vec<QuestionInput>,
) -> AppResult<Vec<CardView>> {
    state.with(|app| app.accept_questions(&step_id, questions))
}

/// The goal's generated questions.
#[tauri::command]
pub fn generated_questions(state: AppState<'_>, goal_id: String) -> AppResult<Vec<CardView>> {
    state.with(|app| app.generated_questions(&goal_id))
}

/// Deletes every generated question of the goal; returns how many went.
#[tauri::command]
pub fn delete_generated_questions(state: AppState<'_>, goal_id: String) -> AppResult<u32> {
    state.with(|app| app.delete_generated_questions(&goal_id))
}

/// Questions for every step of the goal that has none, step by step (`progress` and `delta` events).
#[tauri::command]
pub async fn fill_gaps(
    handle: AppHandle,
    request_id: String,
    goal_id: String,
    options: FillOptions,
    on_event: Channel<AiEvent>,
) -> AppResult<FillReport> {
    let shared = handle.state::<Shared>().shared()?;
    let request = async move {
        let progress_channel = on_event.clone();
        let mut progress = move |progress: FillProgress| send(&progress_channel, AiEvent::Progress { progress });
        let mut on_delta = deltas(on_event);
        ai::fill_gaps(&shared, &goal_id, &options, &mut progress, &mut on_delta).await
    };
    handle.state::<AiRequests>().run(&request_id, request).await
}

/// Stops the assistant's request `request_id` at once; whether one was running.
#[tauri::command]
pub fn cancel_ai(requests: State<'_, AiRequests>, request_id: String) -> bool {
    requests.cancel(&request_id)
}

fn deltas(channel: Channel<AiEvent>) -> impl FnMut(&str) + Send {
    move |text: &str| send(&channel, AiEvent::Delta { text: text.to_string() })
}

fn send(channel: &Channel<AiEvent>, event: AiEvent) {
    if let Err(e) = channel.send(event) {
        eprintln!("waymark: cannot stream to the window: {e}");
    }
}
