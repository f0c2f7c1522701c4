//! Pointer-event drag and drop (mouse, touch and pen alike; HTML5 drag and
//! drop does not work on touch). The dragged item follows the pointer as a
//! ghost moved through CSSOM; the drop target is hit-tested against the
//! targets' rectangles, so it works the same inside a shadow root.
//!
//! A touch drag cannot scroll the page (the grip has `touch-action: none`),
//! and on a phone the bins are often a screen or more below the item. So
//! while the pointer is held near the top or bottom edge of the viewport,
//! the page scrolls, once a frame, faster the closer it is to the edge.

use std::cell::RefCell;
use std::rc::Rc;

use gloo::render::{AnimationFrame, request_animation_frame};
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, PointerEvent, ScrollBehavior, ScrollToOptions};
use yew::prelude::*;

use super::use_stable_callback;
use crate::domain::Bin;

/// Travel, in CSS pixels, before a press becomes a drag rather than a click.
const DRAG_START_PX: i32 = 6;
/// The band at the top and bottom of the viewport, in CSS pixels, where a
/// held drag scrolls the page.
const EDGE_PX: i32 = 56;

/// A drop target: a bin, or `None` for the pool of unsorted items.
pub type Target = Option<Bin>;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct DragState {
    /// The item being dragged, once the pointer has moved far enough.
    pub item: Option<usize>,
    /// The target under the pointer.
    pub over: Option<Target>,
}

struct Press {
    item: usize,
    pointer: i32,
    x: i32,
    y: i32,
    /// Where the pointer is now.
    at: (i32, i32),
    active: bool,
}

#[derive(Default)]
struct Tracker {
    press: Option<Press>,
    /// Set when a drag ends, so that the click that follows is ignored.
    swallow_click: bool,
    /// The next auto-scroll step, while the pointer is near an edge.
    frame: Option<AnimationFrame>,
}

pub struct DragHandle {
    pub state: DragState,
    pub ghost: NodeRef,
    /// Start tracking a press on an item.
    pub start: Callback<(usize, PointerEvent)>,
    pub onpointermove: Callback<PointerEvent>,
    pub onpointerup: Callback<PointerEvent>,
    pub onpointercancel: Callback<PointerEvent>,
    /// True (once) if the click being handled is the end of a drag.
    pub tracker_swallows_click: Rc<dyn Fn() -> bool>,
}

fn hit(targets: &[(Target, NodeRef)], x: i32, y: i32) -> Option<Target> {
    let (x, y) = (f64::from(x), f64::from(y));
    targets.iter().find_map(|(target, node)| {
        let rect = node.cast::<Element>()?.get_bounding_client_rect();
        (x >= rect.left() && x <= rect.right() && y >= rect.top() && y <= rect.bottom())
            .then_some(*target)
    })
}

/// Pixels to scroll this frame for a pointer at `y` in a viewport `height`
/// tall: up to 20, negative near the top, 0 away from the edges.
fn edge_step(y: i32, height: i32) -> i32 {
    let (top, bottom) = (EDGE_PX - y, y - (height - EDGE_PX));
    let speed = |depth: i32| 2 + depth.min(EDGE_PX) / 3;
    if top > 0 {
        -speed(top)
    } else if bottom > 0 {
        speed(bottom)
    } else {
        0
    }
}

/// One auto-scroll step, then the next one a frame later, for as long as a
/// drag holds the pointer near an edge and not over a bin. The target under
/// the pointer changes as the page moves beneath it.
fn autoscroll(
    tracker: Rc<RefCell<Tracker>>,
    state: UseStateHandle<DragState>,
    targets: Rc<Vec<(Target, NodeRef)>>,
    ghost: NodeRef,
) {
    let mut t = tracker.borrow_mut();
    let step = match (t.press.as_ref(), web_sys::window()) {
        // The board is still there (an unmounted one has no ghost).
        (Some(press), Some(window)) if press.active && ghost.get().is_some() => {
            let height = window
                .inner_height()
                .ok()
                .and_then(|h| h.as_f64())
                .unwrap_or(0.0) as i32;
            let (x, y) = press.at;
            // Over a bin, the page holds still: the bin has come to the
            // pointer.
            let step = match hit(&targets, x, y) {
                Some(Some(_)) => 0,
                _ => edge_step(y, height),
            };
            if step != 0 {
                // At once, even on a page that sets `scroll-behavior:
                // smooth`: the next step comes a frame later anyway.
                let by = ScrollToOptions::new();
                by.set_top(step.into());
                by.set_behavior(ScrollBehavior::Instant);
                window.scroll_by_with_scroll_to_options(&by);
                place_ghost(&ghost, x, y);
                state.set(DragState {
                    item: Some(press.item),
                    over: hit(&targets, x, y),
                });
            }
            step
        }
        _ => 0,
    };
    t.frame = (step != 0).then(|| {
        let tracker = tracker.clone();
        request_animation_frame(move |_| autoscroll(tracker, state, targets, ghost))
    });
}

