//! Data-ownership commands of the CLI: export everything, import it back,
//! local backups, and deleting all data.

use crate::cli::{Output, emit};
use clap::Subcommand;
use std::path::PathBuf;
use waymark_app::backups::BackupInfo;
use waymark_app::export::ImportReport;
use waymark_app::{App, AppError, AppResult};

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

pub fn run(app: &mut App, cmd: DataCommand) -> AppResult<()> {
    match cmd {
        DataCommand::Export { out } => {
            let text = app.export_data()?;
            match out {
                Some(path) => {
                    crate::cli::write_file(&path, &text)?;
                    println!("wrote {}", path.display());
                }
                None => print!("{text}"),
            }
            Ok(())
        }
        DataCommand::Import { file, dry_run, out } => {
            let text = std::fs::read_to_string(&file)
                .map_err(|e| AppError::invalid("file", format!("cannot read {}: {e}", file.display())))?;
            let report = if dry_run { app.preview_import(&text)? } else { app.import_data(&text)? };
            emit(&out, &report, || import_lines(&report))
        }
        DataCommand::Backup(BackupCommand::Now(out)) => {
            let backup = app.backup_now()?;
            emit(&out, &backup, || vec![backup_line(&backup)])
        }
        DataCommand::Backup(BackupCommand::List(out)) => {
            let list = app.backups()?;
            emit(&out, &list, || {
                if list.is_empty() {
                    vec![format!("no backups yet in {}", app.backup_dir().display())]
                } else {
                    list.iter().map(backup_line).collect()
                }
            })
        }
        DataCommand::Backup(BackupCommand::Restore { id, out }) => {
            let report = app.restore_backup(&id)?;
            emit(&out, &report, || {
                let mut lines = vec![format!("restored {}", backup_line(&report.restored))];
                if let Some(safety) = &report.safety_backup {
                    lines.push(format!("the state before is in {}", backup_line(safety)));
                }
                lines
            })
        }
        DataCommand::DeleteAll { .. } => unreachable!("delete-all owns the app and runs before execute"),
    }
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
