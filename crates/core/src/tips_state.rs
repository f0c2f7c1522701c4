//! The tips deck's state: the reader's place in the deck, and the tab shown.
//!
//! The tab lives here because "See the tip" from the quiz results moves both
//! at once, and because both are saved together under one store key.

use std::rc::Rc;

use crate::cursor::{DeckCursor, Filter};
use crate::snapshot::TipsSnapshot;
use crate::view::View;

#[derive(Clone, Debug, PartialEq)]
pub struct TipsState {
    pub cursor: DeckCursor,
    /// The tab shown. The reader's choice wins over the `view` attribute
    /// until the attribute itself changes.
    pub view: View,
    /// The `view` attribute.
    attr: View,
    /// The deck's tip ids, by which the place is saved.
    tip_ids: Rc<[String]>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TipsAction {
    /// The next card (`true`) or the previous one.
    Step(bool),
    Filter(Filter),
    Turn,
    /// "See the tip": that tip (an index into the deck's tips), on the Tips tab.
    GoTo(usize),
    /// The reader picks a tab.
    Show(View),
    /// The `view` attribute is (now) this.
    Attr(View),
    /// Adopt a saved state ([`TipsState::restore`]).
    Restore(String),
}

impl TipsState {
    /// A deck at `cursor`, showing the tab that the `view` attribute `attr`
    /// asks for.
    pub fn new(cursor: DeckCursor, tip_ids: Rc<[String]>, attr: View) -> Self {
        Self {
            cursor,
            view: attr,
            attr,
            tip_ids,
        }
    }

    pub fn apply(&mut self, action: TipsAction) {
        match action {
            TipsAction::Step(forward) => self.cursor.step(forward),
            TipsAction::Filter(filter) => self.cursor.set_filter(filter),
            TipsAction::Turn => self.cursor.turn(),
            TipsAction::GoTo(tip) => {
                self.cursor.go_to(tip);
                self.view = View::Tips;
            }
            TipsAction::Show(view) => self.view = view,
            TipsAction::Attr(attr) => {
                if attr != self.attr {
                    self.attr = attr;
                    self.view = attr;
                }
            }
            TipsAction::Restore(saved) => self.restore(&saved),
        }
    }

    /// The saved form ([`crate::snapshot`]). The tab is saved only when the
    /// reader has left the one the `view` attribute gives, so that a page
    /// whose attribute changes later shows its new view.
    pub fn snapshot(&self) -> String {
        TipsSnapshot {
            tab: (self.view != self.attr).then_some(self.view),
            place: self.cursor.snapshot(&self.tip_ids),
        }
        .to_text()
    }

