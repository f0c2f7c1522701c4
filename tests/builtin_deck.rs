//! The built-in deck that build.rs compiles into the widget.
#![cfg(not(target_arch = "wasm32"))]

use backwise::builtin::{BUILTIN_DECK_PACKED, BUILTIN_DECK_PROBLEMS};
use backwise::domain::{builtin_deck, packed::unpack};

#[test]
fn the_widget_gets_the_built_in_deck_packed_and_equal_to_the_json() {
    assert!(
        BUILTIN_DECK_PROBLEMS.is_empty(),
        "the deck validates, so it has no problem list"
    );
    assert_eq!(unpack(BUILTIN_DECK_PACKED), builtin_deck().expect("valid"));
}
