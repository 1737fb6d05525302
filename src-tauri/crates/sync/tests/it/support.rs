//! Test support: devices (a real store in a temp dir with a skewable clock),
//! a PoloDB wire server per test (`polodb serve` on a free loopback port in
//! its own temp dir, restartable on the same dir and port), and a TCP proxy
//! that cuts connections after a number of bytes.

#![allow(dead_code)]

use chrono::{DateTime, Duration, Utc};
use mongodb::bson::{Document, doc};
use std::collections::BTreeMap;
use std::net::TcpListener as StdListener;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicI64, AtomicU64, Ordering};
use tempfile::TempDir;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use waymark_store::{Collection, RawDoc, Store, StoreError, Tx};
use waymark_sync::{Local, MemoryRemote, MongoRemote, Remote, StoreLocal, SyncError, SyncReport, sync_once};

/// A shared wall clock (milliseconds since `t0`) that tests move by hand.
#[derive(Clone, Default)]
pub struct Wall(Arc<AtomicI64>);

impl Wall {
    pub fn advance(&self, ms: i64) {
        self.0.fetch_add(ms, Ordering::SeqCst);
    }
    pub fn at(&self, skew_ms: i64) -> DateTime<Utc> {
        crate::fixtures::t0() + Duration::milliseconds(self.0.load(Ordering::SeqCst) + skew_ms)
    }
}

/// One installation: its own store and a clock `skew_ms` off the wall.
pub struct Device {
    pub local: StoreLocal,
    pub wall: Wall,
    pub skew_ms: i64,
    /// Dropped last: the store closes before its directory goes.
    pub dir: TempDir,
}

impl Device {
    pub fn new(wall: &Wall, skew_ms: i64) -> Self {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path(), wall.at(skew_ms)).unwrap();
        let clock_wall = wall.clone();
        let local = StoreLocal::new(store, move || clock_wall.at(skew_ms));
        Self { local, wall: wall.clone(), skew_ms, dir }
    }

    /// The same device after its process stopped and started again: the
    /// store closed and opened anew from its directory.
    pub fn reopen(self) -> Self {
        let Device { local, wall, skew_ms, dir } = self;
        drop(local);
        let store = Store::open(dir.path(), wall.at(skew_ms)).unwrap();
        let clock_wall = wall.clone();
        let local = StoreLocal::new(store, move || clock_wall.at(skew_ms));
        Self { local, wall, skew_ms, dir }
    }

    /// A device with sync turned on.
    pub fn enabled(wall: &Wall, skew_ms: i64) -> Self {
        let d = Self::new(wall, skew_ms);
        d.enable();
        d
    }

    pub fn now(&self) -> DateTime<Utc> {
        self.wall.at(self.skew_ms)
    }

    pub fn enable(&self) {
        let now = self.now();
        self.local.with_store(|s| waymark_sync::enable(s, now)).unwrap();
    }

    pub fn edit<R>(&self, f: impl FnOnce(&mut Tx<'_>) -> Result<R, StoreError>) -> R {
        let now = self.now();
        self.local.with_store(|s| s.transact(now, f)).unwrap()
    }

    pub fn store<R>(&self, f: impl FnOnce(&mut Store) -> R) -> R {
        self.local.with_store(f)
    }

    pub async fn sync(&self, remote: &impl Remote) -> Result<SyncReport, SyncError> {
        sync_once(&self.local, remote, &|_| {}).await
    }

    pub fn pending(&self) -> u64 {
        self.store(|s| s.pending_changes().unwrap())
    }

    /// Every live document, by (collection, id).
    pub fn live(&self) -> BTreeMap<(String, String), Document> {
        self.store(|s| {
            let mut out = BTreeMap::new();
            for c in Collection::ALL {
                for d in s.raw_documents(c).unwrap() {
                    if !d.get_bool("deleted").unwrap() {
                        out.insert((c.to_string(), d.get_str("_id").unwrap().to_string()), d.into_document());
                    }
                }
            }
            out
        })
    }

    pub fn conflict_hlcs(&self) -> Vec<(String, String, String)> {
        self.store(|s| {
            s.conflicts().unwrap().into_iter().map(|c| (c.collection.to_string(), c.doc_id, c.losing_hlc)).collect()
        })
    }
}

