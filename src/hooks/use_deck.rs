//! Loads the deck: the built-in one at once, or a URL with the browser's
//! `fetch`. Every failure becomes a value for the error card.

use std::cell::{Cell, OnceCell};
use std::ops::Deref;
use std::rc::Rc;

use js_sys::{Promise, Reflect, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::{ReadableStreamDefaultReader, Response};
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
pub struct SharedDeck(Rc<Deck>);

impl SharedDeck {
    pub fn new(deck: Deck) -> Self {
        Self(Rc::new(deck))
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
        &self.0
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
                DeckLoad::Ready(SharedDeck::new(unpack(BUILTIN_DECK_PACKED)))
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

#[wasm_bindgen(module = "/src/hooks/fetch.js")]
extern "C" {
    /// The browser's `fetch(url)`, aborted after 20 seconds.
    #[wasm_bindgen(js_name = fetchDeck)]
    fn fetch_with_limit(url: &str) -> Promise;

    /// The deck checker's verdict on a deck file of `len` bytes, of which
    /// `bytes` were read: resolves with the packed deck, rejects with its
    /// packed problem list.
    #[wasm_bindgen(js_name = checkDeck)]
    fn check_deck(bytes: &[u8], len: usize) -> Promise;
}

async fn fetch_deck(url: &str) -> DeckLoad {
    let unreachable = |reason: String| {
        DeckLoad::Failed(Rc::new(LoadFailure::Unreachable {
            url: url.to_string(),
            reason,
        }))
    };
    // The browser's own fetch (fetch.js adds the time limit): a plain GET
    // needs no request builder.
    let response: Response = match JsFuture::from(fetch_with_limit(url)).await {
        Ok(r) => r.unchecked_into(),
        Err(_) => {
            return unreachable("the request failed or got no answer within 20 seconds".into());
        }
    };
    if !response.ok() {
        return unreachable(format!(
            "the server answered {} {}",
            response.status(),
            response.status_text()
        ));
    }
    // Refuse before reading the body when the server says it is too large.
    let declared = response
        .headers()
        .get("content-length")
        .ok()
        .flatten()
        .and_then(|v| v.parse::<usize>().ok())
        .filter(|&len| len > MAX_DECK_BYTES);
    let (bytes, len) = match declared {
        Some(len) => (Vec::new(), len),
        None => match read_capped(&response).await {
            Ok(bytes) => {
                let len = bytes.len();
                (bytes, len)
            }
            Err(Body::TooLarge(len)) => (Vec::new(), len),
            Err(Body::Unreadable) => {
                return unreachable("the response could not be read".into());
            }
        },
    };
    match JsFuture::from(check_deck(&bytes, len)).await {
        Ok(packed) => DeckLoad::Ready(SharedDeck::new(unpack(
            &packed.as_string().unwrap_or_default(),
        ))),
        Err(thrown) => match thrown.as_string() {
            Some(problems) => invalid(ProblemList::unpack(&problems)),
            None => unreachable("the deck checker could not be loaded".into()),
        },
    }
}

enum Body {
    TooLarge(usize),
    Unreadable,
}

/// Reads the response body, giving up as soon as it passes the deck size
/// limit: a server may send no length, or a body that never ends.
async fn read_capped(response: &Response) -> Result<Vec<u8>, Body> {
    let Some(stream) = response.body() else {
        return Ok(Vec::new());
    };
    let reader: ReadableStreamDefaultReader = stream.get_reader().unchecked_into();
    let mut bytes: Vec<u8> = Vec::new();
    loop {
        let chunk = JsFuture::from(reader.read())
            .await
            .map_err(|_| Body::Unreadable)?;
        let done = Reflect::get(&chunk, &"done".into())
            .ok()
            .and_then(|d| d.as_bool())
            .unwrap_or(true);
        if done {
            break;
        }
        let value: Uint8Array = Reflect::get(&chunk, &"value".into())
            .ok()
            .and_then(|v| v.dyn_into().ok())
            .ok_or(Body::Unreadable)?;
        let start = bytes.len();
        let end = start + value.length() as usize;
        if end > MAX_DECK_BYTES {
            let _ = reader.cancel();
            return Err(Body::TooLarge(end));
        }
        bytes.resize(end, 0);
        value.copy_to(&mut bytes[start..]);
    }
    Ok(bytes)
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
