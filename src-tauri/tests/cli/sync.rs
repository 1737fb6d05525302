//! Sync through the CLI, as a learner with two desktops uses it: two data
//! dirs, one real MongoDB-wire server (`polodb serve`, its own temp dir and
//! free loopback port), the connection string from the environment or the
//! OS keyring (a private D-Bus session with GNOME Keyring).

use crate::process::{fails, ok, run};
use serde_json::Value;
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};
use tempfile::TempDir;

/// A `polodb serve` process on its own data dir and port.
struct Server {
    child: Option<Child>,
    dir: TempDir,
    port: u16,
}

fn polodb_binary() -> PathBuf {
    let from_path = std::env::var_os("PATH")
        .into_iter()
        .flat_map(|p| std::env::split_paths(&p).collect::<Vec<_>>())
        .map(|d| d.join("polodb"))
        .find(|p| p.is_file());
    let cargo_bin = std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo/bin/polodb"));
    from_path.or(cargo_bin.filter(|p| p.is_file())).unwrap_or_else(|| {
        panic!("the polodb wire server is missing: install it with `cargo install polodb --locked` (make test does)")
    })
}

impl Server {
    fn start() -> Self {
        let port = TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
        let mut server = Self { child: None, dir: tempfile::tempdir().unwrap(), port };
        server.restart();
        server
    }

