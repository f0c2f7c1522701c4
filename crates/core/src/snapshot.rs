//! The reader's saved state, as one short line of text per store key:
//!
//! ```text
//! tips/2 tab=quiz filter=dont tip=core
//! quiz/2 deck=back-pain order=walking,sit-ups,swimming placed=sit-ups:avoid phase=sorting best=14
//! ```
//!
//! A record opens with its kind and format version, then holds `key=value`
//! fields separated by single spaces, in any order. Lists are separated by
//! `,`, and a placement is `item:bin`. The values are deck ids (letters,
//! digits, `-` and `_`, as validation requires), numbers and fixed words, so
//! none of them holds a separator. An optional field is left out when it has
//! no value; a field a reader does not know is ignored.
//!
//! A record of another kind or version, or with a malformed field, reads as
//! nothing, and the state it was saved from starts afresh: a change to the
//! format bumps the version rather than reading old records.

use crate::cursor::{CursorSnapshot, Filter};
use crate::deck::Bin;
use crate::quiz::Phase;
use crate::view::View;

const TIPS: &str = "tips/2";
const QUIZ: &str = "quiz/2";

/// The saved tips deck: the tab, when the reader has picked one other than
/// the `view` attribute's, and the place in the deck.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TipsSnapshot {
    pub tab: Option<View>,
    pub place: Option<CursorSnapshot>,
}

/// The saved quiz, keyed by ids so that it can be checked against the deck
/// it is restored into.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QuizSnapshot {
    pub deck: String,
    /// Every item, in the order the reader sees them.
    pub order: Vec<String>,
    /// The placed items and their bins, in that order.
    pub placements: Vec<(String, Bin)>,
    pub phase: Phase,
    pub last: Option<usize>,
    pub best: Option<usize>,
}

impl TipsSnapshot {
    pub fn to_text(&self) -> String {
        let mut record = Record::new(TIPS);
        if let Some(tab) = self.tab {
            record.field("tab", tab.as_str());
        }
        if let Some(place) = &self.place {
            record.field("filter", place.filter.as_str());
            record.field("tip", &place.tip);
        }
        record.text
    }

    /// Reads a record back; anything malformed gives `None`.
    pub fn from_text(text: &str) -> Option<Self> {
        let fields = Fields::read(text, TIPS)?;
        let tab = match fields.get("tab") {
            Some(tab) => Some(View::ALL.into_iter().find(|v| v.as_str() == tab)?),
            None => None,
        };
        let place = match (fields.get("filter"), fields.get("tip")) {
            (Some(filter), Some(tip)) => Some(CursorSnapshot {
                filter: Filter::ALL.into_iter().find(|f| f.as_str() == filter)?,
                tip: tip.to_string(),
            }),
            (None, None) => None,
            _ => return None,
        };
        Some(Self { tab, place })
    }
}

impl QuizSnapshot {
    pub fn to_text(&self) -> String {
        let mut record = Record::new(QUIZ);
        record.field("deck", &self.deck);
        record.field("order", &self.order.join(","));
        if !self.placements.is_empty() {
            let placed: Vec<String> = self
                .placements
                .iter()
                .map(|(id, bin)| format!("{id}:{}", bin.as_str()))
                .collect();
            record.field("placed", &placed.join(","));
        }
        record.field("phase", self.phase.as_str());
        for (key, score) in [("last", self.last), ("best", self.best)] {
            if let Some(score) = score {
                record.field(key, &score.to_string());
            }
        }
        record.text
    }

    /// Reads a record back; anything malformed gives `None`.
    pub fn from_text(text: &str) -> Option<Self> {
        let fields = Fields::read(text, QUIZ)?;
        let list = |key: &str| {
            let items = fields.get(key).into_iter().flat_map(|v| v.split(','));
            items.filter(|item| !item.is_empty())
        };
        let score = |key: &str| match fields.get(key) {
            Some(n) => n.parse().ok().map(Some),
            None => Some(None),
        };
        Some(Self {
            deck: fields.get("deck")?.to_string(),
            order: list("order").map(str::to_string).collect(),
            placements: list("placed")
                .map(|pair| {
                    let (id, bin) = pair.split_once(':')?;
                    Some((id.to_string(), Bin::parse(bin)?))
                })
                .collect::<Option<_>>()?,
            phase: Phase::ALL
                .into_iter()
                .find(|p| Some(p.as_str()) == fields.get("phase"))?,
            last: score("last")?,
            best: score("best")?,
        })
    }
}

/// A record being written.
struct Record {
    text: String,
}

impl Record {
    fn new(head: &str) -> Self {
        Self {
            text: head.to_string(),
        }
    }

    fn field(&mut self, key: &str, value: &str) {
        self.text.push(' ');
        self.text.push_str(key);
        self.text.push('=');
        self.text.push_str(value);
    }
}

/// The fields of a record that was read.
struct Fields<'a>(Vec<(&'a str, &'a str)>);

