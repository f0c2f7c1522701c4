//! The views, one component per file. They read what the whole widget
//! shares from its context (`crate::context`), take the rest as props, and
//! report what the reader does through `on_*` callbacks. Each owns the hooks
//! it needs.

mod error_card;
mod filter_bar;
mod footer;
mod quiz_board;
mod quiz_item;
mod quiz_results;
mod quiz_tab;
mod shell;
mod tab_panel;
mod tabs;
mod tip_card;
mod tips_deck;

pub use error_card::ErrorCard;
pub use filter_bar::FilterBar;
pub use footer::Footer;
pub use quiz_board::QuizBoard;
pub use quiz_item::QuizItemRow;
pub use quiz_results::QuizResults;
pub use quiz_tab::QuizTab;
pub use shell::Shell;
pub use tab_panel::TabPanel;
pub use tabs::Tabs;
pub use tip_card::TipCard;
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