    fn restart(&mut self) {
        let child = Command::new(polodb_binary())
            .args(["serve", "--path"])
            .arg(self.dir.path().join("db"))
            .args(["--host", "127.0.0.1", "--port", &self.port.to_string()])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        self.child = Some(child);
        let deadline = Instant::now() + Duration::from_secs(20);
        while TcpStream::connect(("127.0.0.1", self.port)).is_err() {
            assert!(Instant::now() < deadline, "polodb serve did not start on port {}", self.port);
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    fn stop(&mut self) {
        if let Some(mut child) = self.child.take() {
            child.kill().unwrap();
            child.wait().unwrap();
        }
    }

    fn uri(&self) -> String {
        format!("mongodb://127.0.0.1:{}/", self.port)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.stop();
    }
}

fn goal_titles(dir: &Path) -> Vec<(String, String)> {
    let list = ok(dir, &[], &["goal", "list", "--json"]);
    let mut out: Vec<(String, String)> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|g| (g["title"].as_str().unwrap().to_string(), g["status"].as_str().unwrap().to_string()))
        .collect();
    out.sort();
    out
}

#[test]
fn two_desktops_share_one_plan_and_conflicts_are_kept() {
    let server = Server::start();
    let uri = server.uri();
    let env = [("WAYMARK_SYNC_URI", uri.as_str()), ("WAYMARK_SYNC_DB", "waymark")];
    let (a_dir, b_dir) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let (a, b) = (a_dir.path(), b_dir.path());

    let goal = ok(a, &[], &["goal", "add", "--title", "Learn Rust", "--template", "rust", "--json"]);
    let goal_id = goal["id"].as_str().unwrap().to_string();
    let off = ok(a, &env, &["sync", "status", "--json"]);
    assert_eq!(off["enabled"], false);
    assert_eq!(off["uri_source"], "environment");
    assert!(!off["uri"].as_str().unwrap().is_empty());

    let on = ok(a, &env, &["sync", "on", "--json"]);
    assert_eq!(on["enabled"], true);
    assert!(on["pending"].as_u64().unwrap() > 10, "everything waits for the first push: {on}");
    let first = ok(a, &env, &["sync", "now", "--json"]);
    assert!(first["pushed"].as_u64().unwrap() > 10, "{first}");
    let status = ok(a, &env, &["sync", "status", "--json"]);
    assert_eq!(status["pending"], 0);
    assert!(status["last_success"].is_string() && status["last_error"].is_null(), "{status}");

    ok(b, &env, &["sync", "on", "--json"]);
    let pulled = ok(b, &env, &["sync", "now", "--json"]);
    assert!(pulled["pulled"].as_u64().unwrap() > 10, "{pulled}");
    assert_eq!(goal_titles(b), vec![("Learn Rust".to_string(), "active".to_string())]);

    let today_b = ok(b, &[], &["today", "--json"]);
    let task = today_b["tasks"][0]["id"].as_str().unwrap().to_string();
    let date = today_b["date"].as_str().unwrap().to_string();
    assert!(run(b, &[], &["task", "done", &task], None).status.success());
    ok(b, &env, &["sync", "now", "--json"]);
    ok(a, &env, &["sync", "now", "--json"]);
    let today_a = ok(a, &[], &["today", "--date", &date, "--json"]);
    let done = today_a["tasks"].as_array().unwrap().iter().find(|t| t["id"] == task.as_str()).unwrap();
    assert_eq!(done["status"], "done", "B's completion reached A");

    assert!(run(a, &[], &["goal", "status", &goal_id, "paused"], None).status.success());
    std::thread::sleep(Duration::from_millis(5));
    assert!(run(b, &[], &["goal", "status", &goal_id, "archived"], None).status.success());
    ok(a, &env, &["sync", "now", "--json"]);
    let b_run = ok(b, &env, &["sync", "now", "--json"]);
    ok(a, &env, &["sync", "now", "--json"]);
    assert_eq!(goal_titles(a), goal_titles(b), "both desktops converge");
    assert_eq!(goal_titles(b)[0].1, "archived", "the newer change wins");
    let conflicts_a = ok(a, &[], &["conflicts", "list", "--json"]);
    let conflicts_b = ok(b, &[], &["conflicts", "list", "--json"]);
    let all: Vec<&Value> = conflicts_a.as_array().unwrap().iter().chain(conflicts_b.as_array().unwrap()).collect();
    assert_eq!(all.len(), 1, "the losing version is kept once: {all:?} (B's run: {b_run})");
    let lost = all[0];
    assert_eq!(lost["collection"], "goals");
    let status_row = lost["differences"].as_array().unwrap().iter().find(|d| d["field"] == "status").unwrap();
    assert_eq!((status_row["kept"].as_str(), status_row["other"].as_str()), (Some("archived"), Some("paused")));

    let holder = if conflicts_a.as_array().unwrap().is_empty() { b } else { a };
    let id = lost["id"].as_str().unwrap();
    let left = ok(holder, &[], &["conflicts", "restore", id, "--json"]);
    assert_eq!(left, Value::Array(vec![]));
    ok(holder, &env, &["sync", "now", "--json"]);
    for d in [a, b] {
        ok(d, &env, &["sync", "now", "--json"]);
    }
    assert_eq!(goal_titles(a), vec![("Learn Rust".to_string(), "paused".to_string())], "the restored version won");
    assert_eq!(goal_titles(b), goal_titles(a));

    let log = ok(a, &[], &["sync", "log", "--json"]);
    assert!(log.as_array().unwrap().len() >= 4 && log[0]["error"].is_null(), "{log}");
    let wiped = ok(a, &env, &["sync", "delete-remote", "--yes", "--json"]);
    assert!(wiped["removed"].as_u64().unwrap() > 10, "{wiped}");
    assert_eq!(ok(a, &env, &["sync", "status", "--json"])["enabled"], false);
    assert_eq!(goal_titles(a).len(), 1, "this desktop keeps its data");
}

#[test]
fn offline_changes_wait_and_go_out_when_the_server_is_back() {
    let mut server = Server::start();
    let uri = server.uri();
    let env = [("WAYMARK_SYNC_URI", uri.as_str())];
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    ok(d, &env, &["sync", "on", "--json"]);
    ok(d, &env, &["sync", "now", "--json"]);

    server.stop();
    ok(d, &[], &["goal", "add", "--title", "Offline goal", "--json"]);
    let err = fails(d, &env, &["sync", "now", "--json"]);
    assert_eq!(err.trim_end().lines().count(), 1, "one line: {err}");
    let status = ok(d, &env, &["sync", "status", "--json"]);
    assert!(status["pending"].as_u64().unwrap() >= 1, "the change waits: {status}");
    assert!(status["last_error"].is_string(), "{status}");
    let log = ok(d, &[], &["sync", "log", "--json"]);
    assert!(log[0]["error"].is_string(), "the failed run is logged: {log}");

    server.restart();
    let report = ok(d, &env, &["sync", "now", "--json"]);
    assert!(report["pushed"].as_u64().unwrap() >= 1, "{report}");
    let status = ok(d, &env, &["sync", "status", "--json"]);
    assert_eq!(status["pending"], 0);
    assert!(status["last_error"].is_null());

    let other = tempfile::tempdir().unwrap();
    ok(other.path(), &env, &["sync", "on", "--json"]);
    ok(other.path(), &env, &["sync", "now", "--json"]);
    assert_eq!(goal_titles(other.path()), vec![("Offline goal".to_string(), "active".to_string())]);
}

#[test]
fn delete_all_with_sync_on_also_empties_the_remote() {
    let server = Server::start();
    let uri = server.uri();
    let env = [("WAYMARK_SYNC_URI", uri.as_str())];
    let (a_dir, b_dir) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let (a, b) = (a_dir.path(), b_dir.path());
    ok(a, &[], &["goal", "add", "--title", "Learn Go", "--json"]);
    ok(a, &env, &["sync", "on", "--json"]);
    ok(a, &env, &["sync", "now", "--json"]);
    assert!(fails(a, &env, &["delete-all", "--confirm", "yes"]).contains("nothing was deleted"));
    assert_eq!(goal_titles(a).len(), 1);
    let deleted = ok(a, &env, &["delete-all", "--confirm", "delete my data", "--json"]);
    assert!(deleted["total"].as_u64().unwrap() > 0, "{deleted}");
    assert_eq!(goal_titles(a), vec![], "nothing left here");
    ok(b, &env, &["sync", "on", "--json"]);
    ok(b, &env, &["sync", "now", "--json"]);
    assert_eq!(goal_titles(b), vec![], "nothing left on the remote either");
}

#[test]
fn turning_sync_on_against_nothing_says_why_and_changes_nothing() {
    let closed = TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let refused = format!("mongodb://127.0.0.1:{closed}/?serverSelectionTimeoutMS=1500");
    let err = fails(d, &[("WAYMARK_SYNC_URI", refused.as_str())], &["sync", "on"]);
    assert!(err.to_lowercase().contains("refused") || err.contains("reach"), "{err}");
    let bad = fails(d, &[("WAYMARK_SYNC_URI", "postgres://nope")], &["sync", "on"]);
    assert!(bad.contains("uri"), "{bad}");
    let secret = "mongodb://ann:hunter2@127.0.0.1:1/?serverSelectionTimeoutMS=500";
    let err = fails(d, &[("WAYMARK_SYNC_URI", secret)], &["sync", "on"]);
    assert!(!err.contains("hunter2"), "no password in errors: {err}");
    let status = ok(d, &[("WAYMARK_SYNC_URI", secret)], &["sync", "status", "--json"]);
    assert_eq!(status["enabled"], false);
    assert!(!status.to_string().contains("hunter2"), "no password in the status: {status}");
    assert!(fails(d, &[], &["sync", "now"]).contains("sync is off"));
}

/// Runs `script` in a private D-Bus session with an unlocked GNOME Keyring and
/// a throwaway HOME; returns its output.
fn in_keyring_session(script: &str, data_dir: &Path) -> Output {
    let home = tempfile::tempdir().unwrap();
    let full = format!(
        "set -e\neval \"$(printf waymark-test | gnome-keyring-daemon --unlock --components=secrets | sed 's/^/export /')\"\n{script}"
    );
    Command::new("dbus-run-session")
        .args(["--", "bash", "-c", &full])
        .env("HOME", home.path())
        .env("WAYMARK", env!("CARGO_BIN_EXE_waymark"))
        .env("WAYMARK_DATA_DIR", data_dir)
        .env_remove("WAYMARK_SYNC_URI")
        .env_remove("XDG_DATA_HOME")
        .output()
        .unwrap_or_else(|e| panic!("dbus-run-session is missing ({e}): make test installs dbus and gnome-keyring"))
}

#[test]
fn the_connection_string_lives_in_the_os_keyring_and_nowhere_else() {
    let server = Server::start();
    // PoloDB's wire server has no authentication, so the secret rides in an
    // option the server ignores; the rule under test is the same: the string
    // is kept in the keyring and nowhere on disk.
    let password = "kEyRiNg-only-9";
    let uri = format!("mongodb://127.0.0.1:{}/?appName={password}", server.port);
    let dir = tempfile::tempdir().unwrap();
    let script = format!(
        "printf '%s' '{uri}' | \"$WAYMARK\" sync on --uri-stdin --json >/dev/null\n\
         \"$WAYMARK\" sync status --json\n\
         \"$WAYMARK\" sync now --json >/dev/null\n\
         secret-tool search --all service 'Waymark sync' >/dev/null 2>&1 || true\n"
    );
    let out = in_keyring_session(&script, dir.path());
    assert!(out.status.success(), "keyring session failed: {}", String::from_utf8_lossy(&out.stderr));
    let status: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(status["enabled"], true);
    assert_eq!(status["uri_source"], "keyring");
    assert_eq!(status["uri"], uri.as_str(), "read back from the keyring");
    assert!(!String::from_utf8_lossy(&out.stderr).contains(password));

    let mut leaks = Vec::new();
    for entry in walk(dir.path()) {
        let bytes = std::fs::read(&entry).unwrap_or_default();
        if bytes.windows(password.len()).any(|w| w == password.as_bytes()) {
            leaks.push(entry);
        }
    }
    assert!(leaks.is_empty(), "the password is written in {leaks:?}");

    let without =
        run(dir.path(), &[("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent")], &["sync", "status", "--json"], None);
    let status: Value = serde_json::from_slice(&without.stdout).unwrap();
    assert!(
        status["keyring_problem"]
            .as_str()
            .is_some_and(|p| p.contains("no OS keyring") && p.contains("WAYMARK_SYNC_URI")),
        "{status}"
    );
    let refused = run(
        dir.path(),
        &[("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent")],
        &["sync", "on", "--uri-stdin"],
        Some(&uri),
    );
    assert!(!refused.status.success());
    assert!(String::from_utf8_lossy(&refused.stderr).contains("no OS keyring"));
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let p = entry.path();
        if p.is_dir() { out.extend(walk(&p)) } else { out.push(p) }
    }
    out
}

