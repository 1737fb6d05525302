//! Where the assistant's model lives and how much it may send and take back.
//!
//! The key is an [`ApiKey`], whose `Debug` and `Display` print `***`: a
//! configuration can be logged, shown in `ai status` or put in an error
//! without the key leaking. The facade loads it from the OS keyring (or
//! `WAYMARK_AI_KEY`); nothing here writes it anywhere.

use crate::error::{AiError, AiResult, ErrorKind};
use std::fmt;
use std::time::Duration;

/// An API key, sent only as a bearer token and never printed.
#[derive(Clone, PartialEq, Eq)]
pub struct ApiKey(String);

impl ApiKey {
    /// Wraps a key; `None` when it is blank.
    pub fn new(key: impl Into<String>) -> Option<Self> {
        let key = key.into().trim().to_string();
        (!key.is_empty()).then_some(Self(key))
    }

    /// The key itself, for the `Authorization` header only.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for ApiKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("ApiKey(***)")
    }
}

impl fmt::Display for ApiKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("***")
    }
}

/// An OpenAI-compatible endpoint: `…/v1`, a model name, an optional key.
#[derive(Clone, PartialEq, Eq)]
pub struct Endpoint {
    /// The API base, e.g. `http://127.0.0.1:11434/v1` (no trailing slash).
    pub base_url: String,
    /// The model to ask, as the server names it.
    pub model: String,
    /// The bearer token, when the server wants one.
    pub key: Option<ApiKey>,
}

impl Endpoint {
    /// Checks the address (http or https with a host) and trims a trailing `/`.
    pub fn new(base_url: &str, model: &str, key: Option<ApiKey>) -> AiResult<Self> {
        let base_url = base_url.trim().trim_end_matches('/').to_string();
        if waymark_core::roadmap::validate_url(&base_url).is_err() {
            return Err(AiError::new(
                ErrorKind::BadUrl,
                format!("\"{base_url}\" is not an endpoint address; give one like http://127.0.0.1:11434/v1"),
            ));
        }
        Ok(Self { base_url, model: model.trim().to_string(), key })
    }

    /// `host:port` as the address gives it (without user info), for messages.
    pub fn authority(&self) -> &str {
        let rest = self.base_url.split_once("://").map_or(self.base_url.as_str(), |(_, r)| r);
        let authority = rest.split('/').next().unwrap_or(rest);
        authority.rsplit_once('@').map_or(authority, |(_, h)| h)
    }

    /// The host the requests go to (without scheme, port or path).
    pub fn host(&self) -> &str {
        let authority = self.authority();
        if let Some(v6) = authority.strip_prefix('[') {
            return v6.split(']').next().unwrap_or(v6);
        }
        authority.split(':').next().unwrap_or(authority)
    }

    /// Whether the endpoint is on this machine (loopback): nothing leaves it.
    pub fn is_local(&self) -> bool {
        let host = self.host().to_ascii_lowercase();
        host == "localhost" || host == "::1" || host.starts_with("127.")
    }

    /// Whether requests would cross the network unencrypted (plain http to
    /// another machine): the settings warn about it.
    pub fn is_plain_remote(&self) -> bool {
        !self.is_local() && self.base_url.to_ascii_lowercase().starts_with("http://")
    }
}

impl fmt::Debug for Endpoint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Endpoint")
            .field("base_url", &self.base_url)
            .field("model", &self.model)
            .field("key", &self.key.as_ref().map(|_| "***"))
            .finish()
    }
}

impl fmt::Display for Endpoint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let key = if self.key.is_some() { "key ***" } else { "no key" };
        write!(f, "{} (model {}, {key})", self.base_url, self.model)
    }
}

/// A local server the settings offer, with its default loopback address.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, ts_rs::TS)]
pub struct Preset {
    /// The server's name.
    pub name: &'static str,
    /// Its API base on this machine.
    pub base_url: &'static str,
}

/// The presets of Settings → Assistant ("other" is any address).
pub const PRESETS: [Preset; 3] = [
    Preset { name: "Ollama", base_url: "http://127.0.0.1:11434/v1" },
    Preset { name: "LM Studio", base_url: "http://127.0.0.1:1234/v1" },
    Preset { name: "llama.cpp", base_url: "http://127.0.0.1:8080/v1" },
];

/// Network timeouts of the client.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Timeouts {
    /// To open the connection (TCP and TLS).
    pub connect: Duration,
    /// Between two reads: the first token and every later chunk must arrive
    /// within it.
    pub read: Duration,
}

impl Default for Timeouts {
    fn default() -> Self {
        Self { connect: Duration::from_secs(10), read: Duration::from_secs(120) }
    }
}

/// What the assistant sends and accepts at most.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// The context budget in tokens (estimated at [`CHARS_PER_TOKEN`]
    /// characters each): the learner's fields are cut to fit.
    pub context_tokens: usize,
    /// `max_tokens` of every request: the longest reply the model may write.
    pub max_tokens: u32,
    /// The most bytes of reply text read; the request stops past it.
    pub max_reply_bytes: usize,
    /// The most steps a roadmap proposal may have.
    pub max_steps: usize,
    /// The most questions of one request.
    pub max_questions: usize,
    /// When set, the schema caps every text field at this many characters
    /// (`maxLength`): small local models then cannot ramble past
    /// `max_tokens`. Off by default, since not every server takes `maxLength`.
    pub max_text_chars: Option<usize>,
}

/// Characters per token in the context estimate.
pub const CHARS_PER_TOKEN: usize = 4;

impl Default for Limits {
    fn default() -> Self {
        Self {
            context_tokens: 3_000,
            max_tokens: 4_096,
            max_reply_bytes: 256 * 1024,
            max_steps: 40,
            max_questions: 20,
            max_text_chars: None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_key_is_never_printed() {
        let e = Endpoint::new("http://127.0.0.1:8080/v1/", "m", ApiKey::new("sk-secret")).unwrap();
        assert_eq!(e.base_url, "http://127.0.0.1:8080/v1");
        for text in [format!("{e:?}"), format!("{e}"), format!("{:?}", e.key), format!("{}", e.key.clone().unwrap())] {
            assert!(!text.contains("sk-secret"), "{text}");
        }
        assert_eq!(e.key.unwrap().expose(), "sk-secret");
        assert_eq!(ApiKey::new("  "), None);
    }

    #[test]
    fn presets_are_local_endpoints() {
        for p in PRESETS {
            assert!(Endpoint::new(p.base_url, "m", None).unwrap().is_local(), "{}", p.name);
        }
    }

    #[test]
    fn local_and_plain_remote_endpoints_are_told_apart() {
        let at = |url: &str| Endpoint::new(url, "m", None).unwrap();
        assert!(at("http://127.0.0.1:11434/v1").is_local());
        assert!(at("http://localhost:1234/v1").is_local());
        assert!(at("http://[::1]:8080/v1").is_local());
        assert!(at("http://192.168.1.9:8080/v1").is_plain_remote());
        assert!(!at("https://api.example.org/v1").is_plain_remote());
        assert_eq!(at("https://user@api.example.org:443/v1").host(), "api.example.org");
        assert_eq!(at("https://user@api.example.org:443/v1").authority(), "api.example.org:443");
        assert_eq!(Endpoint::new("ftp://x", "m", None).unwrap_err().kind, ErrorKind::BadUrl);
    }
}
