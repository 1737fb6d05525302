//! Integration tests of the sync engine: against the in-memory remote and,
//! through the official driver, against PoloDB's wire server (and a real
//! MongoDB when `WAYMARK_TEST_MONGODB_URI` is set).

mod convergence;
mod errors;
mod faults;
mod fixtures;
mod hostile;
mod outside;
mod scenarios;
mod support;
mod wire;
