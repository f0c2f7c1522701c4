//! The views, one per file. A view that owns hooks, or whose re-render is
//! worth skipping, is a component: it reads what the whole widget shares
//! from its context (`crate::context`), takes the rest as props, owns the
//! hooks it needs and reports what the reader does through `on_*`
//! callbacks. A view without state is a plain function of what it shows
//! (`footer`, `tabs`, `tab_panel`, `filter_bar`, `tip_card`,
//! `error_card`, `print_button`, `quiz_actions`), called by the component
//! around it.

mod error_card;
mod filter_bar;
mod footer;
mod print_button;
mod quiz_actions;
mod quiz_board;
mod quiz_item;
mod quiz_results;
mod quiz_stack;
mod quiz_tab;
mod shell;
mod tab_panel;
mod tabs;
mod tip_card;
mod tips_deck;

pub use error_card::error_card;
pub use filter_bar::filter_bar;
pub use footer::footer;
pub use print_button::print_button;
pub use quiz_actions::quiz_actions;
pub use quiz_board::QuizBoard;
pub use quiz_item::{QuizItemRow, RowGestures};
pub use quiz_results::QuizResults;
pub use quiz_stack::QuizStack;
pub use quiz_tab::QuizTab;
pub use shell::Shell;
pub use tab_panel::tab_panel;
pub use tabs::tabs;
pub use tip_card::tip_card;
pub use tips_deck::TipsDeck;

/// The class list of an element whose classes change, set as its
/// `className` property: `~className={class_list(&["item", when(selected,
/// "selected")])}`. Empty words are skipped.
///
/// Not yew's `classes!`: its `Classes` is an ordered hash set, which here
/// adds 2.2 KB brotli and 3.1 KB gzip to the wasm and puts the release over
/// its 120 KB gzip budget. A handful of fixed words needs no set.
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
