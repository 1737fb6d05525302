//! One sync run: join the remote if needed, read the head, pull what others
//! committed since the checkpoint, push the outbox, check the head again.
//!
//! The store is only touched inside [`Local::with_store`] calls that never
//! span an `.await`: a batch is taken out under the lock, sent or fetched
//! without it, and committed under the lock again. Every step is durable and
//! safe to repeat, so an interrupted run resumes where it stopped.

use crate::error::{ErrorKind, SyncError};
use crate::pull;
use crate::push;
use crate::remote::Remote;
use crate::report::{Phase, Progress, SyncReport};
use crate::run::{Local, Run};
use chrono::SecondsFormat;
use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};
use waymark_core::hlc::HlcClock;
use waymark_store::{Collection, SyncLogEntry, SyncState};

/// How many runs may go on at once per device: one. Runs of one store are
/// serialized here, so a background run and "Sync now" never interleave.
pub(crate) fn run_lock(device: &str) -> Arc<tokio::sync::Mutex<()>> {
    static LOCKS: OnceLock<Mutex<HashMap<String, Arc<tokio::sync::Mutex<()>>>>> = OnceLock::new();
    let mut locks = LOCKS.get_or_init(Default::default).lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    Arc::clone(locks.entry(device.to_string()).or_default())
}

/// Rounds of pull-then-push in one run before leaving the rest to the next run.
const MAX_ROUNDS: usize = 3;

/// Runs one sync: pull, push, head check (see the crate docs). The run is
/// recorded in the sync log and the sync state — also when it fails.
pub async fn sync_once(
    local: &impl Local,
    remote: &impl Remote,
    progress: &(dyn Fn(Progress) + Sync),
) -> Result<SyncReport, SyncError> {
    let (device, enabled) = local.with_store(|s| (s.identity().device_id.clone(), s.sync_enabled()));
    let lock = run_lock(&device);
    let _guard = lock.lock().await;
    let started_at = local.now();
    let trips = remote.round_trips();
    let mut run = Run { local, remote, progress, clock: HlcClock::new(device), report: SyncReport::new(started_at) };
    let result =
        if enabled { run.run().await } else { Err(SyncError::new(ErrorKind::Local, "sync is off: turn it on first")) };
    let mut report = run.report;
    report.round_trips = remote.round_trips().saturating_sub(trips);
    report.finished_at = local.now();
    record(local, &report, result.as_ref().err())?;
    result.map(|()| report)
}

fn record(local: &impl Local, report: &SyncReport, error: Option<&SyncError>) -> Result<(), SyncError> {
    let entry = SyncLogEntry {
        started_at: report.started_at,
        finished_at: report.finished_at,
        pushed: report.pushed,
        pulled: report.pulled,
        conflicts: report.conflicts,
        kept_aside: report.invalid,
        failed: error.is_some(),
        error: error.map(ToString::to_string),
    };
    local.with_store(|s| {
        s.transact(report.finished_at, |tx| {
            let mut tx = tx.sync();
            let mut state = tx.sync_state()?;
            state.last_attempt = Some(report.started_at);
            match error {
                None => {
                    state.last_success = Some(report.finished_at);
                    state.last_error = None;
                    state.last_error_kind = None;
                }
                Some(e) => {
                    state.last_error = Some(e.to_string());
                    state.last_error_kind = Some(e.kind().code().to_string());
                }
            }
            tx.set_sync_state(&state)?;
            tx.append_sync_log(&entry)
        })
    })?;
    Ok(())
}

impl<L: Local, R: Remote> Run<'_, L, R> {
    async fn run(&mut self) -> Result<(), SyncError> {
        self.forget_other_remote()?;
        self.join().await?;
        self.report.released = crate::pull::retry_quarantined(self)?;
        for _ in 0..MAX_ROUNDS {
            let user = self.user();
            let head = self.remote.read_head(&user).await?;
            if let Some(h) = &head {
                self.observe(h)?;
            }
            let state = self.state()?;
            if head.is_none() && state.checkpoint.is_some() {
                self.remote_was_reset()?;
                self.join().await?;
                continue;
            }
            let behind = head.is_some() && head > state.checkpoint;
            let outbox_empty = self.local.with_store(|s| s.outbox_is_empty());
            if !behind && outbox_empty && state.pull.is_none() {
                return Ok(());
            }
            if let Some(h) = head.as_deref()
                && (behind || state.pull.is_some())
            {
                pull::pull(self, h).await?;
            }
            if !outbox_empty {
                push::push(self, head).await?;
            }
        }
        Ok(())
    }

    /// Local bookkeeping belongs to one remote: for another one, start over
    /// (join it, pull everything, push everything).
    fn forget_other_remote(&mut self) -> Result<(), SyncError> {
        let fingerprint = self.remote.fingerprint();
        self.commit(|tx| {
            let mut tx = tx.sync();
            let state = tx.sync_state()?;
            if state.remote.as_deref() == Some(fingerprint.as_str()) {
                return Ok(());
            }
            let fresh =
                SyncState { remote: Some(fingerprint), tracked_through: state.tracked_through.clone(), ..state };
            let fresh = SyncState { joined_user: None, checkpoint: None, pull: None, push: None, ..fresh };
            tx.set_sync_state(&fresh)
        })
    }

    /// The remote lost this user's head (their remote data was deleted):
    /// join again and push everything.
    fn remote_was_reset(&mut self) -> Result<(), SyncError> {
        self.commit(|tx| {
            let mut tx = tx.sync();
            let state = tx.sync_state()?;
            tx.set_sync_state(&SyncState { joined_user: None, checkpoint: None, pull: None, push: None, ..state })
        })
    }

    /// First run against a remote: claim it, or adopt the user that owns it.
    async fn join(&mut self) -> Result<(), SyncError> {
        if self.state()?.joined_user.is_some() {
            return Ok(());
        }
        self.report_progress(Phase::Join, 0, None);
        let me = self.user();
        let claimed_at = self.now().to_rfc3339_opts(SecondsFormat::Millis, true);
        let owner = self.remote.claim_owner(&me, &claimed_at).await?;
        if uuid::Uuid::parse_str(&owner).is_err() {
            return Err(SyncError::new(
                ErrorKind::Server,
                format!(
                    "the remote's owner id {:?} is not a Waymark learner id: a program other than Waymark wrote it; \
                     nothing was changed here",
                    owner.chars().take(40).collect::<String>()
                ),
            ));
        }
        let remote_profile = if owner == me {
            None
        } else {
            let profile = self.remote.find_one(Collection::Profile, &owner, &owner).await?;
            profile.and_then(|d| d.hlc())
        };
        self.commit(|tx| {
            let mut tx = tx.sync();
            if owner == me {
                tx.queue_full_push()?;
            } else {
                tx.adopt_user(&owner, remote_profile.as_ref())?;
            }
            let state = tx.sync_state()?;
            tx.set_sync_state(&SyncState { joined_user: Some(owner.clone()), ..state })
        })?;
        self.report.joined = true;
        Ok(())
    }
}