/// Writes document `n` of every synced kind (goal `n` and what hangs off it),
/// with goal title `title`.
pub fn put_one_of_each(tx: &mut Tx<'_>, n: u64, title: &str) -> Result<(), StoreError> {
    use crate::fixtures::{activity, attempt, card, goal, reminder, review, task};
    tx.put(&goal(n, title))?;
    tx.put(&task(n, n, "t"))?;
    tx.put(&card(n, n, "c"))?;
    tx.put(&review(n, n, n))?;
    tx.put(&activity(n, n))?;
    tx.put(&attempt(n, n))?;
    tx.put(&reminder(n, 5))
}

/// Two synced devices that both hold goal 1 titled `title`, a second later.
pub async fn two_devices_sharing_a_goal(remote: &impl Remote, title: &str) -> (Wall, Device, Device) {
    let wall = Wall::default();
    let a = Device::enabled(&wall, 0);
    let b = Device::enabled(&wall, 0);
    a.edit(|tx| tx.put(&crate::fixtures::goal(1, title)));
    a.sync(remote).await.unwrap();
    b.sync(remote).await.unwrap();
    wall.advance(1000);
    (wall, a, b)
}

/// Every document the remote holds (tombstones too), `push_hlc` removed.
pub async fn remote_all(remote: &RemoteKind) -> BTreeMap<(String, String), Document> {
    let mut out = BTreeMap::new();
    for c in Collection::ALL {
        let docs = match remote {
            RemoteKind::Memory(m) => m.documents(c.name()).into_iter().map(RawDoc::into_document).collect(),
            RemoteKind::Mongo(m, _) => all_docs(m, c.name()).await,
        };
        for mut d in docs {
            d.remove("push_hlc");
            out.insert((c.to_string(), d.get_str("_id").unwrap().to_string()), d);
        }
    }
    out
}

/// Every live document the remote holds, `push_hlc` removed.
pub async fn remote_live(remote: &RemoteKind) -> BTreeMap<(String, String), Document> {
    let mut all = remote_all(remote).await;
    all.retain(|_, d| !d.get_bool("deleted").unwrap_or(false));
    all
}

pub async fn all_docs(remote: &MongoRemote, collection: &str) -> Vec<Document> {
    let mut cursor = remote.database().collection::<Document>(collection).find(doc! {}).await.unwrap();
    let mut out = Vec::new();
    while cursor.advance().await.unwrap() {
        out.push(cursor.deserialize_current().unwrap());
    }
    out
}

/// A remote under test, with what keeps it alive.
pub enum RemoteKind {
    Memory(MemoryRemote),
    Mongo(MongoRemote, Option<PoloServer>),
}

/// The `polodb` binary: on PATH or in cargo's bin dir. Tests fail (never
/// skip) without it.
pub fn polodb_binary() -> PathBuf {
    let candidates = std::env::var_os("PATH")
        .map(|p| std::env::split_paths(&p).map(|d| d.join("polodb")).collect::<Vec<_>>())
        .unwrap_or_default();
    let cargo_bin = std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo/bin/polodb"));
    candidates.into_iter().chain(cargo_bin).find(|p| p.is_file()).unwrap_or_else(|| {
        panic!(
            "the `polodb` wire server is missing: these tests need it. Install it with \
             `cargo install polodb --locked` (or `make deps-tools`) and run them again."
        )
    })
}

