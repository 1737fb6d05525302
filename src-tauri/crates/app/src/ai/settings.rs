//! Settings → Assistant: where the model is (endpoint and model name, kept
//! on this device in the store's local settings; the API key in the OS
//! keyring), what the environment overrides (`WAYMARK_AI_URL`,
//! `WAYMARK_AI_MODEL`, `WAYMARK_AI_KEY`: headless use and tests, never
//! written), the notice of what a non-local endpoint receives, and the one
//! [`Assistant`] kept per endpoint so the output mode it found is reused.
//!
//! The endpoint is a device setting, not synced: it usually names a server on
//! this machine (`127.0.0.1`), which another desktop does not have.

use crate::App;
use crate::error::{AppError, AppResult, ErrorCode};
use crate::secrets::{AI_KEY, SecretError, UriSource};
use serde::{Deserialize, Serialize};
use std::sync::Arc;
use ts_rs::TS;
use waymark_assistant::{ApiKey, Assistant, Endpoint, Limits, OpenAiClient, OutputMode, Sampling, Timeouts};

/// The environment variable that gives the endpoint (`…/v1`).
pub const AI_URL_ENV: &str = "WAYMARK_AI_URL";
/// The environment variable that gives the model name.
pub const AI_MODEL_ENV: &str = "WAYMARK_AI_MODEL";
const SETTINGS_KEY: &str = "assistant";

/// The assistant as the front ends ask it.
pub(crate) type Client = Assistant<OpenAiClient>;

/// What is kept in the store's device-local settings.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
struct Stored {
    base_url: Option<String>,
    model: Option<String>,
    acknowledged_host: Option<String>,
    mode_seen: Option<OutputMode>,
}

/// An endpoint given for this process only, field by field over the saved
/// settings: what the `WAYMARK_AI_*` variables give (read when the app
/// opens), or what a test sets. Never saved.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct AssistantOverride {
    /// The API base (`WAYMARK_AI_URL`).
    pub base_url: Option<String>,
    /// The model name (`WAYMARK_AI_MODEL`).
    pub model: Option<String>,
    /// The API key (`WAYMARK_AI_KEY`).
    pub key: Option<String>,
}

impl AssistantOverride {
    /// What the environment gives; `None` when it gives nothing.
    pub fn from_env() -> Option<Self> {
        let var = |name: &str| std::env::var(name).ok().filter(|v| !v.trim().is_empty());
        let o = Self { base_url: var(AI_URL_ENV), model: var(AI_MODEL_ENV), key: AI_KEY.from_env() };
        (o != Self::default()).then_some(o)
    }
}

impl std::fmt::Debug for AssistantOverride {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AssistantOverride")
            .field("base_url", &self.base_url)
            .field("model", &self.model)
            .field("key", &self.key.as_ref().map(|_| "***"))
            .finish()
    }
}

/// Where the endpoint in use comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum AssistantSource {
    /// Settings → Assistant (saved on this device).
    Settings,
    /// `WAYMARK_AI_URL` (or a test's override).
    Environment,
}

/// Settings → Assistant as it stands. Never holds the key.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct AssistantView {
    /// Whether an endpoint and a model are set (the assistant is off until then).
    pub configured: bool,
    /// The API base in use.
    pub base_url: Option<String>,
    /// The model in use.
    pub model: Option<String>,
    /// Whether an API key is set.
    pub key_set: bool,
    /// Where the key comes from.
    pub key_source: Option<UriSource>,
    /// Where the endpoint comes from.
    pub source: Option<AssistantSource>,
    /// Whether the endpoint is on this machine (nothing leaves it).
    pub local: bool,
    /// The host requests go to.
    pub host: Option<String>,
    /// A warning when requests cross the network unencrypted (plain http to another machine).
    pub plain_http_warning: Option<String>,
    /// What will be sent to which host, for an endpoint that is not on this machine.
    pub notice: Option<String>,
    /// Whether the learner acknowledged the notice for this host (always true
    /// for a local endpoint and for one the environment gives).
    pub acknowledged: bool,
    /// The output mode the server took last (`json_schema`, `json_object`, `prompt_only`).
    pub output_mode: Option<OutputMode>,
    /// Why the OS keyring cannot be used, in words (then only `WAYMARK_AI_KEY` works).
    pub keyring_problem: Option<String>,
}

/// What a learner sets in Settings → Assistant.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct AssistantInput {
    /// The API base, e.g. `http://127.0.0.1:11434/v1`.
    pub base_url: String,
    /// The model name, as the server lists it.
    pub model: String,
    /// `None` keeps the key already set; an empty string removes it; any
    /// other text is kept in the OS keyring.
    pub key: Option<String>,
}

