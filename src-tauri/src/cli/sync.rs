//! Sync commands of the CLI: turn sync on or off, run it, see its status, log
//! and conflicts, delete the remote copy. The connection string never comes
//! from an argument (it would show in the process list and shell history):
//! it is read from stdin with `--uri-stdin` and kept in the OS keyring, or
//! given in `WAYMARK_SYNC_URI`.

use super::{Output, emit, runtime};
use clap::Subcommand;
use std::io::Read;
use waymark_app::sync::{self, SyncProgress};
use waymark_app::sync_views::{SyncRunView, SyncView};
use waymark_app::{App, AppError, AppResult, ErrorCode, SharedApp};

/// `waymark sync …`
#[derive(Debug, Subcommand)]
pub enum SyncCommand {
    /// Sync now: receive the remote's changes, then send this desktop's.
    Now(Output),
    /// Whether sync is on, when it last succeeded, changes waiting, last error.
    Status(Output),
    /// The last sync runs.
    Log(Output),
    /// Received documents kept aside because this desktop could not apply them.
    Problems(Output),
    /// Check a connection (from --uri-stdin, the keyring or WAYMARK_SYNC_URI) without saving anything.
    Test {
        /// Read the connection string from stdin.
        #[arg(long)]
        uri_stdin: bool,
        /// The remote database name (default: the saved one, or "waymark").
        #[arg(long)]
        db: Option<String>,
        #[command(flatten)]
        out: Output,
    },
    /// Turn sync on (the first sync sends everything).
    On {
        /// Read the connection string from stdin and keep it in the OS keyring.
        #[arg(long)]
        uri_stdin: bool,
        /// The remote database name (default "waymark").
        #[arg(long)]
        db: Option<String>,
        #[command(flatten)]
        out: Output,
    },
    /// Turn sync off.
    Off(Output),
    /// Remove every document of yours from the remote database (and turn sync off).
    DeleteRemote {
        /// Confirm: the remote copy cannot be brought back.
        #[arg(long)]
        yes: bool,
        #[command(flatten)]
        out: Output,
    },
}

/// `waymark conflicts …`
#[derive(Debug, Subcommand)]
pub enum ConflictsCommand {
    /// The versions sync did not keep.
    List(Output),
    /// Write a version that was not kept back (it then wins and syncs).
    Restore {
        /// The conflict id.
        id: String,
        #[command(flatten)]
        out: Output,
    },
    /// Let a version that was not kept go.
    Dismiss {
        /// The conflict id.
        id: String,
        #[command(flatten)]
        out: Output,
    },
}

/// Runs a conflicts command.
pub fn conflicts(app: &mut App, cmd: ConflictsCommand) -> AppResult<()> {
    let (list, out) = match cmd {
        ConflictsCommand::List(out) => (app.conflicts()?, out),
        ConflictsCommand::Restore { id, out } => (app.restore_conflict(&id)?, out),
        ConflictsCommand::Dismiss { id, out } => (app.dismiss_conflict(&id)?, out),
    };
    emit(&out, &list, || {
        if list.is_empty() {
            return vec!["no conflicts".into()];
        }
        list.iter()
            .map(|c| {
                let fields: Vec<&str> = c.differences.iter().map(|d| d.field.as_str()).collect();
                format!("{}  {} — differs in {}", c.id, c.label, fields.join(", "))
            })
            .collect()
    })
}

