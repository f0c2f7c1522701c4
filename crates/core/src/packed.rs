//! The built-in deck, packed at build time so that the widget starts without
//! parsing or validating JSON.
//!
//! The widget's build.rs validates `decks/back-pain.json` with the same
//! validator as every other deck ([`crate::validate`]) and packs the valid
//! deck: its text fields in a fixed order, separated by U+001F, with counts
//! and indices as decimal numbers, and an empty field for an optional one
//! that is absent (validation allows no empty strings). Unpacking is a walk over that text: 0.7 ms
//! (median) at start-up on the benchmark machine, where parsing and
//! validating the JSON took 5.3 ms (bench/SAVINGS.md).
//!
//! A deck that does not validate is not packed: build.rs then hands the
//! widget the JSON text instead, and the widget shows the validator's error
//! card for it, as it would for a broken deck at a URL.

use crate::deck::{Bin, BinLabels, Deck, QuizItem, QuizSpec, Reviewer, Source, Tip, TipKind};
use crate::text::UiText;

/// Separates the fields. No deck text may contain it (see [`pack`]).
const SEP: char = '\u{1f}';

/// The deck packed for [`unpack`], or `None` when one of its strings holds
/// the separator (then the JSON is used instead).
pub fn pack(deck: &Deck) -> Option<String> {
    let mut fields: Vec<String> = Vec::new();
    let opt_index = |i: Option<usize>| i.map(|i| i.to_string()).unwrap_or_default();
    let (reviewer, credential) = match &deck.reviewed_by {
        Some(r) => (r.name.clone(), r.credential.clone()),
        None => Default::default(),
    };
    fields.extend([
        deck.id.clone(),
        deck.title.clone(),
        deck.lang.clone(),
        deck.source.title.clone(),
        deck.source.url.clone().unwrap_or_default(),
        deck.disclaimer.clone(),
        reviewer,
        credential,
        deck.last_reviewed.clone().unwrap_or_default(),
        deck.tips.len().to_string(),
    ]);
    for tip in &deck.tips {
        let kind = match tip.kind {
            TipKind::Do => "do",
            TipKind::Dont => "dont",
        };
        fields.extend([
            tip.id.clone(),
            kind.into(),
            tip.headline.clone(),
            tip.detail.clone(),
        ]);
    }
    let quiz = &deck.quiz;
    fields.extend([
        quiz.prompt.clone(),
        quiz.bins.safe.clone(),
        quiz.bins.avoid.clone(),
        quiz.items.len().to_string(),
    ]);
    for item in &quiz.items {
        fields.extend([
            item.id.clone(),
            item.label.clone(),
            item.answer.as_str().into(),
            item.why.clone(),
            opt_index(item.instead),
            opt_index(item.tip),
        ]);
    }
    let overrides: Vec<_> = deck.ui.overrides().collect();
    fields.push(overrides.len().to_string());
    for (key, text) in overrides {
        fields.extend([key.to_string(), text.to_string()]);
    }
    if fields.iter().any(|f| f.contains(SEP)) {
        return None;
    }
    Some(fields.join(&SEP.to_string()))
}

/// What build.rs compiles into the widget for deck JSON `text`: the packed
/// deck and no JSON when the deck is valid, or no packed deck and the JSON
/// (for the widget to validate and report) when it is not.
#[cfg(not(target_arch = "wasm32"))]
pub fn packed_or_json(text: &str) -> (String, String) {
    match crate::validate::parse_deck(text)
        .ok()
        .and_then(|d| pack(&d))
    {
        Some(packed) => (packed, String::new()),
        None => (String::new(), text.to_string()),
    }
}

/// Reads the fields of a packed deck in order. A missing field reads as
/// empty, and a missing number as none, so that no input can panic here;
/// only build.rs's output, from a validated deck, is ever read.
struct Fields<'a>(std::str::Split<'a, char>);

impl Fields<'_> {
    fn text(&mut self) -> String {
        self.0.next().unwrap_or_default().to_string()
    }

    /// An optional text field: empty means absent.
    fn optional_text(&mut self) -> Option<String> {
        Some(self.text()).filter(|t| !t.is_empty())
    }

    fn index(&mut self) -> Option<usize> {
        self.0.next()?.parse().ok()
    }

    fn count(&mut self) -> usize {
        self.index().unwrap_or(0)
    }
}

