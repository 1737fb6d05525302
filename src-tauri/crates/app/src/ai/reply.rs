//! How a proposal's reply came about, shown by every preview beside its
//! items: the model, the text as written, the output mode, why it stopped.

use serde::{Deserialize, Serialize};
use ts_rs::TS;
use waymark_assistant::{Finish, Generated, OutputMode};

/// A reply as the model wrote it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ReplyInfo {
    /// The model that wrote it.
    pub model: String,
    /// The reply's text.
    pub text: String,
    /// How it was asked for.
    pub output_mode: OutputMode,
    /// Why the model stopped (`length`: cut at the token limit).
    pub finish: Finish,
    /// The learner's fields shortened to fit the context budget.
    pub shortened: Vec<String>,
}

impl ReplyInfo {
    /// The reply of `generated`, written by `model`.
    pub(crate) fn of<P>(generated: &Generated<P>, model: String) -> Self {
        Self {
            model,
            text: generated.text.clone(),
            output_mode: generated.mode,
            finish: generated.finish.clone(),
            shortened: generated.shortened.clone(),
        }
    }
}
