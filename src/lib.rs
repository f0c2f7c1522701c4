//! Backwise: a back-pain tips deck and sorting quiz, embeddable as
//! `<backwise-widget>`. The domain core is the `backwise-core` crate
//! (crates/core): pure and host-tested, with no yew or web-sys. The UI,
//! hooks and embed glue exist only on wasm32.
//!
//! # Layers
//!
//! Each layer uses only the layers above it in this list, never one below
//! (`scripts/check-layers` enforces it):
//!
//! 1. [`domain`] (the core crate): the deck, validation, the deck cursor,
//!    the quiz engine, the tab shown, the state transitions and the focus
//!    policy. Pure Rust, tested on the host. The widget reads decks packed
//!    ([`domain::packed`]): build.rs checks the built-in deck, and the deck
//!    checker (crates/extras, a wasm module loaded only for a deck at a
//!    URL) checks any other, so the JSON parser and the validator stay out
//!    of the widget's own wasm.
//! 2. [`state`] and [`browser_json`]: the reducers
//!    (thin `impl Reducible` over the domain) and JSON out to the page.
//! 3. [`hooks`]: every side effect (storage, fetch, focus, gestures,
//!    announcements, host events). Hooks take plain values: they never read
//!    the widget context, so that they can be used, and read, on their own.
//! 4. [`context`]: what every component of a ready widget shares, provided
//!    with yew's `ContextProvider`.
//! 5. [`components`]: the views. They read the context with `use_context`
//!    and own the hooks they need.
//! 6. [`app`], then [`embed`]: the root component that loads the deck, and
//!    the entry points that mount it into a `<backwise-widget>`.

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
pub mod context;
#[cfg(target_arch = "wasm32")]
pub mod embed;
#[cfg(target_arch = "wasm32")]
pub mod hooks;
#[cfg(target_arch = "wasm32")]
pub mod state;
