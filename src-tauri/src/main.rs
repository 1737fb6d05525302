//! Waymark's one binary: with no subcommand it starts the desktop app; with one
//! it runs headless on the same store (scripting, cron, tests).
//!
//! Three parts: `cli` (the headless commands), `commands` (what the window
//! calls) and `desktop` (the running app: window, tray, workers, state).
//! `main` starts the desktop with the commands' handler, so `desktop` needs
//! nothing from `commands`.

#![cfg_attr(all(not(debug_assertions), target_os = "windows"), windows_subsystem = "windows")]

mod cli;
mod commands;
mod desktop;

use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args = cli::Cli::parse();
    match args.command {
        None => desktop::run(args.hidden, commands::handler()),
        Some(command) => cli::run(command),
    }
}
