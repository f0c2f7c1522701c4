//! All / Do's / Don'ts, as a group of toggle buttons.

use yew::prelude::*;

use crate::app::use_widget;
use crate::domain::Filter;

#[derive(Properties, PartialEq)]
pub struct FilterBarProps {
    pub filter: Filter,
    pub on_filter: Callback<Filter>,
}

#[component]
pub fn FilterBar(props: &FilterBarProps) -> Html {
    let ctx = use_widget();
    let ui = &ctx.deck.ui;
    html! {
        <div class="filter" role="group" aria-label={ui.filter_label.clone()} part="filter">
            { for Filter::ALL.iter().map(|&f| {
                let label = match f {
                    Filter::All => &ui.filter_all,
                    Filter::Do => &ui.filter_do,
                    Filter::Dont => &ui.filter_dont,
                };
                let onclick = {
                    let on_filter = props.on_filter.clone();
                    Callback::from(move |_| on_filter.emit(f))
                };
                html! {
                    <button type="button" class="chip" aria-pressed={(f == props.filter).to_string()} {onclick}>
                        { label.clone() }
                    </button>
                }
            }) }
        </div>
    }
}
