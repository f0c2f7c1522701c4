//! A neutral JSON tree: what the deck validator reads, and what the widget
//! builds its event details from. On the host it is read with serde
//! (serde_json); in the widget it is built from the browser's own
//! `JSON.parse`, which keeps a JSON text parser, and float formatting, out
//! of the wasm.

use std::fmt;

use serde::de::{Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};

#[derive(Clone, Debug, PartialEq)]
pub enum Json {
    Null,
    Bool(bool),
    Number(f64),
    String(String),
    Array(Vec<Json>),
    /// Keys in the order they first appear, each once: a key repeated in
    /// the text keeps its last value, as the browser's `JSON.parse` does, so
    /// that the command line and the widget read a deck the same way.
    Object(Vec<(String, Json)>),
}

/// Deeper nesting than this is refused: no deck needs it, and hostile input
/// must not exhaust the stack.
pub const MAX_DEPTH: usize = 64;

impl Json {
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Json::String(s) => Some(s),
            _ => None,
        }
    }

    /// The value as a non-negative integer that fits a usize.
    pub fn as_index(&self) -> Option<usize> {
        match *self {
            Json::Number(n) if n >= 0.0 && n.fract() == 0.0 && n <= 9_007_199_254_740_991.0 => {
                Some(n as usize)
            }
            _ => None,
        }
    }

    pub fn get(&self, key: &str) -> Option<&Json> {
        match self {
            Json::Object(fields) => fields.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    pub fn as_array(&self) -> Option<&[Json]> {
        match self {
            Json::Array(items) => Some(items),
            _ => None,
        }
    }

    /// How a value is named in an error: strings quoted (and cut short),
    /// integers as written, everything else by kind.
    pub fn describe(&self) -> String {
        match self {
            Json::Null => "null".into(),
            Json::Bool(b) => if *b { "true" } else { "false" }.into(),
            Json::Number(n) if n.fract() == 0.0 && n.abs() < 1e15 => (*n as i64).to_string(),
            Json::Number(_) => "a number".into(),
            Json::String(s) => {
                let short: String = s.chars().take(40).collect();
                if short.len() < s.len() {
                    format!("\"{short}…\"")
                } else {
                    format!("\"{s}\"")
                }
            }
            Json::Array(_) => "an array".into(),
            Json::Object(_) => "an object".into(),
        }
    }
}

impl From<&str> for Json {
    fn from(s: &str) -> Self {
        Json::String(s.to_string())
    }
}

impl From<usize> for Json {
    fn from(n: usize) -> Self {
        Json::Number(n as f64)
    }
}

impl<T: Into<Json>> From<Option<T>> for Json {
    fn from(v: Option<T>) -> Self {
        v.map_or(Json::Null, Into::into)
    }
}

/// Builds an object from `(key, value)` pairs.
pub fn object<const N: usize>(fields: [(&str, Json); N]) -> Json {
    Json::Object(
        fields
            .into_iter()
            .map(|(k, v)| (k.to_string(), v))
            .collect(),
    )
}

impl<'de> Deserialize<'de> for Json {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(JsonVisitor)
    }
}

struct JsonVisitor;

impl<'de> Visitor<'de> for JsonVisitor {
    type Value = Json;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }
    fn visit_unit<E>(self) -> Result<Json, E> {
        Ok(Json::Null)
    }
    fn visit_none<E>(self) -> Result<Json, E> {
        Ok(Json::Null)
    }
    fn visit_bool<E>(self, v: bool) -> Result<Json, E> {
        Ok(Json::Bool(v))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Json, E> {
        Ok(Json::Number(v as f64))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Json, E> {
        Ok(Json::Number(v as f64))
    }
    fn visit_f64<E>(self, v: f64) -> Result<Json, E> {
        Ok(Json::Number(v))
    }
    fn visit_str<E>(self, v: &str) -> Result<Json, E> {
        Ok(Json::String(v.to_string()))
    }
    fn visit_string<E>(self, v: String) -> Result<Json, E> {
        Ok(Json::String(v))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Json, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element()? {
            items.push(item);
        }
        Ok(Json::Array(items))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Json, A::Error> {
        let mut fields: Vec<(String, Json)> = Vec::new();
        while let Some((key, value)) = map.next_entry::<String, Json>()? {
            match fields.iter_mut().find(|(seen, _)| *seen == key) {
                Some((_, earlier)) => *earlier = value,
                None => fields.push((key, value)),
            }
        }
        Ok(Json::Object(fields))
    }
}

/// A JSON text that could not be read.
#[derive(Clone, Debug, PartialEq)]
pub struct SyntaxError {
    /// Line and column, when the parser reports them.
    pub at: Option<(usize, usize)>,
    pub message: String,
}

/// Reads JSON text with serde_json (host side: the CLI and the tests).
#[cfg(not(target_arch = "wasm32"))]
pub fn parse(text: &str) -> Result<Json, SyntaxError> {
    serde_json::from_str(text).map_err(|e| {
        let message = e.to_string();
        // serde_json ends its message with " at line L column C".
        let message = message
            .rfind(" at line ")
            .map_or(message.clone(), |cut| message[..cut].to_string());
        SyntaxError {
            at: Some((e.line(), e.column())),
            message,
        }
    })
}

// Host-only: proptest and serde_json are host dev-dependencies.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn reads_every_kind_in_key_order() {
        let v = parse(r#"{"b": [1, 2.5, true, null], "a": "x"}"#).unwrap();
        let Json::Object(fields) = &v else {
            panic!("object")
        };
        let keys: Vec<&str> = fields.iter().map(|(k, _)| k.as_str()).collect();
        assert_eq!(keys, ["b", "a"]);
        assert_eq!(v.get("a"), Some(&Json::String("x".into())));
        assert_eq!(
            v.get("b")
                .and_then(Json::as_array)
                .map(|a| a.iter().map(Json::describe).collect::<Vec<_>>()),
            Some(vec![
                "1".to_string(),
                "a number".into(),
                "true".into(),
                "null".into()
            ])
        );
    }

    /// `JSON.parse('{"a": 1, "b": 2, "a": {"c": 3}}')` is `{a: {c: 3}, b: 2}`.
    #[test]
    fn a_repeated_key_keeps_its_last_value_in_its_first_place_like_json_parse() {
        let v = parse(r#"{"a": 1, "b": 2, "a": {"c": 3, "c": 4}}"#).unwrap();
        assert_eq!(
            v,
            object([
                ("a", object([("c", Json::Number(4.0))])),
                ("b", Json::Number(2.0)),
            ])
        );
    }

    #[test]
    fn indices_are_whole_non_negative_numbers() {
        assert_eq!(Json::Number(3.0).as_index(), Some(3));
        assert_eq!(Json::Number(-1.0).as_index(), None);
        assert_eq!(Json::Number(1.5).as_index(), None);
        assert_eq!(Json::from("3").as_index(), None);
    }

    #[test]
    fn syntax_errors_say_where() {
        let e = parse("{\n  oops }").unwrap_err();
        assert_eq!(e.at, Some((2, 3)));
        assert!(
            e.message.starts_with("key must be a string"),
            "{}",
            e.message
        );
    }

    #[test]
    fn hostile_nesting_is_an_error_not_a_crash() {
        let deep = "[".repeat(100_000);
        assert!(parse(&deep).is_err());
    }
}
