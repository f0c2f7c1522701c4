//! The take-home sheet: a deck's do's and don'ts, the reader's mistakes
//! with the safer alternative, the disclaimer and the source, as one
//! printable page. The widget prints it from the Tips view and the quiz
//! results; the command line writes it as a static page. Deck strings are
//! only ever text: text nodes in the widget, escaped HTML on the command
//! line.

use crate::deck::{Deck, TipKind};
use crate::html::push_escaped;
use crate::text::fill;

/// The sheet's print style sheet (`styles/sheet.css`): black on white,
/// compact enough that the built-in deck with every item as a mistake fits
/// one A4 page and one US Letter page.
pub const SHEET_CSS: &str = include_str!("../../../styles/sheet.css");

/// A node of the sheet: an element, or text. The widget builds the sheet's
/// document from these nodes with DOM calls (deck text is only ever a text
/// node there); the command line writes them as HTML with every string
/// escaped ([`Node::to_html`]).
#[derive(Clone, Debug, PartialEq)]
pub enum Node {
    Element(Element),
    Text(String),
}

#[derive(Clone, Debug, PartialEq)]
pub struct Element {
    pub tag: &'static str,
    /// Attribute names and values (`class`, `lang`).
    pub attrs: Vec<(&'static str, String)>,
    pub children: Vec<Node>,
}

/// An element with no attributes.
fn el(tag: &'static str, children: Vec<Node>) -> Node {
    Node::Element(Element {
        tag,
        attrs: Vec::new(),
        children,
    })
}

/// An element with one attribute.
fn el_with(tag: &'static str, attr: (&'static str, &str), children: Vec<Node>) -> Node {
    Node::Element(Element {
        tag,
        attrs: vec![(attr.0, attr.1.to_string())],
        children,
    })
}

fn text(text: &str) -> Node {
    Node::Text(text.to_string())
}

impl Node {
    /// The node as HTML: tags as they are, every text and attribute value
    /// escaped.
    pub fn to_html(&self) -> String {
        let mut out = String::new();
        self.write_html(&mut out);
        out
    }

    fn write_html(&self, out: &mut String) {
        match self {
            Node::Text(t) => push_escaped(out, t),
            Node::Element(e) => {
                out.push('<');
                out.push_str(e.tag);
                for (name, value) in &e.attrs {
                    out.push(' ');
                    out.push_str(name);
                    out.push_str("=\"");
                    push_escaped(out, value);
                    out.push('"');
                }
                out.push('>');
                for child in &e.children {
                    child.write_html(out);
                }
                out.push_str("</");
                out.push_str(e.tag);
                out.push('>');
            }
        }
    }
}

/// The sheet (one `<article>`), for the body of a page styled with
/// [`SHEET_CSS`]. `mistakes` are indices into the deck's quiz items, in the
/// order to list them; without any, the sheet has no "Worth a second look"
/// section. An index past the items is skipped.
pub fn sheet(deck: &Deck, mistakes: &[usize]) -> Node {
    let ui = &deck.ui;
    let items = &deck.quiz.items;
    let mut tip_lists = Vec::new();
    for (kind, heading) in [
        (TipKind::Do, ui.filter_do()),
        (TipKind::Dont, ui.filter_dont()),
    ] {
        let tips: Vec<Node> = deck
            .tips
            .iter()
            .filter(|t| t.kind == kind)
            .map(|tip| {
                el(
                    "li",
                    vec![
                        el("strong", vec![text(&tip.headline)]),
                        text(" "),
                        text(&tip.detail),
                    ],
                )
            })
            .collect();
        if !tips.is_empty() {
            tip_lists.push(el(
                "section",
                vec![el("h2", vec![text(heading)]), el("ul", tips)],
            ));
        }
    }
    let mut article = vec![
        el("h1", vec![text(&deck.title)]),
        el_with("div", ("class", "tips"), tip_lists),
    ];
    let wrong: Vec<Node> = mistakes
        .iter()
        .filter_map(|&i| items.get(i))
        .map(|item| {
            let bin = deck.quiz.bins.label(item.answer);
            let mut entry = vec![
                el("strong", vec![text(&item.label)]),
                text(" "),
                el("em", vec![text(&fill(ui.belongs_in(), &[("bin", bin)]))]),
                text(" "),
                text(&item.why),
            ];
            if let Some(alt) = item.instead.and_then(|i| items.get(i)) {
                entry.push(text(" "));
                entry.push(el(
                    "em",
                    vec![text(&fill(ui.instead(), &[("item", &alt.label)]))],
                ));
            }
            el("li", entry)
        })
        .collect();
    if !wrong.is_empty() {
        article.push(el_with(
            "section",
            ("class", "mistakes"),
            vec![el("h2", vec![text(ui.sheet_mistakes())]), el("ul", wrong)],
        ));
    }
    let mut footer = vec![el("p", vec![text(&deck.disclaimer)])];
    if let Some(note) = deck.review_note() {
        footer.push(el("p", vec![text(&note)]));
    }
    let mut source = vec![text(ui.source_label()), text(" "), text(&deck.source.title)];
    // As text: the sheet is read on paper.
    if let Some(url) = &deck.source.url {
        source.push(text(", "));
        source.push(el_with("span", ("class", "url"), vec![text(url)]));
    }
    footer.push(el("p", source));
    article.push(el("footer", footer));
    Node::Element(Element {
        tag: "article",
        attrs: vec![("class", "sheet".to_string()), ("lang", deck.lang.clone())],
        children: article,
    })
}

/// [`sheet`] as an HTML fragment.
pub fn sheet_html(deck: &Deck, mistakes: &[usize]) -> String {
    sheet(deck, mistakes).to_html()
}

/// The sheet as a standalone page (no mistakes: the reader's are not
/// known), for a blogger who wants a printable page: what `backwise sheet`
/// writes.
pub fn sheet_page(deck: &Deck) -> String {
    let mut page = String::from("<!doctype html>\n<html lang=\"");
    push_escaped(&mut page, &deck.lang);
    page.push_str("\">\n<head>\n<meta charset=\"utf-8\">\n");
    page.push_str(
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>",
    );
    push_escaped(&mut page, &deck.title);
    page.push_str("</title>\n<style>\n");
    page.push_str(SHEET_CSS);
    page.push_str("</style>\n</head>\n<body>\n");
    page.push_str(&sheet_html(deck, &[]));
    page.push_str("\n</body>\n</html>\n");
    page
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
