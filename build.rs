//! Packs the built-in deck (src/domain/packed.rs): the widget then starts
//! without parsing and validating its JSON. The deck is validated here with
//! the widget's own validator; a deck that does not validate is passed on as
//! JSON, and the widget shows its error card.

// Only part of each domain module is used here.
#![allow(dead_code, unused_imports)]

use std::{env, fs, path::Path};

// The pure domain modules that the packing needs, from src/domain (they
// refer to each other through `super::`, which is this crate's root here).
#[path = "src/domain/deck.rs"]
mod deck;
#[path = "src/domain/json.rs"]
mod json;
#[path = "src/domain/packed.rs"]
mod packed;
#[path = "src/domain/text.rs"]
mod text;
#[path = "src/domain/validate.rs"]
mod validate;

const DECK: &str = "decks/back-pain.json";

fn main() {
    println!("cargo::rerun-if-changed={DECK}");
    for module in ["deck", "json", "packed", "text", "validate"] {
        println!("cargo::rerun-if-changed=src/domain/{module}.rs");
    }
    let text = fs::read_to_string(DECK).unwrap_or_else(|e| panic!("{DECK}: {e}"));
    let (packed, invalid_json) = packed::packed_or_json(&text);
    let out = env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    let out = Path::new(&out);
    fs::write(out.join("builtin.packed"), packed).expect("write builtin.packed");
    fs::write(out.join("builtin.invalid.json"), invalid_json).expect("write builtin.invalid.json");
}
