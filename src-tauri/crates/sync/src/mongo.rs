//! The [`Remote`] on a real MongoDB (or PoloDB's wire server) through the
//! official driver: majority write concern, retryable writes, short
//! connection timeouts, and only operations whose meaning is the same on
//! both servers (see `docs/sync.md`). Driver errors become [`SyncError`]s of
//! the right kind, with the password scrubbed.

use crate::error::{ErrorKind, SyncError, password_of, redact};
use crate::remote::{HEADS, OWNER, PullCursor, Remote};
use mongodb::bson::{Bson, Document, doc};
use mongodb::error::{Error as DriverError, ErrorKind as DriverKind, WriteFailure};
use mongodb::event::EventHandler;
use mongodb::event::command::CommandEvent;
use mongodb::options::{ClientOptions, InsertManyOptions, WriteConcern};
use mongodb::{Client, Collection, Cursor, Database};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

/// How long to look for a usable server before giving up.
const SERVER_SELECTION_TIMEOUT: Duration = Duration::from_secs(10);
/// How long to wait for a TCP/TLS connection.
const CONNECT_TIMEOUT: Duration = Duration::from_secs(5);

/// A MongoDB remote (see the module docs).
#[derive(Debug, Clone)]
pub struct MongoRemote {
    db: Database,
    fingerprint: String,
    secret: Option<String>,
    tls: bool,
    trips: Arc<AtomicU64>,
}

/// The cursor of a [`MongoRemote`] pull.
#[derive(Debug)]
pub struct MongoCursor<'a> {
    remote: &'a MongoRemote,
    cursor: Cursor<Document>,
    batch: usize,
}

impl MongoRemote {
    /// Prepares a client for `uri` and database `db_name`. Nothing is sent
    /// yet except what a `mongodb+srv://` address needs (a DNS lookup): a bad
    /// address fails here, an unreachable server on the first request.
    pub async fn connect(uri: &str, db_name: &str) -> Result<Self, SyncError> {
        let secret = password_of(uri);
        let mut options = ClientOptions::parse(uri).await.map_err(|e| classify(&e, false, secret.as_deref()))?;
        let tls = matches!(options.tls, Some(mongodb::options::Tls::Enabled(_)));
        options.app_name = Some("waymark".into());
        options.write_concern = Some(WriteConcern::majority());
        options.retry_writes = Some(true);
        options.retry_reads = Some(true);
        options.server_selection_timeout.get_or_insert(SERVER_SELECTION_TIMEOUT);
        options.connect_timeout.get_or_insert(CONNECT_TIMEOUT);
        let trips = Arc::new(AtomicU64::new(0));
        let counter = Arc::clone(&trips);
        options.command_event_handler = Some(EventHandler::callback(move |event: CommandEvent| {
            if matches!(event, CommandEvent::Started(_)) {
                counter.fetch_add(1, Ordering::Relaxed);
            }
        }));
        let client = Client::with_options(options).map_err(|e| classify(&e, tls, secret.as_deref()))?;
        if db_name.trim().is_empty() {
            return Err(SyncError::new(ErrorKind::BadUri, "the database name is empty"));
        }
        let host = redact(uri);
        let host = host.split('?').next().unwrap_or_default().to_string();
        Ok(Self { db: client.database(db_name), fingerprint: format!("{host}#{db_name}"), secret, tls, trips })
    }

    /// Like [`MongoRemote::connect`] with the timeouts set (tests, probes).
    pub async fn connect_with_timeouts(
        uri: &str,
        db_name: &str,
        server_selection: Duration,
        connect: Duration,
    ) -> Result<Self, SyncError> {
        let sep = if uri.contains('?') { '&' } else { '?' };
        let uri = format!(
            "{uri}{sep}serverSelectionTimeoutMS={}&connectTimeoutMS={}",
            server_selection.as_millis(),
            connect.as_millis()
        );
        let mut remote = Self::connect(&uri, db_name).await?;
        remote.fingerprint = remote.fingerprint.split('?').next().unwrap_or_default().to_string();
        Ok(remote)
    }

    /// The database handle (tests and benchmarks compare with the bare driver).
    pub fn database(&self) -> &Database {
        &self.db
    }

    /// Sends `ping`; on success also asks for the server version (PoloDB does
    /// not answer `buildInfo`: then the version is unknown).
    pub async fn ping(&self) -> Result<Option<String>, SyncError> {
        self.db.run_command(doc! { "ping": 1 }).await.map_err(|e| self.error(&e))?;
        let version = self
            .db
            .run_command(doc! { "buildInfo": 1 })
            .await
            .ok()
            .and_then(|d| d.get_str("version").ok().map(str::to_string));
        Ok(version)
    }