#[test]
fn a_restore_with_sync_on_wins_on_every_desktop() {
    let server = Server::start();
    let uri = server.uri();
    let env = [("WAYMARK_SYNC_URI", uri.as_str()), ("WAYMARK_SYNC_DB", "waymark")];
    let (a_dir, b_dir) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let (a, b) = (a_dir.path(), b_dir.path());
    let rust = ok(a, &[], &["goal", "add", "--title", "Learn Rust", "--template", "rust", "--json"]);
    let rust_id = rust["id"].as_str().unwrap().to_string();
    ok(a, &env, &["sync", "on", "--json"]);
    ok(a, &env, &["sync", "now", "--json"]);
    let backup = ok(a, &[], &["backup", "now", "--json"]);
    let backup_id = backup["id"].as_str().unwrap().to_string();

    std::thread::sleep(Duration::from_millis(5));
    ok(a, &[], &["goal", "add", "--title", "Spanish", "--template", "rust", "--json"]);
    assert!(run(a, &[], &["goal", "status", &rust_id, "paused"], None).status.success());
    ok(a, &env, &["sync", "now", "--json"]);
    ok(b, &env, &["sync", "on", "--json"]);
    ok(b, &env, &["sync", "now", "--json"]);
    let after_edits =
        vec![("Learn Rust".to_string(), "paused".to_string()), ("Spanish".to_string(), "active".to_string())];
    assert_eq!(goal_titles(b), after_edits);

    ok(a, &[], &["backup", "restore", &backup_id, "--json"]);
    let restored = vec![("Learn Rust".to_string(), "active".to_string())];
    assert_eq!(goal_titles(a), restored);
    assert!(
        ok(a, &env, &["sync", "status", "--json"])["pending"].as_u64().unwrap() > 10,
        "the restore waits to go out"
    );
    ok(a, &env, &["sync", "now", "--json"]);
    ok(b, &env, &["sync", "now", "--json"]);
    ok(a, &env, &["sync", "now", "--json"]);
    assert_eq!(goal_titles(a), restored, "the restore is not undone by the remote's newer copies");
    assert_eq!(goal_titles(b), restored, "the other desktop follows: Spanish deleted, Rust active again");
    assert_eq!(ok(a, &[], &["conflicts", "list", "--json"]), Value::Array(vec![]));
}
