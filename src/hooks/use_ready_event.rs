//! `backwise-ready` on the host element, once a deck is shown.

use web_sys::Element;
use yew::prelude::*;

use super::dispatch_host_event;
use crate::domain::json::object;

/// Tells `host` (the `<backwise-widget>` element, if any) that the widget
/// shows the deck `deck_id`, once: in the component that shows a ready deck,
/// when it mounts.
#[hook]
pub fn use_ready_event(host: Option<&Element>, deck_id: &str) {
    let (host, deck_id) = (host.cloned(), deck_id.to_string());
    use_effect_with((), move |_| {
        dispatch_host_event(
            host.as_ref(),
            "backwise-ready",
            &object([("deckId", deck_id.as_str().into())]),
        );
    });
}
