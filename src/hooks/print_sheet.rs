//! Prints the take-home sheet (the core's `sheet`, built by the on-demand
//! module: see `extras.js`) from a hidden frame in the widget's shadow root:
//! see `print.js`.

use js_sys::Promise;
use wasm_bindgen::prelude::*;
use web_sys::Element;

use crate::hooks::SharedDeck;

#[wasm_bindgen(module = "/src/hooks/extras.js")]
extern "C" {
    /// Resolves with the sheet's nodes (built by print.js) and style sheet.
    #[wasm_bindgen(js_name = sheetParts)]
    fn sheet_parts(packed: &str, mistakes: &[u32]) -> Promise;
}

#[wasm_bindgen(module = "/src/hooks/print.js")]
extern "C" {
    #[wasm_bindgen(js_name = printSheet)]
    fn print_sheet_frame(anchor: &Element, title: &str, parts: Promise, failed: &str);
}

/// Opens the browser's print dialog for the sheet of `deck` with the
/// reader's `mistakes` (quiz item indices). `anchor` is an element of the
/// widget (the button pressed): the frame goes in its shadow root.
pub fn print_sheet(anchor: &Element, deck: &SharedDeck, mistakes: &[usize]) {
    let mistakes: Vec<u32> = mistakes
        .iter()
        .filter_map(|&i| u32::try_from(i).ok())
        .collect();
    let parts = sheet_parts(deck.packed(), &mistakes);
    print_sheet_frame(anchor, &deck.title, parts, deck.ui.print_failed());
}
