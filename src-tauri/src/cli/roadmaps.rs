//! Roadmap commands of the CLI: the built-in templates, and a goal's roadmap
//! in and out of Markdown or JSON files.

use super::goals::goal_line;
use super::{Output, emit, read_file, write_or_print};
use clap::Subcommand;
use std::path::PathBuf;
use waymark_app::io::RoadmapFormat;
use waymark_app::limits::InputKind;
use waymark_app::{App, AppResult};

/// Roadmap file commands.
#[derive(Debug, Subcommand)]
pub enum RoadmapCommand {
    /// Replace a goal's steps with a .md or .json roadmap file.
    Import {
        /// The goal id.
        goal_id: String,
        /// The file (.md, .markdown or .json).
        file: PathBuf,
        #[command(flatten)]
        out: Output,
    },
    /// Write a goal's roadmap as Markdown or JSON.
    Export {
        /// The goal id.
        goal_id: String,
        /// md or json.
        #[arg(long, default_value = "md")]
        format: String,
        /// The file to write; standard output when absent.
        #[arg(long)]
        out: Option<PathBuf>,
    },
}

/// `waymark templates`: the built-in roadmap templates.
pub fn templates(app: &App, out: &Output) -> AppResult<()> {
    let templates = app.templates();
    emit(out, &templates, || {
        templates.iter().map(|t| format!("{:16} {} ({} steps)", t.name, t.title, t.steps.len())).collect()
    })
}

/// Runs one roadmap command.
pub fn run(app: &mut App, cmd: RoadmapCommand) -> AppResult<()> {
    match cmd {
        RoadmapCommand::Import { goal_id, file, out } => {
            let format = RoadmapFormat::of_file(&file.to_string_lossy())?;
            let view = {
                let text = read_file(app, InputKind::Roadmap, &file)?;
                app.import_roadmap(&goal_id, &text, format)?
            };
            emit(&out, &view, || vec![goal_line(&view.overview), format!("  {} steps imported", view.steps.len())])
        }
        RoadmapCommand::Export { goal_id, format, out } => {
            let text = app.export_roadmap(&goal_id, format.parse()?)?;
            write_or_print(out.as_deref(), &text)
        }
    }
}
