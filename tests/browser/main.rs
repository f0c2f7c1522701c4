//! Component tests in real headless Chromium (wasm-bindgen-test through
//! chromedriver). Each test mounts the real `App`, acts through the DOM as a
//! user would, and asserts what the user sees.
#![cfg(target_arch = "wasm32")]

mod quiz;
mod robustness;
mod support;
mod tips;

wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);
