//! The context of one sync run, shared by its phases (join, pull, push):
//! how the engine reaches the local store ([`Local`]), the remote, the
//! clock stamping pushes, and the report being filled in.

use crate::error::{ErrorKind, SyncError};
use crate::remote::Remote;
use crate::report::{Phase, Progress, SyncReport};
use chrono::{DateTime, Utc};
use std::sync::{Arc, Mutex};
use waymark_core::hlc::{Hlc, HlcClock};
use waymark_store::{Store, StoreError, SyncState, Tx};

/// How the engine reaches the local store: under a lock, briefly. Clones
/// share the store: a pull commits one batch on a thread of its own while it
/// fetches the next.
pub trait Local: Clone + Send + Sync + 'static {
    /// Runs `f` with the store (holding whatever lock guards it).
    fn with_store<R>(&self, f: impl FnOnce(&mut Store) -> R) -> R;
    /// The current time.
    fn now(&self) -> DateTime<Utc>;
}

/// A store behind a mutex with a clock: the simplest [`Local`] (tests,
/// benchmarks). Clones share the store.
#[derive(Clone)]
pub struct StoreLocal {
    store: Arc<Mutex<Store>>,
    clock: Arc<dyn Fn() -> DateTime<Utc> + Send + Sync>,
}

impl StoreLocal {
    /// Wraps `store`, reading the time from `clock`.
    pub fn new(store: Store, clock: impl Fn() -> DateTime<Utc> + Send + Sync + 'static) -> Self {
        Self { store: Arc::new(Mutex::new(store)), clock: Arc::new(clock) }
    }
}

impl Local for StoreLocal {
    fn with_store<R>(&self, f: impl FnOnce(&mut Store) -> R) -> R {
        let mut guard = self.store.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        f(&mut guard)
    }

    fn now(&self) -> DateTime<Utc> {
        (self.clock)()
    }
}

/// The state of one run.
pub(crate) struct Run<'a, L: Local, R: Remote> {
    pub(crate) local: &'a L,
    pub(crate) remote: &'a R,
    pub(crate) progress: &'a (dyn Fn(Progress) + Sync),
    pub(crate) clock: HlcClock,
    pub(crate) report: SyncReport,
}

impl<L: Local, R: Remote> Run<'_, L, R> {
    pub(crate) fn user(&self) -> String {
        self.local.with_store(|s| s.identity().user_id.clone())
    }

    pub(crate) fn now(&self) -> DateTime<Utc> {
        self.local.now()
    }

    /// Takes the remote's head stamp into account, so this run's pushes
    /// order after it. A head more than a day ahead of this desktop's clock
    /// stops the run: pushing below it would hide the pushes from every
    /// other desktop, and following it would drag the clock along.
    pub(crate) fn observe(&mut self, stamp: &str) -> Result<(), SyncError> {
        let Some(h) = Hlc::parse(stamp) else { return Ok(()) };
        let now = self.local.now().timestamp_millis();
        self.clock.admit(&h, now).map_err(|e| {
            SyncError::new(
                ErrorKind::Server,
                format!(
                    "the remote's head is not a stamp this desktop can follow ({e}): a desktop with a wrong clock or \
                     a program other than Waymark wrote it; sync stops so that nothing is lost"
                ),
            )
        })
    }

    /// A fresh stamp after everything seen (heads, pushed stamps).
    pub(crate) fn tick(&mut self) -> Result<String, SyncError> {
        let hlc = self.clock.tick(self.local.now().timestamp_millis()).map_err(StoreError::from)?;
        Ok(hlc.to_string())
    }

    pub(crate) fn state(&self) -> Result<SyncState, SyncError> {
        Ok(self.local.with_store(|s| s.sync_state())?)
    }

    /// Runs `f` in one local transaction.
    pub(crate) fn commit<T>(&self, f: impl FnOnce(&mut Tx<'_>) -> Result<T, StoreError>) -> Result<T, SyncError> {
        let now = self.now();
        Ok(self.local.with_store(|s| s.transact(now, f))?)
    }

    pub(crate) fn report_progress(&self, phase: Phase, done: u64, total: Option<u64>) {
        (self.progress)(Progress { phase, done, total });
    }
}
