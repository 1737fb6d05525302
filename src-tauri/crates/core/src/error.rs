//! Validation errors: bad input is refused with the field it concerns and a
//! sentence a learner can act on.

use std::fmt;

/// Input that breaks a rule: which field, and what is wrong with it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidationError {
    /// The name of the offending field as the learner sees it (e.g. `title`).
    pub field: &'static str,
    /// A human sentence: what is wrong and what would be accepted.
    pub message: String,
}

impl ValidationError {
    /// A validation error on `field`.
    pub fn new(field: &'static str, message: impl Into<String>) -> Self {
        Self { field, message: message.into() }
    }
}

impl fmt::Display for ValidationError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.field, self.message)
    }
}

impl std::error::Error for ValidationError {}

/// The result of a validation.
pub type ValidationResult<T> = Result<T, ValidationError>;

/// Refuses `text` longer than `max` characters, naming `field`.
pub fn check_len(field: &'static str, text: &str, max: usize) -> ValidationResult<()> {
    let n = text.chars().count();
    if n > max {
        return Err(ValidationError::new(field, format!("is too long: {n} characters, at most {max}")));
    }
    Ok(())
}
