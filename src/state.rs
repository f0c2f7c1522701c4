//! Reducers: thin adapters from user intent to the pure domain types.
//! No storage, DOM, clock or randomness here: seeds arrive in the actions.

use std::rc::Rc;

use yew::Reducible;

use crate::app::View;
use crate::domain::{
    Bin, CursorSnapshot, DeckCursor, Filter, Phase, Placement, Quiz, QuizError, QuizSnapshot,
};
use crate::hooks::use_persisted::{Persist, changed};

/// The tips deck: the domain cursor plus the tip ids it is saved by; and
/// the tab shown, which the reader's choice decides over the `view`
/// attribute until the attribute itself changes.
#[derive(Clone, Debug, PartialEq)]
pub struct TipsState {
    pub cursor: DeckCursor,
    tip_ids: Rc<[String]>,
    pub view: View,
    /// The `view` attribute.
    attr: View,
}

pub enum TipsAction {
    Step(bool),
    Filter(Filter),
    Turn,
    /// "See the tip": that tip, on the Tips tab.
    GoTo(usize),
    /// The reader picks a tab.
    Show(View),
    /// The `view` attribute is (now) this.
    Attr(View),
    /// Adopt a saved snapshot (the store changed before the reader did anything).
    Restore(String),
}

impl TipsState {
    pub fn new(cursor: DeckCursor, tip_ids: Rc<[String]>, attr: View) -> Self {
        Self {
            cursor,
            tip_ids,
            view: attr,
            attr,
        }
    }
}

impl Reducible for TipsState {
    type Action = TipsAction;

    fn reduce(self: Rc<Self>, action: TipsAction) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            TipsAction::Step(forward) => next.cursor.step(forward),
            TipsAction::Filter(filter) => next.cursor.set_filter(filter),
            TipsAction::Turn => next.cursor.turn(),
            TipsAction::GoTo(tip) => {
                next.cursor.go_to(tip);
                next.view = View::Tips;
            }
            TipsAction::Show(view) => next.view = view,
            TipsAction::Attr(attr) if attr != next.attr => {
                next.attr = attr;
                next.view = attr;
            }
            TipsAction::Attr(_) => {}
            TipsAction::Restore(saved) => next = Self::restored(next, &saved),
        }
        changed(self, next)
    }
}

impl Persist for TipsState {
    /// `dont:core`, and when the reader has left the tab the `view`
    /// attribute gives, that tab first: `q|dont:core`.
    fn snapshot(&self) -> String {
        let place = self
            .cursor
            .snapshot(&self.tip_ids)
            .map_or(String::new(), |s| s.to_text());
        match (self.view != self.attr, self.view) {
            (false, _) => place,
            (true, View::Quiz) => format!("q|{place}"),
            (true, View::Tips) => format!("t|{place}"),
        }
    }

    fn restore(saved: String) -> TipsAction {
        TipsAction::Restore(saved)
    }

    fn restored(mut fresh: Self, saved: &str) -> Self {
        let saved = match saved.split_once('|') {
            Some((tab, place)) => {
                fresh.view = if tab == "q" { View::Quiz } else { View::Tips };
                place
            }
            None => saved,
        };
        if let Some(saved) = CursorSnapshot::from_text(saved) {
            let ids = fresh.tip_ids.clone();
            fresh.cursor.restore(&saved, &ids);
        }
        fresh
    }
}

/// What the last action did, for announcements and host events. `serial`
/// grows with every action so that a repeated event is still noticed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum QuizEvent {
    Selected(usize),
    Placed {
        item: usize,
        bin: Bin,
        how: Placement,
    },
    Unplaced(usize),
    Checked {
        score: usize,
    },
    CheckBlocked {
        left: usize,
    },
    Cleared,
}

#[derive(Clone, Debug, PartialEq)]
pub struct QuizState {
    pub quiz: Quiz,
    /// The item chosen for tap-then-bin placement.
    pub selected: Option<usize>,
    pub event: Option<QuizEvent>,
    pub serial: u32,
    deck_id: Rc<str>,
    item_ids: Rc<[String]>,
    answers: Rc<[Bin]>,
}

pub enum QuizAction {
    /// Select an item for tap placement; selecting it again clears it.
    Select(usize),
    /// Esc: forget the selected item.
    ClearSelection,
    Place {
        item: usize,
        bin: Bin,
    },
    Unplace(usize),
    Check,
    /// Try again after Check, or Start over while sorting: a fresh shuffle.
    Reset {
        seed: u64,
    },
    /// Adopt a saved snapshot (the store changed before the reader did anything).
    Restore(String),
}

impl QuizState {
    pub fn new(deck_id: Rc<str>, item_ids: Rc<[String]>, answers: Rc<[Bin]>, seed: u64) -> Self {
        Self {
            quiz: Quiz::new(answers.to_vec(), seed),
            selected: None,
            event: None,
            serial: 0,
            deck_id,
            item_ids,
            answers,
        }
    }

    pub fn item_ids(&self) -> &[String] {
        &self.item_ids
    }
}

impl Reducible for QuizState {
    type Action = QuizAction;

    fn reduce(self: Rc<Self>, action: QuizAction) -> Rc<Self> {
        let mut next = (*self).clone();
        let event = match action {
            QuizAction::Select(item)
                if next.quiz.phase() == Phase::Sorting && item < next.quiz.len() =>
            {
                next.selected = if next.selected == Some(item) {
                    None
                } else {
                    Some(item)
                };
                next.selected.map(QuizEvent::Selected)
            }
            QuizAction::Select(_) => None,
            QuizAction::ClearSelection => {
                next.selected = None;
                None
            }
            QuizAction::Place { item, bin } => {
                next.selected = None;
                next.quiz
                    .place(item, bin)
                    .ok()
                    .map(|how| QuizEvent::Placed { item, bin, how })
            }
            QuizAction::Unplace(item) => {
                next.selected = None;
                matches!(next.quiz.unplace(item), Ok(true)).then_some(QuizEvent::Unplaced(item))
            }
            QuizAction::Check => match next.quiz.check() {
                Ok(score) => Some(QuizEvent::Checked { score }),
                Err(QuizError::NotAllPlaced { left }) => Some(QuizEvent::CheckBlocked { left }),
                Err(_) => None,
            },
            QuizAction::Reset { seed } => {
                next.selected = None;
                next.quiz.try_again(seed);
                Some(QuizEvent::Cleared)
            }
            QuizAction::Restore(saved) => {
                next.selected = None;
                next = Self::restored(next, &saved);
                None
            }
        };
        if event.is_some() {
            next.event = event;
            next.serial = next.serial.wrapping_add(1);
        }
        changed(self, next)
    }
}

impl Persist for QuizState {
    fn snapshot(&self) -> String {
        self.quiz.snapshot(&self.deck_id, &self.item_ids).to_text()
    }

    fn restore(saved: String) -> QuizAction {
        QuizAction::Restore(saved)
    }

    fn restored(mut fresh: Self, saved: &str) -> Self {
        let restored = QuizSnapshot::from_text(saved).and_then(|saved| {
            Quiz::restore(
                fresh.answers.to_vec(),
                &saved,
                &fresh.deck_id,
                &fresh.item_ids,
            )
        });
        if let Some(quiz) = restored {
            fresh.quiz = quiz;
        }
        fresh
    }
}
