//! A model's reply checked item by item: it is read as JSON (fences and words
//! around the object are tolerated), its list is cut to the limit, and every
//! item goes through the same validation as a roadmap import and a
//! hand-written question (`StepInput::validate`, `QuestionInput::validate` in
//! core). What fails is reported per item, in words a preview can show
//! ("step 3: duration: …"); what passes is kept, so the learner can take the
//! valid items if they choose. Nothing here writes anything.

mod questions;
mod roadmap;

pub use questions::{QuestionsProposal, parse_questions};
pub use roadmap::{RoadmapProposal, parse_roadmap};

use crate::model::Finish;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use ts_rs::TS;

/// What is wrong with a reply or with one of its items.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Problem {
    /// The 1-based item at fault; `None` for the reply as a whole.
    pub item: Option<usize>,
    /// The field at fault (`duration`, `url`, `choices`, …), when known.
    pub field: Option<String>,
    /// The whole sentence, naming the item ("step 3: duration: …").
    pub message: String,
}

impl Problem {
    pub(crate) fn whole(message: impl Into<String>) -> Self {
        Self { item: None, field: None, message: message.into() }
    }

    pub(crate) fn at(noun: &str, item: usize, field: Option<&str>, what: &str) -> Self {
        let message = match field {
            Some(field) => format!("{noun} {item}: {field}: {what}"),
            None => format!("{noun} {item}: {what}"),
        };
        Self { item: Some(item), field: field.map(str::to_string), message }
    }
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

/// A valid item and its 1-based place in the reply.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Proposed<T> {
    /// Its place in the reply (problems name the same numbers).
    pub item: usize,
    /// The item, validated and normalised.
    pub value: T,
}

/// A text as compared for repeats: lower case, words joined by single spaces.
fn same_words(text: &str) -> String {
    text.split_whitespace().map(str::to_lowercase).collect::<Vec<_>>().join(" ")
}

/// The reply item number of the first of `kept` whose text (by `text_of`)
/// has the same words as `text`, if any: small models repeat themselves.
pub(crate) fn repeat_of<T>(kept: &[Proposed<T>], text: &str, text_of: impl Fn(&T) -> &str) -> Option<usize> {
    let key = same_words(text);
    kept.iter().find(|p| same_words(text_of(&p.value)) == key).map(|p| p.item)
}

/// The list under `key` of a reply, at most `max` items (a problem says so
/// when there were more), or the problem that makes the reply unusable.
pub(crate) fn reply_items(
    text: &str,
    finish: &Finish,
    key: &str,
    noun: &str,
    max: usize,
) -> Result<(Vec<Value>, Vec<Problem>), Problem> {
    let object = reply_object(text, finish)?;
    let Some(Value::Array(items)) = object.get(key) else {
        return Err(Problem::whole(format!(
            "the reply has the wrong shape: it has no \"{key}\" list (it has {})",
            keys_of(&object)
        )));
    };
    let mut items = items.clone();
    let mut problems = Vec::new();
    if items.len() > max {
        problems.push(Problem::whole(format!(
            "the reply has {} {noun}s, more than the {max} asked for; only the first {max} are kept",
            items.len()
        )));
        items.truncate(max);
    }
    if items.is_empty() {
        return Err(Problem::whole(format!("the reply has no {noun}s")));
    }
    Ok((items, problems))
}

fn keys_of(object: &Map<String, Value>) -> String {
    if object.is_empty() {
        return "nothing".into();
    }
    object.keys().map(|k| format!("\"{k}\"")).collect::<Vec<_>>().join(", ")
}

/// The JSON object of a reply: the whole text, or the part from the first `{`
/// to the last `}` (a model that was not held to the schema may wrap it in
/// Markdown fences or words).
fn reply_object(text: &str, finish: &Finish) -> Result<Map<String, Value>, Problem> {
    let cut = matches!(finish, Finish::Length);
    let trimmed = text.trim();
    let candidate = match (trimmed.find('{'), trimmed.rfind('}')) {
        (Some(start), Some(end)) if start < end => &trimmed[start..=end],
        _ => trimmed,
    };
    match serde_json::from_str::<Value>(candidate) {
        Ok(Value::Object(object)) => Ok(object),
        Ok(other) => {
            Err(Problem::whole(format!("the reply has the wrong shape: it is {}, not an object", kind(&other))))
        }
        Err(_) if cut => Err(Problem::whole(
            "the reply was cut off at the token limit before its JSON was complete; regenerate, or ask for fewer items",
        )),
        Err(e) => Err(Problem::whole(format!("the reply is not JSON ({e}): {}", excerpt(trimmed)))),
    }
}

fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}

fn excerpt(text: &str) -> String {
    match text.char_indices().nth(80) {
        Some((at, _)) => format!("\"{}…\"", &text[..at]),
        None => format!("\"{text}\""),
    }
}

/// The serde error of an item without its position (items are numbered instead).
pub(crate) fn shape_error(e: &serde_json::Error) -> String {
    let text = e.to_string();
    match text.find(" at line ") {
        Some(at) => text[..at].to_string(),
        None => text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn items(text: &str) -> Result<(Vec<Value>, Vec<Problem>), Problem> {
        reply_items(text, &Finish::Stop, "steps", "step", 3)
    }

    #[test]
    fn not_json_is_one_problem_for_the_whole_reply() {
        let p = items("Sure! Here is your roadmap: step one, learn.").unwrap_err();
        assert_eq!(p.item, None);
        assert!(p.message.starts_with("the reply is not JSON"), "{}", p.message);
        let p = reply_items("{\"steps\": [{\"title\": \"a", &Finish::Length, "steps", "step", 3).unwrap_err();
        assert!(p.message.contains("cut off at the token limit"), "{}", p.message);
    }

    #[test]
    fn the_wrong_shape_says_what_was_there() {
        assert!(items("[1, 2]").unwrap_err().message.contains("not an object"));
        let p = items(r#"{"roadmap": []}"#).unwrap_err();
        assert!(p.message.contains("no \"steps\" list") && p.message.contains("\"roadmap\""), "{}", p.message);
        assert!(items(r#"{"steps": "learn"}"#).unwrap_err().message.contains("no \"steps\" list"));
        assert_eq!(items(r#"{"steps": []}"#).unwrap_err().message, "the reply has no steps");
    }

    #[test]
    fn fences_and_words_around_the_object_are_tolerated() {
        let (found, problems) = items("```json\n{\"steps\": [1]}\n```\nHope this helps").unwrap();
        assert_eq!((found.len(), problems.len()), (1, 0));
    }

    #[test]
    fn too_many_items_are_cut_with_a_problem() {
        let (found, problems) = items(r#"{"steps": [1, 2, 3, 4, 5]}"#).unwrap();
        assert_eq!(found.len(), 3);
        assert!(problems[0].message.contains("5 steps, more than the 3"), "{}", problems[0].message);
    }
}
