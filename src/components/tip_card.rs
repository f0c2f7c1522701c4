//! One tip: a Do/Don't badge (word and icon), the headline, and a Turn
//! control that reveals the detail.

use yew::prelude::*;

use super::{class_list, when};
use crate::app::WidgetCtx;
use crate::domain::{Tip, TipKind};

/// A view function rather than a component: it has no hooks, and its parent
/// re-renders it exactly when it changes, so a component's lifecycle code
/// would only add wasm.
pub fn tip_card(ctx: &WidgetCtx, tip: &Tip, turned: bool, on_turn: Callback<()>) -> Html {
    let ui = &ctx.deck.ui;
    let (kind_class, icon, word) = match tip.kind {
        TipKind::Do => ("do", "✓", ui.badge_do()),
        TipKind::Dont => ("dont", "✕", ui.badge_dont()),
    };
    let detail_id = ctx.id("tip-detail");
    let onclick = Callback::from(move |_| on_turn.emit(()));
    html! {
        <article ~className={class_list(&["card", kind_class, when(turned, "turned")])} part="card">
            <p ~className={class_list(&["badge", kind_class])} part="badge">
                <span class="badge-icon" aria-hidden="true">{ icon }</span>{ " " }{ word }
            </p>
            <h3 class="headline">{ &tip.headline }</h3>
            <p class="detail" id={detail_id.clone()} hidden={!turned}>{ &tip.detail }</p>
            <button type="button" class="turn" part="button" aria-expanded={turned.to_string()}
                aria-controls={detail_id} {onclick}>
                { if turned { ui.turn_back().to_string() } else { ui.turn().to_string() } }
            </button>
        </article>
    }
}
