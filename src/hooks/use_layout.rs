//! The quiz layout for the widget's own width: the board, or in a narrow
//! widget the stack. The width is the `<backwise-widget>` element's, watched
//! with a `ResizeObserver`, so that a thin column on a laptop counts as
//! narrow, and rotating a tablet switches layout.

use wasm_bindgen::prelude::*;
use web_sys::{Element, ResizeObserver};
use yew::prelude::*;

use crate::domain::{Layout, LayoutChoice};

fn width(host: &Element) -> f64 {
    host.get_bounding_client_rect().width()
}

/// The layout of `choice` for `host`'s width; unknown without a host.
fn layout_of(choice: LayoutChoice, host: Option<&Element>) -> Layout {
    choice.resolve(host.map_or(f64::INFINITY, width))
}

/// The layout that `choice` (the `layout` attribute) gives the widget
/// `host` at its current width. Without a host (in tests) the width is
/// unknown and `auto` is the board.
#[hook]
pub fn use_layout(choice: LayoutChoice, host: Option<&Element>) -> Layout {
    let host = host.cloned();
    let layout = use_state_eq(|| layout_of(choice, host.as_ref()));
    {
        let layout = layout.clone();
        use_effect_with((choice, host), move |(choice, host)| {
            let choice = *choice;
            layout.set(layout_of(choice, host.as_ref()));
            // Only `auto` depends on the width.
            let observer = host
                .as_ref()
                .filter(|_| choice == LayoutChoice::Auto)
                .and_then(|host| {
                    let watched = host.clone();
                    let on_resize = Closure::<dyn FnMut()>::new(move || {
                        layout.set(choice.resolve(width(&watched)));
                    });
                    let observer = ResizeObserver::new(on_resize.as_ref().unchecked_ref()).ok()?;
                    observer.observe(host);
                    Some((observer, on_resize))
                });
            move || {
                if let Some((observer, _on_resize)) = observer {
                    observer.disconnect();
                }
            }
        });
    }
    *layout
}
