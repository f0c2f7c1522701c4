//! Work for the browser's next idle period.

use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;
use web_sys::Window;

/// A callback queued with `requestIdleCallback`; dropping it cancels the
/// callback if it has not run. Where the browser has no
/// `requestIdleCallback` (Safari), nothing is queued and it never runs.
pub struct IdleTask {
    queued: Option<(Window, u32)>,
    _callback: Closure<dyn FnMut()>,
}

/// Queues `work` for the browser's next idle period.
pub fn when_idle(work: impl FnOnce() + 'static) -> IdleTask {
    let callback = Closure::once(work);
    let queued = web_sys::window().and_then(|window| {
        let handle = window
            .request_idle_callback(callback.as_ref().unchecked_ref())
            .ok()?;
        Some((window, handle))
    });
    IdleTask {
        queued,
        _callback: callback,
    }
}

impl Drop for IdleTask {
    fn drop(&mut self) {
        if let Some((window, handle)) = &self.queued {
            window.cancel_idle_callback(*handle);
        }
    }
}
