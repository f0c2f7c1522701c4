//! The quiz tab: prompt, progress, then the board or the results, and where
//! focus goes after each action.

use web_sys::KeyboardEvent;
use yew::prelude::*;

use super::{Board, quiz_board, quiz_results};
use crate::app::WidgetCtx;
use crate::domain::{Phase, fill};
use crate::hooks::FocusRequest;
use crate::state::{QuizAction, QuizEvent, QuizState};

fn marked(key: &str) -> String {
    format!("[data-focus=\"{key}\"]")
}

/// Where focus goes (a CSS selector) after an action whose control may have vanished.
fn focus_after(state: &QuizState, action: &QuizAction) -> Option<String> {
    let quiz = &state.quiz;
    let ids = state.item_ids();
    match *action {
        QuizAction::Place { item, .. } if quiz.placement(item).is_none() => {
            // From the pool: the next item still to sort, else Check.
            let pool = quiz.in_bin(None);
            let at = pool.iter().position(|&i| i == item)?;
            let next = pool
                .get(at + 1)
                .or_else(|| at.checked_sub(1).and_then(|p| pool.get(p)));
            Some(next.map_or(marked("check"), |&i| marked(&format!("pick-{}", ids[i]))))
        }
        QuizAction::Place { item, bin: _ } => Some(marked(&format!("back-{}", ids[item]))),
        // Unplaced, the item is in the pool. Selected, it keeps focus, and
        // the "Put … in …" buttons that appear above an item in a bin push it
        // down: it is revealed again.
        QuizAction::Unplace(item) | QuizAction::Select(item) => {
            Some(marked(&format!("pick-{}", ids[item])))
        }
        // Escape puts the selected item down: its "Put … in …" buttons go,
        // and focus, which may be on one of them, goes back to the item.
        QuizAction::ClearSelection => state.selected.map(|i| marked(&format!("pick-{}", ids[i]))),
        QuizAction::Check if quiz.placed_count() == quiz.len() => Some(marked("score")),
        // The new order is not known yet: whichever item comes first.
        QuizAction::Reset { .. } => Some(".pool .item-label".into()),
        _ => None,
    }
}

/// Moves focus after `action`, as needed (see `focus_after`). Called for
/// every quiz action, before it is dispatched against `state`.
pub fn follow_focus(focus: &FocusRequest, state: &QuizState, action: &QuizAction) {
    if let Some(selector) = focus_after(state, action) {
        // The next item to sort is already there: focus moves before the
        // placed one leaves. Other targets appear with the update.
        match *action {
            QuizAction::Place { item, .. } if state.quiz.placement(item).is_none() => {
                focus.request_early(selector)
            }
            // Already focused, if focus is on the item: only the reveal.
            QuizAction::Select(_) => focus.request_early(selector),
            _ => focus.request(selector),
        }
    }
}

/// A view function: the shell owns the quiz state, the focus request
/// (rooted at `root`) and the stable `on_action` that routes focus, and it
/// renders this only while the Quiz tab is shown.
pub fn quiz_view(
    ctx: &WidgetCtx,
    state: &QuizState,
    root: &NodeRef,
    board: &Board,
    on_action: &Callback<QuizAction>,
    on_see_tip: &Callback<usize>,
) -> Html {
    let deck = &ctx.deck;
    let ui = &deck.ui;
    // Why the last Check did nothing, while that is still the latest event.
    let blocked = match state.event {
        Some(QuizEvent::CheckBlocked { left }) => Some(AttrValue::from(fill(
            ui.check_blocked(),
            &[("left", &left.to_string())],
        ))),
        _ => None,
    };
    let progress = fill(
        ui.sorted_progress(),
        &[
            ("n", &state.quiz.placed_count().to_string()),
            ("total", &state.quiz.len().to_string()),
        ],
    );
    let onkeydown = {
        let (on_action, has_selection) = (on_action.clone(), state.selected.is_some());
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" && has_selection {
                e.prevent_default();
                on_action.emit(QuizAction::ClearSelection);
            }
        })
    };
    html! {
        <div class="quiz" ref={root.clone()} {onkeydown}>
            <p class="prompt">{ &deck.quiz.prompt }</p>
            if state.quiz.phase() == Phase::Sorting {
                <p class="progress" part="progress">{ progress }</p>
                { quiz_board(ctx, state, board, on_action, blocked) }
            } else {
                { quiz_results(ctx, &state.quiz, on_action, on_see_tip) }
            }
        </div>
    }
}
