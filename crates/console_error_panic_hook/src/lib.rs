//! A panic hook that logs the panic to the browser console: what yew
//! installs when it renders. See Cargo.toml for why Backwise has its own.

use std::panic::PanicHookInfo;

#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = console)]
    fn error(message: String);
}

/// Logs the panic's message and source location with `console.error`.
#[cfg(not(panic = "immediate-abort"))]
pub fn hook(info: &PanicHookInfo) {
    #[cfg(target_arch = "wasm32")]
    error(info.to_string());
    #[cfg(not(target_arch = "wasm32"))]
    eprintln!("{info}");
}

/// Never called: with `-Cpanic=immediate-abort` a panic traps at once, and
/// embed.js shows the "something went wrong" card.
#[cfg(panic = "immediate-abort")]
pub fn hook(_info: &PanicHookInfo) {}

/// Installs [`hook`] as the panic hook, once.
pub fn set_once() {
    use std::sync::Once;
    static SET: Once = Once::new();
    SET.call_once(|| std::panic::set_hook(Box::new(hook)));
}
