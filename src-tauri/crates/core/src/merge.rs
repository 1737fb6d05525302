//! How a document from an export meets the store's copy of it when the file is
//! imported into a store that already holds data: by `_id`, and the newer
//! hybrid-logical-clock stamp wins — the rule sync uses too, so an import never
//! rolls back a change made after the file was written.

use crate::hlc::Hlc;

/// What happens to one imported document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MergeAction {
    /// The store has no document with its id: it is added.
    Add,
    /// The store's copy is older: it is replaced.
    Update,
    /// The store's copy is as new or newer: it stays.
    Skip,
}

/// The action for an incoming document stamped `incoming`, given the stamp of
/// the store's copy (`None` when there is none; tombstones count as copies).
pub fn merge_action(local: Option<&Hlc>, incoming: &Hlc) -> MergeAction {
    match local {
        None => MergeAction::Add,
        Some(l) if l < incoming => MergeAction::Update,
        Some(_) => MergeAction::Skip,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stamp(ms: i64, counter: u32, device: &str) -> Hlc {
        Hlc { physical_ms: ms, counter, device: device.into() }
    }

    #[test]
    fn absent_is_added_older_is_updated_same_or_newer_is_skipped() {
        let incoming = stamp(2_000, 1, "b");
        assert_eq!(merge_action(None, &incoming), MergeAction::Add);
        assert_eq!(merge_action(Some(&stamp(1_999, 9, "z")), &incoming), MergeAction::Update);
        assert_eq!(merge_action(Some(&stamp(2_000, 0, "z")), &incoming), MergeAction::Update);
        assert_eq!(merge_action(Some(&incoming.clone()), &incoming), MergeAction::Skip);
        assert_eq!(merge_action(Some(&stamp(2_000, 1, "c")), &incoming), MergeAction::Skip, "the device breaks ties");
        assert_eq!(merge_action(Some(&stamp(2_001, 0, "a")), &incoming), MergeAction::Skip);
    }
}
