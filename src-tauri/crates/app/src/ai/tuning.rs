//! `WAYMARK_AI_TUNING`: the bounds and sampling of every request for this
//! process, as the CLI's `--max-tokens`/`--seed` flags give them to one
//! command — for headless runs, demos and the end-to-end tests, where a tiny
//! local model must answer in seconds and the same way each time. Written as
//! `max_steps=2,max_tokens=900,max_text=32,temperature=0,seed=7`; every key
//! is optional and the assistant's defaults fill the rest.

use waymark_assistant::{Limits, Sampling};

/// The environment variable that tunes the assistant's requests.
pub const AI_TUNING_ENV: &str = "WAYMARK_AI_TUNING";

/// The tuning `text` asks for, or why it cannot be read.
pub fn parse_tuning(text: &str) -> Result<(Limits, Sampling), String> {
    let mut limits = Limits::default();
    let mut sampling = Sampling::default();
    for pair in text.split(',').map(str::trim).filter(|p| !p.is_empty()) {
        let (key, value) = pair.split_once('=').ok_or_else(|| format!("\"{pair}\" is not key=value"))?;
        let (key, value) = (key.trim(), value.trim());
        let bad = |e: &dyn std::fmt::Display| format!("{key}: \"{value}\" {e}");
        match key {
            "max_steps" => limits.max_steps = value.parse().map_err(|e| bad(&e))?,
            "max_questions" => limits.max_questions = value.parse().map_err(|e| bad(&e))?,
            "max_tokens" => limits.max_tokens = value.parse().map_err(|e| bad(&e))?,
            "max_text" => limits.max_text_chars = Some(value.parse().map_err(|e| bad(&e))?),
            "temperature" => sampling.temperature = Some(value.parse().map_err(|e| bad(&e))?),
            "seed" => sampling.seed = Some(value.parse().map_err(|e| bad(&e))?),
            other => {
                return Err(format!(
                    "unknown key \"{other}\" (max_steps, max_questions, max_tokens, max_text, temperature, seed)"
                ));
            }
        }
    }
    if limits.max_steps == 0 || limits.max_questions == 0 || limits.max_tokens == 0 {
        return Err("max_steps, max_questions and max_tokens must be at least 1".into());
    }
    Ok((limits, sampling))
}

/// What `WAYMARK_AI_TUNING` asks for; `None` when it is unset or empty.
pub(crate) fn tuning_from_env() -> Result<Option<(Limits, Sampling)>, String> {
    match std::env::var(AI_TUNING_ENV) {
        Ok(text) if !text.trim().is_empty() => parse_tuning(&text).map(Some),
        _ => Ok(None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_is_read_and_the_rest_are_the_defaults() {
        let (limits, sampling) = parse_tuning("max_steps=2, max_tokens=900,max_text=32,temperature=0,seed=7").unwrap();
        assert_eq!((limits.max_steps, limits.max_tokens, limits.max_text_chars), (2, 900, Some(32)));
        assert_eq!(limits.max_questions, Limits::default().max_questions);
        assert_eq!((sampling.temperature, sampling.seed), (Some(0.0), Some(7)));
        assert_eq!(parse_tuning("").unwrap().0, Limits::default());
    }

    #[test]
    fn a_bad_pair_says_which() {
        assert!(parse_tuning("max_tokens").unwrap_err().contains("not key=value"));
        assert!(parse_tuning("max_tokens=lots").unwrap_err().starts_with("max_tokens: \"lots\""));
        assert!(parse_tuning("speed=9").unwrap_err().contains("unknown key \"speed\""));
        assert!(parse_tuning("max_steps=0").unwrap_err().contains("at least 1"));
    }
}
