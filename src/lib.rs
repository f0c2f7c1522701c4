//! Backwise: a back-pain tips deck and sorting quiz, embeddable as
//! `<backwise-widget>`. The domain core is pure and host-tested; the UI,
//! hooks and embed glue exist only on wasm32.

pub mod domain;

#[cfg(target_arch = "wasm32")]
pub mod app;
#[cfg(target_arch = "wasm32")]
pub mod browser_json;
#[cfg(target_arch = "wasm32")]
pub mod components;
#[cfg(target_arch = "wasm32")]
pub mod embed;
#[cfg(target_arch = "wasm32")]
pub mod hooks;
#[cfg(target_arch = "wasm32")]
pub mod state;
