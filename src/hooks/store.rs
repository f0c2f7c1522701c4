//! A key-value store over localStorage that never throws. Sandboxed iframes
//! and strict privacy settings make `window.localStorage` itself throw; then,
//! and with `storage="none"`, reads find nothing and writes do nothing.

use std::rc::Rc;

use wasm_bindgen::JsValue;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum StorageMode {
    #[default]
    Local,
    None,
}

impl StorageMode {
    pub fn parse(attr: Option<&str>) -> Self {
        match attr {
            Some("none") => StorageMode::None,
            _ => StorageMode::Local,
        }
    }
}

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

    fn storage(&self) -> Option<web_sys::Storage> {
        if self.mode == StorageMode::None {
            return None;
        }
        web_sys::window()?.local_storage().ok().flatten()
    }

    /// Opens the reader's storage ahead of the first render. The first read
    /// in a page waits for the browser to load the site's storage (about 4 ms
    /// measured on a 2-core machine); inside yew's first render pass, that
    /// pushes the pass past the 16 ms after which yew yields to the browser,
    /// and the widget is then ready a frame later (bench/SAVINGS.md). The
    /// read is of `backwise::`, a key no deck's store uses (deck ids are
    /// never empty).
    pub fn open(mode: StorageMode) {
        let _ = Store::new(mode, "").read("");
    }

    pub fn read(&self, key: &str) -> Option<String> {
        self.storage()?
            .get_item(&format!("{}{key}", self.prefix))
            .ok()
            .flatten()
    }

    /// Writes, and reports whether it worked; a full or blocked store is not an error for the reader.
    pub fn write(&self, key: &str, value: &str) -> bool {
        self.storage()
            .map(|s| s.set_item(&format!("{}{key}", self.prefix), value).is_ok())
            .unwrap_or(false)
    }
}

/// The message inside a thrown JS value, for the console or an error card.
pub fn js_error_text(error: &JsValue) -> String {
    if let Some(e) = wasm_bindgen::JsCast::dyn_ref::<js_sys::Error>(error) {
        return String::from(e.message());
    }
    error
        .as_string()
        .unwrap_or_else(|| "unknown error".to_string())
}
