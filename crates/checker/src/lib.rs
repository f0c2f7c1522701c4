//! The deck checker: a wasm module of its own, which the widget loads only
//! for a deck at a URL (the built-in deck was checked at build time).
//!
//! It reads the fetched bytes with the core's validator and the browser's
//! `JSON.parse`, and answers with the verdict as packed text
//! ([`backwise_core::packed`]): the deck, or its problem list. Keeping the
//! parser and the validator out of the widget's own wasm makes what every
//! page loads about a sixth smaller (bench/DECISIONS.md, "The deck
//! checker").
#![cfg(target_arch = "wasm32")]

mod browser_json;

use backwise_core::packed::verdict;
use backwise_core::validate::check_bytes;
use wasm_bindgen::prelude::*;

/// The verdict on a deck file of `len` bytes, of which `bytes` were read:
/// the packed deck, or (thrown) its packed problem list.
#[wasm_bindgen]
pub fn check(bytes: &[u8], len: usize) -> Result<String, String> {
    verdict(check_bytes(bytes, len, browser_json::parse))
}
