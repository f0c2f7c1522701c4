//! The wasm entry points for `embed.js`: mount one widget into a container
//! (the custom element's shadow root), update its attributes, and unmount it.
//!
//! Yew 0.23 registers a root's event listeners for good (it never removes
//! them), so creating a new app for every mount would leak a little memory on
//! each insert and remove. Unmounted apps are therefore kept idle, rendering
//! nothing, and reused by the next mount: memory stays flat however many
//! times widgets come and go.
//!
//! A panic aborts: the wasm traps, and embed.js shows a "something went
//! wrong" card in every mounted widget instead of leaving a blank box.

use std::cell::{Cell, RefCell};

use wasm_bindgen::prelude::*;
use web_sys::{Element, Node};
use yew::AppHandle;

use crate::app::{App, AppProps, View};
use crate::domain::LayoutChoice;
use crate::hooks::StorageMode;

struct Pooled {
    root: Element,
    app: AppHandle<App>,
}

thread_local! {
    /// Idle apps, ready for the next mount.
    static IDLE: RefCell<Vec<Pooled>> = const { RefCell::new(Vec::new()) };
    static GENERATION: Cell<u32> = const { Cell::new(0) };
}

/// One mounted widget, owned by its `<backwise-widget>` element.
#[wasm_bindgen]
pub struct Widget {
    mounted: Option<Pooled>,
    props: AppProps,
}

/// The props of the `<backwise-widget>` element `host`, from its attributes
/// and, for `layout="auto"`, its width. embed.js passes only the element, so
/// that the attributes and what they mean are read in one place: here.
fn props_from(host: Element, generation: u32) -> AppProps {
    let attr = |name| host.get_attribute(name);
    AppProps {
        deck_url: attr("deck")
            .filter(|d| !d.trim().is_empty())
            .map(Into::into),
        view: View::parse(attr("view").as_deref()),
        storage: StorageMode::parse(attr("storage").as_deref()),
        layout: LayoutChoice::parse(attr("layout").as_deref())
            .resolve(host.get_bounding_client_rect().width()),
        idle: false,
        generation,
        host: Some(host),
    }
}

/// A new generation for each mount, so a reused app starts fresh.
fn next_generation() -> u32 {
    GENERATION.with(|g| {
        g.set(g.get().wrapping_add(1));
        g.get()
    })
}

#[wasm_bindgen]
impl Widget {
    /// Applies changed attributes live, and a new layout when the element's
    /// width crosses the stack's threshold (embed.js calls it on a resize).
    pub fn update(&mut self) {
        let Some(host) = self.props.host.clone() else {
            return;
        };
        let props = props_from(host, self.props.generation);
        if props != self.props {
            self.props = props.clone();
            if let Some(mounted) = self.mounted.as_mut() {
                mounted.app.update(props);
            }
        }
    }

    /// Unmounts the widget: its content, state, effects and timers are
    /// dropped, and the app goes back to the pool.
    pub fn destroy(&mut self) {
        let Some(mut mounted) = self.mounted.take() else {
            return;
        };
        mounted.app.update(AppProps {
            idle: true,
            ..AppProps::default()
        });
        mounted.root.remove();
        IDLE.with(|idle| idle.borrow_mut().push(mounted));
    }
}

/// Mounts a widget into `container`, configured by the attributes of `host`
/// (the `<backwise-widget>` element), which also receives its events.
#[wasm_bindgen]
pub fn mount(container: &Node, host: Element) -> Result<Widget, JsValue> {
    let props = props_from(host, next_generation());
    if props.deck_url.is_none() {
        crate::hooks::preload_builtin();
    }
    let mounted = match IDLE.with(|idle| idle.borrow_mut().pop()) {
        Some(mut pooled) => {
            container.append_child(&pooled.root)?;
            pooled.app.update(props.clone());
            pooled
        }
        None => {
            let document = web_sys::window()
                .and_then(|w| w.document())
                .ok_or("no document")?;
            let root = document.create_element("div")?;
            root.set_class_name("root");
            container.append_child(&root)?;
            let app =
                yew::Renderer::<App>::with_root_and_props(root.clone(), props.clone()).render();
            Pooled { root, app }
        }
    };
    Ok(Widget {
        mounted: Some(mounted),
        props,
    })
}
