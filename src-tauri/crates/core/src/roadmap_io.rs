//! Roadmaps as files: a learner can write a roadmap in any text editor, share
//! it, or carry it to another machine, and import it back as validated steps.
//!
//! Two formats are read and written. Both import to a [`RoadmapDoc`] whose steps
//! have passed [`StepInput::validate`], and both export so that importing the
//! export gives back the same document.
//!
//! # Markdown
//!
//! ```markdown
//! # Learn Rust
//!
//! ## Ownership and borrowing
//!
//! Duration: 2 weeks
//! Hours per week: 4
//! Skills: ownership, borrowing
//!
//! Read chapters 4 and 5, then redo the exercises
//! without looking at the answers.
//!
//! - [The Rust Programming Language](https://doc.rust-lang.org/book/) (book)
//! - https://www.youtube.com/watch?v=VFIOSWy93H0
//!
//! ## Error handling
//!
//! Duration: 1 week
//! ```
//!
//! - A single `# Title` before the first `##` heading names the roadmap. Every
//!   `##` (or deeper) heading then starts a step titled with the heading text.
//!   Without that structure every heading starts a step and there is no title.
//!   Text before the first step is ignored.
//! - `Duration: 2 weeks` is required in each step (any text
//!   [`parse_duration`](crate::duration::parse_duration) accepts).
//!   `Hours per week: 4` (or `Weekly hours:`) and `Skills: a, b` (or `Tags:`) are
//!   optional. Keys ignore case and may be bold, italic or bulleted
//!   (`**Duration:** 2 weeks`, `- Duration: 2 weeks`).
//! - A bullet that starts with a link, `- [Title](https://…)`, or a bare
//!   address, `- https://…`, is a resource; words after the link join its title.
//!   A trailing `(article)`, `(video)`, `(course)`, `(book)` or `(tutorial)` sets
//!   its kind; otherwise the kind is guessed from the address and title
//!   ([`guess_kind`]). Addresses must be http or https.
//! - Every other line, including other bullets and fenced code blocks (whose
//!   headings are not steps), is the description. Lines are kept with their
//!   trailing spaces removed; runs of blank lines become one paragraph break.
//!   A line starting with `\` followed by something the reader would otherwise
//!   take as a heading, key, resource or fence is description text without the
//!   `\` (the writer escapes such lines this way).
//! - Export writes each step as its heading, its keys, its description and its
//!   resources, each with its kind. A comma inside a skill is written `\,`.
//!
//! ## Header and questions
//!
//! A roadmap may say more about itself, and each step may carry the questions
//! that check it. The built-in templates are files of this kind
//! (`templates/*.md` in this crate).
//!
//! ```markdown
//! # Learn Rust
//!
//! Name: rust
//! Category: Programming
//! Description: From first program to confident, idiomatic Rust.
//!
//! ## Ownership and borrowing
//!
//! Duration: 2 weeks
//!
//! Question: What happens to `s` after `let t = s;` when `s` is a `String`?
//! - [ ] It is copied
//! - [x] It is moved; `s` can no longer be used
//! - [ ] It is borrowed
//! Explanation: `String` is not `Copy`, so assignment moves it.
//!
//! Question: A value can have any number of `&mut` borrows at once.
//! Answer: false
//!
//! Question: Which keyword makes a binding mutable?
//! Accepted: mut, `mut`
//!
//! Question: What does the borrow checker guarantee?
//! Back: No data races and no dangling references.
//! ```
//!
//! - Between the title and the first step, `Name:` (a short machine name, as
//!   each built-in template has), `Category:` and `Description:` lines describe
//!   the roadmap; other text there is ignored.
//! - In a step, a `Question:` line starts a question: its prompt. Below it, give
//!   exactly one kind of answer: choices as task-list bullets, `- [x] right` and
//!   `- [ ] wrong`, exactly one marked (multiple choice); `Answer: true` or
//!   `Answer: false` (true or false); `Accepted: a, b` or any other `Answer:`
//!   (short answer; a comma inside an answer is written `\,`); or `Back: …` (a
//!   recall card). `Explanation: …` is optional. A plain line continues the
//!   prompt, back or explanation above it, so these may span lines and
//!   paragraphs; the writer escapes their lines with `\` as it does description
//!   lines. A question runs to the next `Question:` or step, so write a step's
//!   description before its questions. Questions have no tags.
//! - Questions belong to the step they are written under: importing the file adds
//!   them to the new steps (like the starter questions of a template), and a
//!   question that is not valid (no answer, two right choices, …) is refused with
//!   its line. `Answer:`, `Accepted:`, `Back:` and `Explanation:` outside a
//!   question are description text.
//! - Export writes the header keys a document has and each step's questions after
//!   its resources; the goal export (`roadmap export`) writes the steps only.
//!
//! # JSON
//!
//! ```json
//! {
//!   "format": "waymark-roadmap",
//!   "version": 1,
//!   "title": "Learn Rust",
//!   "steps": [
//!     {
//!       "title": "Ownership and borrowing",
//!       "description": "Read chapters 4 and 5.",
//!       "duration": "2 weeks",
//!       "weekly_hours": 4.0,
//!       "skills": ["ownership", "borrowing"],
//!       "resources": [
//!         { "title": "The Rust Programming Language", "url": "https://doc.rust-lang.org/book/", "kind": "book" }
//!       ]
//!     }
//!   ]
//! }
//! ```
//!
//! `format` and `version` are required; a file from a newer Waymark (a higher
//! `version`) is refused. `title` may be absent. In a step only `title` and
//! `duration` are required; in a resource only `url` (`kind` defaults to
//! `article`). Unknown fields are refused, naming their path.
//!
//! The header keys are the optional fields `name`, `category` and `description`;
//! a step's questions are an optional `questions` list of
//! `{ "prompt": …, "body": { "kind": "multiple_choice", "choices": [{ "text": …, "correct": true }, …] }, "explanation": … }`
//! (`kind` one of `multiple_choice`, `true_false` with `answer`, `short_answer`
//! with `accepted`, `recall` with `back`; `explanation` optional).
//!
//! Imports are limited to [`MAX_IMPORT_BYTES`] of text and [`MAX_IMPORT_STEPS`]
//! steps. A UTF-8 byte-order mark and Windows line endings are accepted.

