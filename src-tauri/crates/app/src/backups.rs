//! Automatic local backups, and restoring one.
//!
//! A backup is an export file (`docs/export.md`), gzip-compressed, in
//! `<data dir>/backups/waymark-YYYYMMDD-HHMMSS.json.gz` (UTC; `-2`, `-3`…
//! when a second one falls in the same second). It is consistent: the
//! snapshot is read from the store in one go while the caller holds the app
//! (no write can interleave); writing the file can then happen outside that
//! lock ([`PendingBackup::write`]). A file appears only complete: it is
//! written to a temporary name of its own, flushed to disk, then linked to
//! the first free backup name (never replacing a file).
//!
//! Automatic backups are taken at most once an hour while the app runs, only
//! when something changed since the newest backup, and never of an empty
//! store; after each one the rotation of `waymark_core::backup_rotation`
//! removes what is no longer kept. Restoring first backs up the current
//! state, then replaces the store's content with the backup's in one
//! transaction (its documents are checked as they are written; a bad one
//! rolls everything back).

use crate::App;
use crate::error::{AppError, AppResult, ErrorCode};
use crate::export::{Refused, Snapshot, read_header, replace_all};
use crate::limits::{InputKind, InputLimits, ReadError};
use chrono::{DateTime, NaiveDateTime, Utc};
use chrono_tz::Tz;
use flate2::Compression;
use flate2::read::GzDecoder;
use flate2::write::GzEncoder;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fs::{self, File};
use std::io::{BufWriter, Read};
use std::path::{Path, PathBuf};
use ts_rs::TS;
use waymark_core::backup_rotation::{backup_due, backups_to_keep};
use waymark_store::{Replace, StoreError};

/// The folder in the data directory that holds the backups.
pub const BACKUP_DIR: &str = "backups";
const PREFIX: &str = "waymark-";
const SUFFIX: &str = ".json.gz";
/// How much of a backup is read to list it (its header comes first).
const HEADER_BYTES: u64 = 64 * 1024;

/// One backup, as the list shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct BackupInfo {
    /// Its id: the file name without `.json.gz`, e.g. `waymark-20260302-120000`.
    pub id: String,
    /// When it was taken (from its name, to the second).
    pub taken_at: DateTime<Utc>,
    /// The file's size on disk.
    pub size_bytes: u64,
    /// Documents per collection, tombstones included (empty when unreadable).
    pub counts: BTreeMap<String, u64>,
    /// Documents in all.
    pub total: u64,
    /// Whether its header could be read; an unreadable backup cannot be restored.
    pub readable: bool,
}

/// What a restore did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct RestoreReport {
    /// The backup now in the store.
    pub restored: BackupInfo,
    /// The backup of the state before the restore (none when the store was empty).
    pub safety_backup: Option<BackupInfo>,
}

/// Whether an automatic backup is due.
pub enum BackupCheck {
    /// One was taken within the last hour.
    NotDue,
    /// Nothing changed since the newest backup, or there is nothing to back up.
    NothingNew,
    /// Due: the snapshot, to be written (possibly after letting go of the app).
    Due(PendingBackup),
}

/// A snapshot taken for a backup, to be written to disk — possibly after the
/// caller has let go of the app.
pub struct PendingBackup {
    snapshot: Snapshot,
    dir: PathBuf,
    zone: Tz,
}

impl App {
    /// The folder of the backups.
    pub fn backup_dir(&self) -> PathBuf {
        self.data_dir().join(BACKUP_DIR)
    }

    /// The backups, newest first; none when the folder does not exist (yet).
    pub fn backups(&self) -> AppResult<Vec<BackupInfo>> {
        let dir = self.backup_dir();
        if !dir.exists() {
            return Ok(Vec::new());
        }
        let mut out: Vec<BackupInfo> =
            list(&dir)?.into_iter().map(|(id, taken_at)| info(&dir, &id, taken_at)).collect();
        out.sort_by(|a, b| b.taken_at.cmp(&a.taken_at).then_with(|| b.id.cmp(&a.id)));
        Ok(out)
    }

    /// Takes the snapshot for a backup now (the app must not change meanwhile).
    pub fn prepare_backup(&self) -> AppResult<PendingBackup> {
        Ok(PendingBackup { snapshot: self.snapshot()?, dir: self.backup_dir(), zone: self.zone() })
    }

    /// Whether an automatic backup is due: none within the last hour,
    /// something changed since the newest one, and the store is not empty.
    /// When it is, the snapshot is taken now (see [`App::prepare_backup`]).
    pub fn check_backup(&self) -> AppResult<BackupCheck> {
        let dir = self.backup_dir();
        let taken = if dir.exists() { list(&dir)? } else { Vec::new() };
        let instants: Vec<DateTime<Utc>> = taken.iter().map(|(_, t)| *t).collect();
        if !backup_due(&instants, self.clock.now()) {
            return Ok(BackupCheck::NotDue);
        }
        let pending = self.prepare_backup()?;
        if pending.snapshot.total() == 0 {
            return Ok(BackupCheck::NothingNew);
        }
        let newest = taken.iter().max_by(|a, b| a.1.cmp(&b.1).then_with(|| a.0.cmp(&b.0)));
        if let Some(header) = newest.and_then(|(id, _)| header_of(&dir.join(file_name(id)))) {
            let same = header.latest_stamp == pending.snapshot.latest_stamp()
                && header.counts == pending.snapshot.counts()
                && header.user_id == pending.snapshot.user_id;
            if same {
                return Ok(BackupCheck::NothingNew);
            }
        }
        Ok(BackupCheck::Due(pending))
    }

