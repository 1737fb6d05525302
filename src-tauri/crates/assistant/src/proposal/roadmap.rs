//! A roadmap proposal read from a reply: each step through core's
//! `StepInput::validate`, the rule a roadmap import and the step editor use
//! (title, parseable duration, http/https addresses, length caps); a step
//! whose title repeats an earlier one of the reply is left out.

use super::{Problem, Proposed, repeat_of, reply_items, shape_error};
use crate::model::Finish;
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use waymark_core::roadmap::{Resource, StepInput};
use waymark_core::roadmap_io::guess_kind;

/// The steps a model proposed: the valid ones, and what was wrong with the others.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, TS)]
pub struct RoadmapProposal {
    /// Valid steps, in the reply's order.
    pub steps: Vec<Proposed<StepInput>>,
    /// What was wrong, per step or with the whole reply.
    pub problems: Vec<Problem>,
}

#[derive(Deserialize)]
struct WireStep {
    title: String,
    duration: String,
    #[serde(default)]
    description: String,
    #[serde(default)]
    skills: Vec<String>,
    #[serde(default)]
    resources: Vec<WireResource>,
}

#[derive(Deserialize)]
struct WireResource {
    #[serde(default)]
    title: String,
    url: String,
}

/// Reads a roadmap reply: at most `max_steps` steps, each validated.
pub fn parse_roadmap(text: &str, finish: &Finish, max_steps: usize) -> RoadmapProposal {
    let (items, mut problems) = match reply_items(text, finish, "steps", "step", max_steps) {
        Ok(found) => found,
        Err(problem) => return RoadmapProposal { steps: Vec::new(), problems: vec![problem] },
    };
    let mut steps = Vec::new();
    for (i, value) in items.into_iter().enumerate() {
        let item = i + 1;
        let wire: WireStep = match serde_json::from_value(value) {
            Ok(wire) => wire,
            Err(e) => {
                problems.push(Problem::at("step", item, None, &format!("wrong shape: {}", shape_error(&e))));
                continue;
            }
        };
        let value = match step_input(wire).validate() {
            Ok(value) => value,
            Err(e) => {
                problems.push(Problem::at("step", item, Some(e.field), &e.message));
                continue;
            }
        };
        if let Some(first) = repeat_of(&steps, &value.title, |s: &StepInput| s.title.as_str()) {
            problems.push(Problem::at("step", item, Some("title"), &format!("repeats step {first}")));
            continue;
        }
        steps.push(Proposed { item, value });
    }
    RoadmapProposal { steps, problems }
}

fn step_input(wire: WireStep) -> StepInput {
    let resources = wire
        .resources
        .into_iter()
        .map(|r| Resource { kind: guess_kind(&r.title, &r.url), title: r.title, url: r.url })
        .collect();
    StepInput {
        title: wire.title,
        description: wire.description,
        duration: wire.duration,
        weekly_hours: None,
        skills: wire.skills,
        resources,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;
    use waymark_core::roadmap::{MAX_STEP_TITLE_CHARS, ResourceKind};

    fn step(title: &str, duration: &str, url: &str) -> serde_json::Value {
        json!({ "title": title, "duration": duration, "description": "d", "skills": ["s"],
                "resources": [{ "title": "Docs", "url": url }] })
    }

    fn parse(steps: Vec<serde_json::Value>) -> RoadmapProposal {
        parse_roadmap(&json!({ "steps": steps }).to_string(), &Finish::Stop, 5)
    }

    #[test]
    fn a_good_reply_gives_validated_steps() {
        let p = parse(vec![
            step(" Pods ", "2 weeks", "https://kubernetes.io/docs/"),
            step("Services", "1-3 months", "https://youtube.com/x"),
        ]);
        assert!(p.problems.is_empty(), "{:?}", p.problems);
        assert_eq!(p.steps[0].value.title, "Pods");
        assert_eq!(p.steps[1].item, 2);
        assert_eq!(p.steps[1].value.resources[0].kind, ResourceKind::Video);
    }

    #[test]
    fn a_duration_that_does_not_parse_is_named_and_the_rest_kept() {
        let p = parse(vec![
            step("A", "2 weeks", "https://a.org"),
            step("B", "1 week", "https://b.org"),
            step("C", "a while", "https://c.org"),
        ]);
        assert_eq!(p.steps.iter().map(|s| s.item).collect::<Vec<_>>(), [1, 2]);
        assert_eq!(p.problems.len(), 1);
        assert_eq!((p.problems[0].item, p.problems[0].field.as_deref()), (Some(3), Some("duration")));
        assert!(p.problems[0].message.starts_with("step 3: duration: "), "{}", p.problems[0].message);
    }

    #[test]
    fn an_address_that_is_not_http_is_refused() {
        for url in ["ftp://x.org/a", "javascript:alert(1)", "www.example.org", "file:///etc/passwd"] {
            let p = parse(vec![step("A", "2 weeks", url)]);
            assert!(p.steps.is_empty());
            assert_eq!(p.problems[0].field.as_deref(), Some("url"), "{url}");
        }
    }

    #[test]
    fn a_step_of_the_wrong_shape_is_named() {
        let p = parse(vec![
            json!({ "title": "A" }),
            json!("learn"),
            json!({ "title": "B", "duration": "1 week", "skills": 3 }),
        ]);
        assert!(p.steps.is_empty());
        let messages: Vec<&str> = p.problems.iter().map(|p| p.message.as_str()).collect();
        assert!(messages[0].starts_with("step 1: wrong shape: missing field `duration`"), "{messages:?}");
        assert!(messages[1].starts_with("step 2: wrong shape"), "{messages:?}");
        assert!(messages[2].starts_with("step 3: wrong shape"), "{messages:?}");
    }

    #[test]
    fn too_long_and_too_many_are_refused() {
        let long = "t".repeat(MAX_STEP_TITLE_CHARS + 1);
        let p = parse(vec![step(&long, "2 weeks", "https://a.org")]);
        assert_eq!(p.problems[0].field.as_deref(), Some("title"));
        assert!(p.problems[0].message.contains("too long"), "{}", p.problems[0].message);
        let many = (0..8).map(|i| step(&format!("S{i}"), "1 week", "https://a.org")).collect();
        let p = parse(many);
        assert_eq!(p.steps.len(), 5);
        assert!(p.problems[0].message.contains("8 steps, more than the 5"), "{}", p.problems[0].message);
    }

    #[test]
    fn a_repeated_step_is_kept_once() {
        let p = parse(vec![step("Pods", "1 week", "https://a.org"), step(" PODS ", "2 weeks", "https://b.org")]);
        assert_eq!(p.steps.len(), 1);
        assert_eq!(p.problems[0].message, "step 2: title: repeats step 1");
    }

    #[test]
    fn a_thirty_step_reply_is_checked_whole() {
        let steps: Vec<_> = (0..30).map(|i| step(&format!("Step {i}"), "1-2 weeks", "https://a.org/x")).collect();
        let text = json!({ "steps": steps }).to_string();
        let started = std::time::Instant::now();
        let p = parse_roadmap(&text, &Finish::Stop, 40);
        eprintln!("30 steps checked in {:?}", started.elapsed());
        assert_eq!((p.steps.len(), p.problems.len()), (30, 0));
    }

    #[test]
    fn a_reply_that_is_not_json_keeps_nothing() {
        let p = parse_roadmap("1. Learn pods\n2. Learn services", &Finish::Stop, 5);
        assert!(p.steps.is_empty());
        assert!(p.problems[0].message.starts_with("the reply is not JSON"));
    }
}
