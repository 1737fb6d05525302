//! Task use cases: mark done, skip, undo, record time spent.

use crate::App;
use crate::error::{AppError, AppResult};
use waymark_core::ids::TaskId;
use waymark_core::task::{Task, TaskStatus};

/// The most minutes one task can record (a whole day).
const MAX_MINUTES: u32 = 24 * 60;

impl App {
    /// Sets a task's status; `time_spent_minutes` records the time actually
    /// spent (kept as it was when `None`).
    pub fn set_task_status(
        &mut self,
        id: &str,
        status: TaskStatus,
        time_spent_minutes: Option<u32>,
    ) -> AppResult<Task> {
        let tid =
            TaskId::parse(id).ok_or_else(|| AppError::invalid("task_id", format!("\"{id}\" is not a task id")))?;
        if let Some(m) = time_spent_minutes
            && m > MAX_MINUTES
        {
            return Err(AppError::invalid("time_spent_minutes", format!("{m} minutes is more than a day")));
        }
        let mut task: Task = self.store.get(tid.as_str())?.ok_or_else(|| AppError::not_found("task", id))?;
        let now = self.clock.now();
        task.status = status;
        task.completed_at = if status.is_settled() { task.completed_at.or(Some(now)) } else { None };
        if time_spent_minutes.is_some() {
            task.time_spent_minutes = time_spent_minutes;
        }
        self.store.transact(now, |tx| tx.put(&task))?;
        Ok(task)
    }
}