    /// A number that grows with every change written (in this process): a
    /// caller that got [`BackupCheck::NothingNew`] need not ask again until it
    /// moves.
    pub fn change_counter(&self) -> u64 {
        self.store.generation()
    }

    /// Takes a backup now and rotates the old ones.
    pub fn backup_now(&self) -> AppResult<BackupInfo> {
        self.prepare_backup()?.write()
    }

    /// Takes an automatic backup when one is due (see [`App::check_backup`]).
    pub fn backup_if_due(&self) -> AppResult<Option<BackupInfo>> {
        match self.check_backup()? {
            BackupCheck::Due(pending) => pending.write().map(Some),
            BackupCheck::NotDue | BackupCheck::NothingNew => Ok(None),
        }
    }

    /// Replaces everything in the store with backup `id`: the backup is read
    /// and checked first, then the current state is backed up, then the
    /// store's content is replaced in one transaction. On any error before
    /// that last step the store is untouched. With sync on, the restored
    /// plan is then stamped as a change made now, so it wins on every
    /// desktop; that step is durable (see [`waymark_store::Store::finish_restamp`]).
    pub fn restore_backup(&mut self, id: &str) -> AppResult<RestoreReport> {
        let taken_at = parse_id(id).ok_or_else(|| {
            AppError::invalid("backup", format!("\"{id}\" is not a backup id (like waymark-20260302-120000)"))
        })?;
        let dir = self.backup_dir();
        if !dir.is_dir() {
            return Err(AppError {
                code: ErrorCode::NotFound,
                message: format!(
                    "the backup folder {} is gone (moved or deleted?); nothing was restored",
                    dir.display()
                ),
                field: Some("backup".into()),
            });
        }
        let path = dir.join(file_name(id));
        if !path.is_file() {
            return Err(AppError::not_found("backup", id));
        }
        let damaged = |e: String| AppError::invalid("backup", format!("backup {id} cannot be restored: {e}"));
        let snapshot = read_backup(&path, &self.limits).map_err(damaged)?;
        let restored = info(&dir, id, taken_at);
        let safety_backup = if self.store.is_empty_of_learner_data()? { None } else { Some(self.backup_now()?) };
        let sync_on = self.sync_enabled();
        let user_id = if sync_on { None } else { Some(snapshot.user_id) };
        let options = Replace { user_id, forget_local: false, restamp: sync_on };
        replace_all(&mut self.store, snapshot.collections, options, self.clock.now()).map_err(|e| match e {
            Refused::Document(message) => damaged(message),
            Refused::Store(e @ StoreError::BadDocument { .. }) => damaged(e.to_string()),
            Refused::Store(e) => e.into(),
        })?;
        self.store.finish_restamp(self.clock.now())?;
        self.load_day_state()?;
        Ok(RestoreReport { restored, safety_backup })
    }

    /// Deletes every backup file; returns how many there were.
    pub(crate) fn delete_backups(&self) -> AppResult<u64> {
        let dir = self.backup_dir();
        if !dir.exists() {
            return Ok(0);
        }
        let mut deleted = 0;
        for (id, _) in list(&dir)? {
            let path = dir.join(file_name(&id));
            fs::remove_file(&path).map_err(|e| system(&path, "delete", &e))?;
            deleted += 1;
        }
        Ok(deleted)
    }
}

impl PendingBackup {
    /// When the snapshot was taken.
    pub fn taken_at(&self) -> DateTime<Utc> {
        self.snapshot.exported_at
    }

    /// Writes the backup file (atomically), then removes the backups the
    /// rotation no longer keeps (never this one).
    pub fn write(self) -> AppResult<BackupInfo> {
        let dir = &self.dir;
        fs::create_dir_all(dir).map_err(|e| system(dir, "create", &e))?;
        let temp = dir.join(format!(".{PREFIX}{}-{}.tmp", std::process::id(), uuid::Uuid::new_v4().simple()));
        if let Err(e) = write_gzip(&temp, &self.snapshot) {
            let _ = fs::remove_file(&temp);
            return Err(system(&temp, "write", &e));
        }
        let published = publish(dir, &temp, self.snapshot.exported_at);
        let _ = fs::remove_file(&temp);
        let id = published?;
        sync_dir(dir);
        rotate(dir, &id, self.snapshot.exported_at, self.zone);
        let taken_at = parse_id(&id).unwrap_or(self.snapshot.exported_at);
        Ok(info(dir, &id, taken_at))
    }
}

