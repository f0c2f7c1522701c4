//! All / Do's / Don'ts, as a group of toggle buttons.

use yew::prelude::*;

use crate::app::WidgetCtx;
use crate::domain::{DeckCursor, Filter};

/// A view function rather than a component: no hooks, and it changes only
/// with the deck around it (see `tip_card`).
/// Hidden for a deck of one kind, which has nothing to filter.
pub fn filter_bar(ctx: &WidgetCtx, cursor: &DeckCursor, on_filter: &Callback<Filter>) -> Html {
    let ui = &ctx.deck.ui;
    let filter = cursor.filter();
    html! {
        <div class="filter" role="group" aria-label={ui.filter_label().to_string()} part="filter"
            hidden={!(cursor.offers(Filter::Do) && cursor.offers(Filter::Dont))}>
            { for Filter::ALL.iter().map(|&f| {
                let label = match f {
                    Filter::All => ui.filter_all(),
                    Filter::Do => ui.filter_do(),
                    Filter::Dont => ui.filter_dont(),
                };
                let onclick = {
                    let on_filter = on_filter.clone();
                    Callback::from(move |_| on_filter.emit(f))
                };
                html! {
                    <button type="button" class="chip" aria-pressed={(f == filter).to_string()} {onclick}>
                        { label }
                    </button>
                }
            }) }
        </div>
    }
}
