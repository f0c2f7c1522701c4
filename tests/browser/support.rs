//! Mounting and DOM helpers shared by the browser tests.

use std::time::Duration;

use backwise::app::{App, AppProps, View};
use backwise::hooks::StorageMode;
use wasm_bindgen::JsCast;
use web_sys::{
    Element, HtmlElement, KeyboardEvent, KeyboardEventInit, PointerEvent, PointerEventInit,
};
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

/// Mounts the widget in a fresh `<div>` on the body (the runner hides #output).
pub async fn mount(view: View, storage: StorageMode, deck_url: Option<&str>) -> Mounted {
    let root = document().create_element("div").expect("div");
    document()
        .body()
        .expect("body")
        .append_child(&root)
        .expect("append");
    let props = AppProps {
        deck_url: deck_url.map(|u| u.to_string().into()),
        view,
        storage,
        ..AppProps::default()
    };
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

    pub fn all(&self, selector: &str) -> Vec<Element> {
        let list = self
            .root
            .query_selector_all(selector)
            .expect("valid selector");
        (0..list.length())
            .filter_map(|i| list.item(i))
            .filter_map(|n| n.dyn_into::<Element>().ok())
            .collect()
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
        self.all("button")
            .into_iter()
            .find(|b| accessible_name(b) == name)
            .unwrap_or_else(|| panic!("no button named {name:?}"))
            .dyn_into::<HtmlElement>()
            .expect("button is an HtmlElement")
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

    /// Waits (up to ~5 s) until `selector` matches, for fetches.
    pub async fn wait_for(&self, selector: &str) -> Element {
        for _ in 0..100 {
            if let Some(el) = self.find(selector) {
                return el;
            }
            sleep(50).await;
            settle().await;
        }
        panic!("timed out waiting for {selector}");
    }

    pub fn active_in_root(&self) -> Option<Element> {
        let active = document().active_element()?;
        self.root.contains(Some(&active)).then_some(active)
    }

    /// The centre of an element, in client coordinates.
    pub fn centre(&self, el: &Element) -> (i32, i32) {
        let r = el.get_bounding_client_rect();
        (
            (r.left() + r.width() / 2.0) as i32,
            (r.top() + r.height() / 2.0) as i32,
        )
    }
}

pub fn pointer(target: &Element, kind: &str, x: i32, y: i32, pointer_type: &str) {
    let init = PointerEventInit::new();
    init.set_bubbles(true);
    init.set_cancelable(true);
    init.set_composed(true);
    init.set_pointer_id(7);
    init.set_is_primary(true);
    init.set_pointer_type(pointer_type);
    init.set_client_x(x);
    init.set_client_y(y);
    init.set_button(if kind == "pointermove" { -1 } else { 0 });
    let event = PointerEvent::new_with_event_init_dict(kind, &init).expect("pointer event");
    target.dispatch_event(&event).expect("dispatch");
}

/// The deck's expected answers, from the built-in deck.
pub fn builtin() -> backwise::domain::Deck {
    backwise::browser_json::parse_deck(backwise::domain::BUILTIN_DECK_JSON)
        .expect("valid built-in deck")
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