/// Gives the complete file at `temp` its backup name — the first of
/// `waymark-…`, `waymark-…-2`, … that is free — without ever replacing a
/// file: two writers in the same second (two windows, a restore's safety
/// backup beside the hourly one) each get their own name.
fn publish(dir: &Path, temp: &Path, taken_at: DateTime<Utc>) -> AppResult<String> {
    let base = format!("{PREFIX}{}", taken_at.format("%Y%m%d-%H%M%S"));
    for n in 1..=1000 {
        let id = if n == 1 { base.clone() } else { format!("{base}-{n}") };
        let path = dir.join(file_name(&id));
        match fs::hard_link(temp, &path) {
            Ok(()) => return Ok(id),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(system(&path, "write", &e)),
        }
    }
    Err(system(dir, "name a backup in", &std::io::Error::other("a thousand backups share this second")))
}

fn file_name(id: &str) -> String {
    format!("{id}{SUFFIX}")
}

/// The instant in a backup id (`waymark-YYYYMMDD-HHMMSS`, maybe `-N`).
fn parse_id(id: &str) -> Option<DateTime<Utc>> {
    let rest = id.strip_prefix(PREFIX)?;
    let (stamp, counter) = match rest.len() {
        15 => (rest, None),
        n if n > 16 && rest.as_bytes()[15] == b'-' => (&rest[..15], Some(&rest[16..])),
        _ => return None,
    };
    if counter.is_some_and(|c| c.is_empty() || !c.bytes().all(|b| b.is_ascii_digit())) {
        return None;
    }
    NaiveDateTime::parse_from_str(stamp, "%Y%m%d-%H%M%S").ok().map(|t| t.and_utc())
}

/// The backups in `dir`: (id, taken at), in no particular order.
fn list(dir: &Path) -> AppResult<Vec<(String, DateTime<Utc>)>> {
    let entries = fs::read_dir(dir).map_err(|e| system(dir, "read", &e))?;
    let mut out = Vec::new();
    for entry in entries {
        let entry = entry.map_err(|e| system(dir, "read", &e))?;
        let name = entry.file_name();
        let Some(id) = name.to_str().and_then(|n| n.strip_suffix(SUFFIX)) else { continue };
        if let Some(taken_at) = parse_id(id) {
            out.push((id.to_string(), taken_at));
        }
    }
    Ok(out)
}

fn info(dir: &Path, id: &str, taken_at: DateTime<Utc>) -> BackupInfo {
    let path = dir.join(file_name(id));
    let size_bytes = fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
    let header = header_of(&path);
    let counts = header.as_ref().map(|h| h.counts.clone()).unwrap_or_default();
    BackupInfo {
        id: id.to_string(),
        taken_at,
        size_bytes,
        total: counts.values().sum(),
        counts,
        readable: header.is_some(),
    }
}

fn header_of(path: &Path) -> Option<crate::export::Header> {
    let mut first = Vec::new();
    GzDecoder::new(File::open(path).ok()?).take(HEADER_BYTES).read_to_end(&mut first).ok()?;
    read_header(&first)
}

fn read_backup(path: &Path, limits: &InputLimits) -> Result<Snapshot, String> {
    let file = File::open(path).map_err(|e| e.to_string())?;
    let text = limits.read(InputKind::Backup, GzDecoder::new(file)).map_err(|e| match e {
        ReadError::TooLarge(message) => message,
        ReadError::Io(e) => format!("the file is damaged ({e})"),
    })?;
    Snapshot::parse(&text).map_err(|e| e.to_string())
}

fn write_gzip(path: &Path, snapshot: &Snapshot) -> std::io::Result<()> {
    let file = File::create(path)?;
    let mut gz = GzEncoder::new(BufWriter::new(file), Compression::fast());
    snapshot.write(&mut gz)?;
    let file = gz.finish()?.into_inner().map_err(|e| e.into_error())?;
    file.sync_all()
}

/// Makes a rename in `dir` durable (best effort: not every system can open a folder).
fn sync_dir(dir: &Path) {
    if let Ok(d) = File::open(dir) {
        let _ = d.sync_all();
    }
}

/// Removes the backups the rotation does not keep, never `just_written`. A
/// file that cannot be removed now is tried again after the next backup.
fn rotate(dir: &Path, just_written: &str, now: DateTime<Utc>, zone: Tz) {
    let Ok(all) = list(dir) else { return };
    let instants: Vec<DateTime<Utc>> = all.iter().map(|(_, t)| *t).collect();
    for ((id, _), keep) in all.iter().zip(backups_to_keep(&instants, now, zone)) {
        if !keep && id != just_written {
            let _ = fs::remove_file(dir.join(file_name(id)));
        }
    }
}

fn system(path: &Path, what: &str, e: &std::io::Error) -> AppError {
    AppError { code: ErrorCode::System, message: format!("cannot {what} {}: {e}", path.display()), field: None }
}
