//! Prints the take-home sheet (the core's `sheet`) from a hidden frame in
//! the widget's shadow root: see `print.js`.

use wasm_bindgen::prelude::*;
use web_sys::Element;

use crate::domain::Deck;
use crate::domain::sheet::{SHEET_CSS, sheet_html};

#[wasm_bindgen(module = "/src/hooks/print.js")]
extern "C" {
    #[wasm_bindgen(js_name = printSheet)]
    fn print_sheet_frame(anchor: &Element, title: &str, html: &str, css: &str);
}

/// Opens the browser's print dialog for the sheet of `deck` with the
/// reader's `mistakes` (quiz item indices). `anchor` is an element of the
/// widget (the button pressed): the frame goes in its shadow root.
pub fn print_sheet(anchor: &Element, deck: &Deck, mistakes: &[usize]) {
    print_sheet_frame(anchor, &deck.title, &sheet_html(deck, mistakes), SHEET_CSS);
}
