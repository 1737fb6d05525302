//! Waymark's one binary: with no subcommand it starts the desktop app; with one
//! it runs headless on the same store (scripting, cron, tests).

#![cfg_attr(all(not(debug_assertions), target_os = "windows"), windows_subsystem = "windows")]

mod backup_watch;
mod cli;
mod cli_data;
mod cli_reminders;
mod cli_stats;
mod cli_study;
mod cli_sync;
mod commands;
mod commands_data;
mod commands_reminders;
mod commands_stats;
mod commands_study;
mod commands_sync;
mod day_watch;
mod desktop;
mod notifier;
mod reminder_task;
mod sync_task;
mod tray;
mod window;

use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args = cli::Cli::parse();
    match args.command {
        None => desktop::run(args.hidden),
        Some(command) => cli::run(command),
    }
}
