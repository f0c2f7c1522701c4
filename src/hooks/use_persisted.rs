//! `use_reducer` whose state is restored from the store on mount and saved
//! after every change. The reducer itself never sees storage.

use std::rc::Rc;

use yew::prelude::*;

use super::store::Store;
use crate::browser_json;
use crate::domain::Json;

/// A state that can be saved as a snapshot and rebuilt from one.
pub trait Persist: Reducible + 'static {
    fn snapshot(&self) -> Json;
    /// `fresh` is the state to start from; a saved value that does not fit
    /// it (corrupt, outdated, another deck) is ignored.
    fn restored(fresh: Self, saved: &Json) -> Self;
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
        // Text that is not JSON is ignored here; `restored` ignores JSON
        // that does not fit.
        match load_store
            .read(key)
            .and_then(|text| browser_json::parse(&text).ok())
        {
            Some(saved) => T::restored(fresh, &saved),
            None => fresh,
        }
    });
    let snapshot = handle.snapshot();
    use_effect_with((snapshot, store), move |(snapshot, store)| {
        if let Some(text) = browser_json::stringify(snapshot) {
            store.write(key, &text);
        }
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
