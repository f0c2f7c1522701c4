//! Backwise: a back-pain tips deck and sorting quiz, embeddable as
//! `<backwise-widget>`. The pure core is the `backwise-core` crate
//! (crates/core), host-tested; the UI, hooks and embed glue exist only on
//! wasm32.

/// The core under the name the widget's modules use for it.
pub use backwise_core as domain;

pub mod builtin;

// Smaller and faster than the default dlmalloc; the widget is single-threaded.
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

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
