//! The export file (`docs/export.md`): a [`Snapshot`] of every learner
//! document written as one JSON object, and read back with every check done
//! before anything reaches the store — syntax (a cut-off file names the
//! position), format and version (a file from a newer Waymark says so), the
//! checksum (a changed or damaged file is refused) and the counts. Each
//! document is then checked by the store before anything is written (errors
//! name the collection, the position and the id).

use super::canonical::{checksum, seal};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;
use std::fmt;
use std::io::{self, Write};
use waymark_store::{Collection, RawDoc, SCHEMA_VERSION};

/// The `format` of every export file.
pub const FORMAT: &str = "waymark-export";
/// The export format version this build writes and the newest it reads.
pub const VERSION: i64 = 1;
/// The oldest store schema whose documents this build imports (the first
/// that had exports). When the store schema grows, importing older files
/// must lift their documents the way the store's migrations do.
pub const OLDEST_STORE_SCHEMA: i64 = 2;

/// Every learner document at one moment, with who and what wrote it.
#[derive(Debug, Clone, PartialEq)]
pub struct Snapshot {
    /// When it was taken.
    pub exported_at: DateTime<Utc>,
    /// The Waymark version that took it.
    pub app_version: String,
    /// The learner (the store's user id).
    pub user_id: String,
    /// The store schema its documents follow.
    pub store_schema: i64,
    /// The documents of each learner collection, in the store's apply order.
    pub collections: Vec<(Collection, Vec<RawDoc>)>,
}

/// The fields before `collections`: what a backup list shows without reading
/// the documents.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Header {
    /// Always [`FORMAT`].
    pub format: String,
    /// The export format version.
    pub version: i64,
    /// The store schema of the documents.
    pub store_schema: i64,
    /// When the snapshot was taken.
    pub exported_at: DateTime<Utc>,
    /// The Waymark version that wrote it.
    pub app_version: String,
    /// The learner.
    pub user_id: String,
    /// The newest HLC stamp of any document (empty when there are none).
    pub latest_stamp: String,
    /// Documents per collection, tombstones included.
    pub counts: BTreeMap<String, u64>,
}

/// Why a file cannot be imported.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FileError {
    /// Not JSON, or cut off.
    Syntax(String),
    /// JSON, but not a Waymark export.
    NotAnExport(String),
    /// Written by a newer Waymark.
    Newer(String),
    /// The checksum or the counts do not match the documents.
    Damaged(String),
    /// The structure or a document is wrong; the message names where.
    Invalid(String),
}

impl fmt::Display for FileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Syntax(m) => write!(f, "the file is not complete JSON — cut off or not an export? ({m})"),
            Self::NotAnExport(m) => write!(f, "this is not a Waymark export file: {m}"),
            Self::Newer(m) => write!(f, "this file was made by a newer Waymark ({m}); update Waymark to import it"),
            Self::Damaged(m) => write!(f, "the file was changed or is damaged: {m}; nothing was imported"),
            Self::Invalid(m) => f.write_str(m),
        }
    }
}

impl Snapshot {
    /// Documents per collection.
    pub fn counts(&self) -> BTreeMap<String, u64> {
        self.collections.iter().map(|(c, docs)| (c.name().to_string(), docs.len() as u64)).collect()
    }

    /// All documents, across collections.
    pub fn total(&self) -> u64 {
        self.collections.iter().map(|(_, docs)| docs.len() as u64).sum()
    }

    /// The newest HLC stamp of any document ("" when there are none); with
    /// the counts it tells two snapshots of one store apart.
    pub fn latest_stamp(&self) -> String {
        let stamps = self.collections.iter().flat_map(|(_, docs)| docs.iter().filter_map(RawDoc::hlc_text));
        stamps.max().unwrap_or_default().to_string()
    }

    /// The header it is written with.
    pub fn header(&self) -> Header {
        Header {
            format: FORMAT.into(),
            version: VERSION,
            store_schema: self.store_schema,
            exported_at: self.exported_at,
            app_version: self.app_version.clone(),
            user_id: self.user_id.clone(),
            latest_stamp: self.latest_stamp(),
            counts: self.counts(),
        }
    }

    /// Writes the file: the header on the first lines, then one document per
    /// line, then the checksum.
    pub fn write(&self, out: &mut dyn Write) -> io::Result<()> {
        let header = serde_json::to_string(&self.header()).map_err(io::Error::other)?;
        let open = header.strip_suffix('}').unwrap_or(&header);
        out.write_all(open.as_bytes())?;
        out.write_all(b",\n\"collections\":")?;
        let sum = seal(self.collections.iter().map(|(c, docs)| (c.name(), docs.as_slice())), Some(&mut *out))?;
        write!(out, ",\n\"checksum\":\"{sum}\"}}\n")
    }

    /// The file as text.
    pub fn to_text(&self) -> String {
        let mut out = Vec::new();
        // Writing into memory cannot fail, and the canonical text is UTF-8.
        let _ = self.write(&mut out);
        String::from_utf8(out).unwrap_or_default()
    }

