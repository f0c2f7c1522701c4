//! Sorting: the pool of items and the two bins, with drag, tap-then-bin and
//! per-item buttons, and Check / Start over.

use std::rc::Rc;

use yew::prelude::*;

use super::{QuizItemRow, class_list, when};
use crate::app::WidgetCtx;
use crate::domain::{Bin, fill};
use crate::hooks::use_drag::{DragHandle, Target};
use crate::hooks::{fresh_quiz, use_drag, use_stable_callback};
use crate::state::{QuizAction, QuizState};

/// The board's gestures: its drop targets, the drag, and the rows' callback.
pub struct Board {
    targets: Rc<Vec<(Target, NodeRef)>>,
    drag: DragHandle,
    on_row_action: Callback<QuizAction>,
}

/// The board's hooks, called by the shell: the board itself is a view
/// function, re-rendered with the quiz state it shows, and a component of
/// its own would only add lifecycle code to the wasm.
#[hook]
pub fn use_board(on_action: &Callback<QuizAction>) -> Board {
    let targets = use_memo((), |_| {
        vec![
            (None, NodeRef::default()),
            (Some(Bin::Safe), NodeRef::default()),
            (Some(Bin::Avoid), NodeRef::default()),
        ]
    });
    let on_drop = on_action.reform(|(item, target): (usize, Target)| match target {
        Some(bin) => QuizAction::Place { item, bin },
        None => QuizAction::Unplace(item),
    });
    let drag = use_drag(targets.clone(), on_drop);
    // The click that ends a drag does not also select the item. (Stable, as
    // `on_action` is, so that unchanged rows skip rendering.)
    let on_row_action = use_stable_callback({
        let (on_action, swallow) = (on_action.clone(), drag.tracker_swallows_click.clone());
        Callback::from(move |action| {
            if !(matches!(action, QuizAction::Select(_)) && swallow()) {
                on_action.emit(action);
            }
        })
    });
    Board {
        targets,
        drag,
        on_row_action,
    }
}

/// `blocked` says why Check did nothing yet ("Sort every item first: 3
/// left."), if it did.
pub fn quiz_board(
    ctx: &WidgetCtx,
    state: &QuizState,
    board: &Board,
    on_action: &Callback<QuizAction>,
    blocked: Option<AttrValue>,
) -> Html {
    let deck = &ctx.deck;
    let ui = &deck.ui;
    let quiz = &state.quiz;
    let Board {
        targets,
        drag,
        on_row_action,
    } = board;
    let row = |item: usize| {
        html! {
            <QuizItemRow key={deck.quiz.items[item].id.clone()} ctx={ctx.clone()} {item} placement={quiz.placement(item)}
                selected={state.selected == Some(item)} dragging={drag.state.item == Some(item)}
                on_action={on_row_action.clone()} on_press={drag.start.clone()} onpointermove={drag.onpointermove.clone()}
                onpointerup={drag.onpointerup.clone()} onpointercancel={drag.onpointercancel.clone()} />
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

    let pool_items = quiz.in_bin(None);
    let pool = html! {
        <section ~className={class_list(&["zone", over(None), "pool"])} ref={targets[0].1.clone()} part="pool"
            aria-labelledby={ctx.id("pool-title")}>
            <h3 class="zone-title" id={ctx.id("pool-title")}>
                { fill(ui.bin_count(), &[("bin", ui.pool_label()), ("count", &pool_items.len().to_string())]) }
            </h3>
            if pool_items.is_empty() {
                <p class="empty">{ ui.pool_empty() }</p>
            } else {
                <ul class="items">{ for pool_items.iter().map(|&i| row(i)) }</ul>
            }
        </section>
    };
    let bin = |index: usize, bin: Bin| {
        let items = quiz.in_bin(Some(bin));
        let label = deck.quiz.bins.label(bin);
        let title_id = ctx.id(&format!("bin-{}", bin.as_str()));
        let drop_here = selected_label.as_ref().map(|item| {
            let onclick = {
                let (on_action, selected) = (on_action.clone(), state.selected);
                Callback::from(move |_| {
                    if let Some(item) = selected {
                        on_action.emit(QuizAction::Place { item, bin });
                    }
                })
            };
            html! {
                <button type="button" class="drop-here" data-focus={format!("drop-{}", bin.as_str())} {onclick}>
                    { fill(ui.put_in(), &[("item", item), ("bin", label)]) }
                </button>
            }
        });
        html! {
            <section ~className={class_list(&["zone", over(Some(bin)), "bin", bin.as_str()])} ref={targets[index].1.clone()}
                part={format!("bin bin-{}", bin.as_str())} aria-labelledby={title_id.clone()}>
                <h3 class="zone-title" id={title_id}>
                    { fill(ui.bin_count(), &[("bin", label), ("count", &items.len().to_string())]) }
                </h3>
                { for drop_here }
                if items.is_empty() {
                    <p class="empty">{ ui.bin_empty() }</p>
                } else {
                    <ul class="items">{ for items.iter().map(|&i| row(i)) }</ul>
                }
            </section>
        }
    };
    let check = on_action.reform(|_| QuizAction::Check);
    let reset = on_action.reform(|_| fresh_quiz());
    let ghost_label = drag
        .state
        .item
        .and_then(|i| deck.quiz.items.get(i))
        .map(|i| i.label.clone())
        .unwrap_or_default();
    html! {
        <div class="quiz-board">
            <div class="board">
                { pool }
                <div class="bins">{ bin(1, Bin::Safe) }{ bin(2, Bin::Avoid) }</div>
            </div>
            <div class="quiz-actions">
                <button type="button" class="primary" part="button" data-focus="check" onclick={check}>
                    { ui.check() }
                </button>
                <button type="button" class="secondary" part="button" onclick={reset}>{ ui.start_over() }</button>
                if let Some(blocked) = blocked {
                    <p class="blocked">{ blocked }</p>
                }
            </div>
            <div class="drag-ghost" aria-hidden="true" ref={drag.ghost.clone()} hidden={drag.state.item.is_none()}>
                { ghost_label }
            </div>
        </div>
    }
}
