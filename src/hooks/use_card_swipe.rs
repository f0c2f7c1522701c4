//! The stack card's swipe: the card follows the finger (or pen or mouse)
//! sideways, shows which bin it is heading for, and answers once it has gone
//! far enough; short of that it snaps back. A mostly vertical move is left
//! to the page, which scrolls (the card has `touch-action: pan-y`).
//!
//! The card moves through the CSS property `--swipe-x` and says where it is
//! heading in `data-toward`, set on the element itself: neither is state
//! that a render needs, and a pointer move must not re-render the widget.
//! With `prefers-reduced-motion`, the style sheet keeps the card still.

use std::cell::RefCell;

use web_sys::{HtmlElement, PointerEvent};
use yew::prelude::*;

use crate::domain::Bin;

/// Travel that commits an answer: this many CSS pixels, or a third of the
/// card's width if that is less.
const COMMIT_PX: i32 = 96;
/// Travel after which the card shows where it is heading.
const HINT_PX: i32 = 24;

pub struct CardSwipe {
    pub onpointerdown: Callback<PointerEvent>,
    pub onpointermove: Callback<PointerEvent>,
    pub onpointerup: Callback<PointerEvent>,
    pub onpointercancel: Callback<PointerEvent>,
}

/// Right is `Bin::Safe`, left is `Bin::Avoid`, as the buttons below the card.
fn toward(dx: i32) -> Option<Bin> {
    if dx >= HINT_PX {
        Some(Bin::Safe)
    } else if dx <= -HINT_PX {
        Some(Bin::Avoid)
    } else {
        None
    }
}

/// Pointer positions are whole CSS pixels (`clientX` as an integer), and so
/// is the card's offset.
fn show(card: &HtmlElement, dx: i32) {
    let _ = card.style().set_property("--swipe-x", &format!("{dx}px"));
    match toward(dx) {
        Some(bin) => {
            let _ = card.set_attribute("data-toward", bin.as_str());
        }
        None => {
            let _ = card.remove_attribute("data-toward");
        }
    }
}

fn settle(card: &HtmlElement) {
    let _ = card.style().remove_property("--swipe-x");
    let _ = card.remove_attribute("data-toward");
}

/// Pointer handlers for the card in `card`; `on_answer` receives the bin of
/// a completed swipe.
#[hook]
pub fn use_card_swipe(card: NodeRef, on_answer: Callback<Bin>) -> CardSwipe {
    // The pointer being followed and where it went down.
    let start = use_mut_ref(|| None::<(i32, i32, i32)>);
    let offset = |e: &PointerEvent, start: &RefCell<Option<(i32, i32, i32)>>| {
        let (id, x, y) = (*start.borrow())?;
        (id == e.pointer_id()).then(|| (e.client_x() - x, e.client_y() - y))
    };
    let onpointerdown = {
        let (start, card) = (start.clone(), card.clone());
        Callback::from(move |e: PointerEvent| {
            // The primary pointer only, and the main mouse button.
            if !e.is_primary() || e.button() != 0 {
                return;
            }
            *start.borrow_mut() = Some((e.pointer_id(), e.client_x(), e.client_y()));
            if let Some(el) = card.cast::<HtmlElement>() {
                let _ = el.set_pointer_capture(e.pointer_id());
            }
        })
    };
    let onpointermove = {
        let (start, card) = (start.clone(), card.clone());
        Callback::from(move |e: PointerEvent| {
            let (Some((dx, dy)), Some(el)) = (offset(&e, &start), card.cast::<HtmlElement>())
            else {
                return;
            };
            if dy.abs() > dx.abs() && dy.abs() > HINT_PX {
                // A scroll, not a swipe.
                *start.borrow_mut() = None;
                settle(&el);
            } else {
                show(&el, dx);
            }
        })
    };
    let onpointerup = {
        let (start, card) = (start.clone(), card.clone());
        Callback::from(move |e: PointerEvent| {
            let moved = offset(&e, &start);
            *start.borrow_mut() = None;
            let Some(el) = card.cast::<HtmlElement>() else {
                return;
            };
            settle(&el);
            let Some((dx, _)) = moved else { return };
            let needed = COMMIT_PX.min(el.offset_width() / 3);
            if dx.abs() >= needed {
                on_answer.emit(if dx > 0 { Bin::Safe } else { Bin::Avoid });
            }
        })
    };
    let onpointercancel = Callback::from(move |_: PointerEvent| {
        *start.borrow_mut() = None;
        if let Some(el) = card.cast::<HtmlElement>() {
            settle(&el);
        }
    });
    CardSwipe {
        onpointerdown,
        onpointermove,
        onpointerup,
        onpointercancel,
    }
}