    fn coll(&self, name: &str) -> Collection<Document> {
        self.db.collection(name)
    }

    fn error(&self, e: &DriverError) -> SyncError {
        classify(e, self.tls, self.secret.as_deref())
    }

    /// PoloDB's server stops an `insert_many` at the first duplicate without
    /// saying what it inserted: look the documents up, count those carrying
    /// this very version and stamp as inserted, insert the absent ones (one
    /// by one if that meets a duplicate again), and return the others.
    async fn insert_absent(&self, collection: &str, docs: Vec<Document>) -> Result<Vec<String>, SyncError> {
        let ids: Vec<String> = docs.iter().map(id_of).collect();
        let user = docs.first().and_then(|d| d.get_str("user_id").ok()).unwrap_or_default().to_string();
        let present: std::collections::HashMap<String, Document> =
            self.find_present(collection, &user, &ids).await?.into_iter().map(|d| (id_of(&d), d)).collect();
        let same = |a: &Document, b: &Document, f: &str| a.get_str(f).ok() == b.get_str(f).ok();
        let mut dups = Vec::new();
        let mut absent = Vec::new();
        for d in docs {
            match present.get(&id_of(&d)) {
                Some(theirs) if same(theirs, &d, "hlc") && same(theirs, &d, "push_hlc") => {}
                Some(_) => dups.push(id_of(&d)),
                None => absent.push(d),
            }
        }
        if absent.is_empty() {
            return Ok(dups);
        }
        match self.coll(collection).insert_many(absent.clone()).await {
            Ok(_) => {}
            Err(e) if is_duplicate(&e) => {
                for d in absent {
                    let id = id_of(&d);
                    if !self.insert_one(collection, d).await? {
                        dups.push(id);
                    }
                }
            }
            Err(e) => return Err(self.error(&e)),
        }
        Ok(dups)
    }
}

/// Whether the driver error is a duplicate `_id` (MongoDB: 11000; PoloDB's
/// wire server: code 1 "duplicate key").
fn is_duplicate(e: &DriverError) -> bool {
    let dup = |code: i32, message: &str| code == 11000 || (code == 1 && message.contains("duplicate key"));
    match &*e.kind {
        DriverKind::Command(c) => dup(c.code, &c.message),
        DriverKind::Write(WriteFailure::WriteError(w)) => dup(w.code, &w.message),
        DriverKind::InsertMany(m) => {
            m.write_concern_error.is_none()
                && m.write_errors.as_ref().is_some_and(|errs| errs.iter().all(|w| dup(w.code, &w.message)))
        }
        _ => false,
    }
}

/// Sorts a driver error into an [`ErrorKind`] by the driver's error kinds and
/// codes; the text of a server-selection failure (which only carries its
/// cause as text) decides between refused, DNS, timeout and TLS.
pub(crate) fn classify(e: &DriverError, tls: bool, secret: Option<&str>) -> SyncError {
    let text = e.to_string();
    let lower = text.to_lowercase();
    let kind = match &*e.kind {
        DriverKind::InvalidArgument { .. } => ErrorKind::BadUri,
        DriverKind::DnsResolve { .. } => ErrorKind::Dns,
        DriverKind::Authentication { .. } => ErrorKind::AuthFailed,
        DriverKind::Io(io) => match io.kind() {
            std::io::ErrorKind::ConnectionRefused => ErrorKind::Refused,
            std::io::ErrorKind::TimedOut => ErrorKind::Timeout,
            _ if tls && looks_like_tls(&lower) => ErrorKind::Tls,
            _ => ErrorKind::Unreachable,
        },
        DriverKind::Command(c) if c.code == 18 || c.code == 13 => ErrorKind::AuthFailed,
        DriverKind::ServerSelection { .. } | DriverKind::ConnectionPoolCleared { .. } => {
            if lower.contains("connection refused") {
                ErrorKind::Refused
            } else if lower.contains("failed to lookup address")
                || lower.contains("name or service not known")
                || lower.contains("no such host")
                || lower.contains("nodename nor servname")
                || lower.contains("dns error")
            {
                ErrorKind::Dns
            } else if lower.contains("certificate")
                || lower.contains("tls")
                || lower.contains("handshake")
                || (tls && looks_like_tls(&lower))
            {
                ErrorKind::Tls
            } else if lower.contains("timed out") || lower.contains("timeout: no available servers") {
                if lower.contains("i/o error: timed out") || !lower.contains("error:") {
                    ErrorKind::Timeout
                } else {
                    ErrorKind::Unreachable
                }
            } else {
                ErrorKind::Unreachable
            }
        }
        _ if lower.contains("authentication") || lower.contains("scram") => ErrorKind::AuthFailed,
        _ => ErrorKind::Server,
    };
    let message = match kind {
        ErrorKind::BadUri => format!("the connection string is not valid: {}", short(&text)),
        ErrorKind::Dns => "the server's host name could not be found (DNS)".to_string(),
        ErrorKind::Refused => {
            "the server refused the connection (nothing listens at that address and port)".to_string()
        }
        ErrorKind::AuthFailed => format!("the server rejected the user name or password: {}", short(&text)),
        ErrorKind::Tls => format!("the secure (TLS) connection failed: {}", short(&text)),
        ErrorKind::Timeout => "the server did not answer in time".to_string(),
        ErrorKind::Unreachable => format!("the server cannot be reached: {}", short(&text)),
        ErrorKind::Server | ErrorKind::Local => format!("the server reported an error: {}", short(&text)),
    };
    SyncError::new(kind, message).scrub(secret)
}

