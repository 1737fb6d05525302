//! The Tauri commands the window calls, a module per area named as in `cli/`
//! (goals, roadmaps, today, settings, study, reminders, stats, data, sync, ai).
//! Each command takes the shared state, calls the facade and returns its
//! result; errors cross to the UI as `{code, message, field}`.
//!
//! A command is declared once, as a `#[tauri::command]` function in one of
//! these modules. The handler list ([`handler`], from `handlers.rs`) and the
//! typed TypeScript wrappers (`ui/src/lib/commands.ts`) are generated from
//! those functions by `tests/commands`, which fails when either is stale;
//! `make bindings` rewrites both. Adding a command is: write the function,
//! run `make bindings`.

mod ai;
mod data;
mod goals;
mod handlers;
mod reminders;
mod roadmaps;
mod settings;
mod stats;
mod study;
mod sync;
mod today;

use crate::desktop::Shared;

/// The shared application state, as a command receives it.
type AppState<'a> = tauri::State<'a, Shared>;

/// The handler of every command, for `tauri::Builder::invoke_handler`.
pub fn handler() -> impl Fn(tauri::ipc::Invoke) -> bool + Send + Sync + 'static {
    handlers::every_command!()
}