pub fn free_port() -> u16 {
    StdListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

/// `polodb serve` on a free loopback port in its own temp dir.
pub struct PoloServer {
    pub dir: TempDir,
    pub port: u16,
    child: Option<Child>,
}

impl PoloServer {
    pub async fn start() -> Self {
        let mut server = Self { dir: tempfile::tempdir().unwrap(), port: free_port(), child: None };
        server.restart().await;
        server
    }

    pub fn uri(&self) -> String {
        format!("mongodb://127.0.0.1:{}/", self.port)
    }

    /// Starts it again (same dir, same port) and waits until it answers.
    pub async fn restart(&mut self) {
        self.spawn();
        wait_ready(self.port).await;
    }

    /// Starts the process (same dir, same port) without waiting.
    pub fn spawn(&mut self) {
        self.kill();
        let child = Command::new(polodb_binary())
            .args(["serve", "--path"])
            .arg(self.dir.path())
            .args(["--host", "127.0.0.1", "--port", &self.port.to_string()])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start polodb serve");
        self.child = Some(child);
    }

    /// Kills it at once (kill -9).
    pub fn kill(&mut self) {
        if let Some(mut c) = self.child.take() {
            let _ = c.kill();
            let _ = c.wait();
        }
    }

    pub async fn remote(&self) -> MongoRemote {
        connect(&self.uri()).await
    }
}

impl Drop for PoloServer {
    fn drop(&mut self) {
        self.kill();
    }
}

/// Waits until something answers on `port` (a started server).
pub async fn wait_ready(port: u16) {
    for _ in 0..400 {
        if TcpStream::connect(("127.0.0.1", port)).await.is_ok() {
            return;
        }
        tokio::time::sleep(std::time::Duration::from_millis(25)).await;
    }
    panic!("polodb serve did not start on port {port}");
}

/// A client with short timeouts, so failure tests end quickly.
pub async fn connect(uri: &str) -> MongoRemote {
    MongoRemote::connect_with_timeouts(
        uri,
        "waymark",
        std::time::Duration::from_secs(3),
        std::time::Duration::from_secs(2),
    )
    .await
    .unwrap()
}

/// A TCP proxy in front of a server: forwards bytes both ways and, once
/// `budget` bytes went through (all connections together), cuts every
/// connection and refuses new ones until [`Proxy::heal`].
pub struct Proxy {
    pub port: u16,
    budget: Arc<AtomicU64>,
    cut: Arc<AtomicBool>,
    task: tokio::task::JoinHandle<()>,
}

impl Proxy {
    pub async fn start(target: u16) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let port = listener.local_addr().unwrap().port();
        let budget = Arc::new(AtomicU64::new(u64::MAX));
        let cut = Arc::new(AtomicBool::new(false));
        let (b, c) = (Arc::clone(&budget), Arc::clone(&cut));
        let task = tokio::spawn(async move {
            loop {
                let Ok((client, _)) = listener.accept().await else { return };
                if c.load(Ordering::SeqCst) {
                    drop(client);
                    continue;
                }
                let Ok(server) = TcpStream::connect(("127.0.0.1", target)).await else { continue };
                let (cr, cw) = client.into_split();
                let (sr, sw) = server.into_split();
                tokio::spawn(pipe(cr, sw, Arc::clone(&b), Arc::clone(&c)));
                tokio::spawn(pipe(sr, cw, Arc::clone(&b), Arc::clone(&c)));
            }
        });
        Self { port, budget, cut, task }
    }

    pub fn uri(&self) -> String {
        format!("mongodb://127.0.0.1:{}/", self.port)
    }

    /// Cuts everything once `bytes` more bytes went through.
    pub fn cut_after(&self, bytes: u64) {
        self.budget.store(bytes, Ordering::SeqCst);
    }

    pub fn is_cut(&self) -> bool {
        self.cut.load(Ordering::SeqCst)
    }

    pub fn heal(&self) {
        self.budget.store(u64::MAX, Ordering::SeqCst);
        self.cut.store(false, Ordering::SeqCst);
    }
}

impl Drop for Proxy {
    fn drop(&mut self) {
        self.task.abort();
    }
}

async fn pipe(
    mut from: tokio::net::tcp::OwnedReadHalf,
    mut to: tokio::net::tcp::OwnedWriteHalf,
    budget: Arc<AtomicU64>,
    cut: Arc<AtomicBool>,
) {
    let mut buf = vec![0u8; 16 * 1024];
    loop {
        if cut.load(Ordering::SeqCst) {
            return;
        }
        let n = match tokio::time::timeout(std::time::Duration::from_millis(100), from.read(&mut buf)).await {
            Err(_) => continue,
            Ok(Ok(0) | Err(_)) => return,
            Ok(Ok(n)) => n,
        };
        let left = budget.load(Ordering::SeqCst);
        let n64 = n as u64;
        if left != u64::MAX {
            if n64 >= left {
                let _ = to.write_all(&buf[..usize::try_from(left).unwrap_or(0)]).await;
                cut.store(true, Ordering::SeqCst);
                return;
            }
            budget.fetch_sub(n64, Ordering::SeqCst);
        }
        if to.write_all(&buf[..n]).await.is_err() {
            return;
        }
    }
}
