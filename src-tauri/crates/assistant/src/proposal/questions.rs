//! A questions proposal read from a reply: each question through core's
//! `QuestionInput::validate`, the rule a hand-written question and a card
//! import use (a prompt, 2 to 8 different choices with exactly one right,
//! non-empty answers, length caps), of a kind the learner asked for, and not
//! a repeat of an earlier question of the same reply (small models repeat).

use super::{Problem, Proposed, repeat_of, reply_items, shape_error};
use crate::brief::QuestionKind;
use crate::model::Finish;
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use waymark_core::question::{QuestionBody, QuestionInput};

/// The questions a model proposed: the valid ones, and what was wrong with the others.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, TS)]
pub struct QuestionsProposal {
    /// Valid questions (naming no step yet), in the reply's order.
    pub questions: Vec<Proposed<QuestionInput>>,
    /// What was wrong, per question or with the whole reply.
    pub problems: Vec<Problem>,
}

#[derive(Deserialize)]
struct WireQuestion {
    prompt: String,
    body: QuestionBody,
    #[serde(default)]
    explanation: String,
}

/// Reads a questions reply: at most `max` questions, each of one of `kinds`
/// (any kind when empty) and validated.
pub fn parse_questions(text: &str, finish: &Finish, kinds: &[QuestionKind], max: usize) -> QuestionsProposal {
    let (items, mut problems) = match reply_items(text, finish, "questions", "question", max) {
        Ok(found) => found,
        Err(problem) => return QuestionsProposal { questions: Vec::new(), problems: vec![problem] },
    };
    let allowed = QuestionKind::allowed(kinds);
    let mut questions = Vec::new();
    for (i, value) in items.into_iter().enumerate() {
        let item = i + 1;
        let wire: WireQuestion = match serde_json::from_value(value) {
            Ok(wire) => wire,
            Err(e) => {
                problems.push(Problem::at("question", item, None, &format!("wrong shape: {}", shape_error(&e))));
                continue;
            }
        };
        let kind = QuestionKind::of(&wire.body);
        if !allowed.contains(&kind) {
            let asked = allowed.iter().map(|k| k.words()).collect::<Vec<_>>().join(", ");
            let what = format!("a {} question, but only {asked} were asked for", kind.words());
            problems.push(Problem::at("question", item, Some("kind"), &what));
            continue;
        }
        let input = QuestionInput {
            prompt: wire.prompt,
            body: wire.body,
            explanation: wire.explanation,
            tags: Vec::new(),
            step_id: None,
            task_id: None,
        };
        let value = match input.validate() {
            Ok(value) => value,
            Err(e) => {
                problems.push(Problem::at("question", item, Some(e.field), &e.message));
                continue;
            }
        };
        if let Some(first) = repeat_of(&questions, &value.prompt, |q: &QuestionInput| q.prompt.as_str()) {
            problems.push(Problem::at("question", item, Some("prompt"), &format!("repeats question {first}")));
            continue;
        }
        questions.push(Proposed { item, value });
    }
    QuestionsProposal { questions, problems }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::{Value, json};
    use waymark_core::question::MAX_PROMPT_CHARS;

    fn mc(correct: &[bool]) -> Value {
        let choices: Vec<Value> =
            correct.iter().enumerate().map(|(i, c)| json!({ "text": format!("choice {i}"), "correct": c })).collect();
        json!({ "prompt": "Which?", "body": { "kind": "multiple_choice", "choices": choices }, "explanation": "e" })
    }

    fn parse(questions: Vec<Value>, kinds: &[QuestionKind]) -> QuestionsProposal {
        parse_questions(&json!({ "questions": questions }).to_string(), &Finish::Stop, kinds, 5)
    }

    #[test]
    fn good_questions_of_every_kind_are_kept() {
        let p = parse(
            vec![
                mc(&[false, true, false]),
                json!({ "prompt": "Pods are containers.", "body": { "kind": "true_false", "answer": false }, "explanation": "" }),
                json!({ "prompt": "The CLI?", "body": { "kind": "short_answer", "accepted": ["kubectl", " "] }, "explanation": "" }),
                json!({ "prompt": "What is a pod?", "body": { "kind": "recall", "back": "The smallest unit" } }),
            ],
            &[],
        );
        assert!(p.problems.is_empty(), "{:?}", p.problems);
        assert_eq!(p.questions.len(), 4);
        assert_eq!(p.questions[2].value.body, QuestionBody::ShortAnswer { accepted: vec!["kubectl".into()] });
    }

    #[test]
    fn multiple_choice_needs_exactly_one_right_choice() {
        let p = parse(vec![mc(&[true, true, false]), mc(&[false, false]), mc(&[true]), mc(&[false, true])], &[]);
        assert_eq!(p.questions.iter().map(|q| q.item).collect::<Vec<_>>(), [4]);
        let messages: Vec<&str> = p.problems.iter().map(|p| p.message.as_str()).collect();
        assert!(messages[0].starts_with("question 1: choices: mark exactly one"), "{messages:?}");
        assert!(messages[1].contains("none is marked"), "{messages:?}");
        assert!(messages[2].contains("give 2 to 8 choices"), "{messages:?}");
    }

    #[test]
    fn a_kind_not_asked_for_is_refused() {
        let p = parse(vec![mc(&[true, false])], &[QuestionKind::TrueFalse, QuestionKind::Recall]);
        assert!(p.questions.is_empty());
        assert_eq!(p.problems[0].field.as_deref(), Some("kind"));
        assert!(
            p.problems[0].message.contains("only true or false, recall were asked for"),
            "{}",
            p.problems[0].message
        );
    }

    #[test]
    fn the_wrong_shape_too_long_and_too_many_are_named() {
        let long = json!({ "prompt": "p".repeat(MAX_PROMPT_CHARS + 1), "body": { "kind": "recall", "back": "b" } });
        let unknown = json!({ "prompt": "p", "body": { "kind": "essay" } });
        let p = parse(vec![long, unknown, json!({ "body": { "kind": "true_false", "answer": true } })], &[]);
        assert!(p.questions.is_empty());
        assert_eq!(p.problems[0].field.as_deref(), Some("prompt"));
        assert!(p.problems[0].message.contains("too long"));
        assert!(p.problems[1].message.starts_with("question 2: wrong shape"), "{}", p.problems[1].message);
        assert!(p.problems[2].message.contains("missing field `prompt`"), "{}", p.problems[2].message);
        let many = (0..9)
            .map(|i| json!({ "prompt": format!("Q{i}?"), "body": { "kind": "true_false", "answer": true } }))
            .collect();
        let p = parse(many, &[]);
        assert_eq!(p.questions.len(), 5);
        assert!(p.problems[0].message.contains("9 questions, more than the 5"));
    }

    #[test]
    fn a_repeated_question_is_kept_once() {
        let tf = |prompt: &str| json!({ "prompt": prompt, "body": { "kind": "true_false", "answer": true } });
        let p =
            parse(vec![tf("Pods run containers."), tf("Services expose pods."), tf("  pods RUN   containers. ")], &[]);
        assert_eq!(p.questions.iter().map(|q| q.item).collect::<Vec<_>>(), [1, 2]);
        assert_eq!(p.problems.len(), 1);
        assert_eq!(p.problems[0].message, "question 3: prompt: repeats question 1");
    }

    #[test]
    fn not_json_keeps_nothing() {
        let p = parse_questions("Q1: What is a pod?", &Finish::Stop, &[], 5);
        assert!(p.questions.is_empty());
        assert_eq!(p.problems[0].item, None);
    }
}
