//! Roadmaps: the ordered steps that lead to a goal, each with a duration, skills
//! and resources.

use crate::duration::{HourEstimate, parse_duration};
use crate::error::{ValidationError, ValidationResult, check_len};
use crate::goal::clean_tags;
use crate::ids::{GoalId, RoadmapId, StepId};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Longest step title, in characters.
pub const MAX_STEP_TITLE_CHARS: usize = 300;
/// Longest step description, in characters.
pub const MAX_STEP_DESCRIPTION_CHARS: usize = 20_000;
/// Longest skill name, in characters.
pub const MAX_SKILL_CHARS: usize = 100;
/// Most skills on a step.
pub const MAX_SKILLS: usize = 50;
/// Most resources on a step.
pub const MAX_RESOURCES: usize = 100;
/// Longest resource title, in characters.
pub const MAX_RESOURCE_TITLE_CHARS: usize = 500;
/// Longest resource address, in characters.
pub const MAX_URL_CHARS: usize = 2_000;

/// What kind of material a resource is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ResourceKind {
    /// A web article or documentation page.
    #[default]
    Article,
    /// A video.
    Video,
    /// A course.
    Course,
    /// A book.
    Book,
    /// A hands-on tutorial.
    Tutorial,
}

/// A link to study material.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Resource {
    /// What the learner sees.
    pub title: String,
    /// An http or https address.
    pub url: String,
    /// The kind of material.
    pub kind: ResourceKind,
}

/// Where a step stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum StepStatus {
    /// Not started.
    #[default]
    Pending,
    /// Some of its tasks are done.
    InProgress,
    /// Finished.
    Done,
}

/// One step of a roadmap.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Step {
    /// Its id, stable across edits and reorders.
    pub id: StepId,
    /// Short name.
    pub title: String,
    /// What to learn or do.
    pub description: String,
    /// Duration text as the learner wrote it ("2 weeks", "1-3 months", "45 min").
    pub duration: String,
    /// Hours per week for this step; the goal's when absent.
    pub weekly_hours: Option<f64>,
    /// Skills the step builds.
    pub skills: Vec<String>,
    /// Study material.
    pub resources: Vec<Resource>,
    /// Where it stands.
    pub status: StepStatus,
}

impl Step {
    /// Estimated hours, given the goal's weekly hours. The duration text was
    /// validated when the step was saved; text that no longer parses counts as zero.
    pub fn estimate(&self, goal_hours_per_week: f64) -> HourEstimate {
        parse_duration(&self.duration)
            .map(|d| d.hours_at(self.weekly_hours.unwrap_or(goal_hours_per_week)))
            .unwrap_or(HourEstimate { min: 0.0, mid: 0.0, max: 0.0 })
    }

    /// Minutes the planner schedules for this step.
    pub fn planned_minutes(&self, goal_hours_per_week: f64) -> u32 {
        parse_duration(&self.duration)
            .map(|d| d.planned_minutes(self.weekly_hours.unwrap_or(goal_hours_per_week)))
            .unwrap_or(0)
    }
}

/// The roadmap of one goal.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Roadmap {
    /// Its id.
    pub id: RoadmapId,
    /// The goal it leads to.
    pub goal_id: GoalId,
    /// The template it started from, or `None` when built by hand.
    pub template: Option<String>,
    /// Steps in study order.
    pub steps: Vec<Step>,
    /// When it was created.
    pub created_at: DateTime<Utc>,
}

/// What a learner types for a step.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct StepInput {
    /// Short name; required.
    pub title: String,
    /// Optional description.
    pub description: String,
    /// Duration text; required and parseable.
    pub duration: String,
    /// Optional hours per week for this step.
    pub weekly_hours: Option<f64>,
    /// Skills.
    pub skills: Vec<String>,
    /// Resources.
    pub resources: Vec<Resource>,
}

impl StepInput {
    /// Checks and normalises the input (a resource listed twice under one
    /// address is kept once).
    pub fn validate(mut self) -> ValidationResult<Self> {
        self.title = self.title.trim().to_string();
        if self.title.is_empty() {
            return Err(ValidationError::new("title", "is required; give the step a short name"));
        }
        check_len("title", &self.title, MAX_STEP_TITLE_CHARS)?;
        self.description = self.description.trim().to_string();
        check_len("description", &self.description, MAX_STEP_DESCRIPTION_CHARS)?;
        self.duration = self.duration.trim().to_string();
        parse_duration(&self.duration)?;
        if let Some(h) = self.weekly_hours
            && (!h.is_finite() || h <= 0.0 || h > 168.0)
        {
            return Err(ValidationError::new("weekly_hours", format!("must be more than 0 and at most 168; got {h}")));
        }
        self.skills = clean_tags(&self.skills);
        if self.skills.len() > MAX_SKILLS {
            return Err(ValidationError::new(
                "skills",
                format!("at most {MAX_SKILLS} skills; got {}", self.skills.len()),
            ));
        }
        for skill in &self.skills {
            check_len("skills", skill, MAX_SKILL_CHARS)?;
        }
        if self.resources.len() > MAX_RESOURCES {
            let n = self.resources.len();
            return Err(ValidationError::new("resources", format!("at most {MAX_RESOURCES} resources; got {n}")));
        }
        let resources: Vec<Resource> =
            self.resources.into_iter().map(Resource::validate).collect::<ValidationResult<_>>()?;
        let mut seen = std::collections::HashSet::new();
        self.resources = resources.into_iter().filter(|r| seen.insert(r.url.clone())).collect();
        Ok(self)
    }

