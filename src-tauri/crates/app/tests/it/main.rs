//! Integration tests of the facade: the use cases as front ends call them, on a
//! real store in a temp dir with a pinned clock.

mod ai;
mod backups;
mod bad_input;
mod bindings;
mod data_files;
mod delete_all;
mod fuzz;
mod goals;
mod import_export;
mod planner;
mod reminders;
mod roadmaps;
mod stats;
mod study;
mod support;
mod today;
