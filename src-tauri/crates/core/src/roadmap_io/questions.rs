//! Questions written under a step of a Markdown roadmap (described on the
//! parent module): reading a `Question:` block into a validated question, and
//! writing one back so that it reads the same.

use super::ImportError;
use super::syntax::{self, Key};
use crate::question::{Choice, QuestionBody, QuestionInput};

/// The text field that a plain line after a key continues.
#[derive(Debug, Clone, Copy)]
enum Field {
    Prompt,
    Back,
    Explanation,
}

/// A question being read: what its lines have set so far.
pub(super) struct QuestionReader {
    line: usize,
    prompt: String,
    choices: Vec<Choice>,
    answer: Option<bool>,
    accepted: Vec<String>,
    back: Option<String>,
    explanation: String,
    field: Field,
    blank: bool,
}

impl QuestionReader {
    /// A question opened by `Question: prompt` on `line`.
    pub(super) fn new(line: usize, prompt: &str) -> Self {
        Self {
            line,
            prompt: prompt.to_string(),
            choices: Vec::new(),
            answer: None,
            accepted: Vec::new(),
            back: None,
            explanation: String::new(),
            field: Field::Prompt,
            blank: false,
        }
    }

    /// A blank line: the next text line starts a new paragraph.
    pub(super) fn blank(&mut self) {
        self.blank = true;
    }

    /// A `- [x] …` or `- [ ] …` line.
    pub(super) fn choice(&mut self, correct: bool, text: &str) {
        self.choices.push(Choice { text: text.to_string(), correct });
    }

    /// A question key line; `false` when `key` is not one of a question's.
    pub(super) fn key(&mut self, key: Key, value: &str) -> bool {
        match key {
            Key::Answer => match value.to_lowercase().as_str() {
                "true" => self.answer = Some(true),
                "false" => self.answer = Some(false),
                _ => self.accepted.extend(syntax::split_skills(value)),
            },
            Key::Accepted => self.accepted.extend(syntax::split_skills(value)),
            Key::Back => {
                self.back = Some(value.to_string());
                self.field = Field::Back;
            }
            Key::Explanation => {
                self.explanation = value.to_string();
                self.field = Field::Explanation;
            }
            _ => return false,
        }
        self.blank = false;
        true
    }

    /// A text line: it continues the prompt, back or explanation above it.
    pub(super) fn text(&mut self, text: &str) {
        let blank = std::mem::take(&mut self.blank);
        let field = match self.field {
            Field::Prompt => &mut self.prompt,
            Field::Back => self.back.get_or_insert_default(),
            Field::Explanation => &mut self.explanation,
        };
        if !field.is_empty() {
            field.push_str(if blank { "\n\n" } else { "\n" });
        }
        field.push_str(text);
    }

    /// The validated question; `step` names the step in errors.
    pub(super) fn finish(self, step: &str) -> Result<QuestionInput, ImportError> {
        let at = |field: &str, message: String| {
            let prompt: String = self.prompt.chars().take(60).collect();
            ImportError::new(Some(self.line), Some(field), format!("step \"{step}\", question \"{prompt}\": {message}"))
        };
        let mut bodies = Vec::new();
        if !self.choices.is_empty() {
            bodies.push(QuestionBody::MultipleChoice { choices: self.choices.clone() });
        }
        if let Some(answer) = self.answer {
            bodies.push(QuestionBody::TrueFalse { answer });
        }
        if !self.accepted.is_empty() {
            bodies.push(QuestionBody::ShortAnswer { accepted: self.accepted.clone() });
        }
        if let Some(back) = &self.back {
            bodies.push(QuestionBody::Recall { back: back.clone() });
        }
        if bodies.len() > 1 {
            return Err(at(
                "question",
                "mixes kinds of answer; give only choices, `Answer: true`/`false`, accepted answers or `Back:`".into(),
            ));
        }
        let Some(body) = bodies.pop() else {
            return Err(at(
                "question",
                "has no answer; add choices (`- [x] right`, `- [ ] wrong`), `Answer: true`, \
                 `Accepted: a, b` or `Back: …`"
                    .into(),
            ));
        };
        let input = QuestionInput {
            prompt: self.prompt.clone(),
            body,
            explanation: self.explanation.clone(),
            tags: Vec::new(),
            step_id: None,
            task_id: None,
        };
        input.validate().map_err(|e| at(e.field, format!("{} {}", e.field, e.message)))
    }
}

/// Writes a question as a `Question:` block that [`QuestionReader`] reads back.
pub(super) fn write_question(out: &mut String, q: &QuestionInput) {
    write_text(out, "Question", &q.prompt);
    match &q.body {
        QuestionBody::MultipleChoice { choices } => {
            for c in choices {
                let mark = if c.correct { "x" } else { " " };
                syntax::push_line(out, &format!("- [{mark}] {}", syntax::one_line(&c.text)));
            }
        }
        QuestionBody::TrueFalse { answer } => syntax::push_line(out, &format!("Answer: {answer}")),
        QuestionBody::ShortAnswer { accepted } => {
            let accepted: Vec<String> = accepted.iter().map(|a| syntax::escape_skill(&syntax::one_line(a))).collect();
            syntax::push_line(out, &format!("Accepted: {}", accepted.join(", ")));
        }
        QuestionBody::Recall { back } => write_text(out, "Back", back),
    }
    if !q.explanation.trim().is_empty() {
        write_text(out, "Explanation", &q.explanation);
    }
}

/// `Key: first line`, then the other lines, escaped where the reader would
/// take them for something else.
fn write_text(out: &mut String, key: &str, text: &str) {
    let mut lines = text.trim().lines();
    syntax::push_line(out, &format!("{key}: {}", lines.next().unwrap_or_default().trim_end()));
    for line in lines.map(str::trim_end) {
        if syntax::is_structural(line) {
            syntax::push_line(out, &syntax::escape_line(line));
        } else {
            syntax::push_line(out, line);
        }
    }
}
