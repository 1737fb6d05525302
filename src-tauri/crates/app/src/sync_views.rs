//! What the sync screens show: the status line, the log, and the conflicts as
//! field-by-field differences a learner can read — built from the store's
//! sync bookkeeping, never holding a connection string in clear.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use waymark_store::bson::{Bson, doc};
use waymark_store::{Collection, Conflict, Quarantined, RawDoc, SyncLogEntry, field};

use crate::secrets::UriSource;

/// Sync as it stands on this desktop.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct SyncView {
    /// Whether sync runs.
    pub enabled: bool,
    /// The remote database name.
    pub database: String,
    /// The connection string in use, password replaced by `***`.
    pub uri: Option<String>,
    /// Where the connection string comes from.
    pub uri_source: Option<UriSource>,
    /// Why the OS keyring cannot be used, in words (then only
    /// `WAYMARK_SYNC_URI` works).
    pub keyring_problem: Option<String>,
    /// When the last sync succeeded.
    pub last_success: Option<DateTime<Utc>>,
    /// When the last sync was tried.
    pub last_attempt: Option<DateTime<Utc>>,
    /// Local changes waiting to be sent.
    pub pending: u64,
    /// The last sync's error, in words; `None` after a success.
    pub last_error: Option<String>,
}

/// One sync run, as the log shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct SyncRunView {
    /// When it started.
    pub started_at: DateTime<Utc>,
    /// When it ended.
    pub finished_at: Option<DateTime<Utc>>,
    /// Documents sent.
    pub pushed: u64,
    /// Documents received.
    pub pulled: u64,
    /// Conflicts found.
    pub conflicts: u64,
    /// Received documents kept aside (Sync → Problems).
    pub kept_aside: u64,
    /// Its error, in words, when it failed.
    pub error: Option<String>,
}

impl From<SyncLogEntry> for SyncRunView {
    fn from(e: SyncLogEntry) -> Self {
        Self {
            started_at: e.started_at,
            finished_at: Some(e.finished_at),
            pushed: e.pushed,
            pulled: e.pulled,
            conflicts: e.conflicts,
            kept_aside: e.kept_aside,
            error: if e.failed { Some(e.error.unwrap_or_else(|| "failed".into())) } else { None },
        }
    }
}

/// One field that differs between the kept version and the one not kept.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct FieldDifference {
    /// The field's name.
    pub field: String,
    /// Its value in the version kept (now stored).
    pub kept: String,
    /// Its value in the version not kept.
    pub other: String,
}

/// A version sync did not keep, beside the one it kept.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ConflictView {
    /// The conflict's id (restore or dismiss it by this).
    pub id: String,
    /// The collection, e.g. "goals".
    pub collection: String,
    /// The document's id.
    pub doc_id: String,
    /// What it is, for a person: "Goal “Learn Rust”".
    pub label: String,
    /// When sync found it.
    pub recorded_at: DateTime<Utc>,
    /// The fields that differ (sync stamps left out).
    pub differences: Vec<FieldDifference>,
}

/// A received document this desktop kept aside instead of applying.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct SyncProblemView {
    /// Its key (`collection/id`).
    pub id: String,
    /// The collection, e.g. "goals".
    pub collection: String,
    /// The document's id.
    pub doc_id: String,
    /// What it is, for a person: "Goal “Learn Rust”".
    pub label: String,
    /// Why it was not applied.
    pub reason: String,
    /// When it first came.
    pub first_seen: DateTime<Utc>,
    /// When it was last tried (every sync tries again).
    pub last_tried: DateTime<Utc>,
    /// How many times it was tried.
    pub tries: u32,
}

impl From<Quarantined> for SyncProblemView {
    fn from(q: Quarantined) -> Self {
        Self {
            label: label(q.collection, &q.doc),
            id: q.id,
            collection: q.collection.name().to_string(),
            doc_id: q.doc_id,
            reason: q.reason,
            first_seen: q.first_seen,
            last_tried: q.last_tried,
            tries: q.tries,
        }
    }
}

/// Describes a conflict against the version now stored (`None` when that one is gone).
pub(crate) fn conflict_view(c: &Conflict, kept: Option<&RawDoc>) -> ConflictView {
    let gone = RawDoc::new(doc! { (field::DELETED): true });
    let kept = kept.unwrap_or(&gone);
    let mut fields: Vec<&String> =
        c.losing.keys().chain(kept.keys()).filter(|k| !field::SYNC_STAMPS.contains(&k.as_str())).collect();
    fields.sort();
    fields.dedup();
    let differences = fields
        .into_iter()
        .filter(|f| c.losing.get(f.as_str()) != kept.get(f.as_str()))
        .map(|f| FieldDifference {
            field: f.replace('_', " "),
            kept: words(kept.get(f.as_str())),
            other: words(c.losing.get(f.as_str())),
        })
        .collect();
    ConflictView {
        id: c.id.clone(),
        collection: c.collection.name().to_string(),
        doc_id: c.doc_id.clone(),
        label: label(c.collection, &c.losing),
        recorded_at: c.recorded_at,
        differences,
    }
}

fn label(collection: Collection, doc: &RawDoc) -> String {
    let kind = match collection {
        Collection::Goals => "Goal",
        Collection::Roadmaps => "Roadmap",
        Collection::Tasks => "Task",
        Collection::Cards => "Card",
        Collection::Reminders => "Reminder",
        Collection::Profile => "Settings",
        other => other.name(),
    };
    let name = ["title", "prompt"].iter().find_map(|k| doc.get_str(k).ok());
    match name {
        Some(n) => format!("{kind} “{n}”"),
        None => kind.to_string(),
    }
}

fn words(value: Option<&Bson>) -> String {
    const MAX: usize = 160;
    let text = match value {
        None | Some(Bson::Null) => "—".to_string(),
        Some(Bson::String(s)) => s.clone(),
        Some(Bson::Boolean(b)) => if *b { "yes" } else { "no" }.to_string(),
        Some(other) => other.clone().into_relaxed_extjson().to_string(),
    };
    if text.chars().count() > MAX { format!("{}…", text.chars().take(MAX).collect::<String>()) } else { text }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_conflict_lists_only_the_fields_that_differ_without_stamps() {
        let losing = doc! { "_id": "g1", "title": "Learn Go", "status": "active", "hlc": "a", "deleted": false, "hours_per_week": 5.0 };
        let kept = doc! { "_id": "g1", "title": "Learn Rust", "status": "active", "hlc": "b", "deleted": true, "hours_per_week": 5.0 };
        let c = Conflict {
            id: "goals/g1/a".into(),
            collection: Collection::Goals,
            doc_id: "g1".into(),
            losing: RawDoc::new(losing),
            losing_hlc: "a".into(),
            winning_hlc: "b".into(),
            recorded_at: chrono::TimeZone::with_ymd_and_hms(&Utc, 2026, 3, 2, 9, 0, 0).unwrap(),
        };
        let v = conflict_view(&c, Some(&RawDoc::new(kept)));
        assert_eq!(v.label, "Goal “Learn Go”");
        let fields: Vec<(&str, &str, &str)> =
            v.differences.iter().map(|d| (d.field.as_str(), d.kept.as_str(), d.other.as_str())).collect();
        assert_eq!(fields, vec![("deleted", "yes", "no"), ("title", "Learn Rust", "Learn Go")]);
    }
}
