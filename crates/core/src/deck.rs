//! The deck model: what a validated deck holds. Build one with
//! [`crate::parse_deck`]; the fields are only trusted after validation.

use crate::text::UiText;

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
}

#[derive(Clone, Debug, PartialEq)]
pub struct Source {
    pub title: String,
    pub url: Option<String>,
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
}
