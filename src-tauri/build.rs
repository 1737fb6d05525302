//! Generates Tauri's context (config, capabilities, embedded assets).
fn main() {
    tauri_build::build();
}
