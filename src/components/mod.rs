//! Thin view components, one per file. They read the shared `WidgetCtx`,
//! take state through props and report intent through `on_*` callbacks.

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

pub use error_card::ErrorCard;
pub use filter_bar::FilterBar;
pub use footer::Footer;
pub use quiz_board::QuizBoard;
pub use quiz_item::QuizItemRow;
pub use quiz_results::QuizResults;
pub use quiz_view::QuizView;
pub use shell::Shell;
pub use tabs::Tabs;
pub use tip_card::TipCard;
pub use tips_deck::TipsDeck;
