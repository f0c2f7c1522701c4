//! The quiz's state: the quiz engine, the item selected for tap-then-bin
//! placement, and what the last action did, for announcements and host
//! events.

use std::rc::Rc;

use crate::deck::Bin;
use crate::quiz::{Phase, Placement, Quiz, QuizError};
use crate::snapshot::QuizSnapshot;

/// What an action did. Items are indices into the deck's quiz items.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum QuizEvent {
    Selected(usize),
    Placed {
        item: usize,
        bin: Bin,
        how: Placement,
    },
    Unplaced(usize),
    /// Undo took back the last answer, given to this item.
    Undone(usize),
    Checked {
        score: usize,
    },
    /// Check was pressed with items still to sort.
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
    /// The last action's event.
    pub event: Option<QuizEvent>,
    /// Grows with every event, so that a repeated event is still noticed.
    pub serial: u32,
    /// The answers given since the last check, reset or restore, oldest
    /// first: each item with where it was before, for Undo. Not saved: a
    /// reload keeps the placements, not the way to them.
    history: Vec<(usize, Option<Bin>)>,
    deck_id: Rc<str>,
    item_ids: Rc<[String]>,
    answers: Rc<[Bin]>,
}

/// What the reader asks of the quiz. Items are indices into the deck's quiz
/// items.
#[derive(Clone, Debug, PartialEq, Eq)]
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
    /// Take back the last placement or return ([`QuizState::can_undo`]).
    Undo,
    Check,
    /// Start over while sorting: a fresh shuffle by a random `seed`.
    Reset {
        seed: u64,
    },
    /// Try again after Check: a fresh shuffle whose seed follows from the
    /// order it replaces ([`Quiz::next_seed`]), so the next attempt is known
    /// before the click and the widget can get its board ready.
    TryAgain,
    /// Adopt a saved state ([`QuizState::restore`]).
    Restore(String),
}

impl QuizState {
    /// A fresh quiz over a deck's items (their ids and answers), shuffled
    /// by `seed`.
    pub fn new(deck_id: Rc<str>, item_ids: Rc<[String]>, answers: Rc<[Bin]>, seed: u64) -> Self {
        Self {
            quiz: Quiz::new(answers.to_vec(), seed),
            selected: None,
            event: None,
            serial: 0,
            history: Vec::new(),
            deck_id,
            item_ids,
            answers,
        }
    }

    /// The deck's item ids, by item index.
    pub fn item_ids(&self) -> &[String] {
        &self.item_ids
    }

    /// Whether there is an answer for Undo to take back.
    pub fn can_undo(&self) -> bool {
        self.quiz.phase() == Phase::Sorting && !self.history.is_empty()
    }

    /// The answer Undo would take back: the item, and where it was before.
    pub fn last_answer(&self) -> Option<(usize, Option<Bin>)> {
        self.history.last().copied()
    }

    /// Applies an action, and returns its event, which is also kept in
    /// `event`. An action that does nothing (a placement after Check, an
    /// unknown item) has no event and leaves `event` as it was.
    pub fn apply(&mut self, action: QuizAction) -> Option<QuizEvent> {
        let event = match action {
            QuizAction::Select(item)
                if self.quiz.phase() == Phase::Sorting && item < self.quiz.len() =>
            {
                self.selected = if self.selected == Some(item) {
                    None
                } else {
                    Some(item)
                };
                self.selected.map(QuizEvent::Selected)
            }
            QuizAction::Select(_) => None,
            QuizAction::ClearSelection => {
                self.selected = None;
                None
            }
            QuizAction::Place { item, bin } => {
                self.selected = None;
                let before = self.quiz.placement(item);
                let how = self.quiz.place(item, bin).ok()?;
                if how != Placement::Unchanged {
                    self.history.push((item, before));
                }
                Some(QuizEvent::Placed { item, bin, how })
            }
            QuizAction::Unplace(item) => {
                self.selected = None;
                let before = self.quiz.placement(item);
                let unplaced = matches!(self.quiz.unplace(item), Ok(true));
                if unplaced {
                    self.history.push((item, before));
                }
                unplaced.then_some(QuizEvent::Unplaced(item))
            }
            QuizAction::Undo if self.can_undo() => {
                self.selected = None;
                let (item, before) = self.history.pop()?;
                let restored = match before {
                    Some(bin) => self.quiz.place(item, bin).is_ok(),
                    None => self.quiz.unplace(item).is_ok(),
                };
                restored.then_some(QuizEvent::Undone(item))
            }
            QuizAction::Undo => None,
            QuizAction::Check => match self.quiz.check() {
                // The results replace the board, and the selection with it.
                Ok(score) => {
                    self.selected = None;
                    self.history.clear();
                    Some(QuizEvent::Checked { score })
                }
                Err(QuizError::NotAllPlaced { left }) => Some(QuizEvent::CheckBlocked { left }),
                Err(_) => None,
            },
            QuizAction::Reset { seed } => self.reshuffle(seed),
            QuizAction::TryAgain => self.reshuffle(self.quiz.next_seed()),
            QuizAction::Restore(saved) => {
                self.selected = None;
                self.history.clear();
                self.restore(&saved);
                None
            }
        };
        if event.is_some() {
            self.event = event;
            self.serial = self.serial.wrapping_add(1);
        }
        event
    }

