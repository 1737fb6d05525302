//! Push: send the outbox in batches, oldest stamp first. Per batch: start
//! from the head last known (read by the run; after a batch, the one it set),
//! stamp the batch's documents with a `push_hlc` above it, write them (insert
//! them in bulk; those the remote already has are looked up and replaced only
//! where the remote copy is not newer — inserting first keeps the common
//! case, new documents, to one request per collection and batch, and avoids
//! an `$in` lookup that scans the whole collection on PoloDB's server), then
//! commit by moving the head from that value to the new stamp (compare and
//! swap). When the head moved meanwhile,
//! the batch is stamped again above the new head and the swap retried.
//! A remote copy newer than the local one is a conflict: it is applied
//! locally right away, the local version kept in the conflicts list.

use crate::error::{ErrorKind, SyncError};
use crate::remote::Remote;
use crate::report::Phase;
use crate::run::{Local, Run};
use futures_util::stream::{self, StreamExt};
use std::collections::{HashMap, HashSet};
use waymark_core::hlc::Hlc;
use waymark_store::{Collection, DocKey, PendingDoc, PushProgress, RawDoc, StoreError, SyncState};

/// Documents per push batch (one head swap each).
pub(crate) const PUSH_BATCH: usize = 2000;
/// Conditional replaces sent at once.
const PARALLEL_REPLACES: usize = 8;
/// Head swaps tried before giving up on a busy remote.
const MAX_HEAD_TRIES: usize = 50;

/// What one batch did on the remote.
#[derive(Default)]
struct BatchOutcome {
    written: u64,
    rivals: Vec<(Collection, RawDoc)>,
    unresolved: Vec<DocKey>,
    tombstones: Vec<(DocKey, Hlc)>,
    head_from: Option<String>,
    head_to: String,
}

/// Pushes the outbox; `head` is the remote head as last read by the run.
pub(crate) async fn push<L: Local, R: Remote>(
    run: &mut Run<'_, L, R>,
    mut head: Option<String>,
) -> Result<(), SyncError> {
    let user = run.user();
    let (snapshot, state) = run.local.with_store(|s| Ok::<_, StoreError>((s.outbox_snapshot()?, s.sync_state()?)))?;
    let resume = state.push.filter(|p| p.upto <= snapshot.upto);
    let docs: Vec<PendingDoc> =
        snapshot.docs.into_iter().filter(|d| !resume.as_ref().is_some_and(|p| already_pushed(p, d))).collect();
    let total = docs.len() as u64;
    let mut done = 0;
    let mut tombstones = Vec::new();
    for chunk in docs.chunks(PUSH_BATCH) {
        let current = run.local.with_store(|s| {
            let mut out = Vec::with_capacity(chunk.len());
            for d in chunk {
                if let Some(doc) = s.raw_document(d.key.collection, &d.key.id)? {
                    out.push((d.key.clone(), doc));
                }
            }
            Ok::<_, StoreError>(out)
        })?;
        let outcome = push_batch(run, &user, head, current).await?;
        head = Some(outcome.head_to.clone());
        let last = chunk.last().map(|d| PushProgress {
            upto: snapshot.upto,
            hlc: d.hlc.clone(),
            collection: d.key.collection.name().to_string(),
            id: d.key.id.clone(),
        });
        let applied = run.commit(|tx| {
            let mut tx = tx.sync();
            let mut conflicts = 0;
            for (collection, doc) in &outcome.rivals {
                conflicts += crate::pull::apply_one(&mut tx, *collection, &user, doc.clone())?;
            }
            if !outcome.unresolved.is_empty() {
                tx.acknowledge_push(0, outcome.unresolved.clone())?;
            }
            let state = tx.sync_state()?;
            let checkpoint = if state.checkpoint == outcome.head_from {
                Some(outcome.head_to.clone())
            } else {
                state.checkpoint.clone()
            };
            tx.set_sync_state(&SyncState { push: last.clone(), checkpoint, ..state })?;
            Ok(conflicts)
        })?;
        run.report.conflicts += applied;
        run.report.deferred += outcome.unresolved.len() as u64;
        run.report.pushed += outcome.written;
        tombstones.extend(outcome.tombstones);
        done += chunk.len() as u64;
        run.report_progress(Phase::Push, done, Some(total));
    }
    let purged = run.commit(|tx| {
        let mut tx = tx.sync();
        tx.acknowledge_push(snapshot.upto, Vec::new())?;
        let mut purged = 0;
        for (key, hlc) in &tombstones {
            if tx.purge_tombstone(key.collection, &key.id, hlc)? {
                purged += 1;
            }
        }
        let state = tx.sync_state()?;
        tx.set_sync_state(&SyncState { push: None, ..state })?;
        Ok(purged)
    })?;
    run.report.purged += purged;
    Ok(())
}

fn already_pushed(p: &PushProgress, d: &PendingDoc) -> bool {
    d.newest_entry <= p.upto
        && (d.hlc.as_str(), d.key.collection.name(), d.key.id.as_str())
            <= (p.hlc.as_str(), p.collection.as_str(), p.id.as_str())
}

/// A document's `_id` as text, empty when it has no string `_id`.
fn id_of(d: &RawDoc) -> String {
    d.id().unwrap_or_default().to_string()
}

