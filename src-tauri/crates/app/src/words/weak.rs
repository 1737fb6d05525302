//! A weak step in words: the facade's view of core's [`WeakStep`] with the
//! sentence that says why it needs attention.

use serde::{Deserialize, Serialize};
use std::ops::Deref;
use ts_rs::TS;
use waymark_core::quiz::{WEAK_RETRIEVABILITY, WeakStep};

/// A weak step as the screens show it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct WeakStepView {
    /// The rules' finding (its fields appear at the top level).
    #[serde(flatten)]
    #[ts(flatten)]
    pub weak: WeakStep,
    /// Why it is weak, as the learner reads it.
    pub reason: String,
}

impl Deref for WeakStepView {
    type Target = WeakStep;

    fn deref(&self) -> &WeakStep {
        &self.weak
    }
}

/// `weak` with its reason in words.
pub(crate) fn weak_view(weak: WeakStep) -> WeakStepView {
    WeakStepView { reason: reason(&weak), weak }
}

fn reason(weak: &WeakStep) -> String {
    let mut parts = Vec::new();
    match weak.failing_questions {
        0 => {}
        1 => parts.push("1 question failed in 2 or more of the last 3 tests".to_string()),
        n => parts.push(format!("{n} questions failed in 2 or more of the last 3 tests")),
    }
    if let Some(recall) = weak.fading_recall_percent {
        parts.push(format!("cards average {recall}% recall, under {}%", (WEAK_RETRIEVABILITY * 100.0).round()));
    }
    parts.join("; ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use waymark_core::ids::StepId;
    use waymark_core::quiz::WeakAction;

    fn weak(failing_questions: u32, fading_recall_percent: Option<u32>) -> WeakStep {
        WeakStep {
            step_id: StepId("s".into()),
            failing_questions,
            fading_recall_percent,
            action: WeakAction::RestudyStep,
        }
    }

    #[test]
    fn the_reason_names_each_cause() {
        assert_eq!(reason(&weak(0, Some(60))), "cards average 60% recall, under 70%");
        assert_eq!(reason(&weak(2, None)), "2 questions failed in 2 or more of the last 3 tests");
        assert_eq!(
            reason(&weak(1, Some(10))),
            "1 question failed in 2 or more of the last 3 tests; cards average 10% recall, under 70%"
        );
    }
}
