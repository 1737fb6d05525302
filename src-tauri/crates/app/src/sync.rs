//! Sync as the front ends use it: the connection string (keyring or
//! environment), turning sync on and off, its status, log and conflicts, and
//! running a sync. A run holds the app's lock only for its local steps —
//! never while it waits on the network — so the window stays responsive.

use crate::delete_all::DeletedData;
use crate::error::{AppError, AppResult, ErrorCode};
use crate::secrets::{self, SecretError};
use crate::sync_views::{ConflictView, SyncProblemView, SyncRunView, SyncView, conflict_view};
use crate::{App, SharedApp};
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use waymark_sync::{ErrorKind, MongoRemote, SyncError};

pub use waymark_sync::{Progress as SyncProgress, SyncReport};

/// The remote database name used unless the learner picks another.
pub const DEFAULT_DATABASE: &str = "waymark";
const DATABASE_KEY: &str = "sync_database";
const LOG_LIMIT: usize = 50;

/// What a connection test found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ConnectionCheck {
    /// One sentence for the learner.
    pub message: String,
}

impl From<SyncError> for AppError {
    fn from(e: SyncError) -> Self {
        let code = match e.kind() {
            ErrorKind::BadUri => return AppError::invalid("uri", e.message().to_string()),
            ErrorKind::Dns | ErrorKind::Refused | ErrorKind::Timeout | ErrorKind::Unreachable => {
                ErrorCode::SyncUnreachable
            }
            ErrorKind::AuthFailed => ErrorCode::SyncAuth,
            ErrorKind::Tls => ErrorCode::SyncTls,
            ErrorKind::Server => ErrorCode::SyncServer,
            ErrorKind::Local => ErrorCode::Storage,
        };
        Self { code, message: e.message().to_string(), field: None }
    }
}

impl From<SecretError> for AppError {
    fn from(e: SecretError) -> Self {
        Self { code: ErrorCode::NoKeyring, message: e.to_string(), field: None }
    }
}

impl App {
    /// The remote database name chosen on this desktop (or given by `WAYMARK_SYNC_DB`).
    pub fn sync_database(&self) -> AppResult<String> {
        if let Some(db) = secrets::env_database() {
            return Ok(db);
        }
        Ok(self.store.local::<String>(DATABASE_KEY)?.unwrap_or_else(|| DEFAULT_DATABASE.to_string()))
    }

    /// Whether sync is on (cheap: no keyring read).
    pub fn sync_enabled(&self) -> bool {
        self.store.sync_enabled()
    }

    /// A number that changes with every committed local change (background
    /// sync waits for it to settle before it runs).
    pub fn data_generation(&self) -> u64 {
        self.store.generation()
    }

    /// Sync as it stands: on/off, remote, last success, changes waiting, last error.
    pub fn sync_view(&self) -> AppResult<SyncView> {
        let (uri, uri_source, keyring_problem) = match secrets::read_uri(&self.store.identity().device_id) {
            Ok(Some((uri, source))) => (Some(waymark_sync::redact(&uri)), Some(source), None),
            Ok(None) => (None, None, None),
            Err(e) => (None, None, Some(e.to_string())),
        };
        let state = self.store.sync_state()?;
        Ok(SyncView {
            enabled: self.store.sync_enabled(),
            database: self.sync_database()?,
            uri,
            uri_source,
            keyring_problem,
            last_success: state.last_success,
            last_attempt: state.last_attempt,
            pending: self.store.pending_changes()?,
            last_error: state.last_error,
        })
    }

    /// The last sync runs, newest first.
    pub fn sync_log(&self) -> AppResult<Vec<SyncRunView>> {
        Ok(self.store.sync_log(LOG_LIMIT)?.into_iter().map(SyncRunView::from).collect())
    }

    /// Sync → Problems: the received documents kept aside because this
    /// desktop could not apply them (each sync tries them again).
    pub fn sync_problems(&self) -> AppResult<Vec<SyncProblemView>> {
        Ok(self.store.quarantined()?.into_iter().map(SyncProblemView::from).collect())
    }

    /// The versions sync did not keep, newest first, each beside the one kept.
    pub fn conflicts(&self) -> AppResult<Vec<ConflictView>> {
        let mut out = Vec::new();
        for c in self.store.conflicts()? {
            let kept = self.store.raw_document(c.collection, &c.doc_id)?;
            out.push(conflict_view(&c, kept.as_ref()));
        }
        Ok(out)
    }

    /// Writes a version that was not kept back as a new change (it wins and syncs).
    pub fn restore_conflict(&mut self, id: &str) -> AppResult<Vec<ConflictView>> {
        let now = self.clock.now();
        waymark_sync::restore_conflict(&mut self.store, now, id).map_err(|e| match e.kind() {
            ErrorKind::Local if self.store.conflict(id).ok().flatten().is_none() => AppError::not_found("conflict", id),
            _ => AppError::from(e),
        })?;
        self.load_day_state()?;
        self.conflicts()
    }