    /// Reset and Try again: every placement cleared, a new order.
    fn reshuffle(&mut self, seed: u64) -> Option<QuizEvent> {
        self.selected = None;
        self.history.clear();
        self.quiz.try_again(seed);
        Some(QuizEvent::Cleared)
    }

    /// The saved form ([`crate::snapshot`]): the order, the placements, the
    /// phase and the scores.
    pub fn snapshot(&self) -> String {
        self.quiz.snapshot(&self.deck_id, &self.item_ids).to_text()
    }

    /// Adopts a saved quiz. A text that does not read, or that was saved for
    /// another deck or for other items, is ignored.
    pub fn restore(&mut self, saved: &str) {
        let restored = QuizSnapshot::from_text(saved).and_then(|saved| {
            Quiz::restore(self.answers.to_vec(), &saved, &self.deck_id, &self.item_ids)
        });
        if let Some(quiz) = restored {
            self.quiz = quiz;
        }
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use Bin::{Avoid, Safe};
    use proptest::prelude::*;

    const ANSWERS: [Bin; 4] = [Safe, Avoid, Safe, Avoid];

    fn state_over(answers: &[Bin], seed: u64) -> QuizState {
        let ids: Rc<[String]> = (0..answers.len()).map(|i| format!("item-{i}")).collect();
        QuizState::new(Rc::from("deck"), ids, Rc::from(answers), seed)
    }

    fn state() -> QuizState {
        state_over(&ANSWERS, 7)
    }

    fn place(item: usize, bin: Bin) -> QuizAction {
        QuizAction::Place { item, bin }
    }

    #[test]
    fn selecting_toggles_and_any_move_clears_the_selection() {
        let mut s = state();
        assert_eq!(s.apply(QuizAction::Select(1)), Some(QuizEvent::Selected(1)));
        assert_eq!(s.selected, Some(1));
        assert_eq!(s.apply(QuizAction::Select(1)), None);
        assert_eq!(s.selected, None, "selecting again clears it");
        for clear in [
            QuizAction::ClearSelection,
            place(1, Safe),
            QuizAction::Unplace(1),
            QuizAction::Unplace(3),
            QuizAction::Reset { seed: 1 },
            QuizAction::TryAgain,
            QuizAction::Restore(String::new()),
        ] {
            s.apply(QuizAction::Select(2));
            assert_eq!(s.selected, Some(2));
            s.apply(clear.clone());
            assert_eq!(s.selected, None, "{clear:?}");
        }
    }

    #[test]
    fn nothing_is_selected_out_of_range_or_after_check() {
        let mut s = state();
        assert_eq!(s.apply(QuizAction::Select(4)), None);
        for (i, &bin) in ANSWERS.iter().enumerate() {
            s.apply(place(i, bin));
        }
        s.apply(QuizAction::Select(1));
        s.apply(QuizAction::Check);
        assert_eq!(s.selected, None, "the results have no selection");
        assert_eq!(s.apply(QuizAction::Select(0)), None);
        assert_eq!(s.selected, None);
    }

    #[test]
    fn events_name_what_happened_and_count_up() {
        let mut s = state();
        assert_eq!(
            s.apply(place(0, Avoid)),
            Some(QuizEvent::Placed {
                item: 0,
                bin: Avoid,
                how: Placement::Placed
            })
        );
        assert_eq!(
            s.apply(place(0, Safe)),
            Some(QuizEvent::Placed {
                item: 0,
                bin: Safe,
                how: Placement::Moved
            })
        );
        assert_eq!(s.apply(QuizAction::Unplace(1)), None, "not placed");
        assert_eq!(
            s.apply(QuizAction::Unplace(0)),
            Some(QuizEvent::Unplaced(0))
        );
        assert_eq!(
            s.apply(QuizAction::Check),
            Some(QuizEvent::CheckBlocked { left: 4 })
        );
        assert_eq!(s.serial, 4);
        assert_eq!(s.event, Some(QuizEvent::CheckBlocked { left: 4 }));
        for (i, bin) in [Safe, Avoid, Avoid, Avoid].into_iter().enumerate() {
            s.apply(place(i, bin));
        }
        assert_eq!(
            s.apply(QuizAction::Check),
            Some(QuizEvent::Checked { score: 3 })
        );
        assert_eq!(s.apply(place(0, Avoid)), None, "the bins are frozen");
        assert_eq!(s.event, Some(QuizEvent::Checked { score: 3 }));
        assert_eq!(
            s.apply(QuizAction::Reset { seed: 2 }),
            Some(QuizEvent::Cleared)
        );
        assert_eq!((s.quiz.phase(), s.quiz.placed_count()), (Phase::Sorting, 0));
        assert_eq!(s.quiz.best_score(), Some(3));
    }

    #[test]
    fn the_same_event_again_still_counts() {
        let mut s = state();
        s.apply(QuizAction::Check);
        let serial = s.serial;
        s.apply(QuizAction::Check);
        assert_eq!(s.event, Some(QuizEvent::CheckBlocked { left: 4 }));
        assert_eq!(s.serial, serial + 1);
    }

    #[test]
    fn a_saved_quiz_is_restored_and_a_foreign_one_ignored() {
        let mut s = state();
        s.apply(place(2, Avoid));
        let saved = s.snapshot();
        let mut reloaded = state_over(&ANSWERS, 99);
        reloaded.apply(QuizAction::Restore(saved.clone()));
        assert_eq!(reloaded.quiz, s.quiz);

        let mut other_deck = QuizState::new(
            Rc::from("other"),
            reloaded.item_ids.clone(),
            Rc::from(&ANSWERS[..]),
            99,
        );
        let before = other_deck.quiz.clone();
        other_deck.restore(&saved);
        assert_eq!(other_deck.quiz, before);
        let mut fewer_items = state_over(&ANSWERS[..3], 99);
        let before = fewer_items.quiz.clone();
        fewer_items.restore(&saved);
        assert_eq!(fewer_items.quiz, before);
        let mut old_format = state();
        old_format.restore("1|deck|item-0,item-1,item-2,item-3||sorting|3|4");
        assert_eq!(old_format.quiz, state().quiz);
    }

    fn actions() -> impl Strategy<Value = QuizAction> {
        let bin = prop_oneof![Just(Safe), Just(Avoid)];
        prop_oneof![
            3 => (0usize..10).prop_map(QuizAction::Select),
            1 => Just(QuizAction::ClearSelection),
            6 => (0usize..10, bin).prop_map(|(item, bin)| QuizAction::Place { item, bin }),
            2 => (0usize..10).prop_map(QuizAction::Unplace),
            2 => Just(QuizAction::Check),
            2 => Just(QuizAction::Undo),
            1 => any::<u64>().prop_map(|seed| QuizAction::Reset { seed }),
            1 => Just(QuizAction::TryAgain),
        ]
    }

    #[test]
    fn try_again_reshuffles_by_the_seed_that_the_order_gives() {
        let mut s = state();
        s.apply(place(1, Safe));
        let mut by_seed = s.clone();
        by_seed.apply(QuizAction::Reset {
            seed: s.quiz.next_seed(),
        });
        assert_eq!(s.apply(QuizAction::TryAgain), Some(QuizEvent::Cleared));
        assert_eq!(s.quiz, by_seed.quiz);
        assert!(!s.can_undo());
    }

    #[test]
    fn undo_takes_back_answers_one_at_a_time_until_none_is_left() {
        let mut s = state();
        assert!(!s.can_undo());
        assert_eq!(s.apply(QuizAction::Undo), None);
        let fresh = s.quiz.clone();
        s.apply(place(0, Safe));
        let after_first = s.quiz.clone();
        s.apply(place(0, Avoid));
        s.apply(place(2, Safe));
        s.apply(QuizAction::Unplace(2));
        // An answer that changes nothing is not one to take back.
        s.apply(place(0, Avoid));
        assert_eq!(s.apply(QuizAction::Undo), Some(QuizEvent::Undone(2)));
        assert_eq!(s.quiz.placement(2), Some(Safe), "the return is undone");
        assert_eq!(s.apply(QuizAction::Undo), Some(QuizEvent::Undone(2)));
        assert_eq!(s.quiz.placement(2), None);
        assert_eq!(s.apply(QuizAction::Undo), Some(QuizEvent::Undone(0)));
        assert_eq!(s.quiz, after_first, "the move across is undone");
        assert_eq!(s.apply(QuizAction::Undo), Some(QuizEvent::Undone(0)));
        assert_eq!(s.quiz, fresh);
        assert!(!s.can_undo());
    }

    #[test]
    fn check_reset_and_restore_leave_nothing_to_undo() {
        let mut s = state();
        for (i, &bin) in ANSWERS.iter().enumerate() {
            s.apply(place(i, bin));
        }
        let saved = s.snapshot();
        s.apply(QuizAction::Check);
        assert!(!s.can_undo());
        assert_eq!(s.apply(QuizAction::Undo), None, "no undo on the results");
        s.apply(QuizAction::Reset { seed: 3 });
        assert!(!s.can_undo());
        s.apply(place(1, Safe));
        s.apply(QuizAction::Restore(saved));
        assert!(!s.can_undo());
    }

    #[test]
    fn the_stack_shows_the_first_item_still_to_sort() {
        let mut s = state();
        let order = s.quiz.order().to_vec();
        assert_eq!(s.quiz.next_unplaced(), Some(order[0]));
        s.apply(place(order[0], Safe));
        assert_eq!(s.quiz.next_unplaced(), Some(order[1]));
        s.apply(QuizAction::Undo);
        assert_eq!(
            s.quiz.next_unplaced(),
            Some(order[0]),
            "undo brings the card back"
        );
        for &item in &order {
            s.apply(place(item, Avoid));
        }
        assert_eq!(s.quiz.next_unplaced(), None);
    }

    proptest! {
        /// Undo after any answer gives back the quiz as it was before it,
        /// however many answers came before (the stack's Undo, and the
        /// board's: one state machine).
        #[test]
        fn undo_restores_the_quiz_before_each_answer(
            answers in prop::collection::vec(prop_oneof![Just(Safe), Just(Avoid)], 2..9),
            seed in any::<u64>(),
            script in prop::collection::vec(actions(), 0..40),
        ) {
            let mut s = state_over(&answers, seed);
            let mut before_each = Vec::new();
            for action in script {
                let before = s.quiz.clone();
                match s.apply(action) {
                    Some(QuizEvent::Placed { how, .. }) if how != Placement::Unchanged => before_each.push(before),
                    Some(QuizEvent::Unplaced(_)) => before_each.push(before),
                    Some(QuizEvent::Undone(_)) => {
                        let expected = before_each.pop();
                        prop_assert_eq!(Some(&s.quiz), expected.as_ref());
                    }
                    Some(QuizEvent::Checked { .. } | QuizEvent::Cleared) => before_each.clear(),
                    _ => {}
                }
                prop_assert_eq!(s.can_undo(), !before_each.is_empty());
            }
            while let Some(expected) = before_each.pop() {
                prop_assert!(matches!(s.apply(QuizAction::Undo), Some(QuizEvent::Undone(_))));
                prop_assert_eq!(&s.quiz, &expected);
            }
            prop_assert_eq!(s.apply(QuizAction::Undo), None);
        }

        #[test]
        fn no_action_loses_an_item_and_a_reload_restores_the_quiz(
            answers in prop::collection::vec(prop_oneof![Just(Safe), Just(Avoid)], 2..9),
            seed in any::<u64>(),
            script in prop::collection::vec(actions(), 0..60),
        ) {
            let n = answers.len();
            let mut s = state_over(&answers, seed);
            for action in script {
                let event = s.apply(action);
                let mut items: Vec<usize> = [None, Some(Safe), Some(Avoid)]
                    .into_iter()
                    .flat_map(|bin| s.quiz.in_bin(bin))
                    .collect();
                items.sort_unstable();
                prop_assert_eq!(items, (0..n).collect::<Vec<_>>());
                if let Some(selected) = s.selected {
                    prop_assert!(selected < n && s.quiz.phase() == Phase::Sorting);
                }
                if let Some(QuizEvent::Checked { score }) = event {
                    let right = (0..n).filter(|&i| s.quiz.placement(i) == Some(answers[i])).count();
                    prop_assert_eq!(score, right);
                }
                // The stack's card is the first unsorted item in display order.
                let first_unsorted = s.quiz.order().iter().copied().find(|&i| s.quiz.placement(i).is_none());
                prop_assert_eq!(s.quiz.next_unplaced(), first_unsorted);
                let mut reloaded = state_over(&answers, seed.wrapping_add(1));
                reloaded.apply(QuizAction::Restore(s.snapshot()));
                prop_assert_eq!(&reloaded.quiz, &s.quiz);
            }
        }
    }
}
