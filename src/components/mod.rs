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
