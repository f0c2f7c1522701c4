//! The built-in back-pain deck, as build.rs checked it.

/// The built-in deck packed ([`crate::domain::packed`]); empty when the
/// deck does not validate.
pub const BUILTIN_DECK_PACKED: &str = include_str!(concat!(env!("OUT_DIR"), "/builtin.packed"));

/// The built-in deck's problems, packed ([`crate::domain::packed::ProblemList`]),
/// for the widget's error card; empty when the deck validates.
pub const BUILTIN_DECK_PROBLEMS: &str = include_str!(concat!(env!("OUT_DIR"), "/builtin.problems"));
