//! Built-in roadmap templates: a sound starting point for common goals, which the
//! learner then edits freely.
//!
//! Each template is a roadmap file in `templates/`, written in the Markdown
//! format of [`crate::roadmap_io`]: its header names it (`Name: rust`) and gives
//! its category and description, and every step carries the starter questions
//! written under it. The files are compiled in and read by the same importer as
//! a learner's file, once, at first use.
//!
//! The starter questions exist because the daily test only asks questions tied
//! to a step, and a learner who has just started from a template has written
//! none yet. Every step has four, one of each kind (multiple choice, true or
//! false, short answer, recall card), each with a short explanation; the learner
//! can edit or delete them like their own.

use crate::roadmap::StepInput;
use crate::roadmap_io::{RoadmapDoc, parse_markdown};
use serde::{Deserialize, Serialize};
use std::sync::LazyLock;
use ts_rs::TS;

/// The template files, in display order.
const FILES: [(&str, &str); 5] = [
    ("rust.md", include_str!("../templates/rust.md")),
    ("web-frontend.md", include_str!("../templates/web-frontend.md")),
    ("dsa.md", include_str!("../templates/dsa.md")),
    ("spanish.md", include_str!("../templates/spanish.md")),
    ("interview-prep.md", include_str!("../templates/interview-prep.md")),
];

/// The template files, read once. A file that does not read is a build
/// mistake that the tests catch, so it panics naming the file.
static BUILT_IN: LazyLock<Vec<RoadmapDoc>> = LazyLock::new(|| {
    FILES
        .iter()
        .map(|(file, text)| {
            let doc = parse_markdown(text).unwrap_or_else(|e| panic!("templates/{file}: {e}"));
            assert!(doc.name.is_some() && doc.title.is_some(), "templates/{file} needs a title and a `Name:` line");
            doc
        })
        .collect()
});

/// A built-in roadmap, as the template picker lists it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Template {
    /// Stable machine name, e.g. `rust`.
    pub name: String,
    /// What the learner sees, e.g. "Learn Rust".
    pub title: String,
    /// One sentence on what it covers.
    pub description: String,
    /// Suggested goal category.
    pub category: String,
    /// The steps in order.
    pub steps: Vec<StepInput>,
}

impl From<&RoadmapDoc> for Template {
    fn from(doc: &RoadmapDoc) -> Self {
        Self {
            name: doc.name.clone().unwrap_or_default(),
            title: doc.title.clone().unwrap_or_default(),
            description: doc.description.clone().unwrap_or_default(),
            category: doc.category.clone().unwrap_or_default(),
            steps: doc.steps.iter().map(|s| s.step.clone()).collect(),
        }
    }
}

/// All built-in templates, in display order.
pub fn templates() -> Vec<Template> {
    BUILT_IN.iter().map(Template::from).collect()
}

/// The template with this machine name.
pub fn template_named(name: &str) -> Option<Template> {
    template_roadmap(name).map(Template::from)
}

