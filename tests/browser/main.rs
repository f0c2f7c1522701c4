//! Component tests in real headless Chromium (wasm-bindgen-test through
//! chromedriver), for what needs a real DOM and that the end-to-end tests in
//! `e2e/` do not already cover: where focus goes, and what a component keeps
//! while it is hidden. Each test mounts the real `App`, acts through the DOM
//! as a user would, and asserts what the user sees.
#![cfg(target_arch = "wasm32")]

mod quiz;
mod support;
mod tips;

wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);
