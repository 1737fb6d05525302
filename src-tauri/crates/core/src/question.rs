//! Questions a learner writes for a step or task, and how an answer is checked.
//!
//! They are what the daily test asks and what revision cards show, so the rules
//! for a well-formed question (one right choice, a non-empty answer) and for a
//! fair comparison of typed answers live here, in one place.

use crate::error::{ValidationError, ValidationResult, check_len};
use crate::goal::clean_tags;
use crate::ids::{GoalId, QuestionId, StepId, TaskId};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Longest prompt, in characters.
pub const MAX_PROMPT_CHARS: usize = 2_000;
/// Longest recall answer or explanation, in characters.
pub const MAX_TEXT_CHARS: usize = 5_000;
/// Longest choice or accepted short answer, in characters.
pub const MAX_CHOICE_CHARS: usize = 500;
/// Fewest choices of a multiple-choice question.
pub const MIN_CHOICES: usize = 2;
/// Most choices of a multiple-choice question.
pub const MAX_CHOICES: usize = 8;
/// Most accepted answers of a short-answer question.
pub const MAX_ACCEPTED: usize = 20;
/// Most tags on a question.
pub const MAX_TAGS: usize = 20;

/// One option of a multiple-choice question.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Choice {
    /// What the learner sees.
    pub text: String,
    /// Whether this is the right option (exactly one is).
    pub correct: bool,
}

/// The kind of question and what counts as its right answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum QuestionBody {
    /// Pick one of 2 to 8 options; exactly one is right.
    MultipleChoice {
        /// The options, in the order shown.
        choices: Vec<Choice>,
    },
    /// A statement that is true or false.
    TrueFalse {
        /// Whether the statement is true.
        answer: bool,
    },
    /// A typed answer, compared leniently with the accepted ones.
    ShortAnswer {
        /// Answers that count as right.
        accepted: Vec<String>,
    },
    /// A flashcard: the learner recalls the back and grades themselves.
    Recall {
        /// The answer shown after recalling.
        back: String,
    },
}

/// A saved question.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Question {
    /// Its id.
    pub id: QuestionId,
    /// The goal it belongs to.
    pub goal_id: GoalId,
    /// The roadmap step it checks; always set when `task_id` is.
    pub step_id: Option<StepId>,
    /// The task it was written for, if any.
    pub task_id: Option<TaskId>,
    /// What is asked.
    pub prompt: String,
    /// The kind of question and its right answer.
    pub body: QuestionBody,
    /// Shown after answering; may be empty.
    pub explanation: String,
    /// Free tags.
    pub tags: Vec<String>,
    /// When it was written.
    pub created_at: DateTime<Utc>,
    /// The model that wrote it, for a question the assistant generated and the
    /// learner accepted; `None` for one written by hand, imported or from a
    /// template (and for every question saved before the field existed).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub generated_by: Option<String>,
}

/// What a learner types for a question.
///
/// A question for a task names the task's step too (see [`QuestionInput::for_task`]),
/// so the daily test can find it by step. A question with neither belongs to the
/// goal as a whole: it is revised but never picked for a day's test.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct QuestionInput {
    /// What is asked; required.
    pub prompt: String,
    /// The kind of question and its right answer.
    pub body: QuestionBody,
    /// Optional explanation.
    #[serde(default)]
    pub explanation: String,
    /// Optional tags.
    #[serde(default)]
    pub tags: Vec<String>,
    /// The step it checks.
    #[serde(default)]
    pub step_id: Option<StepId>,
    /// The task it was written for.
    #[serde(default)]
    pub task_id: Option<TaskId>,
}

impl QuestionInput {
    /// Attaches the input to a task and that task's step.
    pub fn for_task(mut self, task_id: TaskId, step_id: StepId) -> Self {
        self.task_id = Some(task_id);
        self.step_id = Some(step_id);
        self
    }