fn looks_like_tls(lower: &str) -> bool {
    lower.contains("connection reset") || lower.contains("unexpected eof") || lower.contains("corrupt message")
}

fn short(text: &str) -> String {
    let first = text.split(", labels:").next().unwrap_or(text);
    first.chars().take(300).collect()
}

fn id_of(d: &Document) -> String {
    match d.get("_id") {
        Some(Bson::String(s)) => s.clone(),
        Some(other) => other.to_string(),
        None => String::new(),
    }
}

impl PullCursor for MongoCursor<'_> {
    async fn next_batch(&mut self) -> Result<Vec<Document>, SyncError> {
        let mut out = Vec::with_capacity(self.batch);
        while out.len() < self.batch {
            match self.cursor.advance().await {
                Ok(true) => out.push(self.cursor.deserialize_current().map_err(|e| self.remote.error(&e))?),
                Ok(false) => break,
                Err(e) => return Err(self.remote.error(&e)),
            }
        }
        Ok(out)
    }
}

impl Remote for MongoRemote {
    type Cursor<'a> = MongoCursor<'a>;

    fn fingerprint(&self) -> String {
        self.fingerprint.clone()
    }

    fn round_trips(&self) -> u64 {
        self.trips.load(Ordering::Relaxed)
    }

    async fn claim_owner(&self, user: &str, claimed_at: &str) -> Result<String, SyncError> {
        let owners = self.coll(OWNER);
        match owners.insert_one(doc! { "_id": "owner", "user_id": user, "claimed_at": claimed_at }).await {
            Ok(_) => return Ok(user.to_string()),
            Err(e) if is_duplicate(&e) => {}
            Err(e) => return Err(self.error(&e)),
        }
        let found = owners.find_one(doc! { "_id": "owner" }).await.map_err(|e| self.error(&e))?;
        found
            .and_then(|d| d.get_str("user_id").ok().map(str::to_string))
            .ok_or_else(|| SyncError::new(ErrorKind::Server, "the remote's owner claim is unreadable"))
    }

    async fn read_head(&self, user: &str) -> Result<Option<String>, SyncError> {
        let found = self.coll(HEADS).find_one(doc! { "_id": user }).await.map_err(|e| self.error(&e))?;
        Ok(found.and_then(|d| d.get_str("push_hlc").ok().map(str::to_string)))
    }

    async fn create_head(&self, user: &str, push_hlc: &str) -> Result<bool, SyncError> {
        match self.coll(HEADS).insert_one(doc! { "_id": user, "push_hlc": push_hlc }).await {
            Ok(_) => Ok(true),
            Err(e) if is_duplicate(&e) => Ok(false),
            Err(e) => Err(self.error(&e)),
        }
    }

    async fn advance_head(&self, user: &str, from: &str, to: &str) -> Result<bool, SyncError> {
        let filter = doc! { "$and": [{ "_id": user }, { "push_hlc": from }] };
        let r = self.coll(HEADS).update_one(filter, doc! { "$set": { "push_hlc": to } }).await;
        Ok(r.map_err(|e| self.error(&e))?.modified_count > 0)
    }

