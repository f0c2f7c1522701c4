//! `use_reducer` whose state is restored from the store on mount and saved
//! after every change. The reducer itself never sees storage.
//!
//! The store can change while mounted (the `storage` attribute, say when a
//! consent banner is answered). The reader's state carries over to the new
//! store and is saved there, unless the reader has not changed anything yet
//! and the new store holds a saved state: then that is restored instead.

use yew::prelude::*;

use super::store::Store;
use crate::state::Persist;

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
    // The store the state was last loaded from or saved to, and the snapshot
    // it started with there.
    let last = use_mut_ref(|| (store.clone(), snapshot.clone()));
    let dispatcher = handle.dispatcher();
    use_effect_with((snapshot, store), move |(snapshot, store)| {
        let mut last = last.borrow_mut();
        if last.0 != *store {
            let untouched = last.1 == *snapshot;
            *last = (store.clone(), snapshot.clone());
            if untouched && let Some(saved) = store.read(key) {
                dispatcher.dispatch(T::restore(saved));
                return;
            }
        }
        store.write(key, snapshot);
    });
    handle
}
