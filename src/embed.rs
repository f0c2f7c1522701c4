//! The wasm entry points for `embed.js`: mount one widget into an element
//! (inside the custom element's shadow root), update its attributes, and
//! unmount it. A panic shows a "something went wrong" card in every mounted
//! widget instead of leaving a blank box.

use std::cell::RefCell;

use wasm_bindgen::prelude::*;
use web_sys::Element;
use yew::AppHandle;

use crate::app::{App, AppProps, View};
use crate::hooks::StorageMode;

thread_local! {
    /// Roots of the widgets currently mounted, for the panic card.
    static MOUNTED: RefCell<Vec<Element>> = const { RefCell::new(Vec::new()) };
}

/// One mounted widget, owned by its `<backwise-widget>` element.
#[wasm_bindgen]
pub struct Widget {
    app: Option<AppHandle<App>>,
    root: Element,
    props: AppProps,
}

fn props_from(
    host: Option<Element>,
    deck: Option<String>,
    view: Option<String>,
    storage: Option<String>,
) -> AppProps {
    AppProps {
        host,
        deck_url: deck.filter(|d| !d.trim().is_empty()).map(Into::into),
        view: View::parse(view.as_deref()),
        storage: StorageMode::parse(storage.as_deref()),
    }
}

#[wasm_bindgen]
impl Widget {
    /// Applies changed attributes live.
    pub fn update(&mut self, deck: Option<String>, view: Option<String>, storage: Option<String>) {
        let props = props_from(self.props.host.clone(), deck, view, storage);
        if props != self.props {
            self.props = props.clone();
            if let Some(app) = self.app.as_mut() {
                app.update(props);
            }
        }
    }

    /// Unmounts the app, dropping its listeners, timers and state.
    pub fn destroy(&mut self) {
        if let Some(app) = self.app.take() {
            app.destroy();
        }
        let root = self.root.clone();
        MOUNTED.with(|m| m.borrow_mut().retain(|r| *r != root));
    }
}

/// Mounts a widget into `root`. `host` receives the widget's events.
#[wasm_bindgen]
pub fn mount(
    root: Element,
    host: Element,
    deck: Option<String>,
    view: Option<String>,
    storage: Option<String>,
) -> Widget {
    install_panic_card();
    let props = props_from(Some(host), deck, view, storage);
    let app = yew::Renderer::<App>::with_root_and_props(root.clone(), props.clone()).render();
    MOUNTED.with(|m| m.borrow_mut().push(root.clone()));
    Widget {
        app: Some(app),
        root,
        props,
    }
}

fn install_panic_card() {
    static INSTALLED: std::sync::Once = std::sync::Once::new();
    INSTALLED.call_once(|| {
        std::panic::set_hook(Box::new(|info| {
            web_sys::console::error_1(&format!("backwise: {info}").into());
            MOUNTED.with(|m| {
                if let Ok(roots) = m.try_borrow() {
                    roots.iter().for_each(show_crash_card);
                }
            });
        }));
    });
}

/// Replaces a widget's content with a plain card built from DOM calls only.
fn show_crash_card(root: &Element) {
    let Some(document) = root.owner_document() else {
        return;
    };
    let make = |tag: &str, class: &str, text: &str| {
        let el = document.create_element(tag).ok()?;
        el.set_class_name(class);
        el.set_text_content(Some(text));
        Some(el)
    };
    let (Some(card), Some(title), Some(body)) = (
        make("div", "error-card", ""),
        make("h2", "title", "Something went wrong"),
        make(
            "p",
            "",
            "This widget stopped working. Reload the page to try again.",
        ),
    ) else {
        return;
    };
    let _ = card.set_attribute("role", "alert");
    let _ = card.append_with_node_2(&title, &body);
    root.set_text_content(None);
    let _ = root.append_child(&card);
}