    async fn find_present(&self, collection: &str, user: &str, ids: &[String]) -> Result<Vec<Document>, SyncError> {
        let filter = doc! { "$and": [{ "user_id": user }, { "_id": { "$in": ids } }] };
        let mut cursor = self.coll(collection).find(filter).await.map_err(|e| self.error(&e))?;
        let mut out = Vec::new();
        while cursor.advance().await.map_err(|e| self.error(&e))? {
            out.push(cursor.deserialize_current().map_err(|e| self.error(&e))?);
        }
        Ok(out)
    }

    async fn insert_many(&self, collection: &str, docs: Vec<Document>) -> Result<Vec<String>, SyncError> {
        if docs.is_empty() {
            return Ok(Vec::new());
        }
        let options = InsertManyOptions::builder().ordered(false).build();
        match self.coll(collection).insert_many(docs.clone()).with_options(options).await {
            Ok(_) => Ok(Vec::new()),
            Err(e) => match &*e.kind {
                DriverKind::InsertMany(m) if is_duplicate(&e) => {
                    let errs = m.write_errors.as_deref().unwrap_or_default();
                    Ok(errs.iter().filter_map(|w| docs.get(w.index)).map(id_of).collect())
                }
                _ if is_duplicate(&e) => self.insert_absent(collection, docs).await,
                _ => Err(self.error(&e)),
            },
        }
    }

    async fn insert_one(&self, collection: &str, doc: Document) -> Result<bool, SyncError> {
        match self.coll(collection).insert_one(doc).await {
            Ok(_) => Ok(true),
            Err(e) if is_duplicate(&e) => Ok(false),
            Err(e) => Err(self.error(&e)),
        }
    }

    async fn replace_if_not_newer(&self, collection: &str, user: &str, doc: Document) -> Result<bool, SyncError> {
        let id = doc.get("_id").cloned().unwrap_or(Bson::Null);
        let hlc = doc.get_str("hlc").unwrap_or_default().to_string();
        let mut body = doc;
        body.remove("_id");
        let filter = doc! { "$and": [{ "_id": id }, { "user_id": user }, { "hlc": { "$lte": hlc } }] };
        let r = self.coll(collection).update_one(filter, doc! { "$set": body }).await;
        Ok(r.map_err(|e| self.error(&e))?.modified_count > 0)
    }

    async fn restamp(
        &self,
        collection: &str,
        user: &str,
        ids: &[String],
        from: &str,
        to: &str,
    ) -> Result<(), SyncError> {
        let filter = doc! { "$and": [{ "user_id": user }, { "_id": { "$in": ids } }, { "push_hlc": from }] };
        self.coll(collection)
            .update_many(filter, doc! { "$set": { "push_hlc": to } })
            .await
            .map_err(|e| self.error(&e))?;
        Ok(())
    }

    async fn pull(
        &self,
        collection: &str,
        user: &str,
        after: Option<&str>,
        upto: &str,
        batch: usize,
    ) -> Result<Self::Cursor<'_>, SyncError> {
        let mut conditions = vec![doc! { "user_id": user }, doc! { "push_hlc": { "$lte": upto } }];
        if let Some(a) = after {
            conditions.push(doc! { "push_hlc": { "$gt": a } });
        }
        let batch_size = u32::try_from(batch).unwrap_or(u32::MAX);
        let cursor = self
            .coll(collection)
            .find(doc! { "$and": conditions })
            .batch_size(batch_size)
            .await
            .map_err(|e| self.error(&e))?;
        Ok(MongoCursor { remote: self, cursor, batch: batch.max(1) })
    }

    async fn find_one(&self, collection: &str, user: &str, id: &str) -> Result<Option<Document>, SyncError> {
        let filter = doc! { "$and": [{ "_id": id }, { "user_id": user }] };
        self.coll(collection).find_one(filter).await.map_err(|e| self.error(&e))
    }

    async fn delete_user(&self, collections: &[&str], user: &str) -> Result<u64, SyncError> {
        let mut deleted = 0;
        for collection in collections {
            let r = self.coll(collection).delete_many(doc! { "user_id": user }).await.map_err(|e| self.error(&e))?;
            deleted += r.deleted_count;
        }
        self.coll(HEADS).delete_many(doc! { "_id": user }).await.map_err(|e| self.error(&e))?;
        let owner = doc! { "$and": [{ "_id": "owner" }, { "user_id": user }] };
        self.coll(OWNER).delete_many(owner).await.map_err(|e| self.error(&e))?;
        Ok(deleted)
    }
}