mod json;
mod kinds;
mod markdown;
mod questions;
mod syntax;

pub use json::{parse_json, to_json};
pub use kinds::guess_kind;
pub use markdown::{parse_markdown, to_markdown};

use crate::question::QuestionInput;
use crate::roadmap::StepInput;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// The `format` value that marks a Waymark roadmap JSON file.
pub const JSON_FORMAT: &str = "waymark-roadmap";

/// The JSON file version this build writes and the newest it reads.
pub const JSON_VERSION: u32 = 1;

/// The largest text accepted for import, in bytes (2 MB).
pub const MAX_IMPORT_BYTES: usize = 2_000_000;

/// The most steps an imported roadmap may have.
pub const MAX_IMPORT_STEPS: usize = 2_000;

/// A roadmap as it is imported from or exported to a file.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
pub struct RoadmapDoc {
    /// The roadmap's name, when the file gives one.
    pub title: Option<String>,
    /// A short machine name (`Name: rust`), as the built-in templates have.
    pub name: Option<String>,
    /// A suggested goal category (`Category: Programming`).
    pub category: Option<String>,
    /// One sentence on what the roadmap covers (`Description: …`).
    pub description: Option<String>,
    /// The steps in study order, each with the questions written under it.
    pub steps: Vec<DocStep>,
}

/// A step of a roadmap file and the questions written under it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
pub struct DocStep {
    /// The step's fields.
    pub step: StepInput,
    /// Its questions, validated, naming no step or task (the importer attaches
    /// them to the step it creates).
    pub questions: Vec<QuestionInput>,
}

impl From<StepInput> for DocStep {
    fn from(step: StepInput) -> Self {
        Self { step, questions: Vec::new() }
    }
}

