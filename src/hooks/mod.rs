//! Side effects live here, one hook or helper per file: storage, fetching the
//! deck, drag and swipe gestures, announcements and host events.

pub mod host_events;
pub mod random;
pub mod store;
pub mod use_announcer;
pub mod use_deck;
pub mod use_drag;
pub mod use_focus_request;
pub mod use_persisted;
pub mod use_quiz_events;
pub mod use_stable_callback;
pub mod use_swipe;

pub use host_events::dispatch_host_event;
pub use random::{fresh_quiz, random_seed};
pub use store::{StorageMode, Store};
pub use use_announcer::{Announce, use_announcer};
pub use use_deck::{DeckLoad, LoadFailure, preload_builtin, use_deck};
pub use use_drag::{DragState, use_drag};
pub use use_focus_request::{FocusRequest, hold_focus, use_focus_request};
pub use use_persisted::use_persisted_reducer;
pub use use_quiz_events::use_quiz_events;
pub use use_stable_callback::use_stable_callback;
pub use use_swipe::{SwipeHandlers, use_swipe};
