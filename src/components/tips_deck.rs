//! The tips deck: filter, one card at a time, Previous/Next, ←/→ while the
//! deck has focus, and swipe.

use web_sys::KeyboardEvent;
use yew::prelude::*;

use super::{filter_bar, tip_card};
use crate::context::use_widget_ctx;
use crate::domain::fill;
use crate::hooks::{TipsHandle, use_focus_request, use_swipe};
use crate::state::TipsAction;

#[derive(Properties, PartialEq)]
pub struct TipsDeckProps {
    pub tips: TipsHandle,
}

#[component]
pub fn TipsDeck(props: &TipsDeckProps) -> Html {
    let ctx = use_widget_ctx();
    let tips = &props.tips;
    let root = use_node_ref();
    let focus = use_focus_request(root.clone());
    // Opened by "See the tip": the button used went away with the quiz.
    {
        let (tips, focus) = (tips.clone(), focus.clone());
        use_effect_with((), move |_| {
            if tips.take_focus_request() {
                focus.request_early(".deck");
            }
        });
    }
    let step = {
        let tips = tips.clone();
        Callback::from(move |forward| tips.dispatch(TipsAction::Step(forward)))
    };
    let swipe = use_swipe(step.clone());
    // Turn shows the detail above the focused Turn button, which on a small
    // phone pushes the button out of view: it is brought back in view (and
    // keeps focus) in the next frame.
    let on_turn = {
        let tips = tips.clone();
        Callback::from(move |()| {
            focus.request_early(".turn");
            tips.dispatch(TipsAction::Turn);
        })
    };
    let on_filter = {
        let tips = tips.clone();
        Callback::from(move |filter| tips.dispatch(TipsAction::Filter(filter)))
    };

    let ui = &ctx.deck.ui;
    let cursor = &tips.cursor;
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
    let hint_id = ctx.id("deck-hint");
    html! {
        <div class="tips" ref={root}>
            { filter_bar(ui, cursor, &on_filter) }
            // A group (see QuizBoard's zones): two widgets with the same deck
            // would otherwise have two "Tips" landmarks.
            <section class="deck" role="group" tabindex="0" aria-label={ui.tab_tips().to_string()}
                aria-describedby={hint_id.clone()} {onkeydown}
                onpointerdown={swipe.onpointerdown} onpointerup={swipe.onpointerup}
                onpointercancel={swipe.onpointercancel}>
                <p class="visually-hidden" id={hint_id}>{ ui.deck_hint() }</p>
                <div class="card-slot" aria-live="polite">
                    <p class="progress" part="progress">
                        { fill(ui.tip_progress(), &[("n", &at.to_string()), ("total", &total.to_string())]) }
                    </p>
                    if let Some(tip) = cursor.current() {
                        { tip_card(&ctx, tip, cursor.turned(), &on_turn) }
                    }
                </div>
                <div class="deck-nav">
                    { nav_button(false, ui.prev(), "←") }
                    { nav_button(true, ui.next(), "→") }
                </div>
            </section>
            { super::print_button(&ctx.deck, Vec::new()) }
        </div>
    }
}