    /// Checks and normalises the input (trims text, drops blank accepted answers
    /// and duplicate tags).
    pub fn validate(mut self) -> ValidationResult<Self> {
        self.prompt = self.prompt.trim().to_string();
        if self.prompt.is_empty() {
            return Err(ValidationError::new("prompt", "is required; write the question to ask"));
        }
        check_len("prompt", &self.prompt, MAX_PROMPT_CHARS)?;
        self.explanation = self.explanation.trim().to_string();
        check_len("explanation", &self.explanation, MAX_TEXT_CHARS)?;
        self.tags = clean_tags(&self.tags);
        if self.tags.len() > MAX_TAGS {
            return Err(ValidationError::new("tags", format!("at most {MAX_TAGS} tags; got {}", self.tags.len())));
        }
        if self.task_id.is_some() && self.step_id.is_none() {
            return Err(ValidationError::new("step_id", "a question for a task must name the task's step"));
        }
        self.body = validate_body(self.body)?;
        Ok(self)
    }

    /// Builds the question with the given id, goal and creation time.
    pub fn into_question(self, id: QuestionId, goal_id: GoalId, created_at: DateTime<Utc>) -> Question {
        Question {
            id,
            goal_id,
            step_id: self.step_id,
            task_id: self.task_id,
            prompt: self.prompt,
            body: self.body,
            explanation: self.explanation,
            tags: self.tags,
            created_at,
            generated_by: None,
        }
    }
}

impl From<Question> for QuestionInput {
    fn from(q: Question) -> Self {
        Self {
            prompt: q.prompt,
            body: q.body,
            explanation: q.explanation,
            tags: q.tags,
            step_id: q.step_id,
            task_id: q.task_id,
        }
    }
}

fn validate_body(body: QuestionBody) -> ValidationResult<QuestionBody> {
    match body {
        QuestionBody::MultipleChoice { choices } => {
            validate_choices(choices).map(|choices| QuestionBody::MultipleChoice { choices })
        }
        QuestionBody::TrueFalse { answer } => Ok(QuestionBody::TrueFalse { answer }),
        QuestionBody::ShortAnswer { accepted } => {
            let mut kept: Vec<String> = Vec::new();
            for a in accepted {
                let a = a.trim().to_string();
                check_len("accepted", &a, MAX_CHOICE_CHARS)?;
                if !normalize_answer(&a).is_empty() && !kept.iter().any(|k| normalize_answer(k) == normalize_answer(&a))
                {
                    kept.push(a);
                }
            }
            if kept.is_empty() {
                return Err(ValidationError::new("accepted", "give at least one accepted answer"));
            }
            if kept.len() > MAX_ACCEPTED {
                return Err(ValidationError::new(
                    "accepted",
                    format!("at most {MAX_ACCEPTED} accepted answers; got {}", kept.len()),
                ));
            }
            Ok(QuestionBody::ShortAnswer { accepted: kept })
        }
        QuestionBody::Recall { back } => {
            let back = back.trim().to_string();
            if back.is_empty() {
                return Err(ValidationError::new("back", "is required; write the answer to recall"));
            }
            check_len("back", &back, MAX_TEXT_CHARS)?;
            Ok(QuestionBody::Recall { back })
        }
    }
}

fn validate_choices(choices: Vec<Choice>) -> ValidationResult<Vec<Choice>> {
    if !(MIN_CHOICES..=MAX_CHOICES).contains(&choices.len()) {
        return Err(ValidationError::new(
            "choices",
            format!("give {MIN_CHOICES} to {MAX_CHOICES} choices; got {}", choices.len()),
        ));
    }
    let mut kept: Vec<Choice> = Vec::with_capacity(choices.len());
    for (i, c) in choices.into_iter().enumerate() {
        let text = c.text.trim().to_string();
        if text.is_empty() {
            return Err(ValidationError::new("choices", format!("choice {} is empty", i + 1)));
        }
        check_len("choices", &text, MAX_CHOICE_CHARS)?;
        if let Some(j) = kept.iter().position(|k| normalize_answer(&k.text) == normalize_answer(&text)) {
            return Err(ValidationError::new("choices", format!("choices {} and {} are the same", j + 1, i + 1)));
        }
        kept.push(Choice { text, correct: c.correct });
    }
    let marked = kept.iter().filter(|c| c.correct).count();
    if marked != 1 {
        let how_many = match marked {
            0 => "none is".to_string(),
            n => format!("{n} are"),
        };
        return Err(ValidationError::new("choices", format!("mark exactly one choice as correct; {how_many} marked")));
    }
    Ok(kept)
}

