//! Moving focus after an action that removes the focused control (a placed
//! item leaves the pool; Check replaces the board), so focus is never lost;
//! focus that was not in the widget is left alone.
//! Focus moves at once, in the same task, so assistive technology never sees
//! it fall to the page; but without scrolling, which would force a layout
//! inside the input handler. The scroll into view, if any is needed, happens
//! in the next animation frame, when layout is done anyway.

use std::cell::RefCell;
use std::rc::Rc;

use gloo::render::{AnimationFrame, request_animation_frame};
use wasm_bindgen::JsCast;
use web_sys::{
    Document, Element, FocusOptions, HtmlElement, ScrollBehavior, ScrollIntoViewOptions,
    ScrollLogicalPosition, ShadowRoot,
};
use yew::prelude::*;

#[derive(Clone)]
pub struct FocusRequest {
    root: NodeRef,
    pending: Rc<RefCell<Option<String>>>,
    frame: Rc<RefCell<Option<AnimationFrame>>>,
}

impl FocusRequest {
    /// After the next render, focus the first element under the root that
    /// matches `selector`: but only if focus is in the widget now. Focus
    /// elsewhere on the page (or nowhere) is not taken away. Until then focus
    /// waits on the widget's box: the control it is on may go with the
    /// update, and yew may finish a long render (and run the effect that
    /// moves focus) in a later task, so focus would sit on the page between.
    pub fn request(&self, selector: impl Into<String>) {
        let Some(root) = self.root.cast::<Element>() else {
            return;
        };
        if hold_focus(&root) {
            *self.pending.borrow_mut() = Some(selector.into());
        }
    }

    /// Like [`request`](Self::request), but a target that is already on the
    /// page takes focus at once, before the update: the DOM is still clean
    /// then, so focusing is cheap, and the old control is no longer focused
    /// when it is removed.
    pub fn request_early(&self, selector: impl Into<String>) {
        let selector = selector.into();
        let Some(root) = self.root.cast::<Element>() else {
            return;
        };
        if widget_with_focus(&root).is_none() {
            return;
        }
        match root.query_selector(&selector).ok().flatten() {
            Some(target) => self.focus(target),
            None => *self.pending.borrow_mut() = Some(selector),
        }
    }

    /// Focuses without scrolling (which would force a layout), then
    /// scrolls into view, if needed, in the next animation frame.
    fn focus(&self, target: Element) {
        let Ok(el) = target.dyn_into::<HtmlElement>() else {
            return;
        };
        focus_without_scroll(&el);
        let reveal = move |_| {
            let options = ScrollIntoViewOptions::new();
            options.set_block(ScrollLogicalPosition::Nearest);
            // At once, even on a page that sets `scroll-behavior: smooth`:
            // that would animate the scroll for a reader who prefers
            // reduced motion, and a reveal this small needs no animation.
            options.set_behavior(ScrollBehavior::Instant);
            el.scroll_into_view_with_scroll_into_view_options(&options);
        };
        // Dropping the previous handle cancels a scroll not yet done.
        *self.frame.borrow_mut() = Some(request_animation_frame(reveal));
    }
}

fn focus_without_scroll(el: &HtmlElement) {
    let options = FocusOptions::new();
    options.set_prevent_scroll(true);
    let _ = el.focus_with_options(&options);
}

/// The widget's box (`.widget`, focusable out of the tab order) around `el`.
fn widget_of(el: &Element) -> Option<HtmlElement> {
    el.closest(".widget").ok().flatten()?.dyn_into().ok()
}

/// Keeps focus in the widget around `el` when the control it is on is about
/// to go (Retry replaces the error card, "See the tip" hides the quiz): it
/// waits on the widget's box. Focus elsewhere on the page is left alone.
/// Returns whether focus was in the widget, and is now held.
pub fn hold_focus(el: &Element) -> bool {
    match widget_with_focus(el) {
        Some(widget) => {
            focus_without_scroll(&widget);
            true
        }
        None => false,
    }
}

/// The widget that holds `el`, if the focused element is inside it.
fn widget_with_focus(el: &Element) -> Option<HtmlElement> {
    let widget = widget_of(el)?;
    let scope = el.get_root_node();
    let active = match scope.dyn_ref::<ShadowRoot>() {
        Some(shadow) => shadow.active_element(),
        None => scope
            .dyn_ref::<Document>()
            .and_then(Document::active_element),
    };
    active
        .is_some_and(|el| widget.contains(Some(&el)))
        .then_some(widget)
}

#[hook]
pub fn use_focus_request(root: NodeRef) -> FocusRequest {
    let request = {
        let pending = use_mut_ref(|| None::<String>);
        let frame = use_mut_ref(|| None::<AnimationFrame>);
        FocusRequest {
            root,
            pending,
            frame,
        }
    };
    {
        let request = request.clone();
        use_effect(move || {
            let selector = request.pending.borrow_mut().take();
            let target = selector.and_then(|selector| {
                request
                    .root
                    .cast::<Element>()?
                    .query_selector(&selector)
                    .ok()
                    .flatten()
            });
            if let Some(target) = target {
                request.focus(target);
            }
        });
    }
    request
}
