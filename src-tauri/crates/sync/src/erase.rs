//! Deleting the learner's data from the remote without a sync run slipping
//! in: a push in flight would put documents back after the delete, and a
//! stop between the delete and turning sync off would upload everything
//! again at the next start. So the delete waits for the run in flight and
//! holds the run lock, turns sync off durably first, then deletes, then
//! checks the learner's head is gone.

use crate::api::disable;
use crate::engine::run_lock;
use crate::error::{ErrorKind, SyncError};
use crate::remote::Remote;
use crate::run::Local;
use waymark_store::Collection;

/// Deletes everything of this store's learner from the remote (documents,
/// head, owner claim) and leaves sync off here; returns how many documents
/// went. Another desktop that still has sync on sends its copy back at its
/// next run — turn sync off there first to keep the remote empty.
pub async fn delete_remote_data(local: &impl Local, remote: &impl Remote) -> Result<u64, SyncError> {
    let (device, user) = local.with_store(|s| (s.identity().device_id.clone(), s.identity().user_id.clone()));
    let lock = run_lock(&device);
    let _no_run_meanwhile = lock.lock().await;
    let now = local.now();
    local.with_store(|s| disable(s, now))?;
    let removed = remote.delete_user(&Collection::ALL, &user).await?;
    if remote.read_head(&user).await?.is_some() {
        return Err(SyncError::new(
            ErrorKind::Server,
            "the remote still holds this learner's head after the delete (another desktop synced meanwhile?): \
             sync stays off here; delete the remote data again once the other desktops have sync off",
        ));
    }
    Ok(removed)
}
