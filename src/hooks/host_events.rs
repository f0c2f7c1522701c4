//! Events for the host page, dispatched on the `<backwise-widget>` element:
//! bubbling and composed, with a JSON-shaped detail and no personal data.

use serde::Serialize;
use wasm_bindgen::JsValue;
use web_sys::{CustomEvent, CustomEventInit, Element};

pub fn dispatch_host_event<T: Serialize>(host: Option<&Element>, name: &str, detail: &T) {
    let Some(host) = host else { return };
    let detail = serde_json::to_string(detail)
        .ok()
        .and_then(|text| js_sys::JSON::parse(&text).ok())
        .unwrap_or(JsValue::NULL);
    let init = CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_detail(&detail);
    if let Ok(event) = CustomEvent::new_with_event_init_dict(name, &init) {
        let _ = host.dispatch_event(&event);
    }
}