/// A learner's answer to one question.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", content = "value", rename_all = "snake_case")]
pub enum Answer {
    /// The index of the picked choice (multiple choice).
    Choice(usize),
    /// True or false.
    Bool(bool),
    /// Typed text (short answer).
    Text(String),
    /// Whether the learner recalled the back (recall cards).
    SelfGrade(bool),
}

/// The verdict on an answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Checked {
    /// Whether the answer was right.
    pub correct: bool,
    /// The right answer as the learner should read it.
    pub expected: String,
    /// The question's explanation (may be empty).
    pub explanation: String,
}

/// Checks an answer against a (validated) question. An answer of the wrong kind,
/// or a choice index out of range, is refused on the field `answer`.
pub fn check(q: &Question, a: &Answer) -> Result<Checked, ValidationError> {
    let (correct, expected) = match (&q.body, a) {
        (QuestionBody::MultipleChoice { choices }, Answer::Choice(i)) => {
            let picked = choices.get(*i).ok_or_else(|| {
                ValidationError::new("answer", format!("there is no choice {}; pick 1 to {}", i + 1, choices.len()))
            })?;
            let right = choices.iter().find(|c| c.correct).map(|c| c.text.clone()).unwrap_or_default();
            (picked.correct, right)
        }
        (QuestionBody::TrueFalse { answer }, Answer::Bool(b)) => {
            (answer == b, if *answer { "True" } else { "False" }.to_string())
        }
        (QuestionBody::ShortAnswer { accepted }, Answer::Text(t)) => {
            let given = normalize_answer(t);
            let right = !given.is_empty() && accepted.iter().any(|x| normalize_answer(x) == given);
            (right, accepted.join(" or "))
        }
        (QuestionBody::Recall { back }, Answer::SelfGrade(knew)) => (*knew, back.clone()),
        (body, _) => return Err(ValidationError::new("answer", expected_kind(body))),
    };
    Ok(Checked { correct, expected, explanation: q.explanation.clone() })
}

fn expected_kind(body: &QuestionBody) -> &'static str {
    match body {
        QuestionBody::MultipleChoice { .. } => "this is a multiple-choice question; pick one of the choices",
        QuestionBody::TrueFalse { .. } => "this is a true-or-false question; answer true or false",
        QuestionBody::ShortAnswer { .. } => "this is a short-answer question; type the answer",
        QuestionBody::Recall { .. } => "this is a recall card; say whether you remembered the answer",
    }
}

