//! One exercise to sort, in the pool or in a bin. It can be dragged (by its
//! grip or label), selected for tap placement, or placed with its buttons.

use web_sys::PointerEvent;
use yew::prelude::*;

use super::{class_list, when};
use crate::context::use_widget_ctx;
use crate::domain::{Bin, fill};
use crate::state::QuizAction;

#[derive(Properties, PartialEq)]
pub struct QuizItemRowProps {
    /// The item's index in the deck.
    pub item: usize,
    pub placement: Option<Bin>,
    pub selected: bool,
    pub dragging: bool,
    /// Select, place or unplace this item.
    pub on_action: Callback<QuizAction>,
    /// Pointer handlers of the drag gesture.
    pub on_press: Callback<(usize, PointerEvent)>,
    pub onpointermove: Callback<PointerEvent>,
    pub onpointerup: Callback<PointerEvent>,
    pub onpointercancel: Callback<PointerEvent>,
}

fn icon(bin: Bin) -> &'static str {
    match bin {
        Bin::Safe => "✓",
        Bin::Avoid => "✕",
    }
}

#[component]
pub fn QuizItemRow(props: &QuizItemRowProps) -> Html {
    let ctx = use_widget_ctx();
    let deck = &ctx.deck;
    let ui = &deck.ui;
    let Some(entry) = deck.quiz.items.get(props.item) else {
        return html! {};
    };
    let (item, id) = (props.item, &entry.id);
    let onpointerdown = {
        let on_press = props.on_press.clone();
        Callback::from(move |e: PointerEvent| on_press.emit((item, e)))
    };
    let select = props.on_action.reform(move |_| QuizAction::Select(item));
    let place_button = |bin: Bin| {
        let onclick = props
            .on_action
            .reform(move |_| QuizAction::Place { item, bin });
        let short = match bin {
            Bin::Safe => ui.button_safe(),
            Bin::Avoid => ui.button_avoid(),
        };
        let aria = fill(
            ui.put_in(),
            &[("item", &entry.label), ("bin", deck.quiz.bins.label(bin))],
        );
        html! {
            <button type="button" ~className={class_list(&["place", bin.as_str()])} aria-label={aria}
                data-focus={format!("{}-{id}", bin.as_str())} {onclick}>
                <span aria-hidden="true">{ icon(bin) }</span>{ " " }{ short }
            </button>
        }
    };
    let actions = match props.placement {
        None => html! { <>{ place_button(Bin::Safe) }{ place_button(Bin::Avoid) }</> },
        Some(current) => {
            let other = if current == Bin::Safe {
                Bin::Avoid
            } else {
                Bin::Safe
            };
            let onclick = props.on_action.reform(move |_| QuizAction::Unplace(item));
            html! {
                <>
                    { place_button(other) }
                    <button type="button" class="unplace" data-focus={format!("back-{id}")}
                        aria-label={fill(ui.unplace_aria(), &[("item", &entry.label)])} {onclick}>
                        <span aria-hidden="true">{ "↩" }</span>{ " " }{ ui.unplace().to_string() }
                    </button>
                </>
            }
        }
    };
    html! {
        <li ~className={class_list(&["item", when(props.selected, "selected"), when(props.dragging, "dragging")])}
            part="item" data-drag="" data-item={id.clone()}
            onpointermove={props.onpointermove.clone()} onpointerup={props.onpointerup.clone()}
            onpointercancel={props.onpointercancel.clone()}>
            <span class="grip" aria-hidden="true" onpointerdown={onpointerdown.clone()}>{ "⠿" }</span>
            <button type="button" class="item-label" aria-pressed={props.selected.to_string()}
                data-focus={format!("pick-{id}")} onclick={select} {onpointerdown}>
                { &entry.label }
            </button>
            <span class="item-actions">{ actions }</span>
        </li>
    }
}
