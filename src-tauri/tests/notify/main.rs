//! Sends REAL desktop notifications: the desktop binary runs under Xvfb on a
//! private session D-Bus (`bus.conf`: no service activation) with a recording
//! notification server (`server.py`) that can also click a notification or
//! one of its buttons, as a learner would.
//!
//! - Due reminders reach the server once each, with the right words and a
//!   click and a "Snooze" action; "Snooze" snoozes the reminder (seen in the
//!   store afterwards); a click shows the window, which was started hidden as
//!   at login, on the reminder's screen (its title names the goal).
//! - The tray menu works over the session bus as a panel drives it: "Pause
//!   reminders for 1 h" pauses them (seen in the store afterwards) and
//!   "Today's summary" shows the facade's summary as a notification.
//! - With no notification server nothing is recorded as rung, and the app
//!   tries again until a server is there.
//!
//! Needs `dbus-daemon` and `dbus-send`, `Xvfb`, `xwininfo`, Debian's
//! `/usr/bin/python3` with `dbus` and `gi` (`make deps` installs them); a
//! missing tool fails the test, it never skips.

use serde_json::Value;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// When the data is seeded: Monday morning, before the reminders' slots.
const SEED: &str = "2026-11-23T08:00:00Z";
/// The app's pinned clock: Monday 19:31 UTC, a minute after the 19:30 slot.
const NOW: &str = "2026-11-23T19:31:00Z";
/// NOW plus the notification's ten-minute snooze.
const SNOOZED_UNTIL: &str = "2026-11-23T19:41:00Z";

/// A child process killed when the test ends, even on a failed assert.
struct Killed(Child);

