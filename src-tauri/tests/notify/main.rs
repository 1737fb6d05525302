//! Sends REAL desktop notifications: the desktop binary runs under Xvfb on a
//! private session D-Bus with a recording notification server (`server.py`),
//! and a seeded daily reminder must reach it once, with the right words.
//! Needs `dbus-daemon`, `Xvfb`, Debian's `/usr/bin/python3` with `dbus` and `gi` (`make deps`
//! installs them); a missing tool fails the test, it never skips.

use serde_json::Value;
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// When the data is seeded: Monday morning, before the reminder's slot.
const SEED: &str = "2026-11-23T08:00:00Z";
/// The app's pinned clock: Monday 19:31 UTC, a minute after the 19:30 slot.
const NOW: &str = "2026-11-23T19:31:00Z";

/// A child process killed when the test ends, even on a failed assert.
struct Killed(Child);

impl Drop for Killed {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn spawn(cmd: &mut Command, what: &str) -> Killed {
    spawn_result(cmd.spawn(), what)
}

fn spawn_result(child: std::io::Result<Child>, what: &str) -> Killed {
    Killed(child.unwrap_or_else(|e| panic!("cannot start {what} ({e}); install it with `make deps`")))
}

/// Reads the first line a child prints on stdout (its bus address, display…).
fn first_line(child: &mut Killed, what: &str) -> String {
    let out = child.0.stdout.take().unwrap_or_else(|| panic!("{what} has no stdout"));
    let mut line = String::new();
    BufReader::new(out).read_line(&mut line).unwrap_or_else(|e| panic!("cannot read from {what}: {e}"));
    assert!(!line.trim().is_empty(), "{what} printed nothing");
    line.trim().to_string()
}

fn cli(dir: &Path, now: &str, args: &[&str]) -> Value {
    let out = Command::new(env!("CARGO_BIN_EXE_waymark"))
        .args(args)
        .env("WAYMARK_DATA_DIR", dir)
        .env("WAYMARK_NOW", now)
        .env("TZ", "UTC")
        .output()
        .unwrap();
    assert!(out.status.success(), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).unwrap()
}

/// Waits up to `limit` for `ok` to hold.
fn wait_for(limit: Duration, mut ok: impl FnMut() -> bool) -> bool {
    let start = Instant::now();
    while start.elapsed() < limit {
        if ok() {
            return true;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    ok()
}

#[test]
fn a_due_reminder_becomes_a_real_notification_once() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    std::fs::create_dir(&data).unwrap();
    cli(
        &data,
        SEED,
        &["goal", "add", "--title", "Learn Rust", "--template", "rust", "--hours-per-week", "7", "--json"],
    );
    cli(&data, SEED, &["reminders", "add", "--kind", "daily", "--time", "19:30", "--json"]);
    assert_eq!(cli(&data, NOW, &["reminders", "due", "--at", NOW, "--json"]).as_array().unwrap().len(), 1);

    let mut bus = spawn(
        Command::new("dbus-daemon").args(["--session", "--nofork", "--print-address=1"]).stdout(Stdio::piped()),
        "dbus-daemon (Debian package dbus)",
    );
    let address = first_line(&mut bus, "dbus-daemon");

    let log = tmp.path().join("notifications.jsonl");
    let ready = tmp.path().join("server.ready");
    let _server = spawn(
        Command::new("/usr/bin/python3")
            .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/notify/server.py"))
            .args([&log, &ready])
            .env("DBUS_SESSION_BUS_ADDRESS", &address),
        "/usr/bin/python3 (Debian package python3)",
    );
    assert!(
        wait_for(Duration::from_secs(10), || ready.exists()),
        "the notification server did not start: install python3-dbus and python3-gi (`make deps`)"
    );

    let mut xvfb = spawn(
        Command::new("Xvfb").args(["-displayfd", "1", "-screen", "0", "1280x860x24"]).stdout(Stdio::piped()),
        "Xvfb (Debian package xvfb)",
    );
    let display = format!(":{}", first_line(&mut xvfb, "Xvfb"));

    let mut app = spawn(
        Command::new(env!("CARGO_BIN_EXE_waymark"))
            .env("DISPLAY", &display)
            .env_remove("WAYLAND_DISPLAY")
            .env("GDK_BACKEND", "x11")
            .env("DBUS_SESSION_BUS_ADDRESS", &address)
            .env("WAYMARK_DATA_DIR", &data)
            .env("WAYMARK_NOW", NOW)
            .env("TZ", "UTC"),
        "the desktop app",
    );
    let read = || std::fs::read_to_string(&log).unwrap_or_default();
    let got = wait_for(Duration::from_secs(20), || !read().is_empty());
    let exited = app.0.try_wait().ok().flatten();
    assert!(got, "no notification within 20 s (app exit status: {exited:?})");
    // A second launch hands over to the running app (single instance) and
    // exits; meanwhile a double send would have time to show up.
    let second = Command::new(env!("CARGO_BIN_EXE_waymark"))
        .env("DISPLAY", &display)
        .env_remove("WAYLAND_DISPLAY")
        .env("GDK_BACKEND", "x11")
        .env("DBUS_SESSION_BUS_ADDRESS", &address)
        .env("WAYMARK_DATA_DIR", &data)
        .env("WAYMARK_NOW", NOW)
        .env("TZ", "UTC")
        .stderr(Stdio::null())
        .spawn();
    let mut second = spawn_result(second, "a second instance");
    assert!(
        wait_for(Duration::from_secs(15), || second.0.try_wait().ok().flatten().is_some()),
        "a second launch kept running instead of handing over to the first"
    );
    let status = second.0.try_wait().unwrap();
    assert!(status.is_some_and(|s| s.success()), "the second launch failed: {status:?}");
    assert!(app.0.try_wait().unwrap().is_none(), "the first instance quit when a second was launched");
    drop(app);

    let lines: Vec<Value> = read().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), 1, "exactly one notification: {lines:?}");
    assert_eq!(lines[0]["summary"], "Time to study");
    let body = lines[0]["body"].as_str().unwrap();
    assert!(body.contains("for Learn Rust today"), "{body}");

    // The slot was recorded: at the same instant nothing is due any more.
    let due = cli(&data, NOW, &["reminders", "due", "--at", NOW, "--json"]);
    assert_eq!(due, Value::Array(vec![]), "the slot was not recorded");
}
