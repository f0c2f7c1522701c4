//! The tips deck's place and the tab shown, saved per deck.
//!
//! The tab bar, the tips deck and the Quiz tab's "See the tip" all need this
//! state, and the Tips tab's content is not mounted while the Quiz tab is
//! shown. So the shell calls this hook once and hands the handle (or, to the
//! Quiz tab, its "See the tip" part) to each of them.

use std::cell::RefCell;
use std::ops::Deref;
use std::rc::Rc;

use yew::prelude::*;

use super::{SharedDeck, Store, use_persisted_reducer};
use crate::domain::DeckCursor;
use crate::domain::View;
use crate::state::{TipsAction, TipsState};

#[derive(Clone, PartialEq)]
pub struct TipsHandle {
    state: UseReducerHandle<TipsState>,
    /// Set by "See the tip", and taken by the tips deck as it opens: the
    /// button the reader used went away with the quiz.
    deck_takes_focus: Rc<RefCell<bool>>,
}

impl Deref for TipsHandle {
    type Target = TipsState;

    fn deref(&self) -> &TipsState {
        &self.state
    }
}

impl TipsHandle {
    pub fn dispatch(&self, action: TipsAction) {
        self.state.dispatch(action);
    }

    /// "See the tip", for the quiz's results.
    pub fn see_tip(&self) -> SeeTip {
        SeeTip {
            tips: self.state.dispatcher(),
            deck_takes_focus: self.deck_takes_focus.clone(),
        }
    }

    /// For the tips deck as it opens: whether it was opened by "See the tip"
    /// and should take the focus that waits in the widget.
    pub fn take_focus_request(&self) -> bool {
        self.deck_takes_focus.replace(false)
    }
}

/// "See the tip": a tip on the Tips tab, with focus on the deck if it was
/// in the widget. Unlike a [`TipsHandle`], it stays equal while the tips
/// state changes, so the Quiz tab that holds it does not render again with
/// every step of the deck.
#[derive(Clone)]
pub struct SeeTip {
    tips: UseReducerDispatcher<TipsState>,
    deck_takes_focus: Rc<RefCell<bool>>,
}

impl SeeTip {
    pub fn show(&self, tip: usize) {
        *self.deck_takes_focus.borrow_mut() = true;
        self.tips.dispatch(TipsAction::GoTo(tip));
    }
}

impl PartialEq for SeeTip {
    fn eq(&self, other: &Self) -> bool {
        self.tips == other.tips && Rc::ptr_eq(&self.deck_takes_focus, &other.deck_takes_focus)
    }
}

/// The tips state for `deck`, restored from and saved to `store`. `attr` is
/// the `view` attribute: the tab shown until the reader picks one, and again
/// whenever the attribute changes.
#[hook]
pub fn use_tips(deck: &SharedDeck, store: Store, attr: View) -> TipsHandle {
    let state = use_persisted_reducer(store, "tips", || {
        let ids: Rc<[String]> = deck.tips.iter().map(|t| t.id.clone()).collect();
        TipsState::new(DeckCursor::new(deck.tip_kinds()), ids, attr)
    });
    {
        let state = state.dispatcher();
        use_effect_with(attr, move |attr| state.dispatch(TipsAction::Attr(*attr)));
    }
    let deck_takes_focus = use_mut_ref(|| false);
    TipsHandle {
        state,
        deck_takes_focus,
    }
}
