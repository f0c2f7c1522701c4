//! Whether a view has been shown at least once: for content that is rendered
//! only when it is first chosen, then kept while it is hidden.

use yew::prelude::*;

/// `true` from the first render with `shown` set, for the rest of the
/// component's life.
#[hook]
pub fn use_shown_once(shown: bool) -> bool {
    let seen = use_mut_ref(|| false);
    let mut seen = seen.borrow_mut();
    *seen |= shown;
    *seen
}
