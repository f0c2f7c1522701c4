//! `use_reducer` whose state is restored from the store on mount and saved
//! after every change. The reducer itself never sees storage.

use std::rc::Rc;

use serde::{Serialize, de::DeserializeOwned};
use yew::prelude::*;

use super::store::Store;

/// A state that can be saved as a snapshot and rebuilt from one.
pub trait Persist: Reducible + 'static {
    type Snapshot: Serialize + DeserializeOwned + PartialEq + 'static;
    fn snapshot(&self) -> Self::Snapshot;
    /// `fresh` is the state to start from when nothing valid was saved.
    fn restored(fresh: Self, saved: &Self::Snapshot) -> Self;
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
        // A corrupt or outdated snapshot fails to parse and is ignored.
        match load_store
            .read(key)
            .and_then(|text| serde_json::from_str::<T::Snapshot>(&text).ok())
        {
            Some(saved) => T::restored(fresh, &saved),
            None => fresh,
        }
    });
    let snapshot = handle.snapshot();
    use_effect_with((snapshot, store), move |(snapshot, store)| {
        if let Ok(text) = serde_json::to_string(snapshot) {
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
