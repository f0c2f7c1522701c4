//! Deck JSON read with the browser's own `JSON.parse`, into the core's
//! neutral [`Json`] tree.

use js_sys::{Array, JSON, Object};
use wasm_bindgen::{JsCast, JsValue};

use backwise_core::json::{Json, MAX_DEPTH, SyntaxError};

fn too_deep() -> SyntaxError {
    SyntaxError {
        at: None,
        message: format!("nested more than {MAX_DEPTH} levels deep"),
    }
}

fn from_js(value: &JsValue, depth: usize) -> Result<Json, SyntaxError> {
    if depth > MAX_DEPTH {
        return Err(too_deep());
    }
    if value.is_null() || value.is_undefined() {
        Ok(Json::Null)
    } else if let Some(b) = value.as_bool() {
        Ok(Json::Bool(b))
    } else if let Some(n) = value.as_f64() {
        Ok(Json::Number(n))
    } else if let Some(s) = value.as_string() {
        Ok(Json::String(s))
    } else if Array::is_array(value) {
        let array: &Array = value.unchecked_ref();
        array
            .iter()
            .map(|item| from_js(&item, depth + 1))
            .collect::<Result<_, _>>()
            .map(Json::Array)
    } else {
        let entries = Object::entries(value.unchecked_ref());
        entries
            .iter()
            .map(|entry| {
                let pair: Array = entry.unchecked_into();
                let key = pair.get(0).as_string().unwrap_or_default();
                Ok((key, from_js(&pair.get(1), depth + 1)?))
            })
            .collect::<Result<_, _>>()
            .map(Json::Object)
    }
}

/// The message of what `JSON.parse` threw: a `SyntaxError`, whose message
/// says where the text went wrong.
fn error_message(thrown: &JsValue) -> String {
    thrown
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| thrown.as_string())
        .unwrap_or_else(|| "not valid JSON".to_string())
}

/// Parses JSON text with the browser's parser.
pub fn parse(text: &str) -> Result<Json, SyntaxError> {
    let value = JSON::parse(text).map_err(|e| SyntaxError {
        at: None,
        message: error_message(&e),
    })?;
    from_js(&value, 0)
}
