//! Loads the deck: the built-in one at once, or a URL through extras.js.
//! Every failure becomes a value for the error card.

use std::cell::{Cell, OnceCell};
use std::ops::Deref;
use std::rc::Rc;

use js_sys::Promise;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use yew::prelude::*;

use crate::builtin::{BUILTIN_DECK_PACKED, BUILTIN_DECK_PROBLEMS};
use crate::domain::Deck;
use crate::domain::packed::{ProblemList, unpack};
use crate::domain::validate::MAX_DECK_BYTES;

/// A loaded deck, shared by every part of the widget that shows it. Two are
/// equal when they are the same load: a deck never changes once loaded, so
/// identity is all that a re-render needs to know, and comparing whole decks
/// each time the widget's context is rebuilt would be wasted work.
#[derive(Clone, Debug)]
pub struct SharedDeck(Rc<Loaded>);

#[derive(Debug)]
struct Loaded {
    deck: Deck,
    /// The deck as packed text, for the on-demand module (the take-home
    /// sheet), which reads it with its own copy of the core.
    packed: Rc<str>,
}

impl SharedDeck {
    /// The deck in `packed`, which build.rs or the deck checker wrote.
    pub fn unpack(packed: &str) -> Self {
        Self(Rc::new(Loaded {
            deck: unpack(packed),
            packed: packed.into(),
        }))
    }

    pub fn packed(&self) -> &str {
        &self.0.packed
    }
}

impl PartialEq for SharedDeck {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl Deref for SharedDeck {
    type Target = Deck;

    fn deref(&self) -> &Deck {
        &self.0.deck
    }
}

#[derive(Clone, Debug, PartialEq)]
pub enum LoadFailure {
    /// Network error, CORS refusal or an HTTP error status.
    Unreachable { url: String, reason: String },
    /// What the deck checker (or build.rs, for the built-in deck) found.
    Invalid(ProblemList),
}

#[derive(Clone, Debug, PartialEq)]
pub enum DeckLoad {
    Loading,
    Ready(SharedDeck),
    /// Shared, like the deck: the state is cloned on every render.
    Failed(Rc<LoadFailure>),
}

fn invalid(problems: ProblemList) -> DeckLoad {
    DeckLoad::Failed(Rc::new(LoadFailure::Invalid(problems)))
}

thread_local! {
    static BUILTIN: OnceCell<DeckLoad> = const { OnceCell::new() };
}

/// The built-in deck, unpacked once per page however many widgets there
/// are. build.rs has validated and packed it, or packed its problem list.
fn builtin() -> DeckLoad {
    BUILTIN.with(|cell| {
        cell.get_or_init(|| {
            if BUILTIN_DECK_PACKED.is_empty() {
                invalid(ProblemList::unpack(BUILTIN_DECK_PROBLEMS))
            } else {
                DeckLoad::Ready(SharedDeck::unpack(BUILTIN_DECK_PACKED))
            }
        })
        .clone()
    })
}

/// Unpacks the built-in deck now, before the first render, so that it is not
/// part of yew's first scheduler pass: a pass that runs past 16 ms yields to
/// the browser, and the widget then becomes ready a frame later.
pub fn preload_builtin() {
    let _ = builtin();
}

#[wasm_bindgen(module = "/src/hooks/extras.js")]
extern "C" {
    /// Fetches the deck at `url` (with a time limit, reading at most
    /// `max_bytes`) and asks the deck checker for its verdict: resolves with
    /// the packed deck; rejects with its packed problem list (a string), or
    /// with an `Error` that says why the deck could not be reached or read.
    #[wasm_bindgen(js_name = loadDeck)]
    fn load_deck(url: &str, max_bytes: usize) -> Promise;
}

async fn fetch_deck(url: &str) -> DeckLoad {
    match JsFuture::from(load_deck(url, MAX_DECK_BYTES)).await {
        Ok(packed) => DeckLoad::Ready(SharedDeck::unpack(&packed.as_string().unwrap_or_default())),
        Err(thrown) => match thrown.as_string() {
            Some(problems) => invalid(ProblemList::unpack(&problems)),
            None => DeckLoad::Failed(Rc::new(LoadFailure::Unreachable {
                url: url.to_string(),
                reason: thrown
                    .dyn_ref::<js_sys::Error>()
                    .map(|e| String::from(e.message()))
                    .unwrap_or_default(),
            })),
        },
    }
}

/// The deck at `url` (the built-in deck when `None`) and a retry callback.
#[hook]
pub fn use_deck(url: Option<AttrValue>) -> (DeckLoad, Callback<()>) {
    let state = use_state({
        let url = url.clone();
        move || {
            if url.is_none() {
                builtin()
            } else {
                DeckLoad::Loading
            }
        }
    });
    let attempt = use_state(|| 0u32);
    {
        let state = state.clone();
        use_effect_with((url, *attempt), move |(url, _)| {
            let cancelled = Rc::new(Cell::new(false));
            match url {
                None => state.set(builtin()),
                Some(url) => {
                    state.set(DeckLoad::Loading);
                    let url = url.to_string();
                    let cancelled = cancelled.clone();
                    yew::platform::spawn_local(async move {
                        let loaded = fetch_deck(&url).await;
                        if !cancelled.get() {
                            state.set(loaded);
                        }
                    });
                }
            }
            move || cancelled.set(true)
        });
    }
    let retry = Callback::from(move |()| attempt.set(*attempt + 1));
    ((*state).clone(), retry)
}
