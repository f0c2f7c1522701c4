//! Thin views, one per file. They read the shared `WidgetCtx`, take state
//! through props (or arguments) and report intent through `on_*` callbacks.
//! A part with no hooks whose parent re-renders it exactly when it changes
//! is a plain view function: each function component adds about 1.5 KB of
//! lifecycle code to the wasm.

mod error_card;
mod filter_bar;
mod footer;
mod quiz_board;
mod quiz_item;
mod quiz_results;
mod quiz_view;
mod shell;
mod tabs;
mod tip_card;
mod tips_deck;

pub use error_card::error_card;
pub use filter_bar::filter_bar;
pub use footer::footer;
pub use quiz_board::QuizBoard;
pub use quiz_item::QuizItemRow;
pub use quiz_results::quiz_results;
pub use quiz_view::QuizView;
pub use shell::Shell;
pub use tabs::tabs;
pub use tip_card::tip_card;
pub use tips_deck::TipsDeck;
