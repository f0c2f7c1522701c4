//! Mounting and DOM helpers shared by the browser tests.

use std::time::Duration;

use backwise::app::{App, AppProps, View};
use backwise::domain::Bin;
use backwise::hooks::StorageMode;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, KeyboardEvent, KeyboardEventInit};
use yew::AppHandle;

pub struct Mounted {
    pub root: Element,
    app: Option<AppHandle<App>>,
}

impl Drop for Mounted {
    fn drop(&mut self) {
        if let Some(app) = self.app.take() {
            app.destroy();
        }
        self.root.remove();
    }
}

fn document() -> web_sys::Document {
    web_sys::window()
        .and_then(|w| w.document())
        .expect("a document")
}

pub fn local_storage() -> web_sys::Storage {
    web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .expect("localStorage")
}

/// Mounts the widget with the built-in deck in a fresh `<div>` on the body
/// (the runner hides #output).
pub async fn mount(view: View, storage: StorageMode) -> Mounted {
    mount_with(AppProps {
        view,
        storage,
        ..AppProps::default()
    })
    .await
}

/// Mounts the widget with these props (the built-in deck unless they say).
pub async fn mount_with(props: AppProps) -> Mounted {
    let root = document().create_element("div").expect("div");
    document()
        .body()
        .expect("body")
        .append_child(&root)
        .expect("append");
    let app = yew::Renderer::<App>::with_root_and_props(root.clone(), props).render();
    yew::scheduler::flush().await;
    Mounted {
        root,
        app: Some(app),
    }
}

pub async fn settle() {
    yew::scheduler::flush().await;
}

/// Lets the next animation frame run (focus moves then).
pub async fn next_frame() {
    sleep(50).await;
    settle().await;
}

pub async fn sleep(ms: u64) {
    gloo_timers::future::sleep(Duration::from_millis(ms)).await;
}

impl Mounted {
    pub fn find(&self, selector: &str) -> Option<Element> {
        self.root.query_selector(selector).ok().flatten()
    }

    pub fn get(&self, selector: &str) -> Element {
        self.find(selector)
            .unwrap_or_else(|| panic!("no element matches {selector}"))
    }

    pub fn text(&self, selector: &str) -> String {
        self.get(selector)
            .text_content()
            .unwrap_or_default()
            .trim()
            .to_string()
    }

    /// The button whose accessible name (aria-label, else text) is `name`.
    pub fn button(&self, name: &str) -> HtmlElement {
        let list = self.root.query_selector_all("button").expect("selector");
        (0..list.length())
            .filter_map(|i| list.item(i)?.dyn_into::<HtmlElement>().ok())
            .find(|b| accessible_name(b) == name)
            .unwrap_or_else(|| panic!("no button named {name:?}"))
    }

    pub async fn click(&self, name: &str) {
        self.button(name).click();
        settle().await;
    }

    pub async fn key(&self, selector: &str, key: &str) {
        let init = KeyboardEventInit::new();
        init.set_key(key);
        init.set_bubbles(true);
        init.set_cancelable(true);
        let event =
            KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).expect("event");
        self.get(selector).dispatch_event(&event).expect("dispatch");
        settle().await;
    }

    /// The focused element, if it is inside this widget.
    pub fn active_in_root(&self) -> Option<Element> {
        let active = document().active_element()?;
        self.root.contains(Some(&active)).then_some(active)
    }

    /// The class of the focused element, if it is inside this widget.
    pub fn active_class(&self) -> Option<String> {
        self.active_in_root()?.get_attribute("class")
    }

    /// Puts focus on the page, outside every widget.
    pub fn blur_all(&self) {
        if let Some(active) = document()
            .active_element()
            .and_then(|el| el.dyn_into::<HtmlElement>().ok())
        {
            let _ = active.blur();
        }
        assert!(self.active_in_root().is_none());
    }
}

/// Places every item of the built-in deck in its right bin, by its button.
pub async fn place_all(w: &Mounted) {
    for item in builtin().quiz.items {
        let bin = match item.answer {
            Bin::Safe => "Safe alternative",
            Bin::Avoid => "Avoid",
        };
        w.click(&format!("Put {} in {bin}", item.label)).await;
    }
}

/// The built-in deck, as the widget reads it.
pub fn builtin() -> backwise::domain::Deck {
    backwise::domain::packed::unpack(backwise::builtin::BUILTIN_DECK_PACKED)
}

/// aria-label, else the text without aria-hidden parts (icons).
pub fn accessible_name(el: &Element) -> String {
    if let Some(label) = el.get_attribute("aria-label") {
        return label.trim().to_string();
    }
    let copy = el
        .clone_node_with_deep(true)
        .expect("clone")
        .dyn_into::<Element>()
        .expect("element");
    let hidden = copy
        .query_selector_all("[aria-hidden=true]")
        .expect("selector");
    for i in 0..hidden.length() {
        if let Some(node) = hidden.item(i).and_then(|n| n.dyn_into::<Element>().ok()) {
            node.remove();
        }
    }
    copy.text_content().unwrap_or_default().trim().to_string()
}
