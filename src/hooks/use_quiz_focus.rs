//! Where focus goes after each quiz action. Many actions remove the control
//! they were made with (a placed item leaves the pool, Check replaces the
//! board), and focus must never fall to the page.

use yew::prelude::*;

use super::{use_focus_request, use_stable_callback};
use crate::state::{QuizAction, QuizState};

fn marked(key: &str) -> String {
    format!("[data-focus=\"{key}\"]")
}

/// Where focus goes (a CSS selector) after `action`, taken in `state`.
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

/// The callback that every quiz action goes through: it moves focus (within
/// `root`) as the action needs, then dispatches it to `quiz`. Its identity
/// never changes, so that quiz rows which did not change skip rendering.
#[hook]
pub fn use_quiz_focus(root: NodeRef, quiz: &UseReducerHandle<QuizState>) -> Callback<QuizAction> {
    let focus = use_focus_request(root);
    let quiz = quiz.clone();
    use_stable_callback(Callback::from(move |action: QuizAction| {
        if let Some(selector) = focus_after(&quiz, &action) {
            match action {
                // The next item to sort is already there: focus moves before
                // the placed one leaves.
                QuizAction::Place { item, .. } if quiz.quiz.placement(item).is_none() => {
                    focus.request_early(selector)
                }
                // Already focused, if focus is on the item: only the reveal.
                QuizAction::Select(_) => focus.request_early(selector),
                // Other targets appear with the update.
                _ => focus.request(selector),
            }
        }
        quiz.dispatch(action);
    }))
}
