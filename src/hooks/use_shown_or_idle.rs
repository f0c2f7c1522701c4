//! Whether a view's content should be rendered: from the first time the view
//! is shown, or ahead of that once the browser is idle, then kept while it is
//! hidden. The style sheet keeps such a hidden view laid out, unseen
//! (widget.css, "Hidden views stay laid out").

use yew::prelude::*;

use super::idle::when_idle;

/// `true` from the first render with `shown` set, or from the browser's first
/// idle period after the first render, until `round` changes: a new round
/// starts over. A view rendered once for a component's life passes `0`.
///
/// A hidden view rendered while the reader reads the shown one makes the
/// click that shows it only show it: the Quiz tab, the results once every
/// item is placed, and, a round per Check, the board of the next attempt
/// under the results (bench/DECISIONS.md, "The Quiz tab rendered when the
/// browser is idle", "The results rendered, hidden, before Check" and "The
/// next attempt's board ready under the results"). Where the browser has
/// no `requestIdleCallback` (Safari), the view waits to be shown.
#[hook]
pub fn use_shown_or_idle(round: u32, shown: bool) -> bool {
    // The round it was last rendered for, and whether the view is due.
    let seen = use_mut_ref(|| (round, false));
    let rerender = use_force_update();
    {
        let seen = seen.clone();
        use_effect_with(round, move |_| {
            let render = when_idle(move || {
                if !seen.borrow().1 {
                    seen.borrow_mut().1 = true;
                    rerender.force_update();
                }
            });
            move || drop(render)
        });
    }
    let mut seen = seen.borrow_mut();
    if seen.0 != round {
        *seen = (round, false);
    }
    seen.1 |= shown;
    seen.1
}
