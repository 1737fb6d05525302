//! The JSON schemas of the two replies, sent as `response_format` (or in the
//! prompt when a server cannot take them). They follow the strict subset of
//! OpenAI's structured outputs (every property required, no additional
//! properties) and bound the counts with `maxItems`, so a server that
//! constrains its sampling to the schema cannot write more than is accepted.
//! The shapes are those [`crate::proposal`] reads.

use crate::brief::QuestionKind;
use crate::config::Limits;
use crate::model::Schema;
use serde_json::{Value, json};

/// Most skills asked for per step.
pub const MAX_SKILLS: usize = 8;
/// Most resources asked for per step.
pub const MAX_RESOURCES: usize = 5;
/// The durations the schema lets a model write ("2 weeks", "1-3 months", "45 min").
pub const DURATION_PATTERN: &str = r"^[1-9][0-9]{0,2}(-[1-9][0-9]{0,2})? (min|hours|days|weeks|months)$";

fn text(max_chars: Option<usize>) -> Value {
    match max_chars {
        Some(max) => json!({ "type": "string", "maxLength": max }),
        None => json!({ "type": "string" }),
    }
}

fn object(properties: Value) -> Value {
    let required: Vec<&String> = properties.as_object().map(|p| p.keys().collect()).unwrap_or_default();
    json!({ "type": "object", "properties": properties, "required": required, "additionalProperties": false })
}

fn list(items: Value, max: usize) -> Value {
    json!({ "type": "array", "items": items, "maxItems": max })
}

/// The schema of a roadmap proposal: `{steps: [{title, duration, description, skills, resources}]}`.
pub fn roadmap(limits: &Limits) -> Schema {
    let t = limits.max_text_chars;
    let resource = object(json!({ "title": text(t), "url": text(t.map(|n| n.max(200))) }));
    let step = object(json!({
        "title": text(t),
        "duration": { "type": "string", "pattern": DURATION_PATTERN },
        "description": text(t),
        "skills": list(text(t), MAX_SKILLS),
        "resources": list(resource, MAX_RESOURCES),
    }));
    let mut steps = list(step, limits.max_steps.max(1));
    steps["minItems"] = json!(1);
    Schema { name: "roadmap", schema: object(json!({ "steps": steps })) }
}

/// The schema of a questions proposal: `{questions: [{prompt, body, explanation}]}`
/// where `body` is one of `kinds` (every kind when empty), as core's
/// `QuestionBody` reads it.
pub fn questions(kinds: &[QuestionKind], count: usize, limits: &Limits) -> Schema {
    let t = limits.max_text_chars;
    let bodies: Vec<Value> = QuestionKind::allowed(kinds).into_iter().map(|k| body(k, t)).collect();
    let body = if bodies.len() == 1 { bodies[0].clone() } else { json!({ "anyOf": bodies }) };
    let question = object(json!({ "prompt": text(t), "body": body, "explanation": text(t) }));
    let mut questions = list(question, count.max(1));
    questions["minItems"] = json!(1);
    Schema { name: "questions", schema: object(json!({ "questions": questions })) }
}

fn body(kind: QuestionKind, t: Option<usize>) -> Value {
    let tag = json!({ "type": "string", "enum": [kind.tag()] });
    match kind {
        QuestionKind::MultipleChoice => {
            let choice = object(json!({ "text": text(t), "correct": { "type": "boolean" } }));
            let mut choices = list(choice, waymark_core::question::MAX_CHOICES);
            choices["minItems"] = json!(waymark_core::question::MIN_CHOICES);
            object(json!({ "kind": tag, "choices": choices }))
        }
        QuestionKind::TrueFalse => object(json!({ "kind": tag, "answer": { "type": "boolean" } })),
        QuestionKind::ShortAnswer => object(json!({ "kind": tag, "accepted": list(text(t), 5) })),
        QuestionKind::Recall => object(json!({ "kind": tag, "back": text(t) })),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use waymark_core::duration::parse_duration;

    #[test]
    fn every_property_is_required_and_nothing_else_is_allowed() {
        fn check(v: &Value) {
            if v.get("type") == Some(&json!("object")) {
                let props: Vec<&String> = v["properties"].as_object().unwrap().keys().collect();
                let required: Vec<&str> =
                    v["required"].as_array().unwrap().iter().map(|r| r.as_str().unwrap()).collect();
                assert_eq!(props, required);
                assert_eq!(v["additionalProperties"], false);
            }
            match v {
                Value::Object(m) => m.values().for_each(check),
                Value::Array(a) => a.iter().for_each(check),
                _ => {}
            }
        }
        check(&roadmap(&Limits::default()).schema);
        check(&questions(&[], 5, &Limits::default()).schema);
        let capped = Limits { max_text_chars: Some(80), ..Limits::default() };
        check(&roadmap(&capped).schema);
        let step = &roadmap(&capped).schema["properties"]["steps"]["items"]["properties"];
        assert_eq!(step["title"]["maxLength"], 80);
        assert_eq!(step["resources"]["items"]["properties"]["url"]["maxLength"], 200);
    }

    #[test]
    fn counts_are_bounded_by_the_limits() {
        let limits = Limits { max_steps: 7, ..Limits::default() };
        assert_eq!(roadmap(&limits).schema["properties"]["steps"]["maxItems"], 7);
        let q = questions(&[QuestionKind::TrueFalse], 3, &limits).schema;
        assert_eq!(q["properties"]["questions"]["maxItems"], 3);
        assert_eq!(
            q["properties"]["questions"]["items"]["properties"]["body"]["properties"]["kind"]["enum"][0],
            "true_false"
        );
        assert_eq!(
            questions(&[], 3, &limits).schema["properties"]["questions"]["items"]["properties"]["body"]["anyOf"]
                .as_array()
                .unwrap()
                .len(),
            4
        );
    }

    #[test]
    fn durations_the_pattern_allows_parse() {
        for d in ["2 weeks", "1-3 months", "45 min", "3 hours", "10 days"] {
            assert!(parse_duration(d).is_ok(), "{d}");
        }
    }
}
