//! Whether a view's content should be rendered: from the first time the view
//! is shown, or ahead of that once the browser is idle, then kept while it is
//! hidden. A view rendered ahead is then laid out once, unseen, in the next
//! idle period.

use std::cell::RefCell;
use std::rc::Rc;

use web_sys::HtmlElement;
use yew::prelude::*;

use super::idle::{IdleTask, when_idle};

/// `true` from the first render with `shown` set, or from the browser's first
/// idle period after the first render, for the rest of the component's life.
///
/// A hidden view rendered while the reader reads the shown one makes the
/// click that shows it only show it: the Quiz tab, and the results once
/// every item is placed (bench/DECISIONS.md, "The Quiz tab rendered when the
/// browser is idle" and "The results rendered, hidden, before Check").
/// Where the browser has no `requestIdleCallback` (Safari), the view waits
/// to be shown.
///
/// `view` is the element that hides the view. If it is still hidden in the
/// idle period after the content was rendered, it is laid out once there,
/// unseen (see [`lay_out_unseen`]): the click that shows it then lays it
/// out as fast as a later showing does. An empty `view` skips that.
#[hook]
pub fn use_shown_or_idle(shown: bool, view: NodeRef) -> bool {
    let seen = use_mut_ref(|| false);
    let rerender = use_force_update();
    {
        let seen = seen.clone();
        use_effect_with((), move |_| {
            // The layout's idle callback is queued from inside the render's,
            // so it lives in a cell that the cleanup below can reach: an
            // unmount before it runs cancels it too.
            let lay_out: Rc<RefCell<Option<IdleTask>>> = Rc::default();
            let render = {
                let lay_out = lay_out.clone();
                when_idle(move || {
                    if !seen.replace(true) {
                        rerender.force_update();
                        if view.get().is_some() {
                            lay_out.replace(Some(when_idle(move || lay_out_unseen(&view))));
                        }
                    }
                })
            };
            move || drop((render, lay_out))
        });
    }
    let mut seen = seen.borrow_mut();
    *seen |= shown;
    *seen
}

/// Lays out `view`, if it is still hidden, with the `ahead` class
/// (widget.css), which puts it in the layout unseen and out of flow; reading
/// its height forces the layout, and the class comes off in the same task,
/// so no frame ever shows it. The first Quiz tab at 4× CPU then lays out in
/// 7 ms instead of 13 (bench/DECISIONS.md, "Hidden views laid out once
/// while idle").
fn lay_out_unseen(view: &NodeRef) {
    if let Some(view) = view.cast::<HtmlElement>().filter(HtmlElement::hidden) {
        let classes = view.class_list();
        let _ = classes.add_1("ahead");
        view.offset_height();
        let _ = classes.remove_1("ahead");
    }
}