/// Why a file could not be imported: where, which field, and what to change.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, Serialize, Deserialize, TS)]
#[error("{}{message}", line_prefix(*.line))]
pub struct ImportError {
    /// The 1-based line at fault, when known.
    pub line: Option<usize>,
    /// The field at fault: `duration`, `url`, … in Markdown; a path such as
    /// `steps[2].duration` in JSON.
    pub field: Option<String>,
    /// What is wrong and how to fix it, for the learner.
    pub message: String,
}

impl ImportError {
    fn new(line: Option<usize>, field: Option<&str>, message: impl Into<String>) -> Self {
        Self { line, field: field.map(str::to_string), message: message.into() }
    }
}

fn line_prefix(line: Option<usize>) -> String {
    line.map(|n| format!("line {n}: ")).unwrap_or_default()
}

fn prepare(text: &str) -> Result<&str, ImportError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.len() > MAX_IMPORT_BYTES {
        return Err(ImportError::new(
            None,
            None,
            format!(
                "the file is {:.1} MB; Waymark imports roadmaps of up to {} MB",
                text.len() as f64 / 1e6,
                MAX_IMPORT_BYTES / 1_000_000
            ),
        ));
    }
    Ok(text)
}

fn too_many_steps(line: Option<usize>) -> ImportError {
    ImportError::new(
        line,
        None,
        format!(
            "the roadmap has more than {MAX_IMPORT_STEPS} steps, the most Waymark imports; split it into several roadmaps"
        ),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::question::{Choice, QuestionBody};
    use crate::roadmap::{Resource, ResourceKind};
    use proptest::prelude::*;

    fn line() -> impl Strategy<Value = String> {
        let structural = prop::sample::select(vec![
            "## Not a step",
            "# Not a title",
            "Duration: 3 weeks",
            "**Skills:** a, b",
            "- [Not a resource](https://a.org)",
            "- https://a.org",
            "- [bad](ftp://a.org)",
            "```",
            "~~~~ text",
            "\\## escaped",
            "\\LaTeX",
            "- plain bullet",
            "   ### indented",
            "    ## code",
            "\\ \\## escaped twice",
            "  - [indented](https://a.org)",
            "\t~~~",
            " Tags: x",
        ]);
        prop_oneof![
            3 => "( {1,4}|\\t)?[A-Za-z0-9#*`~\\[\\]()<>:,.!?_\\\\/ -]{1,40}".prop_map(|s| s.trim_end().to_string()),
            1 => structural.prop_map(str::to_string),
        ]
        .prop_filter("a non-blank line", |s| !s.trim().is_empty())
    }

    fn title() -> impl Strategy<Value = String> {
        "[A-Za-z0-9#*:,.()\\[\\]\\\\_ é-]{1,30}"
            .prop_map(|s| s.trim().to_string())
            .prop_filter("non-empty", |s| !s.is_empty())
    }

    fn url() -> impl Strategy<Value = String> {
        prop_oneof![
            "https://[a-z]{1,10}\\.org/[a-z0-9/_.()-]{0,20}",
            "http://[a-z]{1,8}\\.com/?[a-z0-9?=&()\\\\]{0,10}",
            "https://(www\\.)?(youtube\\.com|coursera\\.org|nostarch\\.com)/[a-z]{0,8}",
        ]
    }

    fn resource() -> impl Strategy<Value = Resource> {
        let kind = prop::sample::select(vec![
            ResourceKind::Article,
            ResourceKind::Video,
            ResourceKind::Course,
            ResourceKind::Book,
            ResourceKind::Tutorial,
        ]);
        (prop::option::of(title()), url(), kind).prop_map(|(title, url, kind)| Resource {
            title: title.unwrap_or_else(|| url.clone()),
            url,
            kind,
        })
    }

    fn step() -> impl Strategy<Value = StepInput> {
        let duration = prop::sample::select(vec![
            "2 weeks",
            "1-3 months",
            "45 min",
            "1.5h",
            "10 days",
            "2 to 4 weeks",
            "30–45 min",
            "3 Hours",
        ]);
        let paragraphs = prop::collection::vec(prop::collection::vec(line(), 1..4), 0..4);
        let skills = prop::collection::vec("[A-Za-z+#*][A-Za-z0-9 +#,\\\\*_.-]{0,12}", 0..4);
        let hours = prop::option::of((1u32..=672).prop_map(|q| f64::from(q) / 4.0));
        (title(), paragraphs, duration, hours, skills, prop::collection::vec(resource(), 0..3)).prop_filter_map(
            "a valid step",
            |(title, paragraphs, duration, weekly_hours, skills, resources)| {
                let description = paragraphs.iter().map(|p| p.join("\n")).collect::<Vec<_>>().join("\n\n");
                let input =
                    StepInput { title, description, duration: duration.into(), weekly_hours, skills, resources };
                input.validate().ok()
            },
        )
    }

    fn text() -> impl Strategy<Value = String> {
        prop::collection::vec(prop::collection::vec(line(), 1..3), 1..3)
            .prop_map(|paragraphs| paragraphs.iter().map(|p| p.join("\n")).collect::<Vec<_>>().join("\n\n"))
    }

    fn question() -> impl Strategy<Value = QuestionInput> {
        let choices =
            (prop::collection::vec(title(), 2..5), any::<prop::sample::Index>()).prop_map(|(texts, right)| {
                let right = right.index(texts.len());
                let choices = texts.into_iter().enumerate().map(|(i, text)| Choice { text, correct: i == right });
                QuestionBody::MultipleChoice { choices: choices.collect() }
            });
        let body = prop_oneof![
            choices,
            any::<bool>().prop_map(|answer| QuestionBody::TrueFalse { answer }),
            prop::collection::vec("[A-Za-z0-9 ,\\\\*é-]{1,12}", 1..4)
                .prop_map(|accepted| QuestionBody::ShortAnswer { accepted }),
            text().prop_map(|back| QuestionBody::Recall { back }),
        ];
        (text(), body, prop::option::of(text())).prop_filter_map("a valid question", |(prompt, body, explanation)| {
            let explanation = explanation.unwrap_or_default();
            QuestionInput { prompt, body, explanation, tags: Vec::new(), step_id: None, task_id: None }.validate().ok()
        })
    }

    fn doc_step() -> impl Strategy<Value = DocStep> {
        (step(), prop::collection::vec(question(), 0..3)).prop_map(|(step, questions)| DocStep { step, questions })
    }

    fn doc() -> impl Strategy<Value = RoadmapDoc> {
        let header = (prop::option::of(title()), prop::option::of(title()), prop::option::of(title()));
        (prop::option::of(title()), header, prop::collection::vec(doc_step(), 1..5)).prop_map(
            |(title, (name, category, description), steps)| RoadmapDoc { title, name, category, description, steps },
        )
    }

    proptest! {
        #[test]
        fn markdown_round_trips(doc in doc()) {
            let text = to_markdown(&doc);
            prop_assert_eq!(parse_markdown(&text), Ok(doc), "{}", text);
        }

        #[test]
        fn json_round_trips(doc in doc()) {
            prop_assert_eq!(parse_json(&to_json(&doc)), Ok(doc));
        }
    }

    #[test]
    fn error_display_leads_with_the_line() {
        let e = ImportError::new(Some(7), Some("duration"), "step \"Ownership\" has no duration");
        assert_eq!(e.to_string(), "line 7: step \"Ownership\" has no duration");
        assert_eq!(ImportError::new(None, None, "no steps").to_string(), "no steps");
    }

    #[test]
    fn bom_is_dropped_and_size_is_limited() {
        assert_eq!(prepare("\u{feff}# A"), Ok("# A"));
        let big = "x".repeat(MAX_IMPORT_BYTES + 1);
        let err = prepare(&big).unwrap_err();
        assert_eq!(err.line, None);
        assert!(err.message.contains("up to 2 MB"), "{}", err.message);
        assert!(prepare(&big[1..]).is_ok());
    }
}
