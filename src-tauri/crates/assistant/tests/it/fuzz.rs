//! A model's reply is outside input too: the roadmap and question replies
//! and the event stream they come in, fuzzed with `WAYMARK_FUZZ_CASES` cases
//! each (10,000 unless set). No reply may panic or hang the reader, a reply
//! never yields more items than asked for, and every item it keeps passes
//! the same validation as a hand-written one. No server is needed.

use waymark_assistant::{Finish, QuestionKind, SseParser, parse_questions, parse_roadmap};
use waymark_profiles::fuzz::{Rng, run, run_cases, text_case};

const ROADMAP: &str = r#"{"steps":[{"title":"Pods and deployments","duration":"1-2 weeks","description":"What runs where.","skills":["kubectl"],"resources":[{"title":"Docs","url":"https://kubernetes.io/docs/"}]},{"title":"Services","duration":"3 days","description":"","skills":[],"resources":[]}]}"#;
const QUESTIONS: &str = r#"{"questions":[{"prompt":"Which runs a container?","body":{"kind":"multiple_choice","choices":[{"text":"A pod","correct":true},{"text":"A service","correct":false}]},"explanation":"Pods run containers."},{"prompt":"A service has a stable address.","body":{"kind":"true_false","answer":true},"explanation":""},{"prompt":"The CLI?","body":{"kind":"short_answer","accepted":["kubectl"]},"explanation":""},{"prompt":"What is a node?","body":{"kind":"recall","back":"A machine"}}]}"#;

fn finish(n: u64) -> Finish {
    if n.is_multiple_of(7) { Finish::Length } else { Finish::Stop }
}

#[test]
fn roadmap_replies() {
    run("roadmap reply", ROADMAP, |input| {
        let text = String::from_utf8_lossy(input);
        let proposal = parse_roadmap(&text, &finish(input.len() as u64), 5);
        assert!(proposal.steps.len() <= 5, "more steps than asked for");
        for step in &proposal.steps {
            assert!(step.value.clone().validate().is_ok(), "a kept step fails validation: {:?}", step.value);
        }
        !proposal.steps.is_empty()
    });
}

#[test]
fn question_replies() {
    run("questions reply", QUESTIONS, |input| {
        let text = String::from_utf8_lossy(input);
        let kinds: &[QuestionKind] =
            if input.len().is_multiple_of(2) { &QuestionKind::ALL } else { &[QuestionKind::TrueFalse] };
        let proposal = parse_questions(&text, &finish(input.len() as u64), kinds, 3);
        assert!(proposal.questions.len() <= 3, "more questions than asked for");
        for q in &proposal.questions {
            assert!(q.value.clone().validate().is_ok(), "a kept question fails validation: {:?}", q.value);
        }
        !proposal.questions.is_empty()
    });
}

#[test]
fn event_streams_in_any_chunks() {
    let chunk = |t: &str| format!("data: {{\"choices\":[{{\"delta\":{{\"content\":{}}}}}]}}\n\n", serde_json::json!(t));
    let valid = format!(": keep-alive\r\n\r\n{}{}data: [DONE]\n\n", chunk("{\"steps\":"), chunk("[]}"));
    run_cases("event stream", |n| {
        let input = text_case(&valid, n);
        let mut rng = Rng::new(n);
        let mut sse = SseParser::new();
        let mut rest = input.as_slice();
        let mut events = 0;
        while !rest.is_empty() {
            let (now, later) = rest.split_at(1 + rng.below(rest.len()));
            events += sse.push(now).len();
            rest = later;
        }
        assert!(sse.buffered() <= input.len());
        events > 0
    });
}
