//! All / Do's / Don'ts, as a group of toggle buttons. Hidden for a deck of
//! one kind, which has nothing to filter.

use yew::prelude::*;

use crate::domain::{DeckCursor, Filter, UiText};

pub fn filter_bar(ui: &UiText, cursor: &DeckCursor, on_filter: &Callback<Filter>) -> Html {
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
                let onclick = on_filter.reform(move |_| f);
                html! {
                    <button type="button" class="chip" aria-pressed={(f == filter).to_string()} {onclick}>
                        { label }
                    </button>
                }
            }) }
        </div>
    }
}
