//! The built-in back-pain deck, as build.rs prepared it.

/// The built-in deck packed ([`crate::domain::packed`]); empty when the
/// deck does not validate.
pub const BUILTIN_DECK_PACKED: &str = include_str!(concat!(env!("OUT_DIR"), "/builtin.packed"));

/// The built-in deck's JSON when it does not validate, for the widget's
/// error card; empty when it does (then the widget never parses it).
pub const BUILTIN_DECK_INVALID_JSON: &str =
    include_str!(concat!(env!("OUT_DIR"), "/builtin.invalid.json"));