/// A document's `hlc`, empty when it has none (it then loses every comparison).
fn hlc_of(d: &RawDoc) -> &str {
    d.hlc_text().unwrap_or_default()
}

async fn push_batch<L: Local, R: Remote>(
    run: &mut Run<'_, L, R>,
    user: &str,
    head: Option<String>,
    docs: Vec<(DocKey, RawDoc)>,
) -> Result<BatchOutcome, SyncError> {
    let mut out = BatchOutcome::default();
    if let Some(h) = &head {
        run.observe(h)?;
    }
    let stamp = run.tick()?;
    let mut groups: Vec<(Collection, Vec<(DocKey, RawDoc)>)> = Vec::new();
    for (key, mut doc) in docs {
        doc.set_push_hlc(&stamp);
        if doc.is_deleted()
            && let Some(h) = doc.hlc()
        {
            out.tombstones.push((key.clone(), h));
        }
        match groups.iter_mut().find(|(c, _)| *c == key.collection) {
            Some((_, g)) => g.push((key, doc)),
            None => groups.push((key.collection, vec![(key, doc)])),
        }
    }
    let mut written: Vec<(Collection, Vec<String>)> = Vec::new();
    for (collection, group) in groups {
        let docs: Vec<RawDoc> = group.into_iter().map(|(_, doc)| doc).collect();
        let duplicates = run.remote.insert_many(collection, docs.clone()).await?;
        let is_duplicate: HashSet<&str> = duplicates.iter().map(String::as_str).collect();
        let mut ids_written: Vec<String> =
            docs.iter().map(id_of).filter(|id| !is_duplicate.contains(id.as_str())).collect();
        let mut replaces = Vec::new();
        if !duplicates.is_empty() {
            let present: HashMap<String, RawDoc> = run
                .remote
                .find_present(collection, user, &duplicates)
                .await?
                .into_iter()
                .map(|d| (id_of(&d), d))
                .collect();
            for doc in docs.into_iter().filter(|d| is_duplicate.contains(id_of(d).as_str())) {
                match present.get(&id_of(&doc)) {
                    Some(theirs) if hlc_of(theirs) > hlc_of(&doc) => {
                        out.rivals.push((collection, theirs.clone()));
                    }
                    _ => replaces.push(doc),
                }
            }
        }
        let remote = run.remote;
        let results: Vec<Result<(String, Replaced), SyncError>> = stream::iter(replaces)
            .map(|doc| async move {
                let id = id_of(&doc);
                Ok((id, replace(remote, collection, user, doc).await?))
            })
            .buffer_unordered(PARALLEL_REPLACES)
            .collect()
            .await;
        for result in results {
            match result? {
                (id, Replaced::Written) => ids_written.push(id),
                (_, Replaced::Newer(theirs)) => out.rivals.push((collection, theirs)),
                (id, Replaced::Unresolved) => out.unresolved.push(DocKey::new(collection, id)),
            }
        }
        out.written += ids_written.len() as u64;
        written.push((collection, ids_written));
    }
    let (from, to) = commit_head(run, user, head, stamp, &written).await?;
    out.head_from = from;
    out.head_to = to;
    Ok(out)
}

enum Replaced {
    Written,
    Newer(RawDoc),
    Unresolved,
}

/// Conditional replace; when nothing matched, insert; when that finds a
/// copy, it is newer (or of another user): fetch it.
async fn replace<R: Remote>(
    remote: &R,
    collection: Collection,
    user: &str,
    doc: RawDoc,
) -> Result<Replaced, SyncError> {
    let hlc = hlc_of(&doc).to_string();
    let id = id_of(&doc);
    if remote.replace_if_not_newer(collection, user, doc.clone()).await? || remote.insert_one(collection, doc).await? {
        return Ok(Replaced::Written);
    }
    match remote.find_one(collection, user, &id).await? {
        Some(theirs) if hlc_of(&theirs) > hlc.as_str() => Ok(Replaced::Newer(theirs)),
        _ => Ok(Replaced::Unresolved),
    }
}

/// Moves the head from `head` to `stamp`; while another push moved it first,
/// stamps this batch again above the new head and retries. Returns the head
/// value replaced and the one set.
async fn commit_head<L: Local, R: Remote>(
    run: &mut Run<'_, L, R>,
    user: &str,
    mut head: Option<String>,
    mut stamp: String,
    written: &[(Collection, Vec<String>)],
) -> Result<(Option<String>, String), SyncError> {
    for _ in 0..MAX_HEAD_TRIES {
        let moved = match &head {
            None => run.remote.create_head(user, &stamp).await?,
            Some(from) => run.remote.advance_head(user, from, &stamp).await?,
        };
        if moved {
            return Ok((head, stamp));
        }
        head = run.remote.read_head(user).await?;
        if let Some(h) = &head {
            run.observe(h)?;
        }
        let next = run.tick()?;
        for (collection, ids) in written.iter().filter(|(_, ids)| !ids.is_empty()) {
            run.remote.restamp(*collection, user, ids, &stamp, &next).await?;
        }
        stamp = next;
    }
    Err(SyncError::new(ErrorKind::Server, "the remote is too busy: other devices keep pushing; try again"))
}
