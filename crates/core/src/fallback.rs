//! Static HTML of a deck, for pasting inside `<backwise-widget>` as the
//! no-JavaScript and crawler fallback, with the deck's schema.org JSON-LD.
//! Every deck string is escaped.

use std::fmt::Write;

use serde_json::json;

use crate::deck::{Deck, TipKind};
use crate::html::escape;

/// Whether `text` opens with the word `word` (any case), as "Don't lift"
/// opens with "Don't" and "Dominate" does not open with "Do".
fn opens_with(text: &str, word: &str) -> bool {
    text.get(..word.len())
        .is_some_and(|head| head.eq_ignore_ascii_case(word))
        && !text[word.len()..].starts_with(char::is_alphanumeric)
}

/// The deck as schema.org JSON-LD: the quiz as a `Quiz` (a kind of
/// `LearningResource`) named by its title, in its language, based on its
/// source, and when the deck names them, who reviewed it and when. It
/// states nothing the deck does not: no medical claims.
///
/// The text is meant for a `<script type="application/ld+json">` element,
/// which ends at the first `</script` in it: every `<` (only ever inside a
/// string) is written as `\u003c`, which a JSON reader turns back into `<`.
pub fn json_ld(deck: &Deck) -> String {
    let mut source = json!({ "@type": "CreativeWork", "name": deck.source.title });
    if let Some(url) = &deck.source.url {
        source["url"] = json!(url);
    }
    let mut quiz = json!({
        "@context": "https://schema.org",
        "@type": "Quiz",
        // A page with two widgets of one deck carries this block twice (it
        // is part of each one's fallback): the same id says it is one quiz.
        // Relative, so it names the quiz on the page that shows it.
        "@id": format!("#backwise-{}", deck.id),
        "name": deck.title,
        "inLanguage": deck.lang,
        "about": { "@type": "Thing", "name": deck.title },
        "isBasedOn": source,
    });
    // schema.org lists these two on WebPage. The page is the blogger's, not
    // the deck's, so they describe the quiz, which is what was reviewed.
    if let Some(reviewer) = &deck.reviewed_by {
        quiz["reviewedBy"] = json!({
            "@type": "Person",
            "name": reviewer.name,
            "hasCredential": {
                "@type": "EducationalOccupationalCredential",
                "name": reviewer.credential,
            },
        });
    }
    if let Some(date) = &deck.last_reviewed {
        quiz["lastReviewed"] = json!(date);
    }
    quiz.to_string().replace('<', "\\u003c")
}

/// Renders the tips and the quiz answers as plain, unstyled HTML, then the
/// deck's JSON-LD ([`json_ld`]).
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
    if let Some(note) = deck.review_note() {
        let _ = writeln!(html, "<p><small>{}</small></p>", e(&note));
    }
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
    // Data, not a script: a strict Content-Security-Policy allows it.
    let _ = writeln!(
        html,
        "<script type=\"application/ld+json\">{}</script>",
        json_ld(deck)
    );
    html
}

#[cfg(test)]
mod tests {
    use serde_json::Value;

    use super::*;
    use crate::deck::Reviewer;
    use crate::validate::parse_deck;

    fn builtin() -> Deck {
        parse_deck(crate::BUILTIN_DECK_JSON).expect("the built-in deck is valid")
    }

    /// The one JSON-LD block of some HTML, as a reader of the page's
    /// structured data parses it.
    fn structured_data(html: &str) -> Value {
        let open = "<script type=\"application/ld+json\">";
        assert_eq!(
            html.matches("<script").count(),
            1,
            "one script element: {html}"
        );
        let start = html.find(open).expect("a JSON-LD block") + open.len();
        let end = start + html[start..].find("</script>").expect("closed");
        serde_json::from_str(&html[start..end]).expect("valid JSON")
    }

    #[test]
    fn the_json_ld_names_the_quiz_its_language_and_its_source() {
        let deck = builtin();
        let data: Value = serde_json::from_str(&json_ld(&deck)).expect("valid JSON");
        assert_eq!(data["@context"], "https://schema.org");
        assert_eq!(data["@type"], "Quiz");
        assert_eq!(data["@id"], "#backwise-back-pain");
        assert_eq!(data["name"], deck.title.as_str());
        assert_eq!(data["inLanguage"], "en");
        assert_eq!(data["about"]["name"], deck.title.as_str());
        assert_eq!(data["isBasedOn"]["@type"], "CreativeWork");
        assert_eq!(data["isBasedOn"]["name"], deck.source.title.as_str());
        // The built-in deck has no source URL and names no reviewer: the
        // block claims neither.
        assert_eq!(deck.source.url, None);
        assert_eq!(data["isBasedOn"].get("url"), None);
        assert_eq!(data.get("reviewedBy"), None);
        assert_eq!(data.get("lastReviewed"), None);
    }

    #[test]
    fn the_json_ld_carries_the_reviewer_the_date_and_the_source_url() {
        let mut deck = builtin();
        deck.source.url = Some("https://example.org/article?a=1&b=2".into());
        deck.reviewed_by = Some(Reviewer {
            name: "Dana Example".into(),
            credential: "Physical therapist, DPT".into(),
        });
        deck.last_reviewed = Some("2024-02-29".into());
        let data: Value = serde_json::from_str(&json_ld(&deck)).expect("valid JSON");
        assert_eq!(
            data["isBasedOn"]["url"],
            "https://example.org/article?a=1&b=2"
        );
        assert_eq!(data["reviewedBy"]["@type"], "Person");
        assert_eq!(data["reviewedBy"]["name"], "Dana Example");
        assert_eq!(
            data["reviewedBy"]["hasCredential"]["name"],
            "Physical therapist, DPT"
        );
        assert_eq!(data["lastReviewed"], "2024-02-29");
        // The fallback shows them too, for readers without JavaScript.
        assert!(
            fallback_html(&deck).contains(
                "<p><small>Reviewed by Dana Example, Physical therapist, DPT. \
                 Last reviewed on 2024-02-29.</small></p>"
            ),
            "{}",
            fallback_html(&deck)
        );
    }

    #[test]
    fn a_deck_string_cannot_close_the_script_element() {
        let mut deck = builtin();
        deck.title = "Quiz</script><script>alert(1)</script><!--".into();
        deck.reviewed_by = Some(Reviewer {
            name: "</SCRIPT>".into(),
            credential: "\"quoted\" \\ and \u{2028}".into(),
        });
        let html = fallback_html(&deck);
        assert_eq!(html.matches("</script>").count(), 1, "{html}");
        assert!(!html.to_lowercase().contains("</script><"), "{html}");
        let data = structured_data(&html);
        assert_eq!(
            data["name"],
            deck.title.as_str(),
            "the title reads back as written"
        );
        assert_eq!(data["reviewedBy"]["name"], "</SCRIPT>");
        assert_eq!(
            data["reviewedBy"]["hasCredential"]["name"],
            "\"quoted\" \\ and \u{2028}"
        );
    }

    #[test]
    fn the_fallback_ends_with_the_json_ld_after_the_visible_part() {
        let deck = builtin();
        let html = fallback_html(&deck);
        let data = structured_data(&html);
        assert_eq!(data["name"], deck.title.as_str());
        let div_end = html.find("</div>").expect("the visible part");
        assert!(html.find("<script").expect("the JSON-LD") > div_end);
        assert!(html.ends_with("</script>\n"));
    }
}
