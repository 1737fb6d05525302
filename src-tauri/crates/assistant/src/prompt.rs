//! The prompts, built from the files in `prompts/` (one system and one user
//! template per task, and the JSON instruction added when a server cannot
//! be given the schema itself) and the learner's fields, cut to the context
//! budget.

use crate::brief::{GoalBrief, QuestionKind, StepBrief};
use crate::budget::{Field, fit};
use crate::config::Limits;
use crate::model::{Message, OutputMode, Schema};
use crate::template::fill;

/// The system prompt of a roadmap proposal.
pub const ROADMAP_SYSTEM: &str = include_str!("../prompts/roadmap_system.md");
/// The user prompt of a roadmap proposal.
pub const ROADMAP_USER: &str = include_str!("../prompts/roadmap_user.md");
/// The system prompt of a questions proposal.
pub const QUESTIONS_SYSTEM: &str = include_str!("../prompts/questions_system.md");
/// The user prompt of a questions proposal.
pub const QUESTIONS_USER: &str = include_str!("../prompts/questions_user.md");
/// Added to the system prompt when the schema cannot go in `response_format`.
pub const JSON_ONLY: &str = include_str!("../prompts/json_only.md");

/// A prompt ready to send, and which learner fields were shortened to fit.
#[derive(Debug, Clone, PartialEq)]
pub struct Prompt {
    /// The system prompt.
    pub system: String,
    /// The user prompt.
    pub user: String,
    /// The schema of the reply.
    pub schema: Schema,
    /// Names of the fields cut to fit the context budget.
    pub shortened: Vec<&'static str>,
}

impl Prompt {
    /// The messages for a request in `mode`: the schema goes into the system
    /// prompt unless the server takes it as `response_format`.
    pub fn messages(&self, mode: OutputMode) -> Vec<Message> {
        let system = match mode {
            OutputMode::JsonSchema => self.system.clone(),
            OutputMode::JsonObject | OutputMode::PromptOnly => format!("{}\n{}", self.system, json_only(&self.schema)),
        };
        vec![Message::system(system), Message::user(self.user.clone())]
    }
}

fn json_only(schema: &Schema) -> String {
    fill(JSON_ONLY, &[("schema", &schema.schema.to_string())])
}

/// The prompt of a roadmap proposal for `goal`.
pub fn roadmap(goal: &GoalBrief, limits: &Limits, schema: Schema) -> Prompt {
    let system = fill(ROADMAP_SYSTEM, &[("max_steps", &limits.max_steps.to_string())]);
    let mut fields = vec![
        Field::new("title", goal.title.trim(), 9),
        Field::new("note", goal.note.as_deref().unwrap_or_default().trim(), 8),
        Field::new("level", goal.level.as_deref().unwrap_or_default().trim(), 7),
        Field::new("target_date", goal.target_date.as_deref().unwrap_or_default().trim(), 7),
        Field::new("description", goal.description.trim(), 5),
        Field::new("known", goal.known.trim(), 3),
    ];
    let hours = format!("{}", goal.hours_per_week);
    let fixed = fixed_chars(&system, ROADMAP_USER, &schema) + hours.len();
    let shortened = fit(fixed, &mut fields, limits.context_tokens);
    let mut values: Vec<(&str, &str)> = fields.iter().map(|f| (f.name, f.value.as_str())).collect();
    values.push(("hours_per_week", &hours));
    Prompt { user: fill(ROADMAP_USER, &values), system, schema, shortened }
}

/// The prompt of a questions proposal for `step`, asking for `count` questions.
pub fn questions(step: &StepBrief, count: usize, limits: &Limits, schema: Schema) -> Prompt {
    let kinds = QuestionKind::allowed(&step.kinds).iter().map(|k| k.words()).collect::<Vec<_>>().join(", ");
    let count = count.to_string();
    let system = fill(QUESTIONS_SYSTEM, &[("count", &count), ("kinds", &kinds)]);
    let mut fields = vec![
        Field::new("title", step.title.trim(), 9),
        Field::new("skills", step.skills.join(", "), 7),
        Field::new("description", step.description.trim(), 5),
        Field::new("goal", step.goal.trim(), 4),
        Field::new("resources", step.resources.join("; "), 2),
    ];
    let fixed = fixed_chars(&system, QUESTIONS_USER, &schema) + count.len();
    let shortened = fit(fixed, &mut fields, limits.context_tokens);
    let mut values: Vec<(&str, &str)> = fields.iter().map(|f| (f.name, f.value.as_str())).collect();
    values.push(("count", &count));
    Prompt { user: fill(QUESTIONS_USER, &values), system, schema, shortened }
}

