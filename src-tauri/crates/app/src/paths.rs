//! Where the learner's data lives.

use crate::error::{AppError, AppResult, ErrorCode};
use std::path::PathBuf;

/// Environment variable that overrides the data directory (tests, portable use).
pub const DATA_DIR_ENV: &str = "WAYMARK_DATA_DIR";

/// The app id, also the folder name under the OS data dir.
const APP_ID: &str = "app.waymark.planner";

/// `WAYMARK_DATA_DIR` when set, else the OS data dir (`~/.local/share/app.waymark.planner`
/// on Linux).
pub fn default_data_dir() -> AppResult<PathBuf> {
    if let Some(dir) = std::env::var_os(DATA_DIR_ENV).filter(|d| !d.is_empty()) {
        return Ok(PathBuf::from(dir));
    }
    dirs::data_dir().map(|d| d.join(APP_ID)).ok_or_else(|| AppError {
        code: ErrorCode::Storage,
        message: format!("cannot find the OS data directory; set {DATA_DIR_ENV} to a folder for Waymark's data"),
        field: None,
    })
}
