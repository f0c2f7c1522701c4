//! Static HTML of a deck, for pasting inside `<backwise-widget>` as the
//! no-JavaScript and crawler fallback. Every deck string is escaped.

use std::fmt::Write;

use crate::deck::{Deck, TipKind};

pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
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
    out
}

/// Whether `text` opens with the word `word` (any case), as "Don't lift"
/// opens with "Don't" and "Dominate" does not open with "Do".
fn opens_with(text: &str, word: &str) -> bool {
    text.get(..word.len())
        .is_some_and(|head| head.eq_ignore_ascii_case(word))
        && !text[word.len()..].starts_with(char::is_alphanumeric)
}

/// Renders the tips and the quiz answers as plain, unstyled HTML.
pub fn fallback_html(deck: &Deck) -> String {
    let ui = &deck.ui;
    let mut html = String::new();
    let e = escape;
    // `write!` into a String cannot fail.
    let _ = writeln!(
        html,
        "<div class=\"backwise-fallback\" lang=\"{}\">",
        e(&deck.lang)
    );
    let _ = writeln!(html, "<h2>{}</h2>", e(&deck.title));
    let _ = writeln!(
        html,
        "<details open><summary>{}</summary>\n<ol>",
        e(ui.tab_tips())
    );
    for tip in &deck.tips {
        let badge = match tip.kind {
            TipKind::Do => ui.badge_do(),
            TipKind::Dont => ui.badge_dont(),
        };
        // "Don't lift …" says its kind already: no "Don't: Don't lift …".
        let head = if opens_with(&tip.headline, badge) {
            e(&tip.headline)
        } else {
            format!("{}: {}", e(badge), e(&tip.headline))
        };
        let _ = writeln!(html, "<li><strong>{head}</strong> {}</li>", e(&tip.detail));
    }
    let _ = writeln!(html, "</ol></details>");
    let _ = writeln!(
        html,
        "<details><summary>{}: {}</summary>\n<ul>",
        e(ui.tab_quiz()),
        e(&deck.quiz.prompt)
    );
    for item in &deck.quiz.items {
        let _ = write!(
            html,
            "<li><strong>{}</strong>: {}. {}",
            e(&item.label),
            e(deck.quiz.bins.label(item.answer)),
            e(&item.why)
        );
        if let Some(alt) = item.instead.and_then(|i| deck.quiz.items.get(i)) {
            let instead = crate::text::fill(ui.instead(), &[("item", &alt.label)]);
            let _ = write!(html, " {}", e(&instead));
        }
        let _ = writeln!(html, "</li>");
    }
    let _ = writeln!(html, "</ul></details>");
    let _ = writeln!(html, "<p><small>{}</small></p>", e(&deck.disclaimer));
    let source = match &deck.source.url {
        Some(url) => format!("<a href=\"{}\">{}</a>", e(url), e(&deck.source.title)),
        None => e(&deck.source.title),
    };
    let _ = writeln!(
        html,
        "<p><small>{} {}</small></p>",
        e(ui.source_label()),
        source
    );
    html.push_str("</div>\n");
    html
}
