//! Whether a view's content should be rendered: from the first time the view
//! is shown, or ahead of that once the browser is idle, then kept while it is
//! hidden.

use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;
use yew::prelude::*;

/// `true` from the first render with `shown` set, or from the browser's first
/// idle period after the first render, for the rest of the component's life.
///
/// A hidden view rendered while the reader reads the shown one makes the
/// click that shows it only show it: the Quiz tab, and the results once
/// every item is placed (bench/DECISIONS.md, "The Quiz tab rendered when the
/// browser is idle" and "The results rendered, hidden, before Check").
/// Where the browser has no `requestIdleCallback` (Safari), the view waits
/// to be shown.
#[hook]
pub fn use_shown_or_idle(shown: bool) -> bool {
    let seen = use_mut_ref(|| false);
    let rerender = use_force_update();
    {
        let seen = seen.clone();
        use_effect_with((), move |_| {
            let when_idle = Closure::once(move || {
                if !seen.replace(true) {
                    rerender.force_update();
                }
            });
            let pending = web_sys::window().and_then(|window| {
                let handle = window
                    .request_idle_callback(when_idle.as_ref().unchecked_ref())
                    .ok()?;
                Some((window, handle))
            });
            move || {
                if let Some((window, handle)) = pending {
                    window.cancel_idle_callback(handle);
                }
                drop(when_idle);
            }
        });
    }
    let mut seen = seen.borrow_mut();
    *seen |= shown;
    *seen
}
