//! Moving focus after an action that removes the focused control (a placed
//! item leaves the pool; Check replaces the board), so focus is never lost.
//! Focus moves at once, in the same task, so assistive technology never sees
//! it fall to the page; but without scrolling, which would force a layout
//! inside the input handler. The scroll into view, if any is needed, happens
//! in the next animation frame, when layout is done anyway.

use std::cell::RefCell;
use std::rc::Rc;

use gloo::render::{AnimationFrame, request_animation_frame};
use wasm_bindgen::JsCast;
use web_sys::{Element, FocusOptions, HtmlElement, ScrollIntoViewOptions, ScrollLogicalPosition};
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
                let target = root
                    .cast::<Element>()
                    .and_then(|root| root.query_selector(&selector).ok().flatten())
                    .and_then(|el| el.dyn_into::<HtmlElement>().ok());
                if let Some(el) = target {
                    let options = FocusOptions::new();
                    options.set_prevent_scroll(true);
                    let _ = el.focus_with_options(&options);
                    let reveal = move |_| {
                        let options = ScrollIntoViewOptions::new();
                        options.set_block(ScrollLogicalPosition::Nearest);
                        el.scroll_into_view_with_scroll_into_view_options(&options);
                    };
                    // Dropping the previous handle cancels a scroll not yet done.
                    *frame.borrow_mut() = Some(request_animation_frame(reveal));
                }
            }
        });
    }
    FocusRequest { pending }
}
