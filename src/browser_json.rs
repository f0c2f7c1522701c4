//! JSON out of the widget: the core's neutral [`Json`] tree as a JS value,
//! for the details of the events it sends to the host page. (Deck JSON is
//! read by the deck checker, crates/extras.)

use js_sys::{Array, Object, Reflect};
use wasm_bindgen::JsValue;

use crate::domain::Json;

pub fn to_js(json: &Json) -> JsValue {
    match json {
        Json::Null => JsValue::NULL,
        Json::Bool(b) => JsValue::from_bool(*b),
        Json::Number(n) => JsValue::from_f64(*n),
        Json::String(s) => JsValue::from_str(s),
        Json::Array(items) => items.iter().map(to_js).collect::<Array>().into(),
        Json::Object(fields) => {
            let object = Object::new();
            for (key, value) in fields {
                let _ = Reflect::set(&object, &JsValue::from_str(key), &to_js(value));
            }
            object.into()
        }
    }
}
