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
            <section ~className={class_list(&["zone", over(target), kind, name])} ref={targets[index].1.clone()}
                {part} aria-labelledby={title_id.clone()}>
                <h3 class="zone-title" id={title_id}>
                    { fill(ui.bin_count(), &[("bin", label), ("count", &items.len().to_string())]) }
                </h3>
                { for drop_here }
                if items.is_empty() {
                    <p class="empty">{ empty }</p>
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
                { zone(0) }
                <div class="bins">{ zone(1) }{ zone(2) }</div>
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
