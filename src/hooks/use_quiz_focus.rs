//! Where focus goes after each quiz action. Many actions remove the control
//! they were made with (a placed item leaves the pool, Check replaces the
//! board), and focus must never fall to the page.

use yew::prelude::*;

use super::{use_focus_request, use_stable_callback};
use crate::domain::Layout;
use crate::domain::focus::{FocusMove, FocusTarget, focus_after};
use crate::domain::quiz_state::QuizState;
use crate::state::{QuizAction, QuizState as QuizReducer};

/// The control a [`FocusTarget`] names, as a CSS selector within the quiz.
/// The components mark their controls with `data-focus`.
fn selector(state: &QuizState, target: FocusTarget) -> String {
    let marked = |key: &str| format!("[data-focus=\"{key}\"]");
    let id = |item: usize| state.item_ids().get(item).cloned().unwrap_or_default();
    // The pool keeps hidden rows for the items in the bins.
    let shown = |key: &str| format!(".item:not([hidden]) {}", marked(key));
    match target {
        FocusTarget::Pick(item) => shown(&format!("pick-{}", id(item))),
        FocusTarget::Back(item) => shown(&format!("back-{}", id(item))),
        FocusTarget::Check => marked("check"),
        FocusTarget::Score => marked("score"),
        // The new order is not known yet: whichever item comes first.
        FocusTarget::FirstInPool => ".pool .item:not([hidden]) .item-label".into(),
        FocusTarget::Card => marked("card"),
        FocusTarget::Bin(bin) => marked(&format!("bin-{}", bin.as_str())),
    }
}

/// The callback that every quiz action goes through: it moves focus (within
/// `root`) as the action needs in `layout`, then dispatches it to `quiz`. Its identity
/// never changes, so that quiz rows which did not change skip rendering.
#[hook]
pub fn use_quiz_focus(
    root: NodeRef,
    quiz: &UseReducerHandle<QuizReducer>,
    layout: Layout,
) -> Callback<QuizAction> {
    let focus = use_focus_request(root);
    let quiz = quiz.clone();
    use_stable_callback(Callback::from(move |action: QuizAction| {
        // The policy is the core's (`focus::focus_after`): an early move is
        // to a control already on screen, the others appear with the update.
        if let Some(FocusMove { target, early }) = focus_after(&quiz, &action, layout) {
            let selector = selector(&quiz, target);
            if early {
                focus.request_early(selector)
            } else {
                focus.request(selector)
            }
        }
        quiz.dispatch(action);
    }))
}
