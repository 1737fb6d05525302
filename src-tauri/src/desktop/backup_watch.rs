//! Automatic backups while the app runs: at start and then once a minute it
//! asks the facade whether a backup is due (at most hourly, only after a
//! change). The snapshot is taken under the app's lock, so no write
//! interleaves; compressing and writing the file happen after the lock is
//! let go, so the window stays responsive.

use super::Shared;
use std::time::Duration;
use tauri::{AppHandle, Manager};
use waymark_app::backups::BackupCheck;

/// How often a backup is considered.
const CHECK_EVERY: Duration = Duration::from_secs(60);

/// Spawns the backup thread; it ends with the process (or at once when the
/// data could not be opened).
pub fn spawn(handle: AppHandle) {
    std::thread::spawn(move || {
        if handle.state::<Shared>().with(|_| Ok(())).is_err() {
            return;
        }
        // The change counter when the last check found nothing new.
        let mut quiet_at: Option<u64> = None;
        loop {
            let check = handle.state::<Shared>().with(|app| {
                let counter = app.change_counter();
                if quiet_at == Some(counter) {
                    return Ok((counter, BackupCheck::NothingNew));
                }
                Ok((counter, app.check_backup()?))
            });
            match check {
                Ok((_, BackupCheck::Due(pending))) => {
                    quiet_at = None;
                    if let Err(e) = pending.write() {
                        eprintln!("waymark: automatic backup failed: {}", e.message);
                    }
                }
                Ok((counter, BackupCheck::NothingNew)) => quiet_at = Some(counter),
                Ok((_, BackupCheck::NotDue)) => {}
                Err(e) => eprintln!("waymark: cannot check for a backup: {}", e.message),
            }
            std::thread::sleep(CHECK_EVERY);
        }
    });
}