    /// Lets a version that was not kept go.
    pub fn dismiss_conflict(&mut self, id: &str) -> AppResult<Vec<ConflictView>> {
        if self.store.conflict(id)?.is_none() {
            return Err(AppError::not_found("conflict", id));
        }
        waymark_sync::dismiss_conflict(&mut self.store, self.clock.now(), id)?;
        self.conflicts()
    }

    /// Turns sync off (changes stop being sent; the connection string stays in the keyring).
    pub fn sync_disable(&mut self) -> AppResult<SyncView> {
        waymark_sync::disable(&mut self.store, self.clock.now())?;
        self.sync_view()
    }

    /// The connection string and database name sync uses.
    pub fn sync_target(&self) -> AppResult<(String, String)> {
        match secrets::read_uri(&self.store.identity().device_id)? {
            Some((uri, _)) => Ok((uri, self.sync_database()?)),
            None => Err(AppError::invalid("uri", "no connection string is set: paste one in Settings → Sync")),
        }
    }
}

fn check_database(database: &str) -> AppResult<String> {
    let db = database.trim();
    if db.is_empty() || db.len() > 63 || db.contains(['/', '\\', '.', ' ', '"', '$', '*', '<', '>', ':', '|', '?']) {
        return Err(AppError::invalid(
            "database",
            "a database name is 1–63 letters, digits, '-' or '_' (no spaces, dots or slashes)",
        ));
    }
    Ok(db.to_string())
}

/// Connects to `uri` and reports whether Waymark can sync there (nothing is saved).
pub async fn test_connection(uri: &str, database: &str) -> AppResult<ConnectionCheck> {
    let database = check_database(database)?;
    let info = waymark_sync::test_connection(uri.trim(), &database).await?;
    let server = info.version.map_or_else(|| "the server".to_string(), |v| format!("MongoDB {v}"));
    Ok(ConnectionCheck {
        message: format!("Connected to {server} in {} ms — database “{database}” is ready.", info.round_trip_ms),
    })
}

/// Turns sync on: checks the connection, keeps the connection string in the
/// keyring (an empty `uri` keeps the one already set, e.g. by
/// `WAYMARK_SYNC_URI`), saves the database name, and marks everything for the
/// first sync. Nothing is saved when the connection fails.
pub async fn connect(shared: &SharedApp, uri: &str, database: &str) -> AppResult<SyncView> {
    let database = check_database(database)?;
    let (uri, save) = if uri.trim().is_empty() {
        (shared.with(|app| app.sync_target())?.0, false)
    } else {
        (uri.trim().to_string(), true)
    };
    waymark_sync::test_connection(&uri, &database).await?;
    shared.with(|app| {
        if save {
            secrets::save_uri(&app.store.identity().device_id, &uri)?;
        }
        let now = app.clock.now();
        app.store.transact(now, |tx| tx.put_local(DATABASE_KEY, &database))?;
        waymark_sync::enable(&mut app.store, now)?;
        app.sync_view()
    })
}

/// Runs one sync now: pull, then push. `progress` hears how far a long run is.
pub async fn sync_now(shared: &SharedApp, progress: &(dyn Fn(SyncProgress) + Sync)) -> AppResult<SyncReport> {
    let (uri, database) = shared.with(|app| {
        if !app.store.sync_enabled() {
            return Err(AppError::conflict("sync is off: turn it on in Settings → Sync first"));
        }
        app.sync_target()
    })?;
    let remote = MongoRemote::connect(&uri, &database).await?;
    let report = waymark_sync::sync_once(shared, &remote, progress).await?;
    Ok(report)
}

/// Turns sync off, then removes every document of this learner from the
/// remote, with no sync run in between (see [`waymark_sync::delete_remote_data`]).
/// Returns how many documents were removed.
pub async fn delete_remote_data(shared: &SharedApp) -> AppResult<u64> {
    let (uri, database) = shared.with(|app| app.sync_target())?;
    let remote = MongoRemote::connect(&uri, &database).await?;
    Ok(waymark_sync::delete_remote_data(shared, &remote).await?)
}

/// Deletes all data after the typed confirmation: when sync is on, this
/// learner's remote documents first (so nothing comes back from the remote),
/// then everything on this desktop. A remote that cannot be reached stops it
/// before anything local is deleted.
pub async fn delete_everything(shared: &SharedApp, confirmation: &str) -> AppResult<DeletedData> {
    crate::delete_all::check_phrase(confirmation)?;
    if shared.with(|app| Ok(app.sync_enabled()))? {
        delete_remote_data(shared).await?;
    }
    shared.with(|app| app.delete_all_data(confirmation))
}

impl waymark_sync::Local for SharedApp {
    fn with_store<R>(&self, f: impl FnOnce(&mut waymark_store::Store) -> R) -> R {
        self.lock_then(|app| {
            let before = (app.store.generation(), app.store.identity().user_id.clone());
            let out = f(&mut app.store);
            if (app.store.generation(), app.store.identity().user_id.clone()) != before
                && let Err(e) = app.load_day_state()
            {
                eprintln!("waymark: cannot reload the settings after sync: {e}");
            }
            out
        })
    }

    fn now(&self) -> chrono::DateTime<chrono::Utc> {
        self.lock_then(|app| app.clock.now())
    }
}
