//! The root component: loads the deck, then shows the widget shell or an
//! error card. Props come from the `<backwise-widget>` attributes.

use std::cell::Cell;
use std::rc::Rc;

use web_sys::Element;
use yew::prelude::*;

use crate::components::{Shell, error_card};
use crate::context::WidgetCtx;
pub use crate::domain::{Layout, View};
use crate::hooks::{DeckLoad, StorageMode, Store, use_announcer, use_deck};

#[derive(Clone, Debug, Default, PartialEq, Properties)]
pub struct AppProps {
    /// The `<backwise-widget>` element, for host events. `None` in tests.
    #[prop_or_default]
    pub host: Option<Element>,
    #[prop_or_default]
    pub deck_url: Option<AttrValue>,
    #[prop_or_default]
    pub view: View,
    #[prop_or_default]
    pub storage: StorageMode,
    /// The quiz as a board or a stack: the `layout` attribute, or under
    /// `auto` the element's width (embed.rs reads both).
    #[prop_or_default]
    pub layout: Layout,
    /// Renders nothing while the app waits in embed.rs's pool.
    #[prop_or_default]
    pub idle: bool,
    /// Changes with every mount, so a reused app starts fresh.
    #[prop_or_default]
    pub generation: u32,
}

thread_local! {
    static NEXT_INSTANCE: Cell<u32> = const { Cell::new(0) };
}

fn next_instance() -> u32 {
    NEXT_INSTANCE.with(|n| {
        let id = n.get();
        n.set(id.wrapping_add(1));
        id
    })
}

/// The root. An idle app renders nothing: embed.rs keeps idle apps to reuse,
/// because yew never releases a root's event listeners. Each mount gets a new
/// `generation`, which keys the content so that nothing carries over.
#[component]
pub fn App(props: &AppProps) -> Html {
    if props.idle {
        return html! {};
    }
    html! { <WidgetRoot key={props.generation} ..props.clone() /> }
}

#[component]
fn WidgetRoot(props: &AppProps) -> Html {
    let (load, retry) = use_deck(props.deck_url.clone());
    let announcer = use_announcer();
    let instance = use_state(next_instance);
    let lang = match &load {
        DeckLoad::Ready(deck) => deck.lang.clone(),
        _ => "en".to_string(),
    };
    let body = match load {
        DeckLoad::Loading => html! {
            <p class="loading">{ crate::domain::UiText::default().loading().to_string() }</p>
        },
        DeckLoad::Failed(failure) => error_card(&failure, &retry),
        DeckLoad::Ready(deck) => {
            // A new deck starts fresh state: key the shell on it. A new
            // store does not: the reader's state carries over to it
            // (`use_persisted_reducer`).
            let key = format!("{}|{}", deck.id, props.deck_url.as_deref().unwrap_or(""));
            let ctx = WidgetCtx {
                store: Store::new(props.storage, &deck.id),
                ids: Rc::from(format!("bw{}", *instance)),
                deck,
                announce: announcer.dispatcher(),
                host: props.host.clone(),
            };
            html! {
                <ContextProvider<WidgetCtx> context={ctx}>
                    <Shell {key} view={props.view} layout={props.layout} />
                </ContextProvider<WidgetCtx>>
            }
        }
    };
    html! {
        // Focusable (not in the tab order), so that focus has somewhere to
        // stay when the control it was on goes away with its content.
        <div class="widget" part="widget" tabindex="-1" {lang}>
            { body }
            <div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">
                { announcer.text.clone() }
            </div>
        </div>
    }
}
