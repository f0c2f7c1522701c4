//! The quiz board's gestures: its three drop zones, the drag between them,
//! and the callback its item rows act through.

use std::rc::Rc;

use yew::prelude::*;

use super::use_drag::{DragHandle, Target};
use super::{use_drag, use_stable_callback};
use crate::domain::Bin;
use crate::state::QuizAction;

pub struct Board {
    /// The pool (`None`) and the two bins, each with the element it is
    /// rendered into, in that order.
    pub targets: Rc<Vec<(Target, NodeRef)>>,
    pub drag: DragHandle,
    /// For the item rows: `on_action`, except the click that ends a drag.
    pub on_row_action: Callback<QuizAction>,
}

/// A drop places the item in a bin, or puts it back in the pool; both go
/// through `on_action`, which must be stable for unchanged rows to skip
/// rendering.
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
    // The click that ends a drag does not also select the item.
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
