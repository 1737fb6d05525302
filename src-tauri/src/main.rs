//! Waymark's one binary: with no subcommand it starts the desktop app; with one
//! it runs headless on the same store (scripting, cron, tests).

#![cfg_attr(all(not(debug_assertions), target_os = "windows"), windows_subsystem = "windows")]

mod backup_watch;
mod cli;
mod cli_data;
mod cli_reminders;
mod cli_study;
mod commands;
mod commands_data;
mod commands_reminders;
mod commands_study;
mod day_watch;
mod desktop;
mod reminder_task;
mod tray;

use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args = cli::Cli::parse();
    match args.command {
        None => desktop::run(),
        Some(command) => cli::run(command),
    }
}