/// The form typed answers are compared in: Unicode lowercase, whitespace runs
/// collapsed to one space, trimmed, and one trailing period dropped.
pub fn normalize_answer(text: &str) -> String {
    let collapsed = text.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase();
    match collapsed.strip_suffix('.') {
        Some(rest) => rest.trim_end().to_string(),
        None => collapsed,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn mc(choices: &[(&str, bool)]) -> QuestionBody {
        QuestionBody::MultipleChoice {
            choices: choices.iter().map(|(t, c)| Choice { text: t.to_string(), correct: *c }).collect(),
        }
    }

    fn input(body: QuestionBody) -> QuestionInput {
        QuestionInput {
            prompt: "What is the capital of France?".into(),
            body,
            explanation: String::new(),
            tags: vec![],
            step_id: None,
            task_id: None,
        }
    }

    fn question(body: QuestionBody) -> Question {
        let at = Utc.with_ymd_and_hms(2026, 3, 1, 9, 0, 0).unwrap();
        QuestionInput { explanation: "Paris has been the capital since 987.".into(), ..input(body) }
            .validate()
            .unwrap()
            .into_question(QuestionId("q".into()), GoalId("g".into()), at)
    }

    fn err(i: QuestionInput) -> ValidationError {
        i.validate().unwrap_err()
    }

    #[test]
    fn prompt_is_required_and_limited() {
        assert_eq!(
            err(QuestionInput { prompt: " \n\t ".into(), ..input(QuestionBody::TrueFalse { answer: true }) }).field,
            "prompt"
        );
        let long = "x".repeat(MAX_PROMPT_CHARS + 1);
        let e = err(QuestionInput { prompt: long, ..input(QuestionBody::TrueFalse { answer: true }) });
        assert_eq!(e.field, "prompt");
        assert!(e.message.contains("2001 characters"), "{}", e.message);
        let e = err(QuestionInput {
            explanation: "y".repeat(MAX_TEXT_CHARS + 1),
            ..input(QuestionBody::TrueFalse { answer: true })
        });
        assert_eq!(e.field, "explanation");
    }

    #[test]
    fn multiple_choice_needs_two_to_eight_distinct_choices() {
        assert_eq!(err(input(mc(&[("Paris", true)]))).field, "choices");
        let nine: Vec<(&str, bool)> =
            ["a", "b", "c", "d", "e", "f", "g", "h", "i"].iter().map(|t| (*t, *t == "a")).collect();
        let e = err(input(mc(&nine)));
        assert_eq!((e.field, e.message.as_str()), ("choices", "give 2 to 8 choices; got 9"));
        let e = err(input(mc(&[("Paris", true), ("  ", false)])));
        assert_eq!(e.message, "choice 2 is empty");
        let e = err(input(mc(&[("Paris", true), ("Lyon", false), (" paris ", false)])));
        assert_eq!(e.message, "choices 1 and 3 are the same");
    }

    #[test]
    fn multiple_choice_needs_exactly_one_correct() {
        let e = err(input(mc(&[("Paris", false), ("Lyon", false)])));
        assert_eq!((e.field, e.message.as_str()), ("choices", "mark exactly one choice as correct; none is marked"));
        let e = err(input(mc(&[("Paris", true), ("Lyon", true), ("Nice", true)])));
        assert_eq!(e.message, "mark exactly one choice as correct; 3 are marked");
        let ok = input(mc(&[(" Paris ", true), ("Lyon", false)])).validate().unwrap();
        assert_eq!(ok.body, mc(&[("Paris", true), ("Lyon", false)]));
    }

    #[test]
    fn short_answer_needs_an_accepted_answer() {
        let e = err(input(QuestionBody::ShortAnswer { accepted: vec![" ".into(), String::new()] }));
        assert_eq!(e.field, "accepted");
        let e = err(input(QuestionBody::ShortAnswer { accepted: vec!["x".repeat(MAX_CHOICE_CHARS + 1)] }));
        assert_eq!(e.field, "accepted");
        let ok = input(QuestionBody::ShortAnswer { accepted: vec![" Paris ".into(), "".into(), "paris.".into()] });
        assert_eq!(ok.validate().unwrap().body, QuestionBody::ShortAnswer { accepted: vec!["Paris".into()] });
    }

    #[test]
    fn recall_needs_a_back() {
        assert_eq!(err(input(QuestionBody::Recall { back: "  ".into() })).field, "back");
        assert_eq!(err(input(QuestionBody::Recall { back: "b".repeat(MAX_TEXT_CHARS + 1) })).field, "back");
    }

    #[test]
    fn tags_are_cleaned_and_limited_and_tasks_name_their_step() {
        let tags = vec![" geo ".into(), "GEO".into(), "".into(), "europe".into()];
        let ok = QuestionInput { tags, ..input(QuestionBody::TrueFalse { answer: true }) }.validate().unwrap();
        assert_eq!(ok.tags, vec!["geo", "europe"]);
        let many = (0..=MAX_TAGS).map(|i| format!("t{i}")).collect();
        assert_eq!(err(QuestionInput { tags: many, ..input(QuestionBody::TrueFalse { answer: true }) }).field, "tags");
        let orphan =
            QuestionInput { task_id: Some(TaskId("t".into())), ..input(QuestionBody::TrueFalse { answer: true }) };
        assert_eq!(err(orphan.clone()).field, "step_id");
        let fixed = orphan.for_task(TaskId("t".into()), StepId("s".into())).validate().unwrap();
        assert_eq!(fixed.step_id, Some(StepId("s".into())));
    }

    #[test]
    fn answers_are_normalised() {
        assert_eq!(normalize_answer(" Paris. "), "paris");
        assert_eq!(normalize_answer("  New \t York\n City "), "new york city");
        assert_eq!(normalize_answer("ÉCOLE Ñandú"), "école ñandú");
        assert_eq!(normalize_answer("U.S."), "u.s");
        assert_eq!(normalize_answer("end ."), "end");
        assert_eq!(normalize_answer("..."), "..");
    }

    #[test]
    fn short_answers_match_leniently() {
        let q = question(QuestionBody::ShortAnswer { accepted: vec!["Paris".into(), "Lutetia".into()] });
        for ok in [" Paris. ", "paris", "PARIS", "lutetia."] {
            assert!(check(&q, &Answer::Text(ok.into())).unwrap().correct, "{ok}");
        }
        for bad in ["", "  ", "Pari", "Paris, France"] {
            assert!(!check(&q, &Answer::Text(bad.into())).unwrap().correct, "{bad}");
        }
        let c = check(&q, &Answer::Text("Rome".into())).unwrap();
        assert_eq!(c.expected, "Paris or Lutetia");
        assert_eq!(c.explanation, "Paris has been the capital since 987.");
        let u = question(QuestionBody::ShortAnswer { accepted: vec!["Straße".into()] });
        assert!(check(&u, &Answer::Text("STRAẞE".into())).unwrap().correct);
        assert!(check(&u, &Answer::Text("straße".into())).unwrap().correct);
    }

    #[test]
    fn choices_true_false_and_recall_are_checked() {
        let q = question(mc(&[("Lyon", false), ("Paris", true)]));
        assert_eq!(
            check(&q, &Answer::Choice(1)).unwrap(),
            Checked { correct: true, expected: "Paris".into(), explanation: q.explanation.clone() }
        );
        assert!(!check(&q, &Answer::Choice(0)).unwrap().correct);
        let e = check(&q, &Answer::Choice(2)).unwrap_err();
        assert_eq!((e.field, e.message.as_str()), ("answer", "there is no choice 3; pick 1 to 2"));

        let tf = question(QuestionBody::TrueFalse { answer: false });
        assert_eq!(check(&tf, &Answer::Bool(false)).unwrap().expected, "False");
        assert!(!check(&tf, &Answer::Bool(true)).unwrap().correct);

        let card = question(QuestionBody::Recall { back: "Paris".into() });
        assert!(check(&card, &Answer::SelfGrade(true)).unwrap().correct);
        assert_eq!(
            check(&card, &Answer::SelfGrade(false)).unwrap(),
            Checked { correct: false, ..check(&card, &Answer::SelfGrade(true)).unwrap() }
        );
    }

    #[test]
    fn a_mismatched_answer_kind_is_refused() {
        let q = question(mc(&[("Lyon", false), ("Paris", true)]));
        for a in [Answer::Bool(true), Answer::Text("Paris".into()), Answer::SelfGrade(true)] {
            assert_eq!(check(&q, &a).unwrap_err().field, "answer");
        }
        let card = question(QuestionBody::Recall { back: "Paris".into() });
        assert_eq!(check(&card, &Answer::Text("Paris".into())).unwrap_err().field, "answer");
        let tf = question(QuestionBody::TrueFalse { answer: true });
        assert_eq!(check(&tf, &Answer::Choice(0)).unwrap_err().field, "answer");
    }

    #[test]
    fn serde_shapes_are_tagged() {
        let json = serde_json::to_value(Answer::Choice(2)).unwrap();
        assert_eq!(json, serde_json::json!({"kind": "choice", "value": 2}));
        let back: Answer = serde_json::from_value(serde_json::json!({"kind": "self_grade", "value": true})).unwrap();
        assert_eq!(back, Answer::SelfGrade(true));
        let body = serde_json::to_value(QuestionBody::TrueFalse { answer: true }).unwrap();
        assert_eq!(body, serde_json::json!({"kind": "true_false", "answer": true}));
        let input: QuestionInput =
            serde_json::from_value(serde_json::json!({"prompt": "p", "body": {"kind": "recall", "back": "b"}}))
                .unwrap();
        assert_eq!(input.body, QuestionBody::Recall { back: "b".into() });
    }
}
