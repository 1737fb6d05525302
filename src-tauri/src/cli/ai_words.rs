//! The text `waymark ai …` prints without `--json`.

use waymark_app::GoalView;
use waymark_app::ai::{AssistantView, FillReport, PlanPreview, QuestionsPreview, RoadmapPreview};
use waymark_app::study_views::CardView;

/// `ai status`.
pub fn status(v: &AssistantView) -> Vec<String> {
    if !v.configured {
        return vec!["assistant off: set WAYMARK_AI_URL and WAYMARK_AI_MODEL, or use Settings → Assistant".into()];
    }
    let mut lines = vec![
        format!(
            "endpoint {} ({})",
            v.base_url.as_deref().unwrap_or("-"),
            if v.local { "this computer" } else { "remote" }
        ),
        format!("model {}", v.model.as_deref().unwrap_or("-")),
        format!("key {}", if v.key_set { "set (***)" } else { "none" }),
        format!("output mode {}", v.output_mode.map_or("not known yet".into(), |m| format!("{m:?}"))),
    ];
    lines.extend(v.plain_http_warning.clone());
    lines.extend(v.notice.clone());
    lines.extend(v.keyring_problem.clone());
    lines
}

fn plan(p: &PlanPreview) -> String {
    let finish = p.finish_date.map_or("no date".into(), |d| d.to_string());
    format!(
        "{:?}: {} steps, {}–{} h, finish {finish}, {:?}",
        p.mode, p.step_count, p.estimate.min, p.estimate.max, p.outlook.status
    )
}

/// `ai roadmap`.
pub fn roadmap(p: &RoadmapPreview, accepted: Option<&GoalView>) -> Vec<String> {
    let mut lines: Vec<String> = p
        .steps
        .iter()
        .map(|s| format!("{}. {} — {} ({} h)", s.item, s.step.title, s.step.duration, s.estimate.mid))
        .collect();
    lines.extend(p.problems.iter().map(|pr| format!("problem: {pr}")));
    lines.push(plan(&p.replace));
    lines.push(plan(&p.append));
    lines.push(match accepted {
        Some(g) => format!("accepted: the roadmap has {} steps", g.steps.len()),
        None => "nothing written (add --accept replace|append to write the valid steps)".into(),
    });
    lines
}

/// `ai questions`.
pub fn questions(p: &QuestionsPreview, accepted: Option<&[CardView]>) -> Vec<String> {
    let mut lines: Vec<String> = p.questions.iter().map(|q| format!("{}. {}", q.item, q.value.prompt)).collect();
    lines.extend(p.problems.iter().map(|pr| format!("problem: {pr}")));
    lines.push(match accepted {
        Some(cards) => format!("accepted {} questions for {}", cards.len(), p.step_title),
        None => "nothing written (add --accept to write the valid questions)".into(),
    });
    lines
}

/// `ai fill`.
pub fn fill(r: &FillReport) -> Vec<String> {
    let mut lines: Vec<String> = r
        .steps
        .iter()
        .map(|s| {
            format!(
                "{}: {} proposed, {} written, {} problems",
                s.step_title,
                s.questions.len(),
                s.accepted,
                s.problems.len()
            )
        })
        .collect();
    if lines.is_empty() {
        lines.push("every step has questions already".into());
    }
    lines.push(format!("{} questions written", r.accepted));
    lines
}
