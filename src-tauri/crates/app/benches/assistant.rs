//! The assistant's overhead on top of the model server, against the real
//! llama.cpp server of `waymark-test-ai` (SmolLM2-135M, one slot):
//!
//! - a roadmap proposal through the facade (`ai::propose_roadmap`: the brief
//!   from the store, the prompt, the client, the stream parser, validation
//!   and the preview with its plan) — time to the first streamed text and
//!   total time — beside a bare `reqwest` POST of the very same request body
//!   (recorded from the facade by a one-shot loopback listener), read as a
//!   stream the same way, in the same run, runs interleaved. Target: first
//!   text within 1.1× the bare call + 20 ms.
//! - validation and preview of a 30-step proposal (`parse_roadmap`, then
//!   `preview_plan` re-planning a goal of the heavy profile). Target < 5 ms.
//!
//! Run: `cargo bench -p waymark-app --bench assistant` (needs `make deps-ai`).

use chrono::{TimeZone, Utc};
use serde_json::{Value, json};
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpListener;
use std::time::{Duration, Instant};
use waymark_app::ai::{self, AcceptMode, AssistantOverride, Limits, Sampling};
use waymark_app::{App, FixedClock, SharedApp};
use waymark_assistant::{Finish, parse_roadmap};
use waymark_core::goal::GoalInput;
use waymark_profiles::heavy;
use waymark_profiles::timing::median;

/// Proposals timed per path.
const RUNS: usize = 7;

fn main() {
    if std::env::args().any(|a| a == "--list") {
        println!("assistant: bench");
        return;
    }
    let now = Utc.with_ymd_and_hms(2026, 3, 2, 12, 0, 0).unwrap();
    overhead(now);
    validation_and_preview(now);
}

fn overhead(now: chrono::DateTime<Utc>) {
    let server = waymark_test_ai::start(1);
    println!("llama.cpp server (SmolLM2-135M, 1 slot) started in {:.1?}", server.started_in);
    let runtime = tokio::runtime::Builder::new_multi_thread().worker_threads(1).enable_all().build().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let mut app = App::open(dir.path(), Box::new(FixedClock { now, zone: chrono_tz::Tz::UTC })).unwrap();
    let input = GoalInput { title: "Learn Kubernetes".into(), hours_per_week: 5.0, ..GoalInput::default() };
    let goal_id = app.create_goal(input, None).unwrap().goal.id.to_string();
    let limits = Limits { max_steps: 2, max_tokens: 900, max_text_chars: Some(32), ..Limits::default() };
    app.set_assistant_tuning(limits, Sampling { temperature: Some(0.0), seed: Some(7) });
    let shared = SharedApp::new(app);
    let point = |url: &str| {
        shared
            .with(|app| {
                app.set_assistant_override(Some(AssistantOverride {
                    base_url: Some(url.into()),
                    model: Some(server.model.clone()),
                    key: Some(server.key.clone()),
                }));
                Ok(())
            })
            .unwrap();
    };

    // The request the facade sends, recorded by a listener that then refuses it.
    let (recorder_url, recorded) = record_one_request();
    point(&recorder_url);
    let refused = runtime.block_on(ai::propose_roadmap(&shared, &goal_id, "Docker", None, &mut |_| {}));
    assert!(refused.is_err(), "the recorder answers with an error");
    let body = recorded.join().unwrap();
    point(&server.url);

    let facade = || {
        runtime.block_on(async {
            let started = Instant::now();
            let mut first = None;
            let preview = ai::propose_roadmap(&shared, &goal_id, "Docker", None, &mut |_| {
                first.get_or_insert_with(|| started.elapsed());
            })
            .await
            .expect("a proposal");
            assert!(!preview.steps.is_empty() || !preview.problems.is_empty());
            (first.expect("streamed text"), started.elapsed())
        })
    };
    let http = reqwest::Client::builder().no_proxy().build().unwrap();
    let url = format!("{}/chat/completions", server.url);
    let bare = || {
        runtime.block_on(async {
            let started = Instant::now();
            let mut response = http
                .post(&url)
                .bearer_auth(&server.key)
                .header("content-type", "application/json")
                .body(body.clone())
                .send()
                .await
                .unwrap();
            assert!(response.status().is_success(), "{}", response.status());
            let (mut first, mut pending) = (None, String::new());
            while let Some(chunk) = response.chunk().await.unwrap() {
                pending.push_str(&String::from_utf8_lossy(&chunk));
                while let Some(end) = pending.find('\n') {
                    let line: String = pending.drain(..=end).collect();
                    if first.is_none() && has_text(&line) {
                        first = Some(started.elapsed());
                    }
                }
            }
            (first.expect("streamed text"), started.elapsed())
        })
    };

    // A warm-up of each (the server caches the prompt), then interleaved runs.
    facade();
    bare();
    let (mut facade_first, mut facade_total, mut bare_first, mut bare_total) = (vec![], vec![], vec![], vec![]);
    for _ in 0..RUNS {
        let (f, t) = facade();
        facade_first.push(f);
        facade_total.push(t);
        let (f, t) = bare();
        bare_first.push(f);
        bare_total.push(t);
    }
    let (ff, ft, bf, bt) = (median(facade_first), median(facade_total), median(bare_first), median(bare_total));
    println!("roadmap proposal, {RUNS} runs each, medians (request body {} bytes):", body.len());
    println!("  first streamed text: facade {}  bare reqwest {}  ratio {:.2}", ms(ff), ms(bf), ratio(ff, bf));
    println!("  whole proposal:      facade {}  bare reqwest {}  ratio {:.2}", ms(ft), ms(bt), ratio(ft, bt));
    let limit = bf.mul_f64(1.1) + Duration::from_millis(20);
    println!(
        "  target: first text ≤ 1.1 × bare + 20 ms = {} — {}",
        ms(limit),
        if ff <= limit { "met" } else { "MISSED" }
    );
}

