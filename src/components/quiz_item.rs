//! One exercise to sort, in a zone of the board or a bin of the stack. On
//! the board it can be dragged (by its grip or label) or selected for tap
//! placement; everywhere it can be placed with its buttons.

use web_sys::PointerEvent;
use yew::prelude::*;

use super::{class_list, when};
use crate::context::use_widget_ctx;
use crate::domain::{Bin, fill};
use crate::state::QuizAction;

/// The board's ways to move an item by hand: the drag gesture's pointer
/// handlers (a press on the grip or label starts it), and selecting the
/// item to tap a bin.
#[derive(Clone, PartialEq)]
pub struct RowGestures {
    pub on_press: Callback<(usize, PointerEvent)>,
    pub onpointermove: Callback<PointerEvent>,
    pub onpointerup: Callback<PointerEvent>,
    pub onpointercancel: Callback<PointerEvent>,
}

#[derive(Properties, PartialEq)]
pub struct QuizItemRowProps {
    /// The item's index in the deck.
    pub item: usize,
    pub placement: Option<Bin>,
    /// Select, place or unplace this item.
    pub on_action: Callback<QuizAction>,
    /// On the board; `None` in the stack's bins, where the buttons are all
    /// an item needs.
    #[prop_or_default]
    pub gestures: Option<RowGestures>,
    #[prop_or_default]
    pub selected: bool,
    #[prop_or_default]
    pub dragging: bool,
    /// Kept in the pool, hidden, while the item is in a bin: the row is
    /// there again, without being built again, when the item comes back (and
    /// for a whole board at once on Try again).
    #[prop_or_default]
    pub hidden: bool,
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
                { short }
            </button>
        }
    };
    let actions = match props.placement {
        None => html! { <>{ place_button(Bin::Safe) }{ place_button(Bin::Avoid) }</> },
        Some(current) => {
            let onclick = props.on_action.reform(move |_| QuizAction::Unplace(item));
            html! {
                <>
                    { place_button(current.other()) }
                    <button type="button" class="unplace" data-focus={format!("back-{id}")}
                        aria-label={fill(ui.unplace_aria(), &[("item", &entry.label)])} {onclick}>
                        { ui.unplace().to_string() }
                    </button>
                </>
            }
        }
    };
    let Some(gestures) = &props.gestures else {
        return html! {
            <li class="item" part="item" data-item={id.clone()} hidden={props.hidden}>
                <span class="item-label">{ &entry.label }</span>
                <span class="item-actions">{ actions }</span>
            </li>
        };
    };
    let onpointerdown = gestures.on_press.reform(move |e: PointerEvent| (item, e));
    let select = props.on_action.reform(move |_| QuizAction::Select(item));
    html! {
        <li ~className={class_list(&["item", when(props.selected, "selected"), when(props.dragging, "dragging")])}
            part="item" data-drag="" data-item={id.clone()} hidden={props.hidden}
            onpointermove={gestures.onpointermove.clone()} onpointerup={gestures.onpointerup.clone()}
            onpointercancel={gestures.onpointercancel.clone()}>
            <span class="grip" aria-hidden="true" onpointerdown={onpointerdown.clone()}></span>
            <button type="button" class="item-label" aria-pressed={props.selected.to_string()}
                data-focus={format!("pick-{id}")} onclick={select} {onpointerdown}>
                { &entry.label }
            </button>
            <span class="item-actions">{ actions }</span>
        </li>
    }
}
