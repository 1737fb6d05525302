//! What the assistant is told: the goal a roadmap is for, the step questions
//! are for, and the kinds of question the learner ticked. The facade fills
//! these from the store; nothing else of the learner's data is sent.

use serde::{Deserialize, Serialize};
use std::str::FromStr;
use ts_rs::TS;
use waymark_core::goal::{Difficulty, Goal};
use waymark_core::question::QuestionBody;
use waymark_core::roadmap::Step;

/// A goal, as the roadmap prompt describes it.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, TS)]
pub struct GoalBrief {
    /// The goal's title ("Learn Kubernetes").
    pub title: String,
    /// Its description.
    pub description: String,
    /// The learner's level, in their words ("beginner").
    pub level: Option<String>,
    /// Hours per week the learner gives it.
    pub hours_per_week: f64,
    /// The date to reach it by (`YYYY-MM-DD`).
    pub target_date: Option<String>,
    /// What the learner already knows (free text).
    pub known: String,
    /// The learner's note on the previous proposal, when regenerating.
    pub note: Option<String>,
}

impl GoalBrief {
    /// The brief of a saved goal, with what the learner says they know and
    /// their note on the previous proposal.
    pub fn of_goal(goal: &Goal, known: &str, note: Option<&str>) -> Self {
        let level = match goal.difficulty {
            Difficulty::Beginner => "beginner: new to the subject",
            Difficulty::Intermediate => "intermediate: knows the basics",
            Difficulty::Advanced => "advanced: deepening existing skill",
        };
        Self {
            title: goal.title.clone(),
            description: goal.description.clone(),
            level: Some(level.to_string()),
            hours_per_week: goal.hours_per_week,
            target_date: goal.target_date.map(|d| d.to_string()),
            known: known.to_string(),
            note: note.map(str::to_string),
        }
    }
}

/// A roadmap step, as the questions prompt describes it.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, TS)]
pub struct StepBrief {
    /// The goal the step belongs to.
    pub goal: String,
    /// The step's title.
    pub title: String,
    /// Its description.
    pub description: String,
    /// The skills it builds.
    pub skills: Vec<String>,
    /// The titles of its resources.
    pub resources: Vec<String>,
    /// How many questions to write.
    pub count: usize,
    /// The kinds allowed; all of them when empty.
    pub kinds: Vec<QuestionKind>,
}

impl StepBrief {
    /// The brief of a saved step of the goal titled `goal`: `count` questions of `kinds`.
    pub fn of_step(goal: &str, step: &Step, count: usize, kinds: &[QuestionKind]) -> Self {
        Self {
            goal: goal.to_string(),
            title: step.title.clone(),
            description: step.description.clone(),
            skills: step.skills.clone(),
            resources: step.resources.iter().map(|r| r.title.clone()).collect(),
            count,
            kinds: kinds.to_vec(),
        }
    }
}

/// A kind of question the learner can ask for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum QuestionKind {
    /// Multiple choice with exactly one right choice (`mc`).
    MultipleChoice,
    /// True or false (`tf`).
    TrueFalse,
    /// A short typed answer (`short`).
    ShortAnswer,
    /// A flashcard to recall (`recall`).
    Recall,
}

impl QuestionKind {
    /// Every kind, in the order the prompt lists them.
    pub const ALL: [Self; 4] = [Self::MultipleChoice, Self::TrueFalse, Self::ShortAnswer, Self::Recall];

    /// The short name the CLI takes (`mc`, `tf`, `short`, `recall`).
    pub fn short_name(self) -> &'static str {
        match self {
            Self::MultipleChoice => "mc",
            Self::TrueFalse => "tf",
            Self::ShortAnswer => "short",
            Self::Recall => "recall",
        }
    }

    /// The `kind` tag of its body in the reply (`multiple_choice`, …).
    pub fn tag(self) -> &'static str {
        match self {
            Self::MultipleChoice => "multiple_choice",
            Self::TrueFalse => "true_false",
            Self::ShortAnswer => "short_answer",
            Self::Recall => "recall",
        }
    }

    /// The words the prompt uses for it.
    pub fn words(self) -> &'static str {
        match self {
            Self::MultipleChoice => "multiple choice",
            Self::TrueFalse => "true or false",
            Self::ShortAnswer => "short answer",
            Self::Recall => "recall",
        }
    }

    /// The kind of a question body.
    pub fn of(body: &QuestionBody) -> Self {
        match body {
            QuestionBody::MultipleChoice { .. } => Self::MultipleChoice,
            QuestionBody::TrueFalse { .. } => Self::TrueFalse,
            QuestionBody::ShortAnswer { .. } => Self::ShortAnswer,
            QuestionBody::Recall { .. } => Self::Recall,
        }
    }

    /// `kinds`, or every kind when it is empty, without repeats, in prompt order.
    pub fn allowed(kinds: &[Self]) -> Vec<Self> {
        Self::ALL.into_iter().filter(|k| kinds.is_empty() || kinds.contains(k)).collect()
    }
}

impl FromStr for QuestionKind {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let s = s.trim().to_ascii_lowercase();
        Self::ALL
            .into_iter()
            .find(|k| k.short_name() == s || k.tag() == s)
            .ok_or_else(|| format!("\"{s}\" is not a question kind; use mc, tf, short or recall"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_parse_by_short_name_and_tag() {
        assert_eq!("mc".parse(), Ok(QuestionKind::MultipleChoice));
        assert_eq!(" TF ".parse(), Ok(QuestionKind::TrueFalse));
        assert_eq!("short_answer".parse(), Ok(QuestionKind::ShortAnswer));
        assert!("essay".parse::<QuestionKind>().unwrap_err().contains("mc, tf, short or recall"));
    }

    #[test]
    fn a_step_brief_sends_resource_titles_not_addresses() {
        use waymark_core::ids::StepId;
        use waymark_core::roadmap::{Resource, ResourceKind, StepInput, StepStatus};
        let resource =
            Resource { title: "The Book".into(), url: "https://secret.example/x".into(), kind: ResourceKind::Book };
        let input = StepInput {
            title: "Pods".into(),
            duration: "1 week".into(),
            resources: vec![resource],
            ..StepInput::default()
        };
        let step = input.into_step(StepId("s".into()), StepStatus::Pending);
        let brief = StepBrief::of_step("Learn Kubernetes", &step, 3, &[QuestionKind::Recall]);
        assert_eq!(brief.resources, ["The Book"]);
        assert!(!format!("{brief:?}").contains("secret.example"));
    }

    #[test]
    fn no_kinds_means_every_kind() {
        assert_eq!(QuestionKind::allowed(&[]), QuestionKind::ALL);
        let some = [QuestionKind::Recall, QuestionKind::MultipleChoice, QuestionKind::Recall];
        assert_eq!(QuestionKind::allowed(&some), [QuestionKind::MultipleChoice, QuestionKind::Recall]);
    }
}