    /// Builds the step with the given id.
    pub fn into_step(self, id: StepId, status: StepStatus) -> Step {
        Step {
            id,
            title: self.title,
            description: self.description,
            duration: self.duration,
            weekly_hours: self.weekly_hours,
            skills: self.skills,
            resources: self.resources,
            status,
        }
    }
}

impl From<Step> for StepInput {
    fn from(step: Step) -> Self {
        Self {
            title: step.title,
            description: step.description,
            duration: step.duration,
            weekly_hours: step.weekly_hours,
            skills: step.skills,
            resources: step.resources,
        }
    }
}

impl Resource {
    /// Checks the title and that the URL is http or https.
    pub fn validate(mut self) -> ValidationResult<Self> {
        self.url = self.url.trim().to_string();
        check_len("url", &self.url, MAX_URL_CHARS)?;
        validate_url(&self.url)?;
        self.title = self.title.trim().to_string();
        check_len("resources", &self.title, MAX_RESOURCE_TITLE_CHARS)?;
        if self.title.is_empty() {
            self.title = self.url.clone();
        }
        Ok(self)
    }
}

/// Accepts only `http://` and `https://` addresses with a host.
pub fn validate_url(url: &str) -> ValidationResult<()> {
    let lower = url.to_ascii_lowercase();
    let rest = lower.strip_prefix("https://").or_else(|| lower.strip_prefix("http://"));
    match rest {
        Some(rest) if !rest.is_empty() && !rest.starts_with('/') && !url.chars().any(char::is_whitespace) => Ok(()),
        _ => Err(ValidationError::new(
            "url",
            format!("\"{url}\" is not a web address; it must start with http:// or https://"),
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn step_input() -> StepInput {
        StepInput { title: "Ownership".into(), duration: "2 weeks".into(), ..Default::default() }
    }

    #[test]
    fn urls_must_be_web_addresses() {
        assert!(validate_url("https://doc.rust-lang.org/book/").is_ok());
        assert!(validate_url("HTTP://example.org").is_ok());
        for bad in
            ["", "file:///etc/passwd", "javascript:alert(1)", "ftp://x.org", "https://", "https:///x", "https://a b"]
        {
            assert_eq!(validate_url(bad).unwrap_err().field, "url", "{bad}");
        }
    }

    #[test]
    fn step_input_is_checked() {
        assert!(step_input().validate().is_ok());
        assert_eq!(StepInput { title: " ".into(), ..step_input() }.validate().unwrap_err().field, "title");
        assert_eq!(StepInput { duration: "-1 days".into(), ..step_input() }.validate().unwrap_err().field, "duration");
        assert_eq!(StepInput { weekly_hours: Some(0.0), ..step_input() }.validate().unwrap_err().field, "weekly_hours");
        let bad_res = Resource { title: "x".into(), url: "mailto:a@b".into(), kind: ResourceKind::Book };
        assert_eq!(StepInput { resources: vec![bad_res], ..step_input() }.validate().unwrap_err().field, "url");
    }

    #[test]
    fn step_fields_have_length_caps() {
        let field = |s: StepInput| s.validate().unwrap_err().field;
        assert_eq!(field(StepInput { title: "t".repeat(MAX_STEP_TITLE_CHARS + 1), ..step_input() }), "title");
        let long = "d".repeat(MAX_STEP_DESCRIPTION_CHARS + 1);
        assert_eq!(field(StepInput { description: long, ..step_input() }), "description");
        let many = (0..=MAX_SKILLS).map(|i| format!("s{i}")).collect();
        assert_eq!(field(StepInput { skills: many, ..step_input() }), "skills");
        assert_eq!(field(StepInput { skills: vec!["k".repeat(MAX_SKILL_CHARS + 1)], ..step_input() }), "skills");
        let res = |title: String, url: String| Resource { title, url, kind: ResourceKind::Article };
        let long_url = format!("https://a.org/{}", "p".repeat(MAX_URL_CHARS));
        assert_eq!(field(StepInput { resources: vec![res("x".into(), long_url)], ..step_input() }), "url");
        let long_title = "r".repeat(MAX_RESOURCE_TITLE_CHARS + 1);
        let resources = vec![res(long_title, "https://a.org".into())];
        assert_eq!(field(StepInput { resources, ..step_input() }), "resources");
        assert!(StepInput { title: "t".repeat(MAX_STEP_TITLE_CHARS), ..step_input() }.validate().is_ok());
    }

    #[test]
    fn a_resource_listed_twice_is_kept_once() {
        let res =
            |title: &str, url: &str| Resource { title: title.into(), url: url.into(), kind: ResourceKind::Article };
        let resources = vec![
            res("Docs", "https://k8s.io/docs"),
            res("Docs again", "https://k8s.io/docs"),
            res("B", "https://b.org"),
        ];
        let step = StepInput { resources, ..step_input() }.validate().unwrap();
        let titles: Vec<&str> = step.resources.iter().map(|r| r.title.as_str()).collect();
        assert_eq!(titles, ["Docs", "B"]);
    }

    #[test]
    fn estimate_uses_step_hours_over_goal_hours() {
        let step = step_input().validate().unwrap().into_step(StepId("s".into()), StepStatus::Pending);
        assert_eq!(step.estimate(5.0).mid, 10.0);
        let own = Step { weekly_hours: Some(2.0), ..step };
        assert_eq!(own.estimate(5.0).mid, 4.0);
        assert_eq!(own.planned_minutes(5.0), 240);
    }
}
