//! The JSON of the OpenAI chat API: the request body, and the pieces of the
//! replies the client reads (a stream chunk, a whole completion, the model
//! list). Anything else in a reply is ignored; a reply without the pieces is
//! "not the API".

use crate::error::{AiError, AiResult, ErrorKind};
use crate::model::{ChatRequest, Finish, OutputMode};
use serde_json::{Value, json};

/// The body of `POST /chat/completions` for `model`.
pub(super) fn request_body(model: &str, request: &ChatRequest, stream: bool) -> Value {
    let mut body = json!({
        "model": model,
        "messages": request.messages,
        "stream": stream,
        "max_tokens": request.max_tokens,
    });
    if let Some(t) = request.temperature {
        body["temperature"] = json!(t);
    }
    if let Some(seed) = request.seed {
        body["seed"] = json!(seed);
    }
    match (request.mode, &request.schema) {
        (OutputMode::JsonSchema, Some(schema)) => {
            body["response_format"] = json!({
                "type": "json_schema",
                "json_schema": { "name": schema.name, "schema": schema.schema, "strict": true },
            });
        }
        (OutputMode::JsonSchema | OutputMode::JsonObject, _) => {
            body["response_format"] = json!({ "type": "json_object" });
        }
        (OutputMode::PromptOnly, _) => {}
    }
    body
}

/// What one stream chunk carries.
#[derive(Debug, Default, PartialEq, Eq)]
pub(super) struct Chunk {
    pub(super) text: Option<String>,
    pub(super) finish: Option<Finish>,
}

/// Reads one `data:` event of a stream.
pub(super) fn decode_chunk(data: &str) -> AiResult<Chunk> {
    let value: Value = serde_json::from_str(data)
        .map_err(|_| not_the_api(format!("a streamed event is not JSON: {}", excerpt(data))))?;
    if let Some(message) = error_message(&value) {
        return Err(AiError::new(ErrorKind::Server, format!("the server stopped with an error: {message}")));
    }
    let Some(choices) = value.get("choices").and_then(Value::as_array) else {
        return Err(not_the_api(format!("a streamed event has no \"choices\": {}", excerpt(data))));
    };
    let Some(choice) = choices.first() else { return Ok(Chunk::default()) };
    let text = choice.pointer("/delta/content").and_then(Value::as_str).map(str::to_string);
    Ok(Chunk { text, finish: finish_of(choice) })
}

/// Reads a whole (not streamed) completion: its text and why it stopped.
pub(super) fn decode_completion(body: &str) -> AiResult<Chunk> {
    let value: Value =
        serde_json::from_str(body).map_err(|_| not_the_api(format!("the reply is not JSON: {}", excerpt(body))))?;
    let Some(choice) = value.pointer("/choices/0") else {
        return Err(not_the_api(format!("the reply has no \"choices\": {}", excerpt(body))));
    };
    let text = choice.pointer("/message/content").and_then(Value::as_str).unwrap_or_default().to_string();
    Ok(Chunk { text: Some(text), finish: finish_of(choice).or(Some(Finish::Stop)) })
}

/// Reads the ids of `GET /models`.
pub(super) fn decode_models(body: &str) -> AiResult<Vec<String>> {
    let value: Value = serde_json::from_str(body)
        .map_err(|_| not_the_api(format!("the model list is not JSON: {}", excerpt(body))))?;
    let Some(data) = value.get("data").and_then(Value::as_array) else {
        return Err(not_the_api(format!("the model list has no \"data\": {}", excerpt(body))));
    };
    Ok(data.iter().filter_map(|m| m.get("id").and_then(Value::as_str)).map(str::to_string).collect())
}

/// The `error.message` (or `message`, or a string `error`) of an error reply.
pub(super) fn error_message(value: &Value) -> Option<String> {
    let error = value.get("error")?;
    let message = error.get("message").and_then(Value::as_str).or_else(|| error.as_str())?;
    Some(excerpt(message))
}

fn finish_of(choice: &Value) -> Option<Finish> {
    choice.get("finish_reason").and_then(Value::as_str).map(|reason| match reason {
        "stop" => Finish::Stop,
        "length" => Finish::Length,
        other => Finish::Other(other.to_string()),
    })
}

fn not_the_api(what: String) -> AiError {
    AiError::new(
        ErrorKind::NotTheApi,
        format!("{what}; this does not look like an OpenAI-compatible API (the address usually ends in /v1)"),
    )
}

/// At most 200 characters of `text`, on one line.
pub(super) fn excerpt(text: &str) -> String {
    let one_line: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    match one_line.char_indices().nth(200) {
        Some((at, _)) => format!("{}…", &one_line[..at]),
        None => one_line,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Message, Schema};

    fn request(mode: OutputMode) -> ChatRequest {
        ChatRequest {
            messages: vec![Message::system("s"), Message::user("u")],
            schema: Some(Schema { name: "roadmap", schema: json!({"type": "object"}) }),
            mode,
            max_tokens: 50,
            max_reply_bytes: 1000,
            temperature: Some(0.0),
            seed: Some(7),
        }
    }

    #[test]
    fn the_body_asks_for_the_mode() {
        let body = request_body("m", &request(OutputMode::JsonSchema), true);
        assert_eq!(body["response_format"]["type"], "json_schema");
        assert_eq!(body["response_format"]["json_schema"]["strict"], true);
        assert_eq!(body["messages"][0]["role"], "system");
        assert_eq!(body["seed"], 7);
        assert_eq!(request_body("m", &request(OutputMode::JsonObject), true)["response_format"]["type"], "json_object");
        assert!(request_body("m", &request(OutputMode::PromptOnly), true).get("response_format").is_none());
    }

    #[test]
    fn chunks_give_text_and_finish() {
        let c = decode_chunk(r#"{"choices":[{"delta":{"content":"hi"},"finish_reason":null}]}"#).unwrap();
        assert_eq!(c, Chunk { text: Some("hi".into()), finish: None });
        let c = decode_chunk(r#"{"choices":[{"delta":{},"finish_reason":"length"}]}"#).unwrap();
        assert_eq!(c.finish, Some(Finish::Length));
        assert_eq!(decode_chunk(r#"{"choices":[],"usage":{}}"#).unwrap(), Chunk::default());
        assert_eq!(decode_chunk("<html>").unwrap_err().kind, ErrorKind::NotTheApi);
        assert_eq!(decode_chunk(r#"{"foo":1}"#).unwrap_err().kind, ErrorKind::NotTheApi);
        let e = decode_chunk(r#"{"error":{"message":"context full"}}"#).unwrap_err();
        assert_eq!((e.kind, e.message.contains("context full")), (ErrorKind::Server, true));
    }

    #[test]
    fn whole_completions_and_model_lists_are_read() {
        let c = decode_completion(r#"{"choices":[{"message":{"content":"{}"},"finish_reason":"stop"}]}"#).unwrap();
        assert_eq!(c.text.as_deref(), Some("{}"));
        assert_eq!(decode_models(r#"{"data":[{"id":"a"},{"id":"b"}]}"#).unwrap(), ["a", "b"]);
        assert_eq!(decode_models("[]").unwrap_err().kind, ErrorKind::NotTheApi);
        assert_eq!(decode_models("Welcome to nginx").unwrap_err().kind, ErrorKind::NotTheApi);
    }

    #[test]
    fn excerpts_are_short_and_on_one_line() {
        assert_eq!(excerpt("a\n  b"), "a b");
        assert_eq!(excerpt(&"x".repeat(500)).chars().count(), 201);
    }
}
