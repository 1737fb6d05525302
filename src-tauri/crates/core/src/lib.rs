//! Waymark's domain core: the types a learner's plan is made of and the pure rules
//! over them (duration parsing, hour estimates, the daily fill, validation, the
//! hybrid logical clock, questions and the daily test, card import, reminders,
//! the figures of the Stats screen).
//! the import merge rule and backup rotation).
//!
//! Nothing here does IO or reads the clock: "now" and "today" are always passed
//! in, so every rule is a plain function that tests can pin to any moment.

pub mod activity;
pub mod availability;
pub mod backup_rotation;
pub mod card;
pub mod cards_csv;
pub mod day;
pub mod duration;
pub mod error;
pub mod goal;
pub mod hlc;
pub mod ics;
pub mod ids;
pub mod merge;
pub mod outlook;
pub mod planner;
pub mod prerequisites;
pub mod profile;
pub mod question;
pub mod quiz;
pub mod reminder;
pub mod roadmap;
pub mod roadmap_io;
pub mod srs;
pub mod stats;
pub mod streak;
pub mod task;
pub mod templates;

pub use error::{ValidationError, ValidationResult};
