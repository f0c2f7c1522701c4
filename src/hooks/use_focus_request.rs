//! Moving focus after an action that removes the focused control (a placed
//! item leaves the pool; Check replaces the board), so focus is never lost.
//! Focus moves in the next animation frame: by then the browser has laid out
//! the update, so focusing does not force an extra synchronous layout inside
//! the input handler.

use std::cell::RefCell;
use std::rc::Rc;

use gloo::render::{AnimationFrame, request_animation_frame};
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};
use yew::prelude::*;

#[derive(Clone)]
pub struct FocusRequest {
    pending: Rc<RefCell<Option<String>>>,
}

impl FocusRequest {
    /// After the next render, focus the first element under the root that
    /// matches `selector`.
    pub fn request(&self, selector: impl Into<String>) {
        *self.pending.borrow_mut() = Some(selector.into());
    }
}

#[hook]
pub fn use_focus_request(root: NodeRef) -> FocusRequest {
    let pending = use_mut_ref(|| None::<String>);
    let frame = use_mut_ref(|| None::<AnimationFrame>);
    {
        let pending = pending.clone();
        use_effect(move || {
            if let Some(selector) = pending.borrow_mut().take() {
                let focus = move |_| {
                    let target = root
                        .cast::<Element>()
                        .and_then(|root| root.query_selector(&selector).ok().flatten())
                        .and_then(|el| el.dyn_into::<HtmlElement>().ok());
                    if let Some(el) = target {
                        let _ = el.focus();
                    }
                };
                // Dropping the previous handle cancels a focus not yet done.
                *frame.borrow_mut() = Some(request_animation_frame(focus));
            }
        });
    }
    FocusRequest { pending }
}
