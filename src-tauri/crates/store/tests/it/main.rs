//! Integration tests of the store on real PoloDB databases in temp dirs.

mod differential;
mod durability;
mod raw;
mod replace;
mod support;
mod transactions;
