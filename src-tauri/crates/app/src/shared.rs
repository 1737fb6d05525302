//! The app behind a lock, shared by the desktop's commands and its background
//! work (reminders, sync). Sync takes the lock only for its local steps.

use crate::{App, AppResult};
use std::sync::{Arc, Mutex};

/// A handle on the one open [`App`]; clones share it.
#[derive(Clone)]
pub struct SharedApp(Arc<Mutex<App>>);

impl SharedApp {
    /// Shares `app`.
    pub fn new(app: App) -> Self {
        Self(Arc::new(Mutex::new(app)))
    }

    /// Runs `f` on the app, holding the lock for just that long.
    pub fn with<T>(&self, f: impl FnOnce(&mut App) -> AppResult<T>) -> AppResult<T> {
        self.lock_then(f)
    }

    pub(crate) fn lock_then<T>(&self, f: impl FnOnce(&mut App) -> T) -> T {
        let mut app = self.0.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        f(&mut app)
    }
}