/// Characters sent whatever the learner wrote: the system prompt, the user
/// template and the JSON instruction (counted always, whichever mode is used).
fn fixed_chars(system: &str, user_template: &str, schema: &Schema) -> usize {
    system.chars().count() + user_template.chars().count() + json_only(schema).chars().count()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::budget::tokens;
    use crate::schema;
    use crate::template::placeholders;

    fn goal() -> GoalBrief {
        GoalBrief {
            title: "Learn Kubernetes".into(),
            description: "Run my own services on a cluster".into(),
            level: Some("beginner".into()),
            hours_per_week: 4.5,
            target_date: Some("2027-03-01".into()),
            known: "Docker and Linux".into(),
            note: None,
        }
    }

    fn step() -> StepBrief {
        StepBrief {
            goal: "Learn Kubernetes".into(),
            title: "Pods".into(),
            description: "What a pod is".into(),
            skills: vec!["pods".into(), "kubectl".into()],
            resources: vec!["Kubernetes docs".into()],
            count: 5,
            kinds: vec![QuestionKind::MultipleChoice, QuestionKind::TrueFalse],
        }
    }

    #[test]
    fn every_placeholder_of_the_files_is_filled() {
        let limits = Limits::default();
        let r = roadmap(&GoalBrief { note: Some("fewer videos".into()), ..goal() }, &limits, schema::roadmap(&limits));
        let q = questions(&step(), 5, &limits, schema::questions(&step().kinds, 5, &limits));
        for text in [&r.system, &r.user, &q.system, &q.user] {
            assert!(placeholders(text).is_empty(), "{text}");
        }
        for text in [r.messages(OutputMode::PromptOnly), q.messages(OutputMode::JsonObject)].concat() {
            assert!(placeholders(&text.content).is_empty(), "{}", text.content);
        }
    }

    #[test]
    fn the_roadmap_prompt_says_what_the_learner_gave() {
        let limits = Limits::default();
        let p = roadmap(&goal(), &limits, schema::roadmap(&limits));
        for part in ["Learn Kubernetes", "beginner", "4.5", "2027-03-01", "Docker and Linux", "cluster"] {
            assert!(p.user.contains(part), "{part} in {}", p.user);
        }
        assert!(!p.user.contains("previous proposal"));
        let again = roadmap(&GoalBrief { note: Some("more practice".into()), ..goal() }, &limits, p.schema.clone());
        assert!(again.user.contains("previous proposal: more practice"), "{}", again.user);
        assert!(p.system.contains("at most 40 steps"));
        assert!(!p.messages(OutputMode::JsonSchema)[0].content.contains("JSON schema"));
        assert!(p.messages(OutputMode::PromptOnly)[0].content.contains("\"steps\""));
    }

    #[test]
    fn the_questions_prompt_names_the_kinds_and_the_step() {
        let limits = Limits::default();
        let p = questions(&step(), 3, &limits, schema::questions(&step().kinds, 3, &limits));
        assert!(p.system.contains("Write 3 questions"));
        assert!(p.system.contains("multiple choice, true or false"), "{}", p.system);
        for part in ["Pods", "pods, kubectl", "Kubernetes docs", "What a pod is"] {
            assert!(p.user.contains(part), "{part} in {}", p.user);
        }
    }

    #[test]
    fn a_long_context_is_cut_to_the_budget_lowest_priority_first() {
        let limits = Limits { context_tokens: 1_200, ..Limits::default() };
        let long = GoalBrief { known: "k".repeat(20_000), description: "d".repeat(2_000), ..goal() };
        let p = roadmap(&long, &limits, schema::roadmap(&limits));
        assert_eq!(p.shortened, ["known"]);
        let sent = p.messages(OutputMode::PromptOnly).iter().map(|m| tokens(&m.content)).sum::<usize>();
        assert!(sent <= limits.context_tokens, "{sent} tokens");
        assert!(p.user.contains(&"d".repeat(2_000)));
    }
}
