//! Data-ownership commands of the CLI: export everything, import it back,
//! local backups, and deleting all data (the remote copy first when sync is on).

use super::{Output, emit, read_file, runtime, write_or_print};
use clap::Subcommand;
use std::path::PathBuf;
use waymark_app::backups::BackupInfo;
use waymark_app::delete_all::DELETE_ALL_PHRASE;
use waymark_app::export::ImportReport;
use waymark_app::limits::InputKind;
use waymark_app::{App, AppError, AppResult, SharedApp};

/// `waymark export | import | backup | delete-all`
#[derive(Debug, Subcommand)]
pub enum DataCommand {
    /// Write everything (goals, tasks, cards, reviews, settings…) to one JSON file (docs/export.md).
    Export {
        /// The file to write; standard output when absent.
        #[arg(long)]
        out: Option<PathBuf>,
    },
    /// Import an export file: into an empty store as it was, else merged by id.
    Import {
        /// The export file.
        file: PathBuf,
        /// Check the file and say what would change, without writing.
        #[arg(long)]
        dry_run: bool,
        #[command(flatten)]
        out: Output,
    },
    /// Local backups (in the data dir's backups/ folder).
    #[command(subcommand)]
    Backup(BackupCommand),
    /// Delete every goal, task, card, review and setting, and the local backups.
    DeleteAll {
        /// Type the phrase "delete my data" to confirm.
        #[arg(long, default_value = "")]
        confirm: String,
        #[command(flatten)]
        out: Output,
    },
}

/// `waymark backup …`
#[derive(Debug, Subcommand)]
pub enum BackupCommand {
    /// Take a backup now.
    Now(Output),
    /// List the backups, newest first.
    List(Output),
    /// Replace everything with a backup (the current state is backed up first).
    Restore {
        /// The backup id from `waymark backup list`.
        id: String,
        #[command(flatten)]
        out: Output,
    },
}

/// Runs one data command; deleting everything takes the app, since a sync
/// step may come first.
pub fn run(mut app: App, cmd: DataCommand) -> AppResult<()> {
    match cmd {
        DataCommand::Export { out } => write_or_print(out.as_deref(), &app.export_data()?),
        DataCommand::Import { file, dry_run, out } => {
            let text = read_file(&app, InputKind::Export, &file)?;
            let report = if dry_run { app.preview_import(&text)? } else { app.import_data(&text)? };
            emit(&out, &report, || import_lines(&report))
        }
        DataCommand::Backup(cmd) => backup(&mut app, cmd),
        DataCommand::DeleteAll { confirm, out } => delete_all(app, &confirm, &out),
    }
}

/// `waymark backup now|list|restore`.
fn backup(app: &mut App, cmd: BackupCommand) -> AppResult<()> {
    match cmd {
        BackupCommand::Now(out) => {
            let backup = app.backup_now()?;
            emit(&out, &backup, || vec![backup_line(&backup)])
        }
        BackupCommand::List(out) => {
            let list = app.backups()?;
            emit(&out, &list, || {
                if list.is_empty() {
                    vec![format!("no backups yet in {}", app.backup_dir().display())]
                } else {
                    list.iter().map(backup_line).collect()
                }
            })
        }
        BackupCommand::Restore { id, out } => {
            let report = app.restore_backup(&id)?;
            emit(&out, &report, || {
                let mut lines = vec![format!("restored {}", backup_line(&report.restored))];
                if let Some(safety) = &report.safety_backup {
                    lines.push(format!("the state before is in {}", backup_line(safety)));
                }
                lines
            })
        }
    }
}

/// `waymark delete-all`: when sync is on, the remote copy goes first.
fn delete_all(app: App, confirm: &str, out: &Output) -> AppResult<()> {
    if confirm.trim().is_empty() {
        return Err(AppError::invalid(
            "confirmation",
            format!("this deletes all your data; confirm with --confirm \"{DELETE_ALL_PHRASE}\""),
        ));
    }
    let shared = SharedApp::new(app);
    let deleted = runtime()?.block_on(waymark_app::sync::delete_everything(&shared, confirm))?;
    emit(out, &deleted, || vec![format!("deleted {} documents and {} backups", deleted.total, deleted.backups)])
}

fn import_lines(r: &ImportReport) -> Vec<String> {
    let verb = if r.written { "imported" } else { "would import" };
    let mut lines = vec![format!(
        "{verb}: {} added, {} updated, {} skipped{}",
        r.added,
        r.updated,
        r.skipped,
        if r.into_empty { " (into an empty store)" } else { "" }
    )];
    for c in &r.collections {
        lines.push(format!("  {:12} {} added, {} updated, {} skipped", c.collection, c.added, c.updated, c.skipped));
    }
    lines
}

fn backup_line(b: &BackupInfo) -> String {
    format!(
        "{}  {}  {:.1} kB  {} documents",
        b.id,
        b.taken_at.format("%Y-%m-%d %H:%M:%S UTC"),
        b.size_bytes as f64 / 1000.0,
        b.total
    )
}
