//! HTML text escaping, shared by the fallback (command line) and the
//! take-home sheet (command line and widget).

/// Appends `text` to `out` as HTML text or a quoted attribute value: every
/// character that could open markup or close an attribute is written as an
/// entity.
pub fn push_escaped(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
}

/// `text` escaped as by [`push_escaped`].
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    push_escaped(&mut out, text);
    out
}
