//! The pure core of Backwise: the deck model, validation, the deck cursor,
//! the quiz engine, and the state transitions that the widget's reducers
//! apply. Nothing here knows about yew, the DOM, storage or the clock:
//! randomness arrives as a seed, saved state as text.

pub mod cursor;
pub mod deck;
// The command line's: the widget renders a deck itself, and the JSON-LD is
// written with serde_json, which stays out of the wasm.
#[cfg(not(target_arch = "wasm32"))]
pub mod fallback;
pub mod focus;
pub mod html;
pub mod json;
pub mod layout;
pub mod packed;
pub mod quiz;
pub mod quiz_state;
pub mod sheet;
pub mod snapshot;
pub mod storage_mode;
pub mod text;
pub mod tips_state;
pub mod validate;
pub mod view;

pub use cursor::{CursorSnapshot, DeckCursor, Filter};
pub use deck::{Bin, Deck, QuizItem, Tip, TipKind};
pub use focus::{FocusMove, FocusTarget, focus_after};
pub use json::Json;
pub use layout::{Layout, LayoutChoice};
pub use quiz::{ItemOutcome, Phase, Placement, Quiz, QuizError, ScoreBand};
pub use quiz_state::{QuizAction, QuizEvent, QuizState};
pub use snapshot::{QuizSnapshot, TipsSnapshot};
pub use storage_mode::StorageMode;
pub use text::{UiText, fill};
pub use tips_state::{TipsAction, TipsState};
#[cfg(not(target_arch = "wasm32"))]
pub use validate::parse_deck;
pub use validate::{DeckErrors, DeckProblem, ProblemKind, decode_deck, parse_deck_with};
pub use view::View;

/// The built-in back-pain deck's JSON: the command line's default deck, and
/// what the widget's build.rs packs.
pub const BUILTIN_DECK_JSON: &str = include_str!("../../../decks/back-pain.json");

/// The built-in deck, parsed (host side). It is checked by the test suite,
/// so a failure is a build defect; in the widget it would surface as an
/// error card, never a panic.
#[cfg(not(target_arch = "wasm32"))]
pub fn builtin_deck() -> Result<Deck, DeckErrors> {
    parse_deck(BUILTIN_DECK_JSON)
}
