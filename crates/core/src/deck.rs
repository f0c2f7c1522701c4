//! The deck model: what a validated deck holds. Build one with
//! [`crate::parse_deck`]; the fields are only trusted after validation.

use crate::text::{UiText, fill};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TipKind {
    Do,
    Dont,
}

/// One of the two quiz bins. `Safe` is "Safe alternative", `Avoid` is "Avoid";
/// the labels a reader sees come from the deck.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Bin {
    Safe,
    Avoid,
}

impl Bin {
    pub const ALL: [Bin; 2] = [Bin::Safe, Bin::Avoid];

    pub fn as_str(self) -> &'static str {
        match self {
            Bin::Safe => "safe",
            Bin::Avoid => "avoid",
        }
    }

    pub fn parse(s: &str) -> Option<Bin> {
        Bin::ALL.into_iter().find(|b| b.as_str() == s)
    }

    /// The other bin: where "move across" sends an item.
    pub fn other(self) -> Bin {
        match self {
            Bin::Safe => Bin::Avoid,
            Bin::Avoid => Bin::Safe,
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Source {
    pub title: String,
    pub url: Option<String>,
}

/// Who checked the deck's content: a health publisher's readers (and search
/// engines) look for a named reviewer and a date.
#[derive(Clone, Debug, PartialEq)]
pub struct Reviewer {
    pub name: String,
    /// As the deck writes it, e.g. "Physical therapist, DPT".
    pub credential: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Tip {
    pub id: String,
    pub kind: TipKind,
    pub headline: String,
    pub detail: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct QuizItem {
    pub id: String,
    pub label: String,
    pub answer: Bin,
    pub why: String,
    /// Index into `Quiz::items` of the safer alternative (always a safe item).
    pub instead: Option<usize>,
    /// Index into `Deck::tips` of the tip this item comes from.
    pub tip: Option<usize>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct BinLabels {
    pub safe: String,
    pub avoid: String,
}

impl BinLabels {
    pub fn label(&self, bin: Bin) -> &str {
        match bin {
            Bin::Safe => &self.safe,
            Bin::Avoid => &self.avoid,
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct QuizSpec {
    pub prompt: String,
    pub bins: BinLabels,
    pub items: Vec<QuizItem>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Deck {
    pub id: String,
    pub title: String,
    pub lang: String,
    pub source: Source,
    pub disclaimer: String,
    pub reviewed_by: Option<Reviewer>,
    /// A calendar date as `YYYY-MM-DD` (validation checks it), shown as
    /// written: the same in every language, with no date library.
    pub last_reviewed: Option<String>,
    pub tips: Vec<Tip>,
    pub quiz: QuizSpec,
    pub ui: UiText,
}

impl Deck {
    pub fn item_index(&self, id: &str) -> Option<usize> {
        self.quiz.items.iter().position(|i| i.id == id)
    }

    pub fn tip_kinds(&self) -> Vec<TipKind> {
        self.tips.iter().map(|t| t.kind).collect()
    }

    /// Who reviewed the deck and when, as the footer and the fallback show
    /// it (in the deck's UI text); `None` when the deck names neither.
    pub fn review_note(&self) -> Option<String> {
        let by = self.reviewed_by.as_ref().map(|r| {
            fill(
                self.ui.review_by(),
                &[("name", &r.name), ("credential", &r.credential)],
            )
        });
        let on = self
            .last_reviewed
            .as_ref()
            .map(|date| fill(self.ui.review_date(), &[("date", date)]));
        match (by, on) {
            (Some(by), Some(on)) => Some(format!("{by} {on}")),
            (by, on) => by.or(on),
        }
    }
}
