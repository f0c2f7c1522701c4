//! `use_reducer` whose state is restored from the store on mount and saved
//! after every change. The reducer itself never sees storage.

use std::rc::Rc;

use yew::prelude::*;

use super::store::Store;

/// A state that can be saved as a snapshot (a short text) and rebuilt from one.
pub trait Persist: Reducible + 'static {
    fn snapshot(&self) -> String;
    /// `fresh` is the state to start from; a saved text that does not fit
    /// it (corrupt, outdated, another deck) is ignored.
    fn restored(fresh: Self, saved: &str) -> Self;
}

#[hook]
pub fn use_persisted_reducer<T, F>(store: Store, key: &'static str, init: F) -> UseReducerHandle<T>
where
    T: Persist,
    F: FnOnce() -> T,
{
    let load_store = store.clone();
    let handle = use_reducer(move || {
        let fresh = init();
        match load_store.read(key) {
            Some(saved) => T::restored(fresh, &saved),
            None => fresh,
        }
    });
    let snapshot = handle.snapshot();
    use_effect_with((snapshot, store), move |(snapshot, store)| {
        store.write(key, snapshot);
    });
    handle
}

/// Helper for reducers: only allocate a new state when something changed.
pub fn changed<T>(old: Rc<T>, new: T) -> Rc<T>
where
    T: PartialEq,
{
    if *old == new { old } else { Rc::new(new) }
}
