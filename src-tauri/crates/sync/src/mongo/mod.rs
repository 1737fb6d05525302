//! The [`Remote`] on a real MongoDB (or PoloDB's wire server) through the
//! official driver: majority write concern, retryable writes, short
//! connection timeouts, and only operations whose meaning is the same on
//! both servers (see `docs/sync.md`). Driver errors become [`SyncError`]s of
//! the right kind, with the password scrubbed.

use crate::error::{ErrorKind, SyncError};
use crate::remote::{HEADS, OWNER, OWNER_KEY, PullCursor, Remote};
use errors::{classify, is_duplicate};
use mongodb::bson::{Document, doc};
use mongodb::error::{Error as DriverError, ErrorKind as DriverKind};
use mongodb::event::EventHandler;
use mongodb::event::command::CommandEvent;
use mongodb::options::{ClientOptions, InsertManyOptions, WriteConcern};
use mongodb::{Client, Collection as DriverCollection, Cursor, Database};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;
use waymark_store::{Collection, RawDoc, field};

mod errors;
mod uri;

pub(crate) use uri::Secrets;
pub use uri::redact;

/// How long to look for a usable server before giving up.
const SERVER_SELECTION_TIMEOUT: Duration = Duration::from_secs(10);
/// How long to wait for a TCP/TLS connection.
const CONNECT_TIMEOUT: Duration = Duration::from_secs(5);

/// A MongoDB remote (see the module docs).
#[derive(Debug, Clone)]
pub struct MongoRemote {
    db: Database,
    fingerprint: String,
    secrets: Secrets,
    tls: bool,
    trips: Arc<AtomicU64>,
}

/// The cursor of a [`MongoRemote`] pull.
#[derive(Debug)]
pub struct MongoCursor<'a> {
    remote: &'a MongoRemote,
    cursor: Cursor<RawDoc>,
    batch: usize,
}

