//! Events for the host page, dispatched on the `<backwise-widget>` element:
//! bubbling and composed, with a plain-data detail and no personal data.

use web_sys::{CustomEvent, CustomEventInit, Element};

use crate::browser_json::to_js;
use crate::domain::Json;

pub fn dispatch_host_event(host: Option<&Element>, name: &str, detail: &Json) {
    let Some(host) = host else { return };
    let detail = to_js(detail);
    let init = CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_detail(&detail);
    if let Ok(event) = CustomEvent::new_with_event_init_dict(name, &init) {
        let _ = host.dispatch_event(&event);
    }
}
