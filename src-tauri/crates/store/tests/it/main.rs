//! Integration tests of the store on real PoloDB databases in temp dirs.

mod differential;
mod durability;
mod support;
mod transactions;
