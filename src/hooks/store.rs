//! A key-value store over localStorage that never throws. The reads and
//! writes themselves are in store.js: writes wait for a task of their own,
//! and a blocked or full storage is not an error for the reader. With
//! `storage="none"`, reads find nothing and writes do nothing.

use std::rc::Rc;

use wasm_bindgen::prelude::*;

#[wasm_bindgen(module = "/src/hooks/store.js")]
extern "C" {
    /// The text under `key`, after any writes that wait.
    fn load(key: &str) -> Option<String>;
    /// Writes `value` under `key` in the next task.
    fn save(key: &str, value: &str);
}

pub use crate::domain::StorageMode;

/// A handle on the reader's storage for one deck.
#[derive(Clone, Debug, PartialEq)]
pub struct Store {
    mode: StorageMode,
    prefix: Rc<str>,
}

impl Store {
    pub fn new(mode: StorageMode, deck_id: &str) -> Self {
        Self {
            mode,
            prefix: format!("backwise:{deck_id}:").into(),
        }
    }

    /// The storage key for `key`; none with `storage="none"`.
    fn full_key(&self, key: &str) -> Option<String> {
        (self.mode == StorageMode::Local).then(|| format!("{}{key}", self.prefix))
    }

    pub fn read(&self, key: &str) -> Option<String> {
        load(&self.full_key(key)?)
    }

    /// Writes in the next task (store.js).
    pub fn write(&self, key: &str, value: &str) {
        if let Some(key) = self.full_key(key) {
            save(&key, value);
        }
    }
}