    /// Adopts a saved state. A text that does not read is ignored, and so
    /// is a saved tip that this deck no longer has or that its saved filter
    /// hides.
    pub fn restore(&mut self, saved: &str) {
        let Some(saved) = TipsSnapshot::from_text(saved) else {
            return;
        };
        if let Some(tab) = saved.tab {
            self.view = tab;
        }
        if let Some(place) = saved.place {
            self.cursor.restore(&place, &self.tip_ids);
        }
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::deck::TipKind::{self, Do, Dont};
    use proptest::prelude::*;

    const KINDS: [TipKind; 5] = [Do, Do, Dont, Do, Dont];

    fn ids(n: usize) -> Rc<[String]> {
        (0..n).map(|i| format!("tip-{i}")).collect()
    }

    fn tips(attr: View) -> TipsState {
        TipsState::new(DeckCursor::new(KINDS.to_vec()), ids(KINDS.len()), attr)
    }

    fn applied(mut state: TipsState, actions: impl IntoIterator<Item = TipsAction>) -> TipsState {
        for action in actions {
            state.apply(action);
        }
        state
    }

    #[test]
    fn the_attribute_picks_the_first_tab_and_the_reader_picks_after() {
        let state = tips(View::Quiz);
        assert_eq!(state.view, View::Quiz);
        let state = applied(state, [TipsAction::Show(View::Tips)]);
        assert_eq!(state.view, View::Tips);
        // The attribute set again to what it was does not undo the choice...
        let state = applied(state, [TipsAction::Attr(View::Quiz)]);
        assert_eq!(state.view, View::Tips);
        // ...a new value does.
        let state = applied(state, [TipsAction::Attr(View::Tips)]);
        assert_eq!(state.view, View::Tips);
        let state = applied(state, [TipsAction::Attr(View::Quiz)]);
        assert_eq!(state.view, View::Quiz);
    }

    #[test]
    fn see_the_tip_shows_that_tip_on_the_tips_tab() {
        let state = applied(
            tips(View::Quiz),
            [TipsAction::Filter(Filter::Do), TipsAction::GoTo(4)],
        );
        assert_eq!(state.view, View::Tips);
        assert_eq!(state.cursor.current(), Some(4));
        assert_eq!(state.cursor.filter(), Filter::All, "Do's hides a don't");
    }

    #[test]
    fn the_place_and_a_chosen_tab_survive_a_reload() {
        let state = applied(
            tips(View::Tips),
            [
                TipsAction::Filter(Filter::Dont),
                TipsAction::Step(true),
                TipsAction::Show(View::Quiz),
            ],
        );
        assert_eq!(state.snapshot(), "tips/2 tab=quiz filter=dont tip=tip-4");
        let reloaded = applied(tips(View::Tips), [TipsAction::Restore(state.snapshot())]);
        assert_eq!(reloaded, state);
        assert_eq!(reloaded.cursor.progress(), (2, 2));
    }

    #[test]
    fn the_tab_the_attribute_gives_is_not_saved() {
        let state = applied(tips(View::Quiz), [TipsAction::Step(true)]);
        assert_eq!(state.snapshot(), "tips/2 filter=all tip=tip-1");
        // The blogger changes the page to open on Tips: the reader sees Tips.
        let reloaded = applied(tips(View::Tips), [TipsAction::Restore(state.snapshot())]);
        assert_eq!(
            (reloaded.view, reloaded.cursor.current()),
            (View::Tips, Some(1))
        );
    }

    #[test]
    fn unreadable_or_outdated_saved_state_is_ignored() {
        let state = applied(tips(View::Tips), [TipsAction::Step(true)]);
        for saved in [
            "",
            "q|dont:tip-2",
            "dont:tip-2",
            "tips/2 filter=all tip=gone",
        ] {
            let restored = applied(state.clone(), [TipsAction::Restore(saved.into())]);
            assert_eq!(restored.cursor.current(), Some(1), "{saved:?}");
            assert_eq!(restored.view, View::Tips, "{saved:?}");
        }
    }

    fn actions() -> impl Strategy<Value = TipsAction> {
        let view = prop::sample::select(View::ALL.to_vec());
        prop_oneof![
            any::<bool>().prop_map(TipsAction::Step),
            prop::sample::select(Filter::ALL.to_vec()).prop_map(TipsAction::Filter),
            Just(TipsAction::Turn),
            (0usize..8).prop_map(TipsAction::GoTo),
            view.clone().prop_map(TipsAction::Show),
            view.prop_map(TipsAction::Attr),
        ]
    }

    proptest! {
        #[test]
        fn a_restored_snapshot_is_the_same_place_and_tab(
            kinds in prop::collection::vec(prop_oneof![Just(Do), Just(Dont)], 1..10),
            attr in prop::sample::select(View::ALL.to_vec()),
            script in prop::collection::vec(actions(), 0..40),
        ) {
            let fresh = TipsState::new(DeckCursor::new(kinds.clone()), ids(kinds.len()), attr);
            let mut state = fresh.clone();
            for action in script {
                state.apply(action);
                prop_assert!(state.cursor.current().is_some(), "a card is always shown");
                let mut reloaded = TipsState::new(
                    DeckCursor::new(kinds.clone()),
                    ids(kinds.len()),
                    state.attr,
                );
                reloaded.restore(&state.snapshot());
                // A reload shows the card unturned; all else is as it was.
                prop_assert_eq!(reloaded.view, state.view);
                prop_assert_eq!(reloaded.cursor.current(), state.cursor.current());
                prop_assert_eq!(reloaded.cursor.filter(), state.cursor.filter());
            }
        }
    }
}
