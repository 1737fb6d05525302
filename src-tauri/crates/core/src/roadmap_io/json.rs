//! The JSON roadmap format (described on the parent module): a versioned file
//! whose errors name the path of the offending value.

use super::{
    DocStep, ImportError, JSON_FORMAT, JSON_VERSION, MAX_IMPORT_STEPS, RoadmapDoc, StepInput, prepare, too_many_steps,
};
use crate::question::{QuestionBody, QuestionInput};
use crate::roadmap::{Resource, ResourceKind};
use serde::{Deserialize, Serialize};
use serde_json::Value;

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct FileDoc {
    format: String,
    version: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    title: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    category: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    description: Option<String>,
    steps: Vec<FileStep>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct FileStep {
    title: String,
    #[serde(default)]
    description: String,
    duration: String,
    #[serde(default)]
    weekly_hours: Option<f64>,
    #[serde(default)]
    skills: Vec<String>,
    #[serde(default)]
    resources: Vec<FileResource>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    questions: Vec<FileQuestion>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct FileQuestion {
    prompt: String,
    body: QuestionBody,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    explanation: String,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct FileResource {
    #[serde(default)]
    title: String,
    url: String,
    #[serde(default)]
    kind: ResourceKind,
}

/// Reads a JSON roadmap file. The format and version are checked first, then
/// the structure (errors name the path, e.g. `steps[2].duration`, and the line),
/// then every step is validated.
pub fn parse_json(text: &str) -> Result<RoadmapDoc, ImportError> {
    let text = prepare(text)?;
    let value: Value = serde_json::from_str(text).map_err(|e| {
        let line = (e.line() > 0).then_some(e.line());
        ImportError::new(line, None, format!("the file is not valid JSON: {}", without_position(&e)))
    })?;
    check_header(&value)?;
    let mut de = serde_json::Deserializer::from_str(text);
    let file: FileDoc = serde_path_to_error::deserialize(&mut de).map_err(|e| {
        let path = e.path().to_string();
        let inner = e.inner();
        let line = (inner.line() > 0).then_some(inner.line());
        let field = Some(path.as_str()).filter(|p| *p != ".");
        let message = match field {
            Some(field) => format!("{field}: {}", without_position(inner)),
            None => format!("the file does not match the Waymark roadmap format: {}", without_position(inner)),
        };
        ImportError::new(line, field, message)
    })?;
    if file.steps.len() > MAX_IMPORT_STEPS {
        return Err(too_many_steps(None));
    }
    if file.steps.is_empty() {
        return Err(ImportError::new(None, Some("steps"), "steps: the roadmap has no steps; add at least one"));
    }
    let steps = file.steps.into_iter().enumerate().map(|(i, s)| validate_step(i, s)).collect::<Result<_, _>>()?;
    let given = |t: Option<String>| t.map(|t| t.trim().to_string()).filter(|t| !t.is_empty());
    Ok(RoadmapDoc {
        title: given(file.title),
        name: given(file.name),
        category: given(file.category),
        description: given(file.description),
        steps,
    })
}

fn without_position(e: &serde_json::Error) -> String {
    let text = e.to_string();
    let suffix = format!(" at line {} column {}", e.line(), e.column());
    text.strip_suffix(&suffix).map_or(text.clone(), str::to_string)
}

fn check_header(value: &Value) -> Result<(), ImportError> {
    let not_roadmap = |what: String| {
        ImportError::new(
            None,
            Some("format"),
            format!("this is not a Waymark roadmap file: {what}; expected \"format\": \"{JSON_FORMAT}\""),
        )
    };
    let Some(object) = value.as_object() else {
        return Err(not_roadmap("it is not a JSON object".into()));
    };
    match object.get("format") {
        Some(Value::String(f)) if f == JSON_FORMAT => {}
        Some(other) => return Err(not_roadmap(format!("\"format\" is {other}"))),
        None => return Err(not_roadmap("it has no \"format\"".into())),
    }
    let version_error = |message: String| ImportError::new(None, Some("version"), message);
    match object.get("version") {
        None => {
            Err(version_error(format!("version: is missing; a Waymark roadmap file says \"version\": {JSON_VERSION}")))
        }
        Some(v) => match v.as_u64() {
            Some(n) if n > u64::from(JSON_VERSION) => Err(version_error(format!(
                "version: this file is version {n}, written by a newer Waymark; this one reads up to version \
                 {JSON_VERSION}, so update Waymark to import it"
            ))),
            Some(n) if n >= 1 => Ok(()),
            _ => Err(version_error(format!("version: {v} is not a roadmap file version; expected {JSON_VERSION}"))),
        },
    }
}

fn validate_step(index: usize, step: FileStep) -> Result<DocStep, ImportError> {
    let input = StepInput {
        title: step.title,
        description: step.description,
        duration: step.duration,
        weekly_hours: step.weekly_hours,
        skills: step.skills,
        resources: step.resources.into_iter().map(|r| Resource { title: r.title, url: r.url, kind: r.kind }).collect(),
    };
    let title = input.title.trim().to_string();
    let bad_resource = input.resources.iter().position(|r| r.clone().validate().is_err());
    let step_input = input.validate().map_err(|e| {
        let path = match (e.field, bad_resource) {
            ("url", Some(j)) => format!("steps[{index}].resources[{j}].url"),
            (field, _) => format!("steps[{index}].{field}"),
        };
        let message = if title.is_empty() {
            format!("{path}: {}", e.message)
        } else {
            format!("{path} (step \"{title}\"): {}", e.message)
        };
        ImportError::new(None, Some(path.as_str()), message)
    })?;
    let questions = step.questions.into_iter().enumerate().map(|(j, q)| validate_question(index, j, q));
    Ok(DocStep { step: step_input, questions: questions.collect::<Result<_, _>>()? })
}

fn validate_question(step: usize, index: usize, q: FileQuestion) -> Result<QuestionInput, ImportError> {
    let input = QuestionInput {
        prompt: q.prompt,
        body: q.body,
        explanation: q.explanation,
        tags: Vec::new(),
        step_id: None,
        task_id: None,
    };
    input.validate().map_err(|e| {
        let path = format!("steps[{step}].questions[{index}].{}", e.field);
        ImportError::new(None, Some(path.as_str()), format!("{path}: {}", e.message))
    })
}

/// Writes a roadmap as a pretty-printed JSON file that [`parse_json`] reads
/// back unchanged.
pub fn to_json(doc: &RoadmapDoc) -> String {
    let file = FileDoc {
        format: JSON_FORMAT.to_string(),
        version: JSON_VERSION,
        title: doc.title.clone(),
        name: doc.name.clone(),
        category: doc.category.clone(),
        description: doc.description.clone(),
        steps: doc
            .steps
            .iter()
            .map(|DocStep { step: s, questions }| FileStep {
                title: s.title.clone(),
                description: s.description.clone(),
                duration: s.duration.clone(),
                weekly_hours: s.weekly_hours,
                skills: s.skills.clone(),
                resources: s
                    .resources
                    .iter()
                    .map(|r| FileResource { title: r.title.clone(), url: r.url.clone(), kind: r.kind })
                    .collect(),
                questions: questions
                    .iter()
                    .map(|q| FileQuestion {
                        prompt: q.prompt.clone(),
                        body: q.body.clone(),
                        explanation: q.explanation.clone(),
                    })
                    .collect(),
            })
            .collect(),
    };
    let mut text = serde_json::to_string_pretty(&file).expect("a roadmap always serialises to JSON");
    text.push('\n');
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    const EXAMPLE: &str = r#"{
  "format": "waymark-roadmap",
  "version": 1,
  "title": "Learn Rust",
  "steps": [
    {
      "title": "Ownership and borrowing",
      "description": "Read chapters 4 and 5.",
      "duration": "2 weeks",
      "weekly_hours": 4.0,
      "skills": ["ownership", "borrowing"],
      "resources": [
        { "title": "The Rust Programming Language", "url": "https://doc.rust-lang.org/book/", "kind": "book" }
      ]
    }
  ]
}"#;

    fn err(text: &str) -> ImportError {
        parse_json(text).expect_err(text)
    }

    fn with_step(step: &str) -> String {
        format!(
            "{{\n  \"format\": \"waymark-roadmap\",\n  \"version\": 1,\n  \"steps\": [\n    \
             {{ \"title\": \"A\", \"duration\": \"1 week\" }},\n    {step}\n  ]\n}}"
        )
    }

    #[test]
    fn reads_the_documented_example() {
        let doc = parse_json(EXAMPLE).unwrap();
        assert_eq!(doc.title.as_deref(), Some("Learn Rust"));
        let s = &doc.steps[0].step;
        assert_eq!(
            (s.title.as_str(), s.duration.as_str(), s.weekly_hours),
            ("Ownership and borrowing", "2 weeks", Some(4.0))
        );
        assert_eq!(s.skills, ["ownership", "borrowing"]);
        assert_eq!(
            s.resources,
            [Resource {
                title: "The Rust Programming Language".into(),
                url: "https://doc.rust-lang.org/book/".into(),
                kind: ResourceKind::Book
            }]
        );
        assert_eq!(parse_json(&format!("\u{feff}{}", EXAMPLE.replace('\n', "\r\n"))), Ok(doc));
    }

    #[test]
    fn optional_fields_may_be_left_out() {
        let doc = parse_json(&with_step(
            r#"{ "title": " B ", "duration": "3 days", "resources": [{ "url": "https://b.org" }] }"#,
        ))
        .unwrap();
        assert_eq!(doc.title, None);
        let b = &doc.steps[1].step;
        assert_eq!((b.title.as_str(), b.description.as_str(), b.weekly_hours), ("B", "", None));
        assert_eq!(b.resources[0].title, "https://b.org");
        assert_eq!(b.resources[0].kind, ResourceKind::Article);
    }

    #[test]
    fn writes_format_and_version() {
        let doc = parse_json(EXAMPLE).unwrap();
        let text = to_json(&doc);
        assert!(
            text.starts_with("{\n  \"format\": \"waymark-roadmap\",\n  \"version\": 1,\n  \"title\": \"Learn Rust\"")
        );
        assert!(text.ends_with("}\n"));
        assert_eq!(parse_json(&text), Ok(doc));
    }

    #[test]
    fn other_files_are_refused_by_format() {
        for text in [r#"{"format":"other","version":1,"steps":[]}"#, r#"{"version":1}"#, "[1, 2]", "\"x\""] {
            let e = err(text);
            assert_eq!(e.field.as_deref(), Some("format"), "{text}");
            assert!(e.message.contains("not a Waymark roadmap file"), "{}", e.message);
        }
    }

    #[test]
    fn newer_or_odd_versions_are_refused() {
        let e = err(r#"{"format":"waymark-roadmap","version":2,"steps":[]}"#);
        assert_eq!(e.field.as_deref(), Some("version"));
        assert!(e.message.contains("version 2") && e.message.contains("update Waymark"), "{}", e.message);
        for v in ["0", "\"1\"", "1.5", "-1"] {
            let e = err(&format!(r#"{{"format":"waymark-roadmap","version":{v},"steps":[]}}"#));
            assert_eq!(e.field.as_deref(), Some("version"), "{v}");
        }
        assert_eq!(err(r#"{"format":"waymark-roadmap","steps":[]}"#).field.as_deref(), Some("version"));
    }

    #[test]
    fn syntax_errors_give_the_line() {
        let e = err("{\n  \"format\": \"waymark-roadmap\",\n  \"version\": 1,\n  \"steps\": [,]\n}");
        assert_eq!(e.line, Some(4));
        assert!(e.message.starts_with("the file is not valid JSON: "), "{}", e.message);
        assert!(!e.message.contains("column"), "{}", e.message);
    }

    #[test]
    fn wrong_types_and_unknown_fields_name_their_path_and_line() {
        let e = err(&with_step(r#"{ "title": "B", "duration": 3 }"#));
        assert_eq!((e.line, e.field.as_deref()), (Some(6), Some("steps[1].duration")));
        assert!(e.message.starts_with("steps[1].duration: invalid type: integer `3`"), "{}", e.message);
        let e = err(&with_step(r#"{ "title": "B", "duration": "1 h", "colour": "red" }"#));
        assert_eq!((e.line, e.field.as_deref()), (Some(6), Some("steps[1].colour")));
        assert!(e.message.contains("unknown field `colour`"), "{}", e.message);
        let e = err(&with_step(
            r#"{ "title": "B", "duration": "1 h", "resources": [{ "url": "https://b.org", "kind": "podcast" }] }"#,
        ));
        assert_eq!(e.field.as_deref(), Some("steps[1].resources[0].kind"));
        let e = err(&with_step(r#"{ "title": "B" }"#));
        assert_eq!(e.field.as_deref(), Some("steps[1]"));
        assert!(e.message.contains("missing field `duration`"), "{}", e.message);
        let e = err(r#"{"format":"waymark-roadmap","version":1,"steps":[],"extra":true}"#);
        assert_eq!(e.field.as_deref(), Some("extra"));
        let e = err("{\"format\":\"waymark-roadmap\",\n\"version\":1}");
        assert_eq!((e.line, e.field.as_deref()), (Some(2), None));
        assert_eq!(e.to_string(), "line 2: the file does not match the Waymark roadmap format: missing field `steps`");
    }

    #[test]
    fn invalid_steps_name_their_field() {
        let e = err(&with_step(r#"{ "title": "Ownership", "duration": "two weeks" }"#));
        assert_eq!((e.line, e.field.as_deref()), (None, Some("steps[1].duration")));
        assert!(e.message.starts_with("steps[1].duration (step \"Ownership\"): \"two weeks\""), "{}", e.message);
        let e = err(&with_step(r#"{ "title": " ", "duration": "1 h" }"#));
        assert_eq!(e.field.as_deref(), Some("steps[1].title"));
        let e = err(&with_step(r#"{ "title": "B", "duration": "1 h", "weekly_hours": 0 }"#));
        assert_eq!(e.field.as_deref(), Some("steps[1].weekly_hours"));
        let bad_url = r#"{ "title": "B", "duration": "1 h", "resources": [{ "url": "https://ok.org" }, { "url": "javascript:x" }] }"#;
        assert_eq!(err(&with_step(bad_url)).field.as_deref(), Some("steps[1].resources[1].url"));
    }

    #[test]
    fn step_count_is_checked() {
        assert_eq!(err(r#"{"format":"waymark-roadmap","version":1,"steps":[]}"#).field.as_deref(), Some("steps"));
        let steps = vec![r#"{"title":"A","duration":"1 h"}"#; MAX_IMPORT_STEPS + 1].join(",");
        let e = err(&format!(r#"{{"format":"waymark-roadmap","version":1,"steps":[{steps}]}}"#));
        assert!(e.message.contains("more than 2000 steps"), "{}", e.message);
    }
}