/// Puts the ghost at the pointer (`x`, `y`, viewport coordinates). The
/// widget contains its layout (`contain`, `container-type`), so the `fixed`
/// ghost is placed against the widget's root box, not the viewport, and that
/// box moves when the page scrolls.
fn place_ghost(ghost: &NodeRef, x: i32, y: i32) {
    if let Some(el) = ghost.cast::<HtmlElement>() {
        let (left, top) = el.closest(".root").ok().flatten().map_or((0, 0), |root| {
            let rect = root.get_bounding_client_rect();
            (rect.left() as i32, rect.top() as i32)
        });
        // Whole pixels, as pointer events and the layout give them here.
        let (x, y) = (x - left, y - top);
        let _ = el
            .style()
            .set_property("translate", &format!("{x}px {y}px"));
    }
}

/// `targets` are the drop zones. The dragged element must carry `data-drag`
/// and the move/up/cancel handlers; `on_drop` receives the item and the target.
#[hook]
pub fn use_drag(
    targets: Rc<Vec<(Target, NodeRef)>>,
    on_drop: Callback<(usize, Target)>,
) -> DragHandle {
    let state = use_state_eq(DragState::default);
    let tracker = use_mut_ref(Tracker::default);
    let ghost = use_node_ref();

    let start = {
        let tracker = tracker.clone();
        Callback::from(move |(item, e): (usize, PointerEvent)| {
            if !e.is_primary() || e.button() > 0 {
                return;
            }
            let press = Press {
                item,
                pointer: e.pointer_id(),
                x: e.client_x(),
                y: e.client_y(),
                at: (e.client_x(), e.client_y()),
                active: false,
            };
            *tracker.borrow_mut() = Tracker {
                press: Some(press),
                ..Tracker::default()
            };
        })
    };

    let onpointermove = {
        let (tracker, state, ghost, targets) = (
            tracker.clone(),
            state.clone(),
            ghost.clone(),
            targets.clone(),
        );
        Callback::from(move |e: PointerEvent| {
            let mut t = tracker.borrow_mut();
            let Some(press) = t.press.as_mut().filter(|p| p.pointer == e.pointer_id()) else {
                return;
            };
            let (dx, dy) = (e.client_x() - press.x, e.client_y() - press.y);
            if !press.active && dx.abs().max(dy.abs()) < DRAG_START_PX {
                return;
            }
            e.prevent_default();
            if !press.active {
                // Capture only once this is a drag: capturing on press would
                // retarget the click of a plain tap away from its button.
                let dragged = e
                    .target()
                    .and_then(|t| t.dyn_into::<Element>().ok())
                    .and_then(|el| el.closest("[data-drag]").ok().flatten());
                if let Some(el) = dragged {
                    let _ = el.set_pointer_capture(e.pointer_id());
                }
            }
            press.active = true;
            press.at = (e.client_x(), e.client_y());
            place_ghost(&ghost, e.client_x(), e.client_y());
            state.set(DragState {
                item: Some(press.item),
                over: hit(&targets, e.client_x(), e.client_y()),
            });
            if t.frame.is_none() {
                drop(t);
                autoscroll(
                    tracker.clone(),
                    state.clone(),
                    targets.clone(),
                    ghost.clone(),
                );
            }
        })
    };

    let finish = {
        let (tracker, state) = (tracker.clone(), state.clone());
        Rc::new(
            move |e: &PointerEvent, drop: bool| -> Option<(usize, Target)> {
                let mut t = tracker.borrow_mut();
                let press = t.press.take().filter(|p| p.pointer == e.pointer_id())?;
                state.set(DragState::default());
                if !press.active {
                    return None;
                }
                t.swallow_click = true;
                let target = if drop {
                    hit(&targets, e.client_x(), e.client_y())
                } else {
                    None
                };
                target.map(|target| (press.item, target))
            },
        )
    };

    let onpointerup = {
        let finish = finish.clone();
        Callback::from(move |e: PointerEvent| {
            if let Some(dropped) = finish(&e, true) {
                on_drop.emit(dropped);
            }
        })
    };
    let onpointercancel = Callback::from(move |e: PointerEvent| {
        finish(&e, false);
    });

    let tracker_swallows_click: Rc<dyn Fn() -> bool> = {
        let tracker: Rc<RefCell<Tracker>> = tracker.clone();
        Rc::new(move || std::mem::take(&mut tracker.borrow_mut().swallow_click))
    };

    // Stable identities, so that rows which did not change skip rendering.
    let start = use_stable_callback(start);
    let onpointermove = use_stable_callback(onpointermove);
    let onpointerup = use_stable_callback(onpointerup);
    let onpointercancel = use_stable_callback(onpointercancel);
    DragHandle {
        state: *state,
        ghost,
        start,
        onpointermove,
        onpointerup,
        onpointercancel,
        tracker_swallows_click,
    }
}
