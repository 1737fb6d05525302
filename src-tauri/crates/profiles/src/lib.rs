//! Synthetic learner profiles written straight into a store, so benchmarks
//! and tests of every crate measure the same data. Not part of the app.

pub mod fuzz;
pub mod heavy;
pub mod timing;