/// The deck that [`pack`] packed.
#[inline(never)]
pub fn unpack(packed: &str) -> Deck {
    let mut f = Fields(packed.split(SEP));
    let id = f.text();
    let title = f.text();
    let lang = f.text();
    let source = Source {
        title: f.text(),
        url: f.optional_text(),
    };
    let disclaimer = f.text();
    let reviewer = f.optional_text();
    let credential = f.text();
    let reviewed_by = reviewer.map(|name| Reviewer { name, credential });
    let last_reviewed = f.optional_text();
    let tips = (0..f.count())
        .map(|_| Tip {
            id: f.text(),
            kind: if f.text() == "do" {
                TipKind::Do
            } else {
                TipKind::Dont
            },
            headline: f.text(),
            detail: f.text(),
        })
        .collect();
    let prompt = f.text();
    let bins = BinLabels {
        safe: f.text(),
        avoid: f.text(),
    };
    let items = (0..f.count())
        .map(|_| QuizItem {
            id: f.text(),
            label: f.text(),
            answer: if f.text() == "avoid" {
                Bin::Avoid
            } else {
                Bin::Safe
            },
            why: f.text(),
            instead: f.index(),
            tip: f.index(),
        })
        .collect();
    let mut ui = UiText::default();
    for _ in 0..f.count() {
        let key = f.text();
        ui.set(&key, f.text());
    }
    Deck {
        id,
        title,
        lang,
        source,
        disclaimer,
        reviewed_by,
        last_reviewed,
        tips,
        quiz: QuizSpec {
            prompt,
            bins,
            items,
        },
        ui,
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::validate::parse_deck;

    /// A deck file, by its path from the repository root.
    fn deck(path: &str) -> Deck {
        let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");
        let text = std::fs::read_to_string(format!("{root}/{path}")).expect("deck file");
        parse_deck(&text).expect("valid deck")
    }

    #[test]
    fn the_shipped_decks_unpack_to_what_the_validator_reads() {
        for path in ["decks/back-pain.json", "decks/back-pain.es.json"] {
            let deck = deck(path);
            let packed = pack(&deck).expect("packs");
            assert_eq!(unpack(&packed), deck, "{path}");
        }
    }

    #[test]
    fn the_spanish_deck_keeps_its_ui_overrides() {
        let deck = deck("decks/back-pain.es.json");
        assert!(
            deck.ui.overrides().count() > 0,
            "the fixture overrides UI text"
        );
        assert_eq!(unpack(&pack(&deck).unwrap()).ui, deck.ui);
    }

    #[test]
    fn optional_fields_and_an_url_round_trip() {
        let mut deck = deck("decks/back-pain.json");
        deck.source.url = Some("https://example.org/article".into());
        deck.quiz.items[0].instead = None;
        deck.quiz.items[1].tip = None;
        assert_eq!(unpack(&pack(&deck).unwrap()), deck);
    }

    /// The built-in decks name no reviewer, so these fields are checked on
    /// a fixture deck that has both, and on the built-in deck given each
    /// one alone.
    #[test]
    fn the_reviewer_and_the_review_date_round_trip() {
        let reviewed = deck("e2e/fixtures/decks/reviewed.json");
        assert!(reviewed.reviewed_by.is_some() && reviewed.last_reviewed.is_some());
        assert_eq!(unpack(&pack(&reviewed).unwrap()), reviewed);

        let mut only_reviewer = deck("decks/back-pain.json");
        only_reviewer.reviewed_by = reviewed.reviewed_by.clone();
        assert_eq!(unpack(&pack(&only_reviewer).unwrap()), only_reviewer);

        let mut only_date = deck("decks/back-pain.json");
        only_date.last_reviewed = reviewed.last_reviewed.clone();
        assert_eq!(unpack(&pack(&only_date).unwrap()), only_date);
    }

    #[test]
    fn a_string_holding_the_separator_is_not_packed() {
        let mut deck = deck("decks/back-pain.json");
        deck.tips[3].detail.push(SEP);
        assert_eq!(pack(&deck), None);
    }

    #[test]
    fn a_valid_deck_is_packed_and_a_broken_one_kept_as_json() {
        let text = crate::BUILTIN_DECK_JSON;
        let (packed, json) = packed_or_json(text);
        assert!(json.is_empty());
        assert_eq!(unpack(&packed), parse_deck(text).unwrap());

        let broken = text.replacen("\"kind\": \"do\"", "\"kind\": \"maybe\"", 1);
        assert_ne!(broken, text);
        assert_eq!(packed_or_json(&broken), (String::new(), broken.clone()));
        assert_eq!(packed_or_json("{"), (String::new(), "{".to_string()));
    }

    #[test]
    fn truncated_input_unpacks_without_panicking() {
        let packed = pack(&deck("decks/back-pain.json")).unwrap();
        for end in (0..packed.len()).step_by(97) {
            if packed.is_char_boundary(end) {
                let _ = unpack(&packed[..end]);
            }
        }
        let _ = unpack("");
    }
}
