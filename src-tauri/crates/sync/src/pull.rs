//! Pull: read every document whose `push_hlc` lies between the checkpoint
//! and the head read at the start of the run, collection by collection, in
//! batches; apply each batch in one local transaction; move the checkpoint to
//! the head only when every collection is done. Documents above the head are
//! not read: they belong to pushes not yet committed (see `docs/sync.md`).
//! A document that cannot be applied is kept aside in the store's
//! quarantine, in the same transaction as its batch, and tried again at the
//! start of every run ([`retry_quarantined`]).

use crate::error::{ErrorKind, SyncError};
use crate::remote::{PullCursor, Remote};
use crate::report::Phase;
use crate::run::{Local, Run};
use chrono::{DateTime, Utc};
use tokio::sync::oneshot;
use waymark_store::{Collection, PullProgress, Quarantined, RawDoc, StoreError, SyncState, SyncTx};

/// Documents applied per local transaction.
pub(crate) const PULL_BATCH: usize = 1000;

/// What applying one batch did.
#[derive(Debug, Default)]
struct Applied {
    pulled: u64,
    conflicts: u64,
    invalid: u64,
    purged: u64,
}

pub(crate) async fn pull<L: Local, R: Remote>(run: &mut Run<'_, L, R>, head: &str) -> Result<(), SyncError> {
    let user = run.user();
    loop {
        let state = run.state()?;
        if state.checkpoint.as_deref() >= Some(head) && state.pull.is_none() {
            return Ok(());
        }
        let (target, first) = match &state.pull {
            Some(p) => (p.target.clone(), Collection::ALL.iter().position(|c| c.name() == p.collection).unwrap_or(0)),
            None => (head.to_string(), 0),
        };
        let after = state.checkpoint.clone();
        for (index, collection) in Collection::ALL.into_iter().enumerate().skip(first) {
            let mut cursor = run.remote.pull(collection, &user, after.as_deref(), &target, PULL_BATCH).await?;
            let mut batch = cursor.next_batch().await?;
            while !batch.is_empty() {
                let committing = commit_elsewhere(run.local.clone(), run.now(), collection, user.clone(), batch);
                let next = cursor.next_batch().await;
                let applied =
                    committing.await.map_err(|_| SyncError::new(ErrorKind::Local, "applying a batch failed"))??;
                batch = next?;
                run.report.pulled += applied.pulled;
                run.report.conflicts += applied.conflicts;
                run.report.invalid += applied.invalid;
                run.report.purged += applied.purged;
                run.report_progress(Phase::Pull, run.report.pulled, None);
            }
            let next = Collection::ALL
                .get(index + 1)
                .map(|c| PullProgress { target: target.clone(), collection: c.name().to_string() });
            run.commit(|tx| {
                let mut tx = tx.sync();
                let state = tx.sync_state()?;
                let checkpoint = if next.is_none() { Some(target.clone()) } else { state.checkpoint.clone() };
                tx.set_sync_state(&SyncState { pull: next.clone(), checkpoint, ..state })
            })?;
        }
    }
}

/// Applies `batch` in one local transaction on a thread of its own, so the
/// next batch is fetched meanwhile.
fn commit_elsewhere<L: Local>(
    local: L,
    now: DateTime<Utc>,
    collection: Collection,
    user: String,
    batch: Vec<RawDoc>,
) -> oneshot::Receiver<Result<Applied, StoreError>> {
    let (done, receiver) = oneshot::channel();
    std::thread::spawn(move || {
        let applied = local.with_store(|s| s.transact(now, |tx| apply_batch(&mut tx.sync(), collection, &user, batch)));
        let _ = done.send(applied);
    });
    receiver
}

fn apply_batch(
    tx: &mut SyncTx<'_, '_>,
    collection: Collection,
    user: &str,
    batch: Vec<RawDoc>,
) -> Result<Applied, StoreError> {
    let mut out = Applied::default();
    for remote in batch {
        match apply(tx, collection, user, remote)? {
            Outcome::Invalid(doc, reason) => {
                tx.quarantine(collection, doc, &reason)?;
                out.invalid += 1;
            }
            Outcome::OtherUser => {}
            Outcome::Applied { conflict, purged } => {
                out.pulled += 1;
                out.conflicts += u64::from(conflict);
                out.purged += u64::from(purged);
            }
        }
    }
    Ok(out)
}

/// Applies one remote document; returns 1 when it made a conflict.
pub(crate) fn apply_one(
    tx: &mut SyncTx<'_, '_>,
    collection: Collection,
    user: &str,
    remote: RawDoc,
) -> Result<u64, StoreError> {
    Ok(match apply(tx, collection, user, remote)? {
        Outcome::Applied { conflict: true, .. } => 1,
        _ => 0,
    })
}

