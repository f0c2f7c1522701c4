//! The reducers: yew's `Reducible` over the core's state transitions
//! (`backwise_core::tips_state`, `backwise_core::quiz_state`). Each state is
//! a newtype, because `Reducible` and the core's types both come from other
//! crates; it derefs to the core state, so `tips.cursor` or `quiz.selected`
//! read through it. No storage, DOM, clock or randomness here: seeds arrive
//! in the actions, saved state as text.

use std::ops::Deref;
use std::rc::Rc;

use yew::Reducible;

use crate::domain::{Bin, DeckCursor, View, quiz_state, tips_state};

pub use crate::domain::{QuizAction, QuizEvent, TipsAction};

/// A state that can be saved as text and rebuilt from it
/// ([`crate::domain::snapshot`]), for `use_persisted_reducer`.
pub trait Persist: Reducible + 'static {
    fn snapshot(&self) -> String;
    /// `fresh` is the state to start from; a saved text that does not fit
    /// it (corrupt, outdated, another deck) is ignored.
    fn restored(fresh: Self, saved: &str) -> Self;
    /// The action that makes the reducer adopt a saved text (through `restored`).
    fn restore(saved: String) -> Self::Action;
}

/// The tips deck: the place in the deck and the tab shown.
#[derive(Clone, Debug, PartialEq)]
pub struct TipsState(tips_state::TipsState);

impl TipsState {
    pub fn new(cursor: DeckCursor, tip_ids: Rc<[String]>, attr: View) -> Self {
        Self(tips_state::TipsState::new(cursor, tip_ids, attr))
    }
}

impl Deref for TipsState {
    type Target = tips_state::TipsState;

    fn deref(&self) -> &Self::Target {
        &self.0
    }
}

impl Reducible for TipsState {
    type Action = TipsAction;

    fn reduce(self: Rc<Self>, action: TipsAction) -> Rc<Self> {
        let mut next = (*self).clone();
        next.0.apply(action);
        changed(self, next)
    }
}

impl Persist for TipsState {
    fn snapshot(&self) -> String {
        self.0.snapshot()
    }

    fn restored(mut fresh: Self, saved: &str) -> Self {
        fresh.0.restore(saved);
        fresh
    }

    fn restore(saved: String) -> TipsAction {
        TipsAction::Restore(saved)
    }
}

/// The quiz: the quiz engine, the selected item and the last event.
#[derive(Clone, Debug, PartialEq)]
pub struct QuizState(quiz_state::QuizState);

impl QuizState {
    pub fn new(deck_id: Rc<str>, item_ids: Rc<[String]>, answers: Rc<[Bin]>, seed: u64) -> Self {
        Self(quiz_state::QuizState::new(deck_id, item_ids, answers, seed))
    }

    /// The state that `action` would lead to, without dispatching it: the
    /// board under the results shows what Try again will make it.
    pub fn after(&self, action: QuizAction) -> Self {
        let mut next = self.clone();
        next.0.apply(action);
        next
    }
}

impl Deref for QuizState {
    type Target = quiz_state::QuizState;

    fn deref(&self) -> &Self::Target {
        &self.0
    }
}

impl Reducible for QuizState {
    type Action = QuizAction;

    fn reduce(self: Rc<Self>, action: QuizAction) -> Rc<Self> {
        let next = self.after(action);
        changed(self, next)
    }
}

impl Persist for QuizState {
    fn snapshot(&self) -> String {
        self.0.snapshot()
    }

    fn restored(mut fresh: Self, saved: &str) -> Self {
        fresh.0.restore(saved);
        fresh
    }

    fn restore(saved: String) -> QuizAction {
        QuizAction::Restore(saved)
    }
}

/// The state after an action: the old one when nothing changed, so that
/// nothing that reads it renders again.
fn changed<T: PartialEq>(old: Rc<T>, new: T) -> Rc<T> {
    if *old == new { old } else { Rc::new(new) }
}