/// The assistant state of the open app: the override, the limits, the cached client.
#[derive(Default)]
pub(crate) struct AiState {
    pub(crate) overrides: Option<AssistantOverride>,
    pub(crate) limits: Limits,
    pub(crate) sampling: Sampling,
    cached: Option<(Endpoint, Arc<Client>)>,
}

impl AiState {
    /// The state with what the environment gives.
    pub(crate) fn from_env() -> Self {
        Self { overrides: AssistantOverride::from_env(), ..Self::default() }
    }
}

/// The endpoint in use and where it comes from.
pub(crate) struct Resolved {
    pub endpoint: Endpoint,
    pub source: AssistantSource,
    pub key_source: Option<UriSource>,
}

impl App {
    fn ai_stored(&self) -> AppResult<Stored> {
        Ok(self.store.local::<Stored>(SETTINGS_KEY)?.unwrap_or_default())
    }

    fn put_ai_stored(&mut self, stored: &Stored) -> AppResult<()> {
        self.store.transact(self.clock.now(), |tx| tx.put_local(SETTINGS_KEY, stored))?;
        Ok(())
    }

    /// Replaces what the environment gave for the assistant (tests, headless
    /// front ends); `None` leaves only the saved settings.
    pub fn set_assistant_override(&mut self, overrides: Option<AssistantOverride>) {
        self.ai.overrides = overrides;
        self.ai.cached = None;
    }

    /// The limits and sampling of the requests (`WAYMARK_AI_TUNING` or the defaults).
    pub fn assistant_tuning(&self) -> (Limits, Sampling) {
        (self.ai.limits, self.ai.sampling)
    }

    /// Sets the limits and sampling of every later request (tests and
    /// benchmarks use small limits and a fixed seed).
    pub fn set_assistant_tuning(&mut self, limits: Limits, sampling: Sampling) {
        self.ai.limits = limits;
        self.ai.sampling = sampling;
        self.ai.cached = None;
    }

    /// The endpoint in use, or `None` when the assistant is off. A key the
    /// keyring cannot give is reported as `Err` beside it.
    fn ai_resolve(&self, stored: &Stored) -> AppResult<(Option<Resolved>, Option<String>)> {
        let o = self.ai.overrides.clone().unwrap_or_default();
        let source = if o.base_url.is_some() { AssistantSource::Environment } else { AssistantSource::Settings };
        let (Some(url), Some(model)) = (o.base_url.or(stored.base_url.clone()), o.model.or(stored.model.clone()))
        else {
            return Ok((None, None));
        };
        let (key, key_source, problem) = match o.key {
            Some(k) => (Some(k), Some(UriSource::Environment), None),
            None => match AI_KEY.read(&self.store.identity().device_id) {
                Ok(Some((k, s))) => (Some(k), Some(s), None),
                Ok(None) => (None, None, None),
                Err(e) => (None, None, Some(e.to_string())),
            },
        };
        let endpoint = Endpoint::new(&url, &model, key.and_then(ApiKey::new))?;
        Ok((Some(Resolved { endpoint, source, key_source }), problem))
    }

    /// Settings → Assistant: the endpoint, the model, whether a key is set,
    /// where they come from, the notice and the warning.
    pub fn assistant_view(&self) -> AppResult<AssistantView> {
        let stored = self.ai_stored()?;
        let (resolved, keyring_problem) = self.ai_resolve(&stored)?;
        let Some(r) = resolved else {
            return Ok(AssistantView {
                configured: false,
                base_url: stored.base_url,
                model: stored.model,
                key_set: false,
                key_source: None,
                source: None,
                local: false,
                host: None,
                plain_http_warning: None,
                notice: None,
                acknowledged: false,
                output_mode: None,
                keyring_problem,
            });
        };
        let e = &r.endpoint;
        let acknowledged = acknowledged(&r, &stored);
        Ok(AssistantView {
            configured: true,
            base_url: Some(e.base_url.clone()),
            model: Some(e.model.clone()),
            key_set: e.key.is_some(),
            key_source: r.key_source,
            source: Some(r.source),
            local: e.is_local(),
            host: Some(e.host().to_string()),
            plain_http_warning: e.is_plain_remote().then(|| plain_http_warning(e)),
            notice: (!e.is_local()).then(|| notice(e)),
            acknowledged,
            output_mode: stored.mode_seen,
            keyring_problem,
        })
    }

    /// Saves the endpoint and model (the key in the OS keyring). Nothing is
    /// asked of the server: the Test does that.
    pub fn set_assistant(&mut self, input: AssistantInput) -> AppResult<AssistantView> {
        if input.model.trim().is_empty() {
            return Err(AppError::invalid("model", "give the model's name as the server lists it (Test lists them)"));
        }
        let endpoint = Endpoint::new(&input.base_url, &input.model, None)?;
        let device = self.store.identity().device_id.clone();
        match input.key.as_deref().map(str::trim) {
            Some("") => forget_key(&device)?,
            Some(key) => AI_KEY.save(&device, key)?,
            None => {}
        }
        let mut stored = self.ai_stored()?;
        if stored.base_url.as_deref() != Some(endpoint.base_url.as_str()) {
            stored.mode_seen = None;
        }
        stored.base_url = Some(endpoint.base_url);
        stored.model = Some(endpoint.model);
        self.put_ai_stored(&stored)?;
        self.ai.cached = None;
        self.assistant_view()
    }

