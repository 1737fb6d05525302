//! The real server the tests talk to, from the shared test support
//! (`waymark-test-ai`): one llama.cpp server per run, or one of their own.

pub use waymark_test_ai::{shared, start};
