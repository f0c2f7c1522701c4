//! Horizontal swipe detection with pointer events (touch, pen or mouse).

use std::cell::Cell;

use web_sys::PointerEvent;
use yew::prelude::*;

/// Minimum horizontal travel, in CSS pixels, for a swipe.
const SWIPE_MIN_PX: i32 = 40;

pub struct SwipeHandlers {
    pub onpointerdown: Callback<PointerEvent>,
    pub onpointerup: Callback<PointerEvent>,
    pub onpointercancel: Callback<PointerEvent>,
}

/// Calls `on_swipe(true)` for a swipe to the left (next) and `on_swipe(false)`
/// for a swipe to the right (previous). Mostly-vertical moves are ignored.
#[hook]
pub fn use_swipe(on_swipe: Callback<bool>) -> SwipeHandlers {
    let start = use_mut_ref(|| Cell::new(None::<(i32, i32, i32)>));
    let onpointerdown = {
        let start = start.clone();
        Callback::from(move |e: PointerEvent| {
            if e.is_primary() {
                start
                    .borrow()
                    .set(Some((e.pointer_id(), e.client_x(), e.client_y())));
            }
        })
    };
    let onpointerup = {
        let start = start.clone();
        Callback::from(move |e: PointerEvent| {
            let Some((id, x, y)) = start.borrow().take() else {
                return;
            };
            let (dx, dy) = (e.client_x() - x, e.client_y() - y);
            if id == e.pointer_id() && dx.abs() >= SWIPE_MIN_PX && dx.abs() > dy.abs() * 2 {
                on_swipe.emit(dx < 0);
            }
        })
    };
    let onpointercancel = Callback::from(move |_| start.borrow().set(None));
    SwipeHandlers {
        onpointerdown,
        onpointerup,
        onpointercancel,
    }
}
