//! A callback whose identity never changes but which always calls the latest
//! closure. Yew compares callbacks by identity, so passing stable callbacks
//! lets unchanged children (quiz rows, the tips deck) skip re-rendering.

use std::cell::RefCell;
use std::rc::Rc;

use yew::prelude::*;

#[hook]
pub fn use_stable_callback<IN: 'static>(latest: Callback<IN>) -> Callback<IN> {
    let cell = use_mut_ref(|| latest.clone());
    *cell.borrow_mut() = latest;
    let stable = use_memo((), move |_| {
        let cell: Rc<RefCell<Callback<IN>>> = cell;
        Callback::from(move |input: IN| {
            let current = cell.borrow().clone();
            current.emit(input);
        })
    });
    (*stable).clone()
}