    /// Reads and checks a file; see the module documentation for the order.
    pub fn parse(text: &str) -> Result<Self, FileError> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let envelope: Envelope = serde_json::from_str(text).map_err(|e| FileError::Syntax(e.to_string()))?;
        envelope.check()?;
        // The fast parse; only when it fails, again for the path of the error.
        let file: FileIn = serde_json::from_str(text).map_err(|_| {
            let mut de = serde_json::Deserializer::from_str(text);
            match serde_path_to_error::deserialize::<_, FileIn>(&mut de) {
                Err(e) => {
                    let path = e.path().to_string();
                    FileError::Invalid(format!("{path}: {}", e.into_inner()))
                }
                Ok(_) => FileError::Invalid("the file does not match the export format".into()),
            }
        })?;
        for name in file.collections.keys() {
            if Collection::named(name).is_none() {
                return Err(FileError::Invalid(format!(
                    "collections.{name}: unknown collection \"{name}\" (known: {})",
                    Collection::ALL.map(Collection::name).join(", ")
                )));
            }
        }
        let sum = checksum(file.collections.iter().map(|(c, docs)| (c.as_str(), docs.as_slice())));
        if !sum.eq_ignore_ascii_case(file.checksum.trim()) {
            return Err(FileError::Damaged("its checksum does not match its documents".into()));
        }
        for (name, docs) in &file.collections {
            let said = file.counts.get(name).copied().unwrap_or(0);
            if said != docs.len() as u64 {
                return Err(FileError::Damaged(format!("counts.{name} says {said}, the file holds {}", docs.len())));
            }
        }
        if let Some(name) = file.counts.keys().find(|n| !file.collections.contains_key(*n)) {
            return Err(FileError::Damaged(format!("counts.{name} names a collection the file does not hold")));
        }
        if file.user_id.trim().is_empty() {
            return Err(FileError::Invalid("user_id: is empty".into()));
        }
        let mut collections = file.collections;
        let mut ordered = Vec::with_capacity(Collection::ALL.len());
        for collection in Collection::ALL {
            ordered.push((collection, collections.remove(collection.name()).unwrap_or_default()));
        }
        Ok(Self {
            exported_at: file.exported_at,
            app_version: file.app_version,
            user_id: file.user_id,
            store_schema: file.store_schema,
            collections: ordered,
        })
    }
}

/// Reads the header of a file written by [`Snapshot::write`] from its first
/// bytes, without the documents; `None` when they do not hold one.
pub fn read_header(first_bytes: &[u8]) -> Option<Header> {
    let text = match std::str::from_utf8(first_bytes) {
        Ok(text) => text,
        Err(e) => std::str::from_utf8(&first_bytes[..e.valid_up_to()]).ok()?,
    };
    let end = text.find(",\n\"collections\":")?;
    serde_json::from_str(&format!("{}}}", &text[..end])).ok()
}

/// The fields read before anything else: what kind of file it is.
#[derive(Deserialize)]
struct Envelope {
    format: Option<Value>,
    version: Option<Value>,
    store_schema: Option<Value>,
}

impl Envelope {
    fn check(&self) -> Result<(), FileError> {
        match &self.format {
            Some(Value::String(f)) if f == FORMAT => {}
            Some(other) => return Err(FileError::NotAnExport(format!("its format is {other}, not \"{FORMAT}\""))),
            None => return Err(FileError::NotAnExport(format!("it has no \"format\": \"{FORMAT}\""))),
        }
        let version = self.version.as_ref().and_then(Value::as_i64).filter(|v| *v >= 1).ok_or_else(|| {
            FileError::Invalid("version: must be a whole number from 1 (the export format version)".into())
        })?;
        if version > VERSION {
            return Err(FileError::Newer(format!(
                "export format version {version}; this Waymark reads up to {VERSION}"
            )));
        }
        let schema = self.store_schema.as_ref().and_then(Value::as_i64).ok_or_else(|| {
            FileError::Invalid("store_schema: must be a whole number (the store schema of the documents)".into())
        })?;
        if schema > SCHEMA_VERSION {
            return Err(FileError::Newer(format!(
                "its documents follow store schema {schema}; this Waymark reads up to {SCHEMA_VERSION}"
            )));
        }
        if schema < OLDEST_STORE_SCHEMA {
            return Err(FileError::Invalid(format!(
                "store_schema: {schema} is older than any Waymark that wrote exports ({OLDEST_STORE_SCHEMA})"
            )));
        }
        Ok(())
    }
}

/// The whole file as read (version 1).
#[derive(Deserialize)]
struct FileIn {
    exported_at: DateTime<Utc>,
    app_version: String,
    user_id: String,
    store_schema: i64,
    counts: BTreeMap<String, u64>,
    collections: BTreeMap<String, Vec<RawDoc>>,
    checksum: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_import_reads_every_store_schema_that_wrote_exports() {
        assert_eq!(
            SCHEMA_VERSION, OLDEST_STORE_SCHEMA,
            "the store schema moved on: teach the import to lift documents of older exports \
             (as the store's migrations do), then update this test and docs/export.md"
        );
    }

    #[test]
    fn the_header_is_read_from_the_first_bytes_alone() {
        let snapshot = Snapshot {
            exported_at: chrono::DateTime::parse_from_rfc3339("2026-03-02T12:00:00Z").unwrap().into(),
            app_version: "0.1.0".into(),
            user_id: "u".into(),
            store_schema: SCHEMA_VERSION,
            collections: vec![(Collection::Goals, vec![])],
        };
        let text = snapshot.to_text();
        let first_line = text.lines().next().unwrap();
        assert!(first_line.starts_with("{\"format\":\"waymark-export\",\"version\":1,"), "{first_line}");
        let header = read_header(&text.as_bytes()[..first_line.len() + 20]).unwrap();
        assert_eq!(header, snapshot.header());
        assert_eq!(read_header(b"{\"format\":"), None);
        assert_eq!(Snapshot::parse(&text).unwrap().collections.len(), Collection::ALL.len());
    }
}