/// The whole file of the template with this machine name: its steps, each
/// with the starter questions written under it.
pub fn template_roadmap(name: &str) -> Option<&'static RoadmapDoc> {
    BUILT_IN.iter().find(|doc| doc.name.as_deref() == Some(name.trim()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ids::{GoalId, QuestionId};
    use crate::question::{Answer, QuestionBody, QuestionInput, check};
    use crate::roadmap_io::to_markdown;
    use chrono::{TimeZone, Utc};

    fn kind(q: &QuestionInput) -> &'static str {
        match q.body {
            QuestionBody::MultipleChoice { .. } => "multiple_choice",
            QuestionBody::TrueFalse { .. } => "true_false",
            QuestionBody::ShortAnswer { .. } => "short_answer",
            QuestionBody::Recall { .. } => "recall",
        }
    }

    fn roadmaps() -> impl Iterator<Item = &'static RoadmapDoc> {
        BUILT_IN.iter()
    }

    /// The questions of the step titled `step` in template `name`.
    fn questions(name: &str, step: &str) -> &'static [QuestionInput] {
        let doc = template_roadmap(name).unwrap_or_else(|| panic!("no template {name}"));
        let s = doc.steps.iter().find(|s| s.step.title == step).unwrap_or_else(|| panic!("{name}: no step {step}"));
        &s.questions
    }

    #[test]
    fn there_are_at_least_five_valid_templates() {
        let all = templates();
        assert!(all.len() >= 5);
        for t in &all {
            assert!(!t.steps.is_empty(), "{}", t.name);
            for s in &t.steps {
                s.clone().validate().unwrap_or_else(|e| panic!("{} / {}: {e}", t.name, s.title));
            }
        }
        let mut names: Vec<&str> = all.iter().map(|t| t.name.as_str()).collect();
        names.dedup();
        assert_eq!(names.len(), all.len());
        assert!(template_named("rust").is_some());
        assert!(template_named("klingon").is_none());
    }

    #[test]
    fn every_file_has_its_header_and_is_written_as_the_writer_writes_it() {
        for ((file, text), doc) in FILES.iter().zip(roadmaps()) {
            let name = doc.name.as_deref().unwrap_or_default();
            assert_eq!(*file, format!("{name}.md"));
            for field in [&doc.title, &doc.category, &doc.description] {
                assert!(field.as_deref().is_some_and(|f| !f.is_empty()), "{file}");
            }
            assert_eq!(to_markdown(doc), *text, "{file}");
            let written = text.lines().filter(|l| l.starts_with("Question: ")).count();
            assert_eq!(written, doc.steps.iter().map(|s| s.questions.len()).sum::<usize>(), "{file}");
        }
    }

    #[test]
    fn questions_belong_to_the_step_they_are_written_under() {
        for (name, step, prompt) in [
            ("rust", "Set up and first programs", "Which command creates a new binary project called `hello`?"),
            (
                "rust",
                "Ownership and borrowing",
                "What happens to a `String` when it is passed by value into a function?",
            ),
            ("rust", "Build a project", "Where do integration tests go in a Cargo package?"),
            (
                "dsa",
                "Trees and binary search",
                "What is the worst-case time complexity of binary search on a sorted array of n elements?",
            ),
            (
                "spanish",
                "Past tenses",
                "Complete: \"Ayer ___ al cine con mis amigos.\" (Yesterday I went to the cinema with my friends.)",
            ),
            (
                "interview-prep",
                "Plan and baseline",
                "Why take a timed baseline problem set before you start preparing?",
            ),
        ] {
            assert!(questions(name, step).iter().any(|q| q.prompt == prompt), "{name} / {step}: {prompt}");
            for doc in roadmaps() {
                for s in doc.steps.iter().filter(|s| s.step.title != step) {
                    assert!(s.questions.iter().all(|q| q.prompt != prompt), "{prompt} also under {}", s.step.title);
                }
            }
        }
    }

    #[test]
    fn every_step_of_every_template_has_three_or_four_valid_questions() {
        for doc in roadmaps() {
            for s in &doc.steps {
                let at = format!("{} step {}", doc.name.as_deref().unwrap_or_default(), s.step.title);
                assert!((3..=4).contains(&s.questions.len()), "{at}: {} questions", s.questions.len());
                assert_eq!(s.questions.len(), 4, "{at}");
                for q in &s.questions {
                    assert_eq!((&q.step_id, &q.task_id), (&None, &None), "{at}: {}", q.prompt);
                    assert!(!q.explanation.trim().is_empty(), "{at}: no explanation for {}", q.prompt);
                    // Valid, and already in the form validation would leave it in.
                    assert_eq!(q.clone().validate(), Ok(q.clone()), "{at}: {}", q.prompt);
                }
            }
        }
    }

    #[test]
    fn every_step_mixes_all_four_kinds_in_their_intended_shape() {
        for doc in roadmaps() {
            for s in &doc.steps {
                let mut kinds: Vec<_> = s.questions.iter().map(kind).collect();
                kinds.sort();
                kinds.dedup();
                assert_eq!(kinds.len(), 4, "{:?} step {}: {kinds:?}", doc.name, s.step.title);
                for q in &s.questions {
                    match &q.body {
                        QuestionBody::MultipleChoice { choices } => {
                            assert_eq!(choices.len(), 4, "{}", q.prompt);
                            assert_eq!(choices.iter().filter(|c| c.correct).count(), 1, "{}", q.prompt);
                        }
                        QuestionBody::ShortAnswer { accepted } => assert!(accepted.len() >= 2, "{}", q.prompt),
                        QuestionBody::TrueFalse { .. } | QuestionBody::Recall { .. } => {}
                    }
                }
            }
        }
    }

    #[test]
    fn step_counts_match_the_templates_and_names_are_exact() {
        let all = templates();
        assert_eq!(all.len(), 5);
        for t in &all {
            let doc = template_roadmap(&t.name).unwrap();
            assert_eq!(doc.steps.len(), t.steps.len(), "{}", t.name);
            assert!(!doc.steps.last().unwrap().questions.is_empty(), "{} last step", t.name);
        }
        assert!(template_roadmap("klingon").is_none());
        assert!(template_roadmap("").is_none());
        assert!(template_roadmap("Rust").is_none());
        assert_eq!(template_roadmap(" rust "), template_roadmap("rust"));
    }

    #[test]
    fn prompts_are_unique_across_the_bank() {
        let mut seen = std::collections::HashSet::new();
        for doc in roadmaps() {
            for q in doc.steps.iter().flat_map(|s| &s.questions) {
                assert!(seen.insert(q.prompt.clone()), "duplicate prompt: {}", q.prompt);
            }
        }
        assert!(seen.len() >= 3 * 34);
    }

    #[test]
    fn the_intended_answers_check_as_correct() {
        let at = Utc.with_ymd_and_hms(2026, 3, 1, 9, 0, 0).unwrap();
        let q = questions("dsa", "Trees and binary search").iter().find(|q| kind(q) == "multiple_choice").unwrap();
        assert!(q.prompt.contains("binary search"));
        let q = q.clone().validate().unwrap().into_question(QuestionId("q".into()), GoalId("g".into()), at);
        let c = check(&q, &Answer::Choice(2)).unwrap();
        assert!(c.correct);
        assert_eq!(c.expected, "O(log n)");

        let q = questions("spanish", "Past tenses").iter().find(|q| kind(q) == "short_answer").unwrap();
        let q = q.clone().validate().unwrap().into_question(QuestionId("q".into()), GoalId("g".into()), at);
        for typed in ["comí", "Comi", "yo comí."] {
            assert!(check(&q, &Answer::Text(typed.into())).unwrap().correct, "{typed}");
        }
        assert!(!check(&q, &Answer::Text("como".into())).unwrap().correct);
    }
}
