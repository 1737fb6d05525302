//! Roadmaps in and out of files (Markdown, JSON) and the plan as a calendar
//! (.ics). Parsing and writing are the core's pure rules; this module finds
//! the goal, replaces its steps in one transaction, and gathers the events.

use crate::App;
use crate::error::{AppError, AppResult, ErrorCode};
use crate::roadmaps::steps_with_cards;
use crate::views::GoalView;
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;
use waymark_core::activity::ActivityKind;
use waymark_core::ics::{IcsEvent, calendar};
use waymark_core::ids::RoadmapId;
use waymark_core::roadmap::{Roadmap, StepInput};
use waymark_core::roadmap_io::{DocStep, ImportError, RoadmapDoc, parse_json, parse_markdown, to_json, to_markdown};
use waymark_core::task::TaskStatus;

/// A roadmap file format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum RoadmapFormat {
    /// Markdown: headings are steps, "Duration: 2 weeks", bullet links are resources.
    Markdown,
    /// JSON, `{"format": "waymark-roadmap", "version": 1, ...}`.
    Json,
}

impl RoadmapFormat {
    /// The format of a file name (`.md`/`.markdown` or `.json`).
    pub fn of_file(name: &str) -> AppResult<Self> {
        let lower = name.to_ascii_lowercase();
        if lower.ends_with(".md") || lower.ends_with(".markdown") {
            Ok(Self::Markdown)
        } else if lower.ends_with(".json") {
            Ok(Self::Json)
        } else {
            Err(AppError::invalid("file", format!("\"{name}\" is neither a .md nor a .json roadmap file")))
        }
    }
}

impl std::str::FromStr for RoadmapFormat {
    type Err = AppError;

    /// Parses a format by name: `md` (or `markdown`) or `json`, in any case.
    fn from_str(name: &str) -> AppResult<Self> {
        match name.to_ascii_lowercase().as_str() {
            "md" | "markdown" => Ok(Self::Markdown),
            "json" => Ok(Self::Json),
            other => Err(AppError::invalid("format", format!("\"{other}\" is not md or json"))),
        }
    }
}

impl From<ImportError> for AppError {
    fn from(e: ImportError) -> Self {
        AppError { code: ErrorCode::InvalidInput, message: e.to_string(), field: Some("file".into()) }
    }
}

/// Where exports go: `WAYMARK_EXPORT_DIR`, else the Downloads folder, else
/// `exports/` in the data directory.
const EXPORT_DIR_ENV: &str = "WAYMARK_EXPORT_DIR";

impl App {
    /// Writes an export file (replacing one of the same name) and returns its path.
    pub fn save_export(&self, file_name: &str, text: &str) -> AppResult<String> {
        let dir = std::env::var_os(EXPORT_DIR_ENV)
            .map(std::path::PathBuf::from)
            .or_else(dirs::download_dir)
            .unwrap_or_else(|| self.data_dir().join("exports"));
        let system = |e: std::io::Error| AppError {
            code: ErrorCode::System,
            message: format!("cannot write the export into {}: {e}", dir.display()),
            field: None,
        };
        std::fs::create_dir_all(&dir).map_err(system)?;
        let path = dir.join(file_name);
        std::fs::write(&path, text).map_err(system)?;
        Ok(path.display().to_string())
    }

    /// Replaces a goal's steps with those of a roadmap file's text, adding the
    /// questions written under each step to that step; done tasks stay as
    /// history, the rest is planned again. A bad file changes nothing.
    pub fn import_roadmap(&mut self, goal_id: &str, text: &str, format: RoadmapFormat) -> AppResult<GoalView> {
        self.limits.check(crate::limits::InputKind::Roadmap, text.len() as u64)?;
        let doc = match format {
            RoadmapFormat::Markdown => parse_markdown(text)?,
            RoadmapFormat::Json => parse_json(text)?,
        };
        let goal = self.goal(goal_id)?;
        let now = self.clock.now();
        let mut roadmap = self.store.roadmap_of_goal(&goal.id)?.unwrap_or_else(|| Roadmap {
            id: RoadmapId::from_uuid(Uuid::now_v7()),
            goal_id: goal.id.clone(),
            template: None,
            steps: Vec::new(),
            created_at: now,
        });
        let count = doc.steps.len();
        roadmap.template = None;
        let (steps, cards) = steps_with_cards(&doc, &goal.id, now)?;
        roadmap.steps = steps;
        let log = vec![self.activity(
            ActivityKind::RoadmapImported,
            Some(&goal),
            None,
            format!("Imported {count} steps into {}", goal.title),
            Some(u32::try_from(count).unwrap_or(u32::MAX)),
        )];
        self.save_goal_with_cards(&goal, Some(&roadmap), log, &cards)?;
        self.goal_view(goal.id.as_str())
    }

    /// A goal's roadmap as file text (its steps; questions are not written).
    pub fn export_roadmap(&self, goal_id: &str, format: RoadmapFormat) -> AppResult<String> {
        let goal = self.goal(goal_id)?;
        let steps = self
            .store
            .roadmap_of_goal(&goal.id)?
            .map(|r| r.steps.into_iter().map(|s| DocStep::from(StepInput::from(s))).collect())
            .unwrap_or_default();
        let doc = RoadmapDoc { title: Some(goal.title), steps, ..RoadmapDoc::default() };
        Ok(match format {
            RoadmapFormat::Markdown => to_markdown(&doc),
            RoadmapFormat::Json => to_json(&doc),
        })
    }

    /// Saves the roadmap of a goal as a file (`roadmap-<first 8 characters of
    /// the goal's id>.md` or `.json`) beside the other exports; returns its path.
    pub fn save_roadmap(&self, goal_id: &str, format: RoadmapFormat) -> AppResult<String> {
        let text = self.export_roadmap(goal_id, format)?;
        let ext = if format == RoadmapFormat::Json { "json" } else { "md" };
        let short: String = goal_id.chars().filter(char::is_ascii_alphanumeric).take(8).collect();
        self.save_export(&format!("roadmap-{short}.{ext}"), &text)
    }

    /// The planned and done tasks of one goal (or of every active goal) as an
    /// iCalendar file of all-day events.
    pub fn export_ics(&self, goal_id: Option<&str>) -> AppResult<String> {
        let goals = match goal_id {
            Some(id) => vec![self.goal(id)?],
            None => self.store.goals()?.into_iter().filter(|g| g.is_active()).collect(),
        };
        let mut events = Vec::new();
        for goal in &goals {
            let roadmap = self.store.roadmap_of_goal(&goal.id)?;
            for task in self.store.tasks_of_goal(&goal.id)? {
                if task.status == TaskStatus::Skipped {
                    continue;
                }
                let step = roadmap.as_ref().and_then(|r| r.steps.iter().find(|s| s.id == task.step_id));
                let mut description = format!("{} · {} min", goal.title, task.duration_minutes);
                if let Some(s) = step.filter(|s| !s.description.is_empty()) {
                    description.push_str("\n\n");
                    description.push_str(&s.description);
                }
                if task.status == TaskStatus::Done {
                    description.push_str("\n\nDone.");
                }
                events.push(IcsEvent {
                    uid: task.id.to_string(),
                    date: task.date,
                    summary: format!("{} — {}", task.title, goal.title),
                    description,
                });
            }
        }
        events.sort_by(|a, b| (a.date, &a.uid).cmp(&(b.date, &b.uid)));
        let name = match goal_id {
            Some(_) => goals.first().map(|g| format!("Waymark · {}", g.title)).unwrap_or_default(),
            None => "Waymark".to_string(),
        };
        Ok(calendar(&name, &events, self.clock.now()))
    }
}