enum Outcome {
    /// Not applied: the document as pulled, and why.
    Invalid(RawDoc, String),
    OtherUser,
    Applied {
        conflict: bool,
        purged: bool,
    },
}

/// Applies a remote document of `collection` (see `docs/sync.md` § Apply):
/// a newer remote version wins (a local change made meanwhile becomes a
/// conflict), an older one loses to a local change made after it (it becomes
/// a conflict) and is otherwise already known; append-only collections merge
/// without conflicts.
fn apply(tx: &mut SyncTx<'_, '_>, collection: Collection, user: &str, remote: RawDoc) -> Result<Outcome, StoreError> {
    let stamps = match remote.stamps(collection) {
        Ok(stamps) => stamps,
        Err(e) => return Ok(Outcome::Invalid(remote, reason(&e))),
    };
    if stamps.user_id != user {
        return Ok(Outcome::OtherUser);
    }
    let id = stamps.id.as_str();
    let theirs = &stamps.hlc;
    let done = |conflict: bool, purged: bool| Ok(Outcome::Applied { conflict, purged });
    let Some(local) = tx.get_raw(collection, id)? else {
        if !stamps.deleted
            && let Some((doc, e)) = tx.insert_remote(collection, remote)?
        {
            return Ok(Outcome::Invalid(doc, reason(&e)));
        }
        return done(false, false);
    };
    let Some(ours) = local.hlc() else {
        return Ok(Outcome::Invalid(remote, "the copy on this desktop has no readable stamp".into()));
    };
    if *theirs == ours {
        return done(false, false);
    }
    let change = if collection.is_append_only() { None } else { tx.change_base(collection, id, &ours) };
    if *theirs > ours {
        let remote_copy = remote.clone();
        if let Some(why) = refused(tx.apply_remote(collection, remote))? {
            return Ok(Outcome::Invalid(remote_copy, why));
        }
        let conflict = change.is_some() && !local.same_content(&remote_copy);
        if conflict {
            tx.record_conflict(collection, local, theirs)?;
            tx.settle(collection, id)?;
        }
        let purged = stamps.deleted && tx.purge_tombstone(collection, id, theirs)?;
        return done(conflict, purged);
    }
    let rival = change.is_some_and(|base| base.as_ref().is_none_or(|b| theirs > b)) && !local.same_content(&remote);
    if rival {
        tx.record_conflict(collection, remote, &ours)?;
    }
    done(rival, false)
}

/// Why a remote document was refused as not a readable Waymark document
/// (`None`: it was applied); other store errors abort the batch.
fn refused(result: Result<(), StoreError>) -> Result<Option<String>, StoreError> {
    match result {
        Ok(()) => Ok(None),
        Err(e @ StoreError::BadDocument { .. }) => Ok(Some(reason(&e))),
        Err(e) => Err(e),
    }
}

fn reason(e: &StoreError) -> String {
    match e {
        StoreError::BadDocument { message, .. } => message.clone(),
        other => other.to_string(),
    }
}

/// How many documents kept aside one run tries again at most: the ones
/// tried longest ago first, so a remote full of bad documents costs each
/// run a bounded time and every one is still tried in turn.
const RETRY_PER_RUN: usize = 200;

/// Tries documents kept aside again (at most [`RETRY_PER_RUN`]), in one
/// transaction: one that applies now (this Waymark reads it, or the clock
/// caught up with its stamp) leaves the quarantine, as does one of another
/// learner; the rest stay with their new reason. Returns how many left.
pub(crate) fn retry_quarantined<L: Local, R: Remote>(run: &mut Run<'_, L, R>) -> Result<u64, SyncError> {
    let mut kept = run.local.with_store(|s| s.quarantined())?;
    if kept.is_empty() {
        return Ok(0);
    }
    kept.sort_by(|a, b| a.last_tried.cmp(&b.last_tried).then_with(|| a.id.cmp(&b.id)));
    kept.truncate(RETRY_PER_RUN);
    let user = run.user();
    let released = run.commit(|tx| {
        let mut tx = tx.sync();
        let mut released = 0;
        for entry in kept {
            let Quarantined { id, collection, doc, .. } = entry;
            match apply(&mut tx, collection, &user, doc)? {
                Outcome::Invalid(doc, why) => tx.quarantine(collection, doc, &why)?,
                Outcome::OtherUser | Outcome::Applied { .. } => {
                    tx.release_quarantined(&id)?;
                    released += 1;
                }
            }
        }
        Ok::<_, StoreError>(released)
    })?;
    Ok(released)
}
