//! Checks and packs the built-in deck ([`backwise_core::packed`]), so that
//! the widget starts without parsing or validating JSON.
//!
//! This lives in the widget crate, not in the core, because a build script
//! cannot use the crate it builds: here the core is an ordinary
//! build-dependency, and the verdict is an input of the widget only
//! (src/builtin.rs). A deck that does not validate becomes its problem list,
//! and the widget shows its error card.

use std::{env, fs, path::Path};

use backwise_core::{BUILTIN_DECK_JSON, packed::builtin_verdict};

fn main() {
    // The deck is compiled into the core (include_str!): when it changes,
    // the core is rebuilt, and with it this script, which then runs again.
    println!("cargo::rerun-if-changed=build.rs");
    let (packed, problems) = match builtin_verdict(BUILTIN_DECK_JSON) {
        Ok(packed) => (packed, String::new()),
        Err(problems) => (String::new(), problems),
    };
    let out = env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    let out = Path::new(&out);
    fs::write(out.join("builtin.packed"), packed).expect("write builtin.packed");
    fs::write(out.join("builtin.problems"), problems).expect("write builtin.problems");
}
