//! The shape every stored document shares, as types: which collections of
//! learner data exist ([`Collection`]), the names of the stamp fields every
//! document carries ([`field`]), and a document exactly as stored
//! ([`RawDoc`]) with typed access to those stamps. The bottom layer: it knows
//! nothing of domain values, indexes or transactions.

mod collection;
pub mod field;
mod raw_doc;

pub use collection::Collection;
pub use raw_doc::{RawDoc, RawStamps};
