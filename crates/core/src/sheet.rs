//! The take-home sheet: a deck's do's and don'ts, the reader's mistakes
//! with the safer alternative, the disclaimer and the source, as one
//! printable page. The widget prints it from the Tips view and the quiz
//! results; the command line writes it as a static page. Every deck string
//! is escaped.

use crate::deck::{Deck, TipKind};
use crate::html::push_escaped;
use crate::text::fill;

/// The sheet's print style sheet (`styles/sheet.css`): black on white,
/// compact enough that the built-in deck with every item as a mistake fits
/// one A4 page and one US Letter page.
pub const SHEET_CSS: &str = include_str!("../../../styles/sheet.css");

/// HTML written in order: markup as it is, deck text escaped. (Plain
/// appends rather than `write!`: this runs in the widget too, where
/// formatting code costs bytes.)
struct Html(String);

impl Html {
    fn tag(&mut self, markup: &str) -> &mut Self {
        self.0.push_str(markup);
        self
    }

    fn text(&mut self, text: &str) -> &mut Self {
        push_escaped(&mut self.0, text);
        self
    }
}

/// The sheet as an HTML fragment (one `<article>`), for the body of a page
/// styled with [`SHEET_CSS`]. `mistakes` are indices into the deck's quiz
/// items, in the order to list them; without any, the sheet has no
/// "Worth a second look" section. An index past the items is skipped.
pub fn sheet_html(deck: &Deck, mistakes: &[usize]) -> String {
    let ui = &deck.ui;
    let items = &deck.quiz.items;
    let mut h = Html(String::with_capacity(8 * 1024));
    h.tag("<article class=\"sheet\" lang=\"")
        .text(&deck.lang)
        .tag("\"><h1>")
        .text(&deck.title)
        .tag("</h1><div class=\"tips\">");
    for (kind, heading) in [
        (TipKind::Do, ui.filter_do()),
        (TipKind::Dont, ui.filter_dont()),
    ] {
        let mut tips = deck.tips.iter().filter(|t| t.kind == kind).peekable();
        if tips.peek().is_none() {
            continue;
        }
        h.tag("<section><h2>").text(heading).tag("</h2><ul>");
        for tip in tips {
            h.tag("<li><strong>")
                .text(&tip.headline)
                .tag("</strong> ")
                .text(&tip.detail)
                .tag("</li>");
        }
        h.tag("</ul></section>");
    }
    h.tag("</div>");
    let mut mistakes = mistakes.iter().filter_map(|&i| items.get(i)).peekable();
    if mistakes.peek().is_some() {
        h.tag("<section class=\"mistakes\"><h2>")
            .text(ui.sheet_mistakes())
            .tag("</h2><ul>");
        for item in mistakes {
            let bin = deck.quiz.bins.label(item.answer);
            h.tag("<li><strong>")
                .text(&item.label)
                .tag("</strong> <em>")
                .text(&fill(ui.belongs_in(), &[("bin", bin)]))
                .tag("</em> ")
                .text(&item.why);
            if let Some(alt) = item.instead.and_then(|i| items.get(i)) {
                h.tag(" <em>")
                    .text(&fill(ui.instead(), &[("item", &alt.label)]))
                    .tag("</em>");
            }
            h.tag("</li>");
        }
        h.tag("</ul></section>");
    }
    h.tag("<footer><p>").text(&deck.disclaimer).tag("</p>");
    if let Some(note) = deck.review_note() {
        h.tag("<p>").text(&note).tag("</p>");
    }
    h.tag("<p>")
        .text(ui.source_label())
        .tag(" ")
        .text(&deck.source.title);
    // As text: the sheet is read on paper.
    if let Some(url) = &deck.source.url {
        h.tag(", <span class=\"url\">").text(url).tag("</span>");
    }
    h.tag("</p></footer></article>");
    h.0
}

