//! Sorting: the pool of items and the two bins, with drag, tap-then-bin and
//! per-item buttons, and Check / Start over.

use yew::prelude::*;

use super::{QuizItemRow, RowGestures, class_list, quiz_actions, when};
use crate::context::use_widget_ctx;
use crate::domain::fill;
use crate::hooks::use_drag::Target;
use crate::hooks::{Board, use_board};
use crate::state::{QuizAction, QuizState};

#[derive(Properties, PartialEq)]
pub struct QuizBoardProps {
    pub state: QuizState,
    /// Must keep its identity across renders, so that item rows which did
    /// not change skip rendering.
    pub on_action: Callback<QuizAction>,
}

#[component]
pub fn QuizBoard(props: &QuizBoardProps) -> Html {
    let ctx = use_widget_ctx();
    let Board {
        targets,
        drag,
        on_row_action,
    } = use_board(&props.on_action);
    let (state, on_action) = (&props.state, &props.on_action);
    let deck = &ctx.deck;
    let ui = &deck.ui;
    let quiz = &state.quiz;
    let gestures = RowGestures {
        on_press: drag.start.clone(),
        onpointermove: drag.onpointermove.clone(),
        onpointerup: drag.onpointerup.clone(),
        onpointercancel: drag.onpointercancel.clone(),
    };
    // In a bin, a row shows where the item is; the pool keeps a hidden row
    // for each placed item (see `QuizItemRowProps::hidden`).
    let row = |item: usize, in_pool: bool| {
        let placement = quiz.placement(item);
        html! {
            <QuizItemRow key={deck.quiz.items[item].id.clone()} {item}
                placement={if in_pool { None } else { placement }} hidden={in_pool && placement.is_some()}
                selected={state.selected == Some(item)} dragging={drag.state.item == Some(item)}
                on_action={on_row_action.clone()} gestures={gestures.clone()} />
        }
    };
    let selected_label = state
        .selected
        .and_then(|i| deck.quiz.items.get(i))
        .map(|i| i.label.clone());
    let over = |target: Target| {
        when(
            drag.state.over == Some(target) && drag.state.item.is_some(),
            "over",
        )
    };

    // The pool and the two bins: one kind of drop zone, with its items, a
    // count in its title, and for a bin, "Put <selected> in <bin>".
    let zone = |index: usize| {
        let target = targets[index].0;
        let items = quiz.in_bin(target);
        let (name, label, empty) = match target {
            None => ("pool", ui.pool_label(), ui.pool_empty()),
            Some(bin) => (bin.as_str(), deck.quiz.bins.label(bin), ui.bin_empty()),
        };
        let title_id = ctx.id(&format!("zone-{name}"));
        let drop_here = target.zip(selected_label.as_ref()).map(|(bin, item)| {
            let onclick = {
                let (on_action, selected) = (on_action.clone(), state.selected);
                Callback::from(move |_| {
                    if let Some(item) = selected {
                        on_action.emit(QuizAction::Place { item, bin });
                    }
                })
            };
            html! {
                <button type="button" class="drop-here" data-focus={format!("drop-{name}")} {onclick}>
                    { fill(ui.put_in(), &[("item", item), ("bin", label)]) }
                </button>
            }
        });
        let (kind, part) = match target {
            None => ("", "pool".to_string()),
            Some(_) => ("bin", format!("bin bin-{name}")),
        };
        html! {
            // A group, not a region: a region is a landmark, and two widgets
            // on a page would then have landmarks of the same name.
            <section role="group" ~className={class_list(&["zone", over(target), kind, name])} ref={targets[index].1.clone()}
                {part} aria-labelledby={title_id.clone()}>
                <h3 class="zone-title" id={title_id}>
                    { fill(ui.bin_count(), &[("bin", label), ("count", &items.len().to_string())]) }
                </h3>
                { for drop_here }
                if items.is_empty() {
                    <p class="empty">{ empty }</p>
                }
                if target.is_none() {
                    <ul class="items" hidden={items.is_empty()}>{ for quiz.order().iter().map(|&i| row(i, true)) }</ul>
                } else if !items.is_empty() {
                    <ul class="items">{ for items.iter().map(|&i| row(i, false)) }</ul>
                }
            </section>
        }
    };
    let ghost_label = drag
        .state
        .item
        .and_then(|i| deck.quiz.items.get(i))
        .map(|i| i.label.clone())
        .unwrap_or_default();
    html! {
        <div class="quiz-board">
            <div class="board">
                { zone(0) }
                <div class="bins">{ zone(1) }{ zone(2) }</div>
            </div>
            { quiz_actions(ui, state, on_action, false) }
            <div class="drag-ghost" aria-hidden="true" ref={drag.ghost.clone()} hidden={drag.state.item.is_none()}>
                { ghost_label }
            </div>
        </div>
    }
}
