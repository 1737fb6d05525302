//! Starts each new learner day while the window stays open: once a minute it
//! asks the facade to roll over (a no-op within the same day) and, when the
//! day changed, tells the UI to reload (`day-changed` event with the new date).

use super::Shared;
use std::time::Duration;
use tauri::{AppHandle, Emitter, Manager};

/// How often the day is checked.
const CHECK_EVERY: Duration = Duration::from_secs(60);

/// Spawns the watcher thread; it ends with the process.
pub fn spawn(handle: AppHandle) {
    std::thread::spawn(move || {
        let mut last = handle.state::<Shared>().with(|app| Ok(app.today())).ok();
        loop {
            std::thread::sleep(CHECK_EVERY);
            let state = handle.state::<Shared>();
            let today = state.with(|app| {
                app.roll_over()?;
                Ok(app.today())
            });
            match today {
                Ok(today) if Some(today) != last => {
                    last = Some(today);
                    if let Err(e) = handle.emit("day-changed", today.to_string()) {
                        eprintln!("waymark: cannot tell the window about the new day: {e}");
                    }
                }
                Ok(_) => {}
                Err(e) => eprintln!("waymark: rollover failed: {}", e.message),
            }
        }
    });
}