impl MongoRemote {
    /// Prepares a client for `uri` and database `db_name`. Nothing is sent
    /// yet except what a `mongodb+srv://` address needs (a DNS lookup): a bad
    /// address fails here, an unreachable server on the first request.
    pub async fn connect(uri: &str, db_name: &str) -> Result<Self, SyncError> {
        let secrets = Secrets::of(uri);
        let mut options = ClientOptions::parse(uri).await.map_err(|e| classify(&e, false, &secrets))?;
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
        let client = Client::with_options(options).map_err(|e| classify(&e, tls, &secrets))?;
        if db_name.trim().is_empty() {
            return Err(SyncError::new(ErrorKind::BadUri, "the database name is empty"));
        }
        let host = redact(uri);
        let host = host.split('?').next().unwrap_or_default().to_string();
        Ok(Self { db: client.database(db_name), fingerprint: format!("{host}#{db_name}"), secrets, tls, trips })
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

    /// A remote-only collection (heads, owner claim).
    fn coll(&self, name: &str) -> DriverCollection<Document> {
        self.db.collection(name)
    }

    /// A collection of learner data: the driver reads and writes [`RawDoc`]s
    /// directly (they serialize as the documents they wrap).
    fn docs(&self, collection: Collection) -> DriverCollection<RawDoc> {
        self.db.collection(collection.name())
    }

    fn error(&self, e: &DriverError) -> SyncError {
        classify(e, self.tls, &self.secrets)
    }

    /// Reads up to `limit` documents from `cursor` (fewer when it ends).
    async fn drain(&self, cursor: &mut Cursor<RawDoc>, limit: usize) -> Result<Vec<RawDoc>, SyncError> {
        let mut out = Vec::new();
        while out.len() < limit && cursor.advance().await.map_err(|e| self.error(&e))? {
            out.push(cursor.deserialize_current().map_err(|e| self.error(&e))?);
        }
        Ok(out)
    }

    /// PoloDB's server stops an `insert_many` at the first duplicate without
    /// saying what it inserted: look the documents up, count those carrying
    /// this very version and stamp as inserted, insert the absent ones (one
    /// by one if that meets a duplicate again), and return the others.
    async fn insert_absent(&self, collection: Collection, docs: Vec<RawDoc>) -> Result<Vec<String>, SyncError> {
        let ids: Vec<String> = docs.iter().map(RawDoc::id_text).collect();
        let user = docs.first().and_then(RawDoc::user_id).unwrap_or_default().to_string();
        let present: std::collections::HashMap<String, RawDoc> =
            self.find_present(collection, &user, &ids).await?.into_iter().map(|d| (d.id_text(), d)).collect();
        let mut dups = Vec::new();
        let mut absent = Vec::new();
        for d in docs {
            match present.get(&d.id_text()) {
                Some(theirs) if theirs.hlc_text() == d.hlc_text() && theirs.push_hlc() == d.push_hlc() => {}
                Some(_) => dups.push(d.id_text()),
                None => absent.push(d),
            }
        }
        if absent.is_empty() {
            return Ok(dups);
        }
        match self.docs(collection).insert_many(absent.clone()).await {
            Ok(_) => {}
            Err(e) if is_duplicate(&e) => {
                for d in absent {
                    let id = d.id_text();
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

impl PullCursor for MongoCursor<'_> {
    async fn next_batch(&mut self) -> Result<Vec<RawDoc>, SyncError> {
        self.remote.drain(&mut self.cursor, self.batch).await
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
        match owners.insert_one(doc! { (field::ID): OWNER_KEY, (field::USER_ID): user, "claimed_at": claimed_at }).await
        {
            Ok(_) => return Ok(user.to_string()),
            Err(e) if is_duplicate(&e) => {}
            Err(e) => return Err(self.error(&e)),
        }
        let found = owners.find_one(doc! { (field::ID): OWNER_KEY }).await.map_err(|e| self.error(&e))?;
        found
            .and_then(|d| d.get_str(field::USER_ID).ok().map(str::to_string))
            .ok_or_else(|| SyncError::new(ErrorKind::Server, "the remote's owner claim is unreadable"))
    }

    async fn read_head(&self, user: &str) -> Result<Option<String>, SyncError> {
        let found = self.coll(HEADS).find_one(doc! { (field::ID): user }).await.map_err(|e| self.error(&e))?;
        Ok(found.and_then(|d| d.get_str(field::PUSH_HLC).ok().map(str::to_string)))
    }

    async fn create_head(&self, user: &str, push_hlc: &str) -> Result<bool, SyncError> {
        match self.coll(HEADS).insert_one(doc! { (field::ID): user, (field::PUSH_HLC): push_hlc }).await {
            Ok(_) => Ok(true),
            Err(e) if is_duplicate(&e) => Ok(false),
            Err(e) => Err(self.error(&e)),
        }
    }

    async fn advance_head(&self, user: &str, from: &str, to: &str) -> Result<bool, SyncError> {
        let filter = doc! { "$and": [{ (field::ID): user }, { (field::PUSH_HLC): from }] };
        let r = self.coll(HEADS).update_one(filter, doc! { "$set": { (field::PUSH_HLC): to } }).await;
        Ok(r.map_err(|e| self.error(&e))?.modified_count > 0)
    }

    async fn find_present(&self, collection: Collection, user: &str, ids: &[String]) -> Result<Vec<RawDoc>, SyncError> {
        let filter = doc! { "$and": [{ (field::USER_ID): user }, { (field::ID): { "$in": ids } }] };
        let mut cursor = self.docs(collection).find(filter).await.map_err(|e| self.error(&e))?;
        self.drain(&mut cursor, usize::MAX).await
    }

    async fn insert_many(&self, collection: Collection, docs: Vec<RawDoc>) -> Result<Vec<String>, SyncError> {
        if docs.is_empty() {
            return Ok(Vec::new());
        }
        let options = InsertManyOptions::builder().ordered(false).build();
        match self.docs(collection).insert_many(docs.clone()).with_options(options).await {
            Ok(_) => Ok(Vec::new()),
            Err(e) => match &*e.kind {
                DriverKind::InsertMany(m) if is_duplicate(&e) => {
                    let errs = m.write_errors.as_deref().unwrap_or_default();
                    Ok(errs.iter().filter_map(|w| docs.get(w.index)).map(RawDoc::id_text).collect())
                }
                _ if is_duplicate(&e) => self.insert_absent(collection, docs).await,
                _ => Err(self.error(&e)),
            },
        }
    }

    async fn insert_one(&self, collection: Collection, doc: RawDoc) -> Result<bool, SyncError> {
        match self.docs(collection).insert_one(doc).await {
            Ok(_) => Ok(true),
            Err(e) if is_duplicate(&e) => Ok(false),
            Err(e) => Err(self.error(&e)),
        }
    }

    async fn replace_if_not_newer(&self, collection: Collection, user: &str, doc: RawDoc) -> Result<bool, SyncError> {
        let hlc = doc.hlc_text().unwrap_or_default().to_string();
        let (id, body) = doc.split_id();
        let filter =
            doc! { "$and": [{ (field::ID): id }, { (field::USER_ID): user }, { (field::HLC): { "$lte": hlc } }] };
        let r = self.docs(collection).update_one(filter, doc! { "$set": body }).await;
        Ok(r.map_err(|e| self.error(&e))?.modified_count > 0)
    }

    async fn restamp(
        &self,
        collection: Collection,
        user: &str,
        ids: &[String],
        from: &str,
        to: &str,
    ) -> Result<(), SyncError> {
        let filter =
            doc! { "$and": [{ (field::USER_ID): user }, { (field::ID): { "$in": ids } }, { (field::PUSH_HLC): from }] };
        self.docs(collection)
            .update_many(filter, doc! { "$set": { (field::PUSH_HLC): to } })
            .await
            .map_err(|e| self.error(&e))?;
        Ok(())
    }

    async fn pull(
        &self,
        collection: Collection,
        user: &str,
        after: Option<&str>,
        upto: &str,
        batch: usize,
    ) -> Result<Self::Cursor<'_>, SyncError> {
        let mut conditions = vec![doc! { (field::USER_ID): user }, doc! { (field::PUSH_HLC): { "$lte": upto } }];
        if let Some(a) = after {
            conditions.push(doc! { (field::PUSH_HLC): { "$gt": a } });
        }
        let batch_size = u32::try_from(batch).unwrap_or(u32::MAX);
        let cursor = self
            .docs(collection)
            .find(doc! { "$and": conditions })
            .batch_size(batch_size)
            .await
            .map_err(|e| self.error(&e))?;
        Ok(MongoCursor { remote: self, cursor, batch: batch.max(1) })
    }

    async fn find_one(&self, collection: Collection, user: &str, id: &str) -> Result<Option<RawDoc>, SyncError> {
        let filter = doc! { "$and": [{ (field::ID): id }, { (field::USER_ID): user }] };
        self.docs(collection).find_one(filter).await.map_err(|e| self.error(&e))
    }

    async fn delete_user(&self, collections: &[Collection], user: &str) -> Result<u64, SyncError> {
        let mut deleted = 0;
        for collection in collections {
            let r = self
                .docs(*collection)
                .delete_many(doc! { (field::USER_ID): user })
                .await
                .map_err(|e| self.error(&e))?;
            deleted += r.deleted_count;
        }
        self.coll(HEADS).delete_many(doc! { (field::ID): user }).await.map_err(|e| self.error(&e))?;
        let owner = doc! { "$and": [{ (field::ID): OWNER_KEY }, { (field::USER_ID): user }] };
        self.coll(OWNER).delete_many(owner).await.map_err(|e| self.error(&e))?;
        Ok(deleted)
    }
}
