//! The store's errors.

use std::path::PathBuf;

/// What can go wrong in the store.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// Another process (or this one) already has the database open.
    #[error("the Waymark data at {path} is already open in another Waymark process; close it first")]
    AlreadyOpen {
        /// The database directory.
        path: PathBuf,
    },
    /// The data was written by a newer Waymark.
    #[error(
        "the Waymark data was written by a newer version (schema {found}, this version reads up to {supported}); update Waymark"
    )]
    NewerSchema {
        /// Schema version found on disk.
        found: i64,
        /// Highest version this build understands.
        supported: i64,
    },
    /// The data directory cannot be created or used.
    #[error("cannot use the data directory {path}: {message}")]
    Directory {
        /// The directory.
        path: PathBuf,
        /// Why.
        message: String,
    },
    /// A stored document does not have the expected shape.
    #[error("a stored {collection} document is unreadable: {message}")]
    Corrupt {
        /// Its collection.
        collection: &'static str,
        /// Why.
        message: String,
    },
    /// A document given to the store (by an import, a backup or sync) is not
    /// a well-formed document of its collection.
    #[error("a {collection} document cannot be stored: {message}")]
    BadDocument {
        /// Its collection.
        collection: String,
        /// What is wrong.
        message: String,
    },
    /// Something asked for by id does not exist.
    #[error("{what} does not exist")]
    NotFound {
        /// What was asked for.
        what: String,
    },
    /// The store's clock cannot issue a stamp (see `waymark_core::hlc`).
    #[error("the store's clock: {0}")]
    Clock(#[from] waymark_core::hlc::ClockError),
    /// PoloDB reported an error.
    #[error("database error: {0}")]
    Db(String),
}

impl From<polodb_core::Error> for StoreError {
    fn from(e: polodb_core::Error) -> Self {
        Self::Db(e.to_string())
    }
}

/// The result of a store operation.
pub type StoreResult<T> = Result<T, StoreError>;
