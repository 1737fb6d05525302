//! The assistant's requests in flight, by the id the window gave each, so
//! `cancel_ai` can stop one at once: the request runs as a task of its own,
//! and aborting the task drops its future, which closes the connection and
//! writes nothing.

use std::collections::HashMap;
use std::future::Future;
use std::sync::Mutex;
use tokio::task::AbortHandle;
use waymark_app::{AppError, AppResult, ai};

/// The requests running now (managed state).
#[derive(Default)]
pub struct AiRequests(Mutex<HashMap<String, AbortHandle>>);

impl AiRequests {
    /// Runs `request` as `id` until it ends or [`AiRequests::cancel`] stops
    /// it (then it fails with `cancelled`).
    pub async fn run<T: Send + 'static>(
        &self,
        id: &str,
        request: impl Future<Output = AppResult<T>> + Send + 'static,
    ) -> AppResult<T> {
        let task = tokio::spawn(request);
        self.lock().insert(id.to_string(), task.abort_handle());
        let result = task.await;
        self.lock().remove(id);
        match result {
            Ok(out) => out,
            Err(e) if e.is_cancelled() => Err(ai::cancelled()),
            Err(e) => Err(AppError::system(format!("the assistant's request failed: {e}"))),
        }
    }

    /// Stops the request `id`; whether one was running.
    pub fn cancel(&self, id: &str) -> bool {
        self.lock().remove(id).map(|h| h.abort()).is_some()
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<String, AbortHandle>> {
        self.0.lock().unwrap_or_else(|p| p.into_inner())
    }
}
