//! Running the CLI as a real process with an environment of the test's
//! choosing (the sync and assistant tests give their servers this way).

use serde_json::Value;
use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

/// Variables of the caller's environment a test never inherits.
const CLEARED: [&str; 5] =
    ["WAYMARK_SYNC_URI", "WAYMARK_SYNC_DB", "WAYMARK_AI_URL", "WAYMARK_AI_MODEL", "WAYMARK_AI_KEY"];

/// Runs `waymark ARGS` on `dir` with `env` (and nothing of the caller's
/// sync or assistant settings), writing `stdin` to it.
pub fn run(dir: &Path, env: &[(&str, &str)], args: &[&str], stdin: Option<&str>) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_waymark"));
    cmd.args(args).env("WAYMARK_DATA_DIR", dir);
    for var in CLEARED {
        cmd.env_remove(var);
    }
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::piped());
    let mut child = cmd.spawn().unwrap();
    if let Some(text) = stdin {
        child.stdin.take().unwrap().write_all(text.as_bytes()).unwrap();
    }
    drop(child.stdin.take());
    child.wait_with_output().unwrap()
}

/// Runs a command that must succeed and print JSON.
pub fn ok(dir: &Path, env: &[(&str, &str)], args: &[&str]) -> Value {
    let out = run(dir, env, args, None);
    assert!(out.status.success(), "{args:?} failed: {}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{args:?} printed no JSON ({e}): {}", String::from_utf8_lossy(&out.stdout)))
}

/// Runs a command that must fail; returns its stderr.
pub fn fails(dir: &Path, env: &[(&str, &str)], args: &[&str]) -> String {
    let out = run(dir, env, args, None);
    assert!(!out.status.success(), "{args:?} should fail");
    String::from_utf8(out.stderr).unwrap()
}