/// Runs a sync command (it owns the app: a sync shares it with its own steps).
pub fn run(app: App, cmd: SyncCommand) -> AppResult<()> {
    let shared = SharedApp::new(app);
    let runtime = runtime()?;
    match cmd {
        SyncCommand::Now(out) => {
            let quiet = out.json;
            let progress = move |p: SyncProgress| {
                if !quiet {
                    let total = p.total.map(|t| format!(" of {t}")).unwrap_or_default();
                    eprintln!("{:?}: {}{total}", p.phase, p.done);
                }
            };
            let report = runtime.block_on(sync::sync_now(&shared, &progress))?;
            emit(&out, &report, || {
                let mut lines = vec![format!(
                    "sent {}, received {}, conflicts {} ({} round trips)",
                    report.pushed, report.pulled, report.conflicts, report.round_trips
                )];
                if report.invalid > 0 {
                    lines.push(format!(
                        "{} received documents could not be applied and were kept aside: see `waymark sync problems`",
                        report.invalid
                    ));
                }
                lines
            })
        }
        SyncCommand::Status(out) => {
            let s = shared.with(|app| app.sync_view())?;
            emit(&out, &s, || status_lines(&s))
        }
        SyncCommand::Log(out) => {
            let runs = shared.with(|app| app.sync_log())?;
            emit(&out, &runs, || runs.iter().map(run_line).collect())
        }
        SyncCommand::Problems(out) => {
            let problems = shared.with(|app| app.sync_problems())?;
            emit(&out, &problems, || {
                if problems.is_empty() {
                    return vec!["no problems".into()];
                }
                problems.iter().map(|p| format!("{}  {} — {} (tried {}×)", p.id, p.label, p.reason, p.tries)).collect()
            })
        }
        SyncCommand::Test { uri_stdin, db, out } => {
            let (uri, database) = target(&shared, uri_stdin, db)?;
            let check = runtime.block_on(sync::test_connection(&uri, &database))?;
            emit(&out, &check, || vec![check.message.clone()])
        }
        SyncCommand::On { uri_stdin, db, out } => {
            let uri = if uri_stdin { read_stdin()? } else { String::new() };
            let database = match db {
                Some(d) => d,
                None => shared.with(|app| app.sync_database())?,
            };
            let s = runtime.block_on(sync::connect(&shared, &uri, &database))?;
            emit(&out, &s, || vec![format!("sync is on · database {} · {} changes to send", s.database, s.pending)])
        }
        SyncCommand::Off(out) => {
            let s = shared.with(|app| app.sync_disable())?;
            emit(&out, &s, || vec!["sync is off".into()])
        }
        SyncCommand::DeleteRemote { yes, out } => {
            if !yes {
                return Err(AppError::invalid("yes", "this removes your remote copy for good: add --yes to confirm"));
            }
            let removed = runtime.block_on(sync::delete_remote_data(&shared))?;
            emit(&out, &serde_json::json!({ "removed": removed }), || {
                vec![format!("removed {removed} documents from the remote; sync is off")]
            })
        }
    }
}

fn status_lines(s: &SyncView) -> Vec<String> {
    vec![
        format!("sync {} · database {}", if s.enabled { "on" } else { "off" }, s.database),
        format!("remote {}", s.uri.as_deref().unwrap_or("not set")),
        format!("last success {}", s.last_success.map_or("never".into(), |t| t.to_rfc3339())),
        format!("changes waiting {}", s.pending),
        format!("last error {}", s.last_error.as_deref().unwrap_or("none")),
    ]
    .into_iter()
    .chain(s.keyring_problem.clone())
    .collect()
}

fn run_line(r: &SyncRunView) -> String {
    format!(
        "{}  sent {} received {} conflicts {} kept aside {}  {}",
        r.started_at.to_rfc3339(),
        r.pushed,
        r.pulled,
        r.conflicts,
        r.kept_aside,
        r.error.as_deref().unwrap_or("ok")
    )
}

fn target(shared: &SharedApp, uri_stdin: bool, db: Option<String>) -> AppResult<(String, String)> {
    let database = match db {
        Some(d) => d,
        None => shared.with(|app| app.sync_database())?,
    };
    if uri_stdin {
        return Ok((read_stdin()?, database));
    }
    let (uri, _) = shared.with(|app| app.sync_target())?;
    Ok((uri, database))
}

fn read_stdin() -> AppResult<String> {
    let mut text = String::new();
    std::io::stdin().read_to_string(&mut text).map_err(|e| AppError {
        code: ErrorCode::System,
        message: format!("cannot read the connection string from stdin: {e}"),
        field: Some("uri".into()),
    })?;
    let uri = text.trim().to_string();
    if uri.is_empty() {
        return Err(AppError::invalid("uri", "no connection string on stdin"));
    }
    Ok(uri)
}
