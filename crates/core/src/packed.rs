//! Decks as the widget reads them: packed text, so that it never parses or
//! validates JSON itself.
//!
//! Validation happens before a deck reaches the widget: at build time for
//! the built-in deck (build.rs), and in the deck checker for a deck at a URL
//! (crates/extras, a wasm module of its own that the widget loads only
//! then). Either hands over the verdict as text: a [`pack`]ed deck, or a
//! [`ProblemList`] packed the same way. The packed form is the deck's text
//! fields in a fixed order, separated by U+001F, with counts and indices as
//! decimal numbers, and an empty field for an optional one that is absent
//! (validation allows neither empty strings nor control characters, so no
//! field is empty by accident or holds the separator).

use crate::deck::{Bin, BinLabels, Deck, QuizItem, QuizSpec, Reviewer, Source, Tip, TipKind};
use crate::text::UiText;
use crate::validate::DeckErrors;

/// Separates the fields. No deck text may contain it (see [`pack`]).
const SEP: char = '\u{1f}';

/// The deck packed for [`unpack`]. `deck` comes from validation, which
/// rejects the separator in any string.
pub fn pack(deck: &Deck) -> String {
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
    fields.join(&SEP.to_string())
}

/// The verdict on a deck as the widget receives it: the packed deck, or its
/// packed [`ProblemList`].
pub fn verdict(checked: Result<Deck, DeckErrors>) -> Result<String, String> {
    checked
        .map(|deck| pack(&deck))
        .map_err(|errors| ProblemList::from(&errors).pack())
}

/// A deck's problems as the widget shows them: each problem's path and
/// sentence (as the CLI prints them), and how many there are in all.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct ProblemList {
    pub problems: Vec<(String, String)>,
    pub total: usize,
}

impl From<&DeckErrors> for ProblemList {
    fn from(errors: &DeckErrors) -> Self {
        Self {
            problems: errors
                .problems
                .iter()
                .map(|p| (p.path_label().to_string(), p.kind.to_string()))
                .collect(),
            total: errors.total(),
        }
    }
}

impl ProblemList {
    /// How many problems are counted but not listed.
    pub fn unlisted(&self) -> usize {
        self.total.saturating_sub(self.problems.len())
    }

    /// The total, then each path and sentence, separated by U+001F. Problem
    /// sentences quote deck text, which may hold the separator (say, in an
    /// unknown field's value): it is replaced with U+FFFD.
    pub fn pack(&self) -> String {
        let mut fields = vec![self.total.to_string()];
        for (path, sentence) in &self.problems {
            fields.push(path.replace(SEP, "\u{fffd}"));
            fields.push(sentence.replace(SEP, "\u{fffd}"));
        }
        fields.join(&SEP.to_string())
    }

    /// The list that [`ProblemList::pack`] packed; anything else reads as
    /// far as it goes, never panicking.
    pub fn unpack(packed: &str) -> Self {
        let mut fields = packed.split(SEP);
        let total = fields.next().and_then(|t| t.parse().ok()).unwrap_or(0);
        let mut problems = Vec::new();
        while let (Some(path), Some(sentence)) = (fields.next(), fields.next()) {
            problems.push((path.to_string(), sentence.to_string()));
        }
        let total = total.max(problems.len());
        Self { problems, total }
    }
}

/// The built-in deck's verdict, for build.rs (host side: it parses with
/// serde_json).
#[cfg(not(target_arch = "wasm32"))]
pub fn builtin_verdict(text: &str) -> Result<String, String> {
    verdict(crate::validate::parse_deck(text))
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
            let packed = pack(&deck);
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
        assert_eq!(unpack(&pack(&deck)).ui, deck.ui);
    }

    #[test]
    fn optional_fields_and_an_url_round_trip() {
        let mut deck = deck("decks/back-pain.json");
        deck.source.url = Some("https://example.org/article".into());
        deck.quiz.items[0].instead = None;
        deck.quiz.items[1].tip = None;
        assert_eq!(unpack(&pack(&deck)), deck);
    }

    /// The built-in decks name no reviewer, so these fields are checked on
    /// a fixture deck that has both, and on the built-in deck given each
    /// one alone.
    #[test]
    fn the_reviewer_and_the_review_date_round_trip() {
        let reviewed = deck("e2e/fixtures/decks/reviewed.json");
        assert!(reviewed.reviewed_by.is_some() && reviewed.last_reviewed.is_some());
        assert_eq!(unpack(&pack(&reviewed)), reviewed);

        let mut only_reviewer = deck("decks/back-pain.json");
        only_reviewer.reviewed_by = reviewed.reviewed_by.clone();
        assert_eq!(unpack(&pack(&only_reviewer)), only_reviewer);

        let mut only_date = deck("decks/back-pain.json");
        only_date.last_reviewed = reviewed.last_reviewed.clone();
        assert_eq!(unpack(&pack(&only_date)), only_date);
    }

    #[test]
    fn a_string_holding_the_separator_does_not_validate() {
        let text = crate::BUILTIN_DECK_JSON.replacen("Walking", "Walk\\u001fing", 1);
        let errors = parse_deck(&text).unwrap_err();
        assert!(
            errors
                .problems
                .iter()
                .any(|p| p.kind == crate::ProblemKind::ControlCharacter),
            "{errors}"
        );
    }

    #[test]
    fn a_valid_deck_is_packed_and_a_broken_one_becomes_its_problem_list() {
        let text = crate::BUILTIN_DECK_JSON;
        let packed = builtin_verdict(text).expect("valid");
        assert_eq!(unpack(&packed), parse_deck(text).unwrap());

        let broken = text.replacen("\"kind\": \"do\"", "\"kind\": \"maybe\"", 1);
        assert_ne!(broken, text);
        let errors = parse_deck(&broken).unwrap_err();
        let list = ProblemList::unpack(&builtin_verdict(&broken).unwrap_err());
        assert_eq!(list, ProblemList::from(&errors));
        assert_eq!(list.total, 1);
        assert_eq!(list.problems[0].0, "tips[0].kind");
        assert_eq!(
            ProblemList::unpack(&builtin_verdict("{").unwrap_err()).problems,
            vec![("(deck)".to_string(), "not valid JSON".to_string())]
        );
    }

    #[test]
    fn a_problem_quoting_the_separator_keeps_its_fields_apart() {
        let list = ProblemList {
            problems: vec![("a".into(), format!("x{SEP}y")), ("b".into(), "z".into())],
            total: 60,
        };
        let back = ProblemList::unpack(&list.pack());
        assert_eq!(back.problems[0], ("a".into(), "x\u{fffd}y".into()));
        assert_eq!(back.problems[1], ("b".into(), "z".into()));
        assert_eq!((back.total, back.unlisted()), (60, 58));
        let _ = ProblemList::unpack("");
        let _ = ProblemList::unpack("x\u{1f}only-a-path");
    }

    #[test]
    fn truncated_input_unpacks_without_panicking() {
        let packed = pack(&deck("decks/back-pain.json"));
        for end in (0..packed.len()).step_by(97) {
            if packed.is_char_boundary(end) {
                let _ = unpack(&packed[..end]);
            }
        }
        let _ = unpack("");
    }
}
