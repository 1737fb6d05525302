//! The names of the fields the store and sync stamp on every document, in
//! one place: nothing else spells them.

/// The document's id (PoloDB's and MongoDB's primary key).
pub const ID: &str = "_id";
/// The learner the document belongs to.
pub const USER_ID: &str = "user_id";
/// When the document was last written (RFC 3339, milliseconds).
pub const UPDATED_AT: &str = "updated_at";
/// The document's hybrid logical clock stamp (its version).
pub const HLC: &str = "hlc";
/// Whether the document is a tombstone.
pub const DELETED: &str = "deleted";
/// The remote-only stamp of the push that wrote a document to the remote.
pub const PUSH_HLC: &str = "push_hlc";

/// The sync stamps: fields that say who wrote a version and when, not what
/// it says. Two versions that differ only here have the same content.
pub const SYNC_STAMPS: [&str; 5] = [ID, USER_ID, UPDATED_AT, HLC, PUSH_HLC];
