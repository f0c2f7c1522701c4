//! One tip: a Do/Don't badge (word and icon), the headline, and a Turn
//! control that reveals the detail.

use yew::prelude::*;

use crate::app::use_widget;
use crate::domain::{Tip, TipKind};

#[derive(Properties, PartialEq)]
pub struct TipCardProps {
    pub tip: Tip,
    pub turned: bool,
    pub on_turn: Callback<()>,
}

#[component]
pub fn TipCard(props: &TipCardProps) -> Html {
    let ctx = use_widget();
    let ui = &ctx.deck.ui;
    let tip = &props.tip;
    let (kind_class, icon, word) = match tip.kind {
        TipKind::Do => ("do", "✓", &ui.badge_do),
        TipKind::Dont => ("dont", "✕", &ui.badge_dont),
    };
    let detail_id = ctx.id("tip-detail");
    let onclick = {
        let on_turn = props.on_turn.clone();
        Callback::from(move |_| on_turn.emit(()))
    };
    html! {
        <article class={classes!("card", kind_class, props.turned.then_some("turned"))} part="card">
            <p class={classes!("badge", kind_class)} part="badge">
                <span class="badge-icon" aria-hidden="true">{ icon }</span>{ " " }{ word.clone() }
            </p>
            <h3 class="headline">{ &tip.headline }</h3>
            <p class="detail" id={detail_id.clone()} hidden={!props.turned}>{ &tip.detail }</p>
            <button type="button" class="turn" part="button" aria-expanded={props.turned.to_string()}
                aria-controls={detail_id} {onclick}>
                { if props.turned { ui.turn_back.clone() } else { ui.turn.clone() } }
            </button>
        </article>
    }
}