impl Drop for Killed {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

impl Killed {
    fn running(&mut self) -> bool {
        self.0.try_wait().ok().flatten().is_none()
    }
}

fn spawn(cmd: &mut Command, what: &str) -> Killed {
    Killed(cmd.spawn().unwrap_or_else(|e| panic!("cannot start {what} ({e}); install it with `make deps`")))
}

/// Reads the first line a child prints on stdout (its bus address, display…).
fn first_line(child: &mut Killed, what: &str) -> String {
    let out = child.0.stdout.take().unwrap_or_else(|| panic!("{what} has no stdout"));
    let mut line = String::new();
    BufReader::new(out).read_line(&mut line).unwrap_or_else(|e| panic!("cannot read from {what}: {e}"));
    assert!(!line.trim().is_empty(), "{what} printed nothing");
    line.trim().to_string()
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

/// A private desktop session: a data dir, a session bus and an X display.
struct Session {
    tmp: tempfile::TempDir,
    data: PathBuf,
    address: String,
    display: String,
    _bus: Killed,
    _xvfb: Killed,
}

impl Session {
    fn new() -> Self {
        let tmp = tempfile::tempdir().unwrap();
        let data = tmp.path().join("data");
        std::fs::create_dir(&data).unwrap();
        let config = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/notify/bus.conf");
        let mut bus = spawn(
            Command::new("dbus-daemon")
                .arg(format!("--config-file={}", config.display()))
                .args(["--nofork", "--print-address=1"])
                .stdout(Stdio::piped()),
            "dbus-daemon (Debian package dbus)",
        );
        let address = first_line(&mut bus, "dbus-daemon");
        let mut xvfb = spawn(
            Command::new("Xvfb").args(["-displayfd", "1", "-screen", "0", "1280x860x24"]).stdout(Stdio::piped()),
            "Xvfb (Debian package xvfb)",
        );
        let display = format!(":{}", first_line(&mut xvfb, "Xvfb"));
        Self { tmp, data, address, display, _bus: bus, _xvfb: xvfb }
    }

    fn log(&self) -> PathBuf {
        self.tmp.path().join("notifications.jsonl")
    }

    /// Runs a CLI command on the session's data at `now`; its JSON output.
    fn cli(&self, now: &str, args: &[&str]) -> Value {
        let out = Command::new(env!("CARGO_BIN_EXE_waymark"))
            .args(args)
            .env("WAYMARK_DATA_DIR", &self.data)
            .env("WAYMARK_NOW", now)
            .env("TZ", "UTC")
            .output()
            .unwrap();
        assert!(out.status.success(), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
        serde_json::from_slice(&out.stdout).unwrap()
    }

    /// Starts the recording notification server and waits until it owns its name.
    fn start_server(&self) -> Killed {
        let ready = self.tmp.path().join("server.ready");
        let _ = std::fs::remove_file(&ready);
        let server = spawn(
            Command::new("/usr/bin/python3")
                .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/notify/server.py"))
                .args([&self.log(), &ready])
                .env("DBUS_SESSION_BUS_ADDRESS", &self.address),
            "/usr/bin/python3 (Debian package python3)",
        );
        assert!(
            wait_for(Duration::from_secs(10), || ready.exists()),
            "the notification server did not start: install python3-dbus and python3-gi (`make deps`)"
        );
        server
    }

    /// The desktop app on this session, with `args`; its stderr goes to `stderr`.
    fn app(&self, args: &[&str], stderr: &Path) -> Command {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_waymark"));
        cmd.args(args)
            .env("DISPLAY", &self.display)
            .env_remove("WAYLAND_DISPLAY")
            .env("GDK_BACKEND", "x11")
            .env("NO_AT_BRIDGE", "1")
            .env("DBUS_SESSION_BUS_ADDRESS", &self.address)
            .env("WAYMARK_DATA_DIR", &self.data)
            .env("WAYMARK_NOW", NOW)
            .env("TZ", "UTC")
            .stderr(std::fs::File::create(stderr).unwrap());
        cmd
    }

    /// What the server recorded: `notify` and `close` events.
    fn events(&self) -> Vec<Value> {
        let text = std::fs::read_to_string(self.log()).unwrap_or_default();
        text.lines().map(|l| serde_json::from_str(l).unwrap()).collect()
    }

    fn notifications(&self) -> Vec<Value> {
        self.events().into_iter().filter(|e| e["event"] == "notify").collect()
    }

    fn closed(&self, id: u64) -> bool {
        self.events().iter().any(|e| e["event"] == "close" && e["id"] == id)
    }

    /// Clicks notification `id` ("default") or one of its buttons, as the learner.
    fn invoke(&self, id: u64, action: &str) {
        let out = Command::new("dbus-send")
            .args([
                "--session",
                "--print-reply",
                "--dest=org.freedesktop.Notifications",
                "/org/freedesktop/Notifications",
                "org.waymark.Test.Invoke",
                &format!("uint32:{id}"),
                &format!("string:{action}"),
            ])
            .env("DBUS_SESSION_BUS_ADDRESS", &self.address)
            .output()
            .unwrap_or_else(|e| panic!("cannot run dbus-send (Debian package dbus-bin): {e}"));
        assert!(out.status.success(), "dbus-send: {}", String::from_utf8_lossy(&out.stderr));
    }

    /// Clicks the tray menu entry labelled `label`, as a panel would.
    fn click_tray(&self, label: &str) {
        let out = Command::new("dbus-send")
            .args([
                "--session",
                "--print-reply",
                "--dest=org.kde.StatusNotifierWatcher",
                "/StatusNotifierWatcher",
                "org.waymark.Test.ClickTray",
                &format!("string:{label}"),
            ])
            .env("DBUS_SESSION_BUS_ADDRESS", &self.address)
            .output()
            .unwrap_or_else(|e| panic!("cannot run dbus-send (Debian package dbus-bin): {e}"));
        assert!(out.status.success(), "clicking {label:?} in the tray: {}", String::from_utf8_lossy(&out.stderr));
    }

    /// The titles of the mapped (visible) top-level windows on the display.
    fn visible_windows(&self) -> Vec<String> {
        let xwininfo = |args: &[&str]| {
            let out = Command::new("xwininfo")
                .args(["-display", &self.display])
                .args(args)
                .output()
                .unwrap_or_else(|e| panic!("cannot run xwininfo (Debian package x11-utils): {e}"));
            String::from_utf8_lossy(&out.stdout).into_owned()
        };
        let tree = xwininfo(&["-root", "-children"]);
        let mut visible = Vec::new();
        for line in tree.lines().map(str::trim).filter(|l| l.starts_with("0x")) {
            let Some((id, rest)) = line.split_once(' ') else { continue };
            let Some(title) = rest.strip_prefix('"').and_then(|r| r.split('"').next()) else { continue };
            if xwininfo(&["-id", id]).contains("Map State: IsViewable") {
                visible.push(title.to_string());
            }
        }
        visible
    }
}

fn stderr_of(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_default()
}

#[test]
fn reminders_ring_once_with_a_click_that_opens_the_goal_and_a_snooze() {
    let s = Session::new();
    let goal =
        s.cli(SEED, &["goal", "add", "--title", "Learn Rust", "--template", "rust", "--hours-per-week", "7", "--json"]);
    let goal_id = goal["id"].as_str().unwrap();
    let daily = s.cli(SEED, &["reminders", "add", "--kind", "daily", "--time", "19:30", "--json"]);
    let once = s.cli(
        SEED,
        &[
            "reminders",
            "add",
            "--kind",
            "once",
            "--at",
            "2026-11-23T19:20",
            "--goal",
            goal_id,
            "--note",
            "Read chapter 4",
            "--json",
        ],
    );
    assert_eq!(s.cli(NOW, &["reminders", "due", "--at", NOW, "--json"]).as_array().unwrap().len(), 2);
    let _server = s.start_server();

    let stderr = s.tmp.path().join("app.stderr");
    let mut app = spawn(&mut s.app(&["--hidden"], &stderr), "the desktop app");
    let got = wait_for(Duration::from_secs(30), || s.notifications().len() >= 2);
    assert!(got, "two notifications within 30 s; app running: {}; stderr: {}", app.running(), stderr_of(&stderr));
    let notes = s.notifications();
    let by_title = |title: &str| notes.iter().find(|n| n["summary"] == title).cloned().unwrap();
    let study = by_title("Time to study");
    let chapter = by_title("Read chapter 4");
    assert!(study["body"].as_str().unwrap().contains("for Learn Rust today"), "{study}");
    assert!(chapter["body"].as_str().unwrap().starts_with("Learn Rust"), "{chapter}");
    for n in [&study, &chapter] {
        assert_eq!(n["app"], "Waymark");
        let actions: Vec<&str> = n["actions"].as_array().unwrap().iter().map(|a| a.as_str().unwrap()).collect();
        assert_eq!(actions, ["default", "Open Waymark", "snooze", "Snooze 10 min"], "{n}");
    }
    assert!(
        !s.visible_windows().iter().any(|t| t.contains("Waymark")),
        "started with --hidden, the window stays hidden: {:?}",
        s.visible_windows()
    );

    // Snooze: the app snoozes the reminder, then closes the notification.
    // (It listens for the answer just after sending, so an early click is repeated.)
    let study_id = study["id"].as_u64().unwrap();
    let snoozed = wait_for(Duration::from_secs(15), || {
        s.invoke(study_id, "snooze");
        wait_for(Duration::from_secs(2), || s.closed(study_id))
    });
    assert!(snoozed, "the snoozed notification was not closed; stderr: {}", stderr_of(&stderr));

    // A click on the goal's reminder shows the window on that goal.
    let chapter_id = chapter["id"].as_u64().unwrap();
    let opened = wait_for(Duration::from_secs(20), || {
        s.invoke(chapter_id, "default");
        wait_for(Duration::from_secs(3), || s.visible_windows().iter().any(|t| t.contains("Learn Rust")))
    });
    assert!(opened, "no window on the goal after the click: {:?}; stderr: {}", s.visible_windows(), stderr_of(&stderr));

    // The tray: pause for an hour, then today's summary (handled in that order).
    assert!(
        wait_for(Duration::from_secs(20), || s.events().iter().any(|e| e["event"] == "tray")),
        "the tray icon did not register with the tray host; stderr: {}",
        stderr_of(&stderr)
    );
    s.click_tray("Pause reminders for 1 h");
    s.click_tray("Today's summary");
    let summary =
        wait_for(Duration::from_secs(15), || s.notifications().iter().any(|n| n["summary"] == "Today, Mon 23 Nov"));
    assert!(summary, "no summary notification: {:?}; stderr: {}", s.notifications(), stderr_of(&stderr));
    let today = s.notifications().into_iter().find(|n| n["summary"] == "Today, Mon 23 Nov").unwrap();
    assert!(today["body"].as_str().unwrap().starts_with("1 task today · 0 min of 1 h done"), "{today}");

    // A second launch hands over to the running app (single instance) and exits.
    let mut second = spawn(&mut s.app(&[], &s.tmp.path().join("second.stderr")), "a second instance");
    assert!(
        wait_for(Duration::from_secs(15), || !second.running()),
        "a second launch kept running instead of handing over to the first"
    );
    let status = second.0.try_wait().unwrap();
    assert!(status.is_some_and(|s| s.success()), "the second launch failed: {status:?}");
    assert!(app.running(), "the first instance quit when a second was launched");
    drop(app);

    let rung = s.notifications().iter().filter(|n| n["summary"] != "Today, Mon 23 Nov").count();
    assert_eq!(rung, 2, "each reminder rang once: {:?}", s.notifications());
    let due = s.cli(NOW, &["reminders", "due", "--at", NOW, "--json"]);
    assert_eq!(due, Value::Array(vec![]), "the slots were recorded");
    let list = s.cli(NOW, &["reminders", "list", "--json"]);
    let find = |id: &Value| list.as_array().unwrap().iter().find(|r| r["id"] == *id).cloned().unwrap();
    assert_eq!(find(&daily["id"])["snoozed_until"], SNOOZED_UNTIL);
    assert_eq!(find(&once["id"])["snoozed_until"], Value::Null, "a click does not snooze");
    let settings = s.cli(NOW, &["reminders", "settings", "--json"]);
    assert_eq!(settings["paused_until"], "2026-11-23T20:31:00Z", "paused for an hour from the tray");
}

#[test]
fn without_a_notification_server_nothing_is_recorded_and_it_tries_again() {
    let s = Session::new();
    s.cli(SEED, &["reminders", "add", "--kind", "daily", "--time", "19:30", "--json"]);
    let failed = |path: &Path| stderr_of(path).contains("cannot show reminder \"Time to study\"");

    let stderr = s.tmp.path().join("first.stderr");
    let app = spawn(&mut s.app(&["--hidden"], &stderr), "the desktop app");
    assert!(wait_for(Duration::from_secs(30), || failed(&stderr)), "no send failure reported: {}", stderr_of(&stderr));
    drop(app);
    let due = s.cli(NOW, &["reminders", "due", "--at", NOW, "--json"]);
    assert_eq!(due.as_array().unwrap().len(), 1, "a reminder no server took is not recorded as rung");

    let stderr = s.tmp.path().join("second.stderr");
    let app = spawn(&mut s.app(&["--hidden"], &stderr), "the desktop app");
    assert!(wait_for(Duration::from_secs(30), || failed(&stderr)), "no send failure reported: {}", stderr_of(&stderr));
    let _server = s.start_server();
    assert!(
        wait_for(Duration::from_secs(30), || s.notifications().len() == 1),
        "the reminder was not sent again once a server was there; stderr: {}",
        stderr_of(&stderr)
    );
    // The slot is recorded just after the server took the notification.
    std::thread::sleep(Duration::from_secs(2));
    drop(app);
    assert_eq!(s.notifications()[0]["summary"], "Time to study");
    assert_eq!(s.cli(NOW, &["reminders", "due", "--at", NOW, "--json"]), Value::Array(vec![]));
}
