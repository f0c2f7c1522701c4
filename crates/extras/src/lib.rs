//! The widget's on-demand module: code that only some readers need, in a
//! wasm module of its own that embed.js loads the first time one of them
//! needs it.
//!
//! - The deck checker, for a deck at a URL (the built-in deck was checked at
//!   build time). It reads the fetched bytes with the core's validator and
//!   the browser's `JSON.parse`, and answers with the verdict as packed text
//!   ([`backwise_core::packed`]): the deck, or its problem list.
//! - The take-home sheet, for "Print or save as PDF": the core's sheet of
//!   the widget's deck (passed packed) with the reader's mistakes.
//!
//! Keeping them out of the widget's own wasm makes what every page loads
//! smaller (bench/DECISIONS.md, "The on-demand module").
#![cfg(target_arch = "wasm32")]

mod browser_json;

use backwise_core::packed::{unpack, verdict};
use backwise_core::sheet::{Node, SHEET_CSS, sheet};
use backwise_core::validate::check_bytes;
use js_sys::{Array, Object, Reflect};
use wasm_bindgen::prelude::*;

/// The verdict on a deck file of `len` bytes, of which `bytes` were read:
/// the packed deck, or (thrown) its packed problem list.
#[wasm_bindgen]
pub fn check(bytes: &[u8], len: usize) -> Result<String, String> {
    verdict(check_bytes(bytes, len, browser_json::parse))
}

/// The take-home sheet of the packed deck `packed`, listing the quiz items
/// `mistakes` (indices) under "Worth a second look", as nodes for print.js
/// to build with DOM calls: a text is a string, an element is an array of
/// its tag, an object of its attributes and its children.
#[wasm_bindgen(js_name = sheet)]
pub fn sheet_nodes(packed: &str, mistakes: &[u32]) -> JsValue {
    let mistakes: Vec<usize> = mistakes.iter().map(|&i| i as usize).collect();
    to_js(&sheet(&unpack(packed), &mistakes))
}

fn to_js(node: &Node) -> JsValue {
    match node {
        Node::Text(text) => JsValue::from_str(text),
        Node::Element(element) => {
            let attrs = Object::new();
            for (name, value) in &element.attrs {
                let _ = Reflect::set(&attrs, &JsValue::from_str(name), &JsValue::from_str(value));
            }
            let array = Array::of2(&JsValue::from_str(element.tag), &attrs);
            for child in &element.children {
                array.push(&to_js(child));
            }
            array.into()
        }
    }
}

/// The style sheet for [`sheet`]'s HTML.
#[wasm_bindgen]
pub fn sheet_css() -> String {
    SHEET_CSS.to_string()
}
