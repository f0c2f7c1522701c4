//! Thin views, one per file. They get the shared `WidgetCtx` as `ctx`, take state
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
pub use quiz_board::{Board, quiz_board, use_board};
pub use quiz_item::QuizItemRow;
pub use quiz_results::quiz_results;
pub use quiz_view::{follow_focus, quiz_view};
pub use shell::Shell;
pub use tabs::tabs;
pub use tip_card::tip_card;
pub use tips_deck::tips_deck;

/// A class list for an element whose classes change, set as the `className`
/// property (`~className={class_list(..)}`). Empty words are skipped.
///
/// yew's `classes!` and any dynamic `class={..}` go through `Classes`, an
/// ordered hash set of shared strings: measured at 2.8 KB brotli of the wasm
/// for these few fixed words (bench/SAVINGS.md).
pub fn class_list(words: &[&str]) -> String {
    let mut list = String::new();
    for word in words.iter().filter(|w| !w.is_empty()) {
        if !list.is_empty() {
            list.push(' ');
        }
        list.push_str(word);
    }
    list
}

/// `word` when `on`, else nothing: for [`class_list`].
pub fn when(on: bool, word: &str) -> &str {
    if on { word } else { "" }
}
