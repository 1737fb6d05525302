//! [`Model`] for every OpenAI-compatible server (Ollama, LM Studio, llama.cpp,
//! hosted APIs) over `reqwest` with rustls: `GET /models`, and
//! `POST /chat/completions` streamed as Server-Sent Events read by
//! [`SseParser`]. Connect and read timeouts come from [`Timeouts`]; replies are
//! cut at [`ChatRequest::max_reply_bytes`]; dropping a request's future closes
//! its connection.

mod failure;
mod wire;

use crate::config::{Endpoint, Timeouts};
use crate::error::{AiError, AiResult, ErrorKind};
use crate::model::{ChatRequest, Finish, Model, Reply};
use crate::sse::{DONE, SseParser};
use reqwest::header::{CONTENT_TYPE, RETRY_AFTER};

/// The most bytes of an error reply or a model list read.
const MAX_SMALL_BODY: usize = 1024 * 1024;
/// The most bytes of one stream line (a server that never ends a line is not the API).
const MAX_LINE: usize = 1024 * 1024;

/// A client of one OpenAI-compatible endpoint.
#[derive(Debug, Clone)]
pub struct OpenAiClient {
    endpoint: Endpoint,
    http: reqwest::Client,
}

impl OpenAiClient {
    /// A client of `endpoint` with `timeouts` (no request is made yet). A
    /// loopback endpoint is reached directly, whatever proxy the environment sets.
    pub fn new(endpoint: Endpoint, timeouts: Timeouts) -> AiResult<Self> {
        let builder = reqwest::Client::builder()
            .connect_timeout(timeouts.connect)
            .read_timeout(timeouts.read)
            .user_agent(concat!("Waymark/", env!("CARGO_PKG_VERSION")));
        let builder = if endpoint.is_local() { builder.no_proxy() } else { builder };
        let http = builder
            .build()
            .map_err(|e| AiError::new(ErrorKind::BadUrl, format!("the HTTP client could not be set up: {e}")))?;
        Ok(Self { endpoint, http })
    }

    /// The endpoint it talks to.
    pub fn endpoint(&self) -> &Endpoint {
        &self.endpoint
    }

    fn host(&self) -> &str {
        self.endpoint.authority()
    }

    async fn send(&self, request: reqwest::RequestBuilder, what: &str) -> AiResult<reqwest::Response> {
        let request = match &self.endpoint.key {
            Some(key) => request.bearer_auth(key.expose()),
            None => request,
        };
        let response = request.send().await.map_err(|e| failure::from_transport(&e, self.host()))?;
        let status = response.status().as_u16();
        if (200..300).contains(&status) {
            return Ok(response);
        }
        let retry_after = response.headers().get(RETRY_AFTER).and_then(|v| v.to_str().ok()).map(str::to_string);
        let body = read_small(response, self.host()).await.unwrap_or_default();
        Err(failure::from_status(status, retry_after.as_deref(), &body, what, &self.endpoint.model))
    }
}

impl Model for OpenAiClient {
    async fn models(&self) -> AiResult<Vec<String>> {
        let url = format!("{}/models", self.endpoint.base_url);
        let response = self.send(self.http.get(url), "the model list").await?;
        wire::decode_models(&read_small(response, self.host()).await?)
    }

    async fn chat(&self, request: &ChatRequest, on_delta: &mut (dyn FnMut(&str) + Send)) -> AiResult<Reply> {
        let url = format!("{}/chat/completions", self.endpoint.base_url);
        let body = wire::request_body(&self.endpoint.model, request, true);
        let response = self.send(self.http.post(url).json(&body), "the chat request").await?;
        let content_type = response.headers().get(CONTENT_TYPE).and_then(|v| v.to_str().ok()).unwrap_or("");
        let content_type = content_type.to_ascii_lowercase();
        if content_type.starts_with("application/json") {
            return whole_reply(response, request, self.host(), on_delta).await;
        }
        if !content_type.starts_with("text/event-stream") {
            return Err(AiError::new(
                ErrorKind::NotTheApi,
                format!(
                    "the server answered with \"{content_type}\", not a chat stream; this does not look like an \
                     OpenAI-compatible API (the address usually ends in /v1)"
                ),
            ));
        }
        stream_reply(response, request, self.host(), on_delta).await
    }
}

async fn stream_reply(
    mut response: reqwest::Response,
    request: &ChatRequest,
    host: &str,
    on_delta: &mut (dyn FnMut(&str) + Send),
) -> AiResult<Reply> {
    let mut parser = SseParser::new();
    let (mut text, mut deltas, mut finish, mut received) = (String::new(), 0, None, 0);
    loop {
        let chunk = match response.chunk().await {
            Ok(Some(chunk)) => chunk,
            Ok(None) => break,
            Err(e) => return Err(failure::mid_stream(&e, host, received)),
        };
        received += chunk.len();
        for data in parser.push(&chunk) {
            if data == DONE {
                return Ok(Reply { text, finish: finish.unwrap_or(Finish::Stop), deltas });
            }
            let piece = wire::decode_chunk(&data)?;
            if let Some(piece) = piece.text.filter(|t| !t.is_empty()) {
                text.push_str(&piece);
                deltas += 1;
                check_size(&text, request.max_reply_bytes)?;
                on_delta(&piece);
            }
            finish = piece.finish.or(finish);
        }
        if parser.buffered() > MAX_LINE {
            return Err(AiError::new(ErrorKind::NotTheApi, "the server sent a stream line longer than 1 MB"));
        }
    }
    match finish {
        Some(finish) => Ok(Reply { text, finish, deltas }),
        None => Err(failure::closed(host, received)),
    }
}

async fn whole_reply(
    response: reqwest::Response,
    request: &ChatRequest,
    host: &str,
    on_delta: &mut (dyn FnMut(&str) + Send),
) -> AiResult<Reply> {
    let body = read_small(response, host).await?;
    let chunk = wire::decode_completion(&body)?;
    let text = chunk.text.unwrap_or_default();
    check_size(&text, request.max_reply_bytes)?;
    if !text.is_empty() {
        on_delta(&text);
    }
    Ok(Reply { deltas: usize::from(!text.is_empty()), text, finish: chunk.finish.unwrap_or(Finish::Stop) })
}

fn check_size(text: &str, max: usize) -> AiResult<()> {
    if text.len() > max {
        return Err(AiError::new(
            ErrorKind::TooLarge,
            format!("the reply grew past {} KB, the most Waymark reads; ask for fewer items", max / 1024),
        ));
    }
    Ok(())
}

async fn read_small(mut response: reqwest::Response, host: &str) -> AiResult<String> {
    let mut body = Vec::new();
    while let Some(chunk) = response.chunk().await.map_err(|e| failure::mid_stream(&e, host, body.len()))? {
        body.extend_from_slice(&chunk);
        if body.len() > MAX_SMALL_BODY {
            return Err(AiError::new(ErrorKind::TooLarge, "the server's answer is larger than 1 MB"));
        }
    }
    Ok(String::from_utf8_lossy(&body).into_owned())
}