/// The sheet as a standalone page (no mistakes: the reader's are not
/// known), for a blogger who wants a printable page: what `backwise sheet`
/// writes.
pub fn sheet_page(deck: &Deck) -> String {
    let mut h = Html(String::new());
    h.tag("<!doctype html>\n<html lang=\"")
        .text(&deck.lang)
        .tag("\">\n<head>\n<meta charset=\"utf-8\">\n")
        .tag("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>")
        .text(&deck.title)
        .tag("</title>\n<style>\n")
        .tag(SHEET_CSS)
        .tag("</style>\n</head>\n<body>\n")
        .tag(&sheet_html(deck, &[]))
        .tag("\n</body>\n</html>\n");
    h.0
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::deck::{Bin, Reviewer};
    use crate::html::escape as e;
    use crate::validate::parse_deck;

    fn builtin() -> Deck {
        parse_deck(crate::BUILTIN_DECK_JSON).expect("the built-in deck is valid")
    }

    /// The text between the first `open` and the next `close` after it.
    fn between<'a>(html: &'a str, open: &str, close: &str) -> &'a str {
        let start = html
            .find(open)
            .unwrap_or_else(|| panic!("{open} in {html}"))
            + open.len();
        let end = html[start..].find(close).expect("closed");
        &html[start..start + end]
    }

    #[test]
    fn the_sheet_has_the_title_every_tip_in_its_list_the_disclaimer_and_the_source() {
        let deck = builtin();
        let html = sheet_html(&deck, &[]);
        assert!(html.starts_with("<article class=\"sheet\" lang=\"en\">"));
        assert!(html.ends_with("</article>"));
        assert_eq!(between(&html, "<h1>", "</h1>"), e(&deck.title));
        let lists: Vec<&str> = html.split("<section><h2>").skip(1).collect();
        assert_eq!(lists.len(), 2, "a list of do's and one of don'ts");
        assert!(lists[0].starts_with("Do&#39;s</h2>"), "{}", lists[0]);
        assert!(lists[1].starts_with("Don&#39;ts</h2>"), "{}", lists[1]);
        for tip in &deck.tips {
            let entry = format!(
                "<li><strong>{}</strong> {}</li>",
                e(&tip.headline),
                e(&tip.detail)
            );
            let list = if tip.kind == TipKind::Do { 0 } else { 1 };
            assert!(lists[list].contains(&entry), "{} in its list", tip.id);
        }
        let footer = between(&html, "<footer>", "</footer>");
        assert!(footer.contains(&e(&deck.disclaimer)), "{footer}");
        assert!(
            footer.contains(&format!("Source: {}", e(&deck.source.title))),
            "{footer}"
        );
    }

    #[test]
    fn without_mistakes_there_is_no_second_look_section() {
        let deck = builtin();
        for html in [sheet_html(&deck, &[]), sheet_html(&deck, &[99, 1000])] {
            assert!(!html.contains("mistakes"), "{html}");
            assert!(!html.contains("Worth a second look"), "{html}");
        }
    }

    #[test]
    fn each_mistake_has_its_bin_its_why_and_the_safer_alternative() {
        let deck = builtin();
        let situps = deck.item_index("straight-leg-situps").expect("item");
        let walking = deck.item_index("walking").expect("item");
        let html = sheet_html(&deck, &[situps, walking]);
        let section = between(&html, "<section class=\"mistakes\">", "</section>");
        assert!(
            section.starts_with("<h2>Worth a second look</h2>"),
            "{section}"
        );
        let entries: Vec<&str> = section.split("<li>").skip(1).collect();
        assert_eq!(entries.len(), 2, "{section}");
        let situps_item = &deck.quiz.items[situps];
        assert_eq!(situps_item.answer, Bin::Avoid);
        assert!(
            entries[0]
                .starts_with("<strong>Straight-leg sit-ups</strong> <em>Belongs in: Avoid</em> ")
        );
        assert!(entries[0].contains(&e(&situps_item.why)), "{}", entries[0]);
        let alt = &deck.quiz.items[situps_item.instead.expect("an alternative")];
        let instead = format!("<em>Instead: {}</em>", e(&alt.label));
        assert!(entries[0].contains(&instead), "{}", entries[0]);
        assert!(entries[1].contains("<em>Belongs in: Safe alternative</em>"));
        assert!(
            !entries[1].contains("Instead"),
            "a safe item has no alternative"
        );
        // Items that were right stay off the list.
        let right = &deck.quiz.items[deck.item_index("swimming").expect("item")];
        assert!(!section.contains(&e(&right.label)));
    }

    #[test]
    fn the_headings_come_from_the_deck_text() {
        let deck = parse_deck(include_str!("../../../decks/back-pain.es.json")).expect("es deck");
        let html = sheet_html(&deck, &[0]);
        assert!(html.contains("lang=\"es\""));
        assert!(html.contains("<h2>Qué hacer</h2>") && html.contains("<h2>Qué evitar</h2>"));
        assert!(html.contains("<h2>Para repasar</h2>"));
        assert!(html.contains("Va en: "));
        assert!(html.contains("Fuente: "));
    }

    #[test]
    fn hostile_deck_strings_stay_text() {
        let mut deck = builtin();
        let payload = "<script>alert(1)</script><img src=x onerror=alert(2)>\"'&";
        deck.title = payload.into();
        deck.lang = "en\" onload=\"x".into();
        deck.tips[0].headline = payload.into();
        deck.tips[0].detail = payload.into();
        deck.quiz.items[0].label = payload.into();
        deck.quiz.items[0].why = payload.into();
        deck.quiz.bins.avoid = payload.into();
        deck.disclaimer = payload.into();
        deck.source.title = payload.into();
        deck.source.url = Some(format!("https://example.org/?q={payload}"));
        deck.reviewed_by = Some(Reviewer {
            name: payload.into(),
            credential: payload.into(),
        });
        deck.ui.set("sheet_mistakes", payload.into());
        let html = sheet_html(&deck, &[0, 1, 2]);
        let page = sheet_page(&deck);
        for out in [&html, &page] {
            // Markup stays text, and no attribute is broken out of.
            for tag in ["<script", "<img", "\" onload="] {
                assert!(!out.contains(tag), "{tag} in {out}");
            }
        }
        let escaped = "&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;&quot;&#39;&amp;";
        assert!(html.matches(escaped).count() >= 10, "{html}");
        assert!(
            page.contains(&format!("<title>{escaped}</title>")),
            "{page}"
        );
    }

    #[test]
    fn the_page_is_a_standalone_document_with_the_style_sheet_and_no_mistakes() {
        let deck = builtin();
        let page = sheet_page(&deck);
        assert!(page.starts_with("<!doctype html>\n<html lang=\"en\">"));
        assert!(page.contains(&format!("<title>{}</title>", e(&deck.title))));
        assert!(page.contains(&format!("<style>\n{SHEET_CSS}</style>")));
        assert!(page.contains(&sheet_html(&deck, &[])));
        assert!(page.trim_end().ends_with("</html>"));
    }

    #[test]
    fn the_style_sheet_is_black_and_white() {
        // Any colour the sheet names is a grey: black, white or a grey value.
        let css = SHEET_CSS.to_lowercase();
        for word in [
            "rgb",
            "hsl",
            "lab(",
            "lch(",
            "color-mix",
            "oklch",
            "light-dark",
        ] {
            assert!(!css.contains(word), "{word} in sheet.css");
        }
        for hex in css.split('#').skip(1) {
            let digits: String = hex.chars().take_while(char::is_ascii_hexdigit).collect();
            let grey = match digits.len() {
                3 => digits.chars().all(|c| c == digits.as_bytes()[0] as char),
                6 => digits[0..2] == digits[2..4] && digits[2..4] == digits[4..6],
                _ => false,
            };
            assert!(grey, "#{digits} in sheet.css is not a grey");
        }
    }
}
