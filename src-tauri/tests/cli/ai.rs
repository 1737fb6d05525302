//! `waymark ai …` as a real process, the endpoint in `WAYMARK_AI_URL`,
//! `WAYMARK_AI_MODEL` and `WAYMARK_AI_KEY`, against the real llama.cpp server
//! of `waymark-test-ai`: the status with the key redacted, a roadmap printed
//! without `--accept` (nothing written) and written with `--accept append`,
//! and a refused port failing with one line.

use crate::process::{fails, ok, run};
use serde_json::Value;
use std::net::TcpListener;
use std::path::Path;
use waymark_test_ai::shared;

/// Small bounds and a fixed seed: a 135M model on a shared CPU. The token
/// limit leaves room for the schema's widest step (eight skills, five
/// resources with their URLs), so the reply is never cut off.
const SMALL: [&str; 10] =
    ["--max-steps", "1", "--max-tokens", "900", "--max-text", "32", "--temperature", "0", "--seed", "7"];

fn goal(dir: &Path) -> String {
    let goal = ok(dir, &[], &["goal", "add", "--title", "Learn Go", "--json"]);
    goal["id"].as_str().unwrap().to_string()
}

/// What a proposal could have written: the goals and the goal's plan.
fn written(dir: &Path, id: &str) -> (Value, Value) {
    (ok(dir, &[], &["goal", "list", "--json"]), ok(dir, &[], &["plan", id, "--json"]))
}

#[test]
fn status_shows_the_environment_setup_with_the_key_redacted() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let off = ok(d, &[], &["ai", "status", "--json"]);
    assert_eq!(off["configured"], false);
    let env =
        [("WAYMARK_AI_URL", "http://127.0.0.1:9/v1"), ("WAYMARK_AI_MODEL", "tiny"), ("WAYMARK_AI_KEY", "sk-secret-77")];
    let v = ok(d, &env, &["ai", "status", "--json"]);
    assert_eq!((v["configured"].clone(), v["source"].clone()), (Value::Bool(true), "environment".into()));
    assert_eq!((v["key_set"].clone(), v["key_source"].clone()), (Value::Bool(true), "environment".into()));
    assert_eq!((v["model"].clone(), v["local"].clone()), ("tiny".into(), Value::Bool(true)));
    for args in [&["ai", "status", "--json"][..], &["ai", "status"][..]] {
        let out = run(d, &env, args, None);
        let all = format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
        assert!(out.status.success() && !all.contains("sk-secret-77"), "{all}");
    }
}

#[test]
fn a_roadmap_is_printed_without_accept_and_written_with_accept_append() {
    let server = shared();
    let env = [
        ("WAYMARK_AI_URL", server.url.as_str()),
        ("WAYMARK_AI_MODEL", server.model.as_str()),
        ("WAYMARK_AI_KEY", server.key.as_str()),
    ];
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let id = goal(d);
    let before = written(d, &id);
    let preview = ok(d, &env, &[&["ai", "roadmap", id.as_str(), "--json"][..], &SMALL[..]].concat());
    assert!(!preview["steps"].as_array().unwrap().is_empty() && preview["problems"].is_array(), "{preview}");
    assert!(preview["replace"]["outlook"].is_object() && preview["accepted"].is_null(), "{preview}");
    assert_eq!(written(d, &id), before, "nothing is written without --accept");
    let args = [&["ai", "roadmap", id.as_str(), "--accept", "append", "--json"][..], &SMALL[..]].concat();
    let accepted = ok(d, &env, &args);
    let steps = accepted["steps"].as_array().unwrap();
    assert_eq!(accepted["accepted"]["steps"].as_array().unwrap().len(), steps.len(), "{accepted}");
    let list = ok(d, &[], &["goal", "list", "--json"]);
    assert_eq!(list[0]["step_count"].as_u64().unwrap() as usize, steps.len());
    assert!(!steps.is_empty());
}

#[test]
fn a_refused_port_fails_with_one_line_and_writes_nothing() {
    let port = TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let url = format!("http://127.0.0.1:{port}/v1");
    let env = [("WAYMARK_AI_URL", url.as_str()), ("WAYMARK_AI_MODEL", "tiny")];
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let id = goal(d);
    let before = written(d, &id);
    for args in [&["ai", "test"][..], &["ai", "roadmap", id.as_str(), "--accept", "replace", "--json"][..]] {
        let err = fails(d, &env, args);
        assert_eq!(err.trim_end().lines().count(), 1, "one line on stderr: {err}");
        assert!(err.contains("connection refused") && err.contains(&port.to_string()), "{err}");
    }
    assert_eq!(written(d, &id), before);
}
