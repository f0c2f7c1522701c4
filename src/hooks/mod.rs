//! Side effects live here, one hook or helper per file: storage, fetching the
//! deck, printing the take-home sheet, drag and swipe gestures, focus,
//! announcements and host events.
//!
//! Hooks take plain values and never read the widget's context (which sits
//! above them, in `crate::context`): see the layers in the crate docs.

pub mod host_events;
mod idle;
pub mod print_sheet;
pub mod random;
pub mod store;
pub mod use_announcer;
pub mod use_board;
pub mod use_card_swipe;
pub mod use_deck;
pub mod use_drag;
pub mod use_focus_request;
pub mod use_persisted;
pub mod use_quiz_events;
pub mod use_quiz_focus;
pub mod use_ready_event;
pub mod use_shown_or_idle;
pub mod use_stable_callback;
pub mod use_swipe;
pub mod use_tips;

pub use host_events::dispatch_host_event;
pub use print_sheet::print_sheet;
pub use random::{fresh_quiz, random_seed};
pub use store::{StorageMode, Store};
pub use use_announcer::{Announce, use_announcer};
pub use use_board::{Board, use_board};
pub use use_card_swipe::{CardSwipe, use_card_swipe};
pub use use_deck::{DeckLoad, LoadFailure, SharedDeck, preload_builtin, use_deck};
pub use use_drag::{DragState, use_drag};
pub use use_focus_request::{FocusRequest, hold_focus, use_focus_request};
pub use use_persisted::use_persisted_reducer;
pub use use_quiz_events::use_quiz_events;
pub use use_quiz_focus::use_quiz_focus;
pub use use_ready_event::use_ready_event;
pub use use_shown_or_idle::use_shown_or_idle;
pub use use_stable_callback::use_stable_callback;
pub use use_swipe::{SwipeHandlers, use_swipe};
pub use use_tips::{SeeTip, TipsHandle, use_tips};
