//! What every component of a ready widget shares: the deck, the ids, the
//! reader's storage, the live region and the host element. The root provides
//! it with yew's `ContextProvider`; components read it with
//! [`use_widget_ctx`].
//!
//! The root rebuilds this value on every render of its own (each
//! announcement is one), and the provider tells the components that read it
//! only when it is no longer equal. Each field is therefore one whose
//! equality is cheap and true for as long as nothing changed: the deck
//! compares by identity, the announcer's dispatcher keeps its identity.

use std::rc::Rc;

use web_sys::Element;
use yew::prelude::*;

use crate::hooks::{Announce, SharedDeck, Store};

#[derive(Clone, PartialEq)]
pub struct WidgetCtx {
    pub deck: SharedDeck,
    /// Prefix for element ids, unique per widget on the page.
    pub ids: Rc<str>,
    pub store: Store,
    pub announce: Announce,
    /// The `<backwise-widget>` element, for host events. `None` in tests.
    pub host: Option<Element>,
}

impl WidgetCtx {
    /// The element id for `name`, unique on the page.
    pub fn id(&self, name: &str) -> String {
        format!("{}-{name}", self.ids)
    }
}

/// The context of the widget around the calling component.
#[hook]
pub fn use_widget_ctx() -> WidgetCtx {
    use_context::<WidgetCtx>()
        .expect("the widget's components render inside the provider of its WidgetCtx")
}
