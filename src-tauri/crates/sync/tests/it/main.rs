//! Sync integration tests.
