//! One tip: a Do/Don't badge (word and icon), the headline, and a Turn
//! control that reveals the detail.

use yew::prelude::*;

use super::{class_list, when};
use crate::context::WidgetCtx;
use crate::domain::TipKind;

/// The card of the tip at index `tip`, its detail shown when `turned`.
pub fn tip_card(ctx: &WidgetCtx, tip: usize, turned: bool, on_turn: &Callback<()>) -> Html {
    let ui = &ctx.deck.ui;
    let Some(tip) = ctx.deck.tips.get(tip) else {
        return html! {};
    };
    let (kind_class, icon, word) = match tip.kind {
        TipKind::Do => ("do", "✓", ui.badge_do()),
        TipKind::Dont => ("dont", "✕", ui.badge_dont()),
    };
    let detail_id = ctx.id("tip-detail");
    let onclick = on_turn.reform(|_| ());
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
