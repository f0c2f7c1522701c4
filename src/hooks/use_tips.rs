//! The tips deck's place and the tab shown, saved per deck.
//!
//! Both tabs need this state: the tab bar shows and switches the tab, the
//! deck steps through the tips, and "See the tip" on the quiz results opens
//! one tip on the Tips tab. So the shell calls this hook once and shares the
//! handle through a context, rather than each tab owning a copy.

use std::cell::RefCell;
use std::ops::Deref;
use std::rc::Rc;

use web_sys::Element;
use yew::prelude::*;

use super::{SharedDeck, Store, hold_focus, use_persisted_reducer};
use crate::domain::DeckCursor;
use crate::state::{TipsAction, TipsState};
use crate::view::View;

#[derive(Clone, PartialEq)]
pub struct TipsHandle {
    state: UseReducerHandle<TipsState>,
    /// Set by "See the tip" when focus was in the widget, and taken by the
    /// tips deck as it opens: the button that had focus went with the quiz.
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

    /// "See the tip": `tip` on the Tips tab. `button` is the control used;
    /// it goes away with the quiz, so focus waits on the widget until the
    /// deck opens and takes it.
    pub fn see_tip(&self, tip: usize, button: Option<&Element>) {
        if button.is_some_and(hold_focus) {
            *self.deck_takes_focus.borrow_mut() = true;
        }
        self.dispatch(TipsAction::GoTo(tip));
    }

    /// For the tips deck as it opens: whether it should take focus.
    pub fn take_focus_request(&self) -> bool {
        self.deck_takes_focus.replace(false)
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
