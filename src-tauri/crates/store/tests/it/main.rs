//! Integration tests of the store on real PoloDB databases in temp dirs.

mod differential;
mod durability;
mod raw;
mod replace;
mod stats_facts;
mod support;
mod sync_tracking;
mod transactions;