impl<'a> Fields<'a> {
    /// The fields of `text`, if it is a well-formed record that opens with
    /// `head`; a key given twice makes it malformed.
    fn read(text: &'a str, head: &str) -> Option<Self> {
        let mut words = text.split(' ');
        if words.next()? != head {
            return None;
        }
        let mut fields: Vec<(&str, &str)> = Vec::new();
        for word in words {
            let (key, value) = word.split_once('=')?;
            if fields.iter().any(|(seen, _)| *seen == key) {
                return None;
            }
            fields.push((key, value));
        }
        Some(Self(fields))
    }

    fn get(&self, key: &str) -> Option<&'a str> {
        self.0.iter().find(|(k, _)| *k == key).map(|(_, v)| *v)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Bin::{Avoid, Safe};

    fn place(filter: Filter, tip: &str) -> Option<CursorSnapshot> {
        Some(CursorSnapshot {
            filter,
            tip: tip.into(),
        })
    }

    fn quiz() -> QuizSnapshot {
        QuizSnapshot {
            deck: "back-pain".into(),
            order: vec!["walking".into(), "sit-ups".into(), "swimming".into()],
            placements: vec![("sit-ups".into(), Avoid)],
            phase: Phase::Sorting,
            last: None,
            best: Some(14),
        }
    }

    #[test]
    fn tips_records_name_their_fields() {
        let saved = TipsSnapshot {
            tab: Some(View::Quiz),
            place: place(Filter::Dont, "core"),
        };
        assert_eq!(saved.to_text(), "tips/2 tab=quiz filter=dont tip=core");
        assert_eq!(TipsSnapshot::from_text(&saved.to_text()), Some(saved));
        let no_tab = TipsSnapshot {
            tab: None,
            place: place(Filter::All, "walk"),
        };
        assert_eq!(no_tab.to_text(), "tips/2 filter=all tip=walk");
        assert_eq!(TipsSnapshot::from_text(&no_tab.to_text()), Some(no_tab));
    }

    #[test]
    fn tips_fields_may_come_in_any_order_and_unknown_ones_are_ignored() {
        assert_eq!(
            TipsSnapshot::from_text("tips/2 tip=core later=1 tab=tips filter=do"),
            Some(TipsSnapshot {
                tab: Some(View::Tips),
                place: place(Filter::Do, "core"),
            })
        );
    }

    #[test]
    fn malformed_tips_records_read_as_nothing() {
        for text in [
            "",
            "dont:core",
            "q|dont:core",
            "tips/1 filter=dont tip=core",
            "quiz/2 filter=dont tip=core",
            "tips/2 filter=maybe tip=core",
            "tips/2 tab=results",
            "tips/2 filter=dont",
            "tips/2 tip=core",
            "tips/2 filter=dont tip=core tip=walk",
            "tips/2 filter=dont  tip=core",
            "tips/2 filter",
        ] {
            assert_eq!(TipsSnapshot::from_text(text), None, "{text:?}");
        }
    }

    #[test]
    fn quiz_records_round_trip() {
        let saved = quiz();
        assert_eq!(
            saved.to_text(),
            "quiz/2 deck=back-pain order=walking,sit-ups,swimming placed=sit-ups:avoid phase=sorting best=14"
        );
        assert_eq!(QuizSnapshot::from_text(&saved.to_text()), Some(saved));
        let checked = QuizSnapshot {
            placements: vec![
                ("walking".into(), Safe),
                ("sit-ups".into(), Avoid),
                ("swimming".into(), Safe),
            ],
            phase: Phase::Checked,
            last: Some(3),
            best: Some(3),
            ..quiz()
        };
        assert_eq!(QuizSnapshot::from_text(&checked.to_text()), Some(checked));
        let fresh = QuizSnapshot {
            placements: vec![],
            last: None,
            best: None,
            ..quiz()
        };
        assert_eq!(
            fresh.to_text(),
            "quiz/2 deck=back-pain order=walking,sit-ups,swimming phase=sorting"
        );
        assert_eq!(QuizSnapshot::from_text(&fresh.to_text()), Some(fresh));
    }

    #[test]
    fn malformed_quiz_records_read_as_nothing() {
        let good = quiz().to_text();
        assert!(QuizSnapshot::from_text(&good).is_some());
        for text in [
            good.replace("quiz/2", "quiz/1"),
            good.replace("sit-ups:avoid", "sit-ups:maybe"),
            good.replace("sit-ups:avoid", "sit-ups"),
            good.replace("phase=sorting", "phase=done"),
            good.replace(" phase=sorting", ""),
            good.replace(" deck=back-pain", ""),
            good.replace("best=14", "best=-1"),
            format!("{good} best=3"),
            "1|back-pain|walking|walking=safe|sorting||".into(),
            "{\"version\":1}".into(),
        ] {
            assert_eq!(QuizSnapshot::from_text(&text), None, "{text:?}");
        }
    }
}
