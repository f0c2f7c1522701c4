//! The pure core: deck model, validation, deck cursor and quiz engine.
//! Nothing here knows about yew, the DOM, storage or the clock.

pub mod cursor;
pub mod deck;
pub mod fallback;
pub mod quiz;
pub mod text;
pub mod validate;

pub use cursor::{CursorSnapshot, DeckCursor, Filter};
pub use deck::{Bin, Deck, QuizItem, Tip, TipKind};
pub use quiz::{ItemOutcome, Phase, Placement, Quiz, QuizError, QuizSnapshot, ScoreBand};
pub use text::{UiText, fill};
pub use validate::{DeckErrors, DeckProblem, ProblemKind, decode_deck, parse_deck};

/// The built-in back-pain deck, compiled in.
pub const BUILTIN_DECK_JSON: &str = include_str!("../../decks/back-pain.json");

/// The built-in deck, parsed. It is checked by the test suite, so a failure
/// here is a build defect, and it surfaces as an error card, never a panic.
pub fn builtin_deck() -> Result<Deck, DeckErrors> {
    parse_deck(BUILTIN_DECK_JSON)
}
