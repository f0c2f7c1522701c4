//! The tips deck: filter, one card at a time, Previous/Next, ←/→ while the
//! deck has focus, and swipe.

use web_sys::KeyboardEvent;
use yew::prelude::*;

use super::{filter_bar, tip_card};
use crate::app::WidgetCtx;
use crate::domain::{DeckCursor, fill};
use crate::hooks::SwipeHandlers;
use crate::state::TipsAction;

/// A view function: the shell renders it only while the Tips tab is shown,
/// and re-renders it exactly when the tips state changes, so a component
/// would add lifecycle code to the wasm for nothing. The shell owns the
/// swipe gesture (`swipe`, which steps the deck).
pub fn tips_deck(
    ctx: &WidgetCtx,
    cursor: &DeckCursor,
    on_action: &Callback<TipsAction>,
    swipe: &SwipeHandlers,
) -> Html {
    let ui = &ctx.deck.ui;
    let step = on_action.reform(TipsAction::Step);
    let onkeydown = {
        let step = step.clone();
        Callback::from(move |e: KeyboardEvent| {
            let forward = match e.key().as_str() {
                "ArrowRight" => true,
                "ArrowLeft" => false,
                _ => return,
            };
            e.prevent_default();
            step.emit(forward);
        })
    };
    // aria-disabled rather than disabled: a disabled button drops focus.
    let nav_button = |forward: bool, label: &str, icon: &str| {
        let enabled = cursor.can_step(forward);
        let onclick = {
            let step = step.clone();
            Callback::from(move |_| {
                if enabled {
                    step.emit(forward);
                }
            })
        };
        let (first, second) = if forward {
            (label, icon)
        } else {
            (icon, label)
        };
        html! {
            <button type="button" class="nav" part="button" aria-disabled={(!enabled).to_string()} {onclick}>
                <span aria-hidden={if forward { "false" } else { "true" }}>{ first.to_string() }</span>
                { " " }
                <span aria-hidden={if forward { "true" } else { "false" }}>{ second.to_string() }</span>
            </button>
        }
    };
    let (at, total) = cursor.progress();
    let on_filter = on_action.reform(TipsAction::Filter);
    let on_turn = on_action.reform(|()| TipsAction::Turn);
    let card = match cursor.current().and_then(|i| ctx.deck.tips.get(i)) {
        Some(tip) => tip_card(ctx, tip, cursor.turned(), on_turn),
        None => html! {},
    };
    html! {
        <div class="tips">
            { filter_bar(ctx, cursor, &on_filter) }
            <section class="deck" tabindex="0" aria-label={ui.tab_tips().to_string()}
                aria-describedby={ctx.id("deck-hint")} {onkeydown}
                onpointerdown={swipe.onpointerdown.clone()} onpointerup={swipe.onpointerup.clone()}
                onpointercancel={swipe.onpointercancel.clone()}>
                <p class="visually-hidden" id={ctx.id("deck-hint")}>{ ui.deck_hint() }</p>
                <div class="card-slot" aria-live="polite">
                    <p class="progress" part="progress">
                        { fill(ui.tip_progress(), &[("n", &at.to_string()), ("total", &total.to_string())]) }
                    </p>
                    { card }
                </div>
                <div class="deck-nav">
                    { nav_button(false, ui.prev(), "←") }
                    { nav_button(true, ui.next(), "→") }
                </div>
            </section>
        </div>
    }
}