    /// Turns the assistant off: the saved endpoint and model go, and the key
    /// leaves the keyring.
    pub fn forget_assistant(&mut self) -> AppResult<AssistantView> {
        forget_key(&self.store.identity().device_id)?;
        self.put_ai_stored(&Stored::default())?;
        self.ai.cached = None;
        self.assistant_view()
    }

    /// Records that the learner read what will be sent to the endpoint's host
    /// (asked once per host).
    pub fn acknowledge_remote_assistant(&mut self) -> AppResult<AssistantView> {
        let mut stored = self.ai_stored()?;
        let (resolved, _) = self.ai_resolve(&stored)?;
        let r = resolved.ok_or_else(off)?;
        stored.acknowledged_host = Some(r.endpoint.host().to_ascii_lowercase());
        self.put_ai_stored(&stored)?;
        self.assistant_view()
    }

    /// The assistant to ask and the model it asks, checking that it is set up
    /// and that a non-local host was acknowledged. One client is kept per
    /// endpoint, starting from the output mode the server took before.
    pub(crate) fn ai_client(&mut self) -> AppResult<(Arc<Client>, String)> {
        let stored = self.ai_stored()?;
        let (resolved, _) = self.ai_resolve(&stored)?;
        let r = resolved.ok_or_else(off)?;
        if !acknowledged(&r, &stored) {
            return Err(AppError {
                code: ErrorCode::AssistantOff,
                message: format!(
                    "{} is not on this computer: read what will be sent there and confirm it in Settings → Assistant",
                    r.endpoint.host()
                ),
                field: Some("acknowledged".into()),
            });
        }
        let model = r.endpoint.model.clone();
        if let Some((e, client)) = &self.ai.cached
            && *e == r.endpoint
        {
            return Ok((client.clone(), model));
        }
        let http = OpenAiClient::new(r.endpoint.clone(), Timeouts::default())?;
        let mut client = Assistant::new(http, self.ai.limits).with_sampling(self.ai.sampling);
        if let Some(mode) = stored.mode_seen {
            client = client.with_mode(mode);
        }
        let client = Arc::new(client);
        self.ai.cached = Some((r.endpoint, client.clone()));
        Ok((client, model))
    }

    /// Keeps the output mode the server took, for `ai status` and the next start.
    pub(crate) fn note_output_mode(&mut self, mode: OutputMode) -> AppResult<()> {
        let mut stored = self.ai_stored()?;
        if stored.mode_seen != Some(mode) {
            stored.mode_seen = Some(mode);
            self.put_ai_stored(&stored)?;
        }
        Ok(())
    }

    /// The model name in use, when the assistant is set up.
    pub(crate) fn ai_model_name(&self) -> Option<String> {
        let stored = self.ai_stored().ok()?;
        self.ai_resolve(&stored).ok()?.0.map(|r| r.endpoint.model)
    }
}

/// Removes the key from the keyring; with no keyring there is no key to remove.
fn forget_key(device: &str) -> Result<(), SecretError> {
    match AI_KEY.forget(device) {
        Ok(()) | Err(SecretError::NoKeyring { .. }) => Ok(()),
        Err(e) => Err(e),
    }
}

fn acknowledged(r: &Resolved, stored: &Stored) -> bool {
    r.endpoint.is_local()
        || r.source == AssistantSource::Environment
        || stored.acknowledged_host.as_deref() == Some(r.endpoint.host().to_ascii_lowercase().as_str())
}

pub(crate) fn off() -> AppError {
    AppError {
        code: ErrorCode::AssistantOff,
        message: "the assistant is off: set an endpoint and a model in Settings → Assistant".into(),
        field: None,
    }
}

fn notice(e: &Endpoint) -> String {
    let key = if e.key.is_some() { ", with your API key," } else { "" };
    format!(
        "{} is not on this computer. Each request sends it{key} what the proposal is for: for a roadmap, the goal's \
         title, description, level, weekly hours, target date, what you say you already know and your note; for \
         questions, the goal's title and the step's title, description, skills and resource titles. Nothing else \
         of your data leaves this computer, and nothing is saved until you accept.",
        e.host()
    )
}

fn plain_http_warning(e: &Endpoint) -> String {
    format!(
        "{} is plain http to another machine: the requests{} and the replies cross the network unencrypted. Use https \
         if the server offers it.",
        e.base_url,
        if e.key.is_some() { ", your API key" } else { "" }
    )
}
