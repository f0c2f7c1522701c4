//! The pure core: deck model, validation, deck cursor and quiz engine.
//! Nothing here knows about yew, the DOM, storage or the clock.

pub mod cursor;
pub mod deck;
pub mod fallback;
pub mod json;
pub mod packed;
pub mod quiz;
pub mod text;
pub mod validate;

pub use cursor::{CursorSnapshot, DeckCursor, Filter};
pub use deck::{Bin, Deck, QuizItem, Tip, TipKind};
pub use json::Json;
pub use quiz::{ItemOutcome, Phase, Placement, Quiz, QuizError, QuizSnapshot, ScoreBand};
pub use text::{UiText, fill};
#[cfg(not(target_arch = "wasm32"))]
pub use validate::parse_deck;
pub use validate::{DeckErrors, DeckProblem, ProblemKind, decode_deck, parse_deck_with};

/// The built-in back-pain deck, compiled in.
pub const BUILTIN_DECK_JSON: &str = include_str!("../../decks/back-pain.json");

/// The built-in deck as build.rs packed it ([`packed`]); empty when the deck
/// does not validate.
pub const BUILTIN_DECK_PACKED: &str = include_str!(concat!(env!("OUT_DIR"), "/builtin.packed"));

/// The built-in deck's JSON when it does not validate, for the widget's
/// error card; empty when it does (then the widget never parses it).
pub const BUILTIN_DECK_INVALID_JSON: &str =
    include_str!(concat!(env!("OUT_DIR"), "/builtin.invalid.json"));

/// The built-in deck, parsed (host side). It is checked by the test suite,
/// so a failure is a build defect; in the widget it would surface as an
/// error card, never a panic.
#[cfg(not(target_arch = "wasm32"))]
pub fn builtin_deck() -> Result<Deck, DeckErrors> {
    parse_deck(BUILTIN_DECK_JSON)
}