fn validation_and_preview(now: chrono::DateTime<Utc>) {
    let dir = tempfile::tempdir().unwrap();
    heavy::build(&dir.path().join("store"), heavy::Scale::HEAVY, now);
    let app = App::open(dir.path(), Box::new(FixedClock { now, zone: chrono_tz::Tz::UTC })).unwrap();
    let goal_id = app.list_goals().unwrap()[0].goal.id.to_string();
    let steps: Vec<Value> = (0..30)
        .map(|i| {
            json!({ "title": format!("Step {i}: a topic of the goal"), "duration": "1-2 weeks",
                    "description": "What this step covers, in a sentence or two.", "skills": ["a skill", "another"],
                    "resources": [{ "title": "The official guide", "url": format!("https://example.org/guide/{i}") }] })
        })
        .collect();
    let text = json!({ "steps": steps }).to_string();
    let (mut parse, mut preview, mut both) = (vec![], vec![], vec![]);
    for _ in 0..50 {
        let started = Instant::now();
        let proposal = parse_roadmap(&text, &Finish::Stop, 40);
        let parsed = started.elapsed();
        assert_eq!(proposal.steps.len(), 30, "{:?}", proposal.problems);
        let inputs = proposal.steps.into_iter().map(|p| p.value).collect();
        let planned = Instant::now();
        app.preview_plan(&goal_id, inputs, AcceptMode::Append).unwrap();
        preview.push(planned.elapsed());
        parse.push(parsed);
        both.push(started.elapsed());
    }
    println!("a 30-step proposal on the heavy profile, 50 runs, medians:");
    println!(
        "  validation {}  preview with its plan {}  together {}   target < 5 ms",
        ms(median(parse)),
        ms(median(preview)),
        ms(median(both))
    );
}

/// Whether a stream line carries text, as the client reads it.
fn has_text(line: &str) -> bool {
    let Some(data) = line.trim().strip_prefix("data:") else { return false };
    serde_json::from_str::<Value>(data.trim())
        .ok()
        .and_then(|v| v.pointer("/choices/0/delta/content").and_then(Value::as_str).map(|t| !t.is_empty()))
        .unwrap_or(false)
}

/// A loopback listener that reads one HTTP request, answers 500, and hands back its body.
fn record_one_request() -> (String, std::thread::JoinHandle<Vec<u8>>) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}/v1", listener.local_addr().unwrap());
    let handle = std::thread::spawn(move || {
        let (stream, _) = listener.accept().unwrap();
        let mut reader = BufReader::new(stream);
        let mut length = 0;
        loop {
            let mut line = String::new();
            reader.read_line(&mut line).unwrap();
            if line == "\r\n" || line.is_empty() {
                break;
            }
            if let Some((name, value)) = line.split_once(':')
                && name.eq_ignore_ascii_case("content-length")
            {
                length = value.trim().parse().unwrap();
            }
        }
        let mut body = vec![0; length];
        reader.read_exact(&mut body).unwrap();
        let answer = r#"{"error":{"message":"recorded"}}"#;
        let reply = format!(
            "HTTP/1.1 500 Internal Server Error\r\ncontent-type: application/json\r\ncontent-length: {}\r\nconnection: close\r\n\r\n{answer}",
            answer.len()
        );
        reader.get_mut().write_all(reply.as_bytes()).unwrap();
        body
    });
    (url, handle)
}

fn ms(d: Duration) -> String {
    format!("{:.1} ms", d.as_secs_f64() * 1000.0)
}

fn ratio(a: Duration, b: Duration) -> f64 {
    a.as_secs_f64() / b.as_secs_f64()
}
