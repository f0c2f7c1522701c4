//! Where focus goes after a quiz action, so that it is never lost when the
//! control it was on goes away: a placed item leaves the pool, Check
//! replaces the board with the results, Try again replaces them with a new
//! board.
//!
//! The policy is decided before the action is applied, from the state it
//! applies to. The widget turns a [`FocusTarget`] into the control it names.

use crate::deck::Bin;
use crate::layout::Layout;
use crate::quiz::Phase;
use crate::quiz_state::{QuizAction, QuizState};

/// A control of the quiz that can take focus. Items are indices into the
/// deck's quiz items ([`QuizState::item_ids`] gives their ids).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FocusTarget {
    /// The item's own button (its label), which selects it, in the pool or
    /// in a bin.
    Pick(usize),
    /// The button that returns a placed item to the pool.
    Back(usize),
    /// The Check answers button.
    Check,
    /// The score heading of the results.
    Score,
    /// The first item in the pool after a reshuffle, whose order is not
    /// known before the action.
    FirstInPool,
    /// The stack's card: the item to sort now.
    Card,
    /// The stack's disclosure of a bin, which lists its items.
    Bin(Bin),
}

/// Where focus goes, and when.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FocusMove {
    pub target: FocusTarget,
    /// Move focus before the update: the target is on screen already. Else
    /// it moves once the update has rendered the target.
    pub early: bool,
}

impl FocusMove {
    fn now(target: FocusTarget) -> Option<Self> {
        Some(Self {
            target,
            early: true,
        })
    }

    fn after_update(target: FocusTarget) -> Option<Self> {
        Some(Self {
            target,
            early: false,
        })
    }
}

/// Where focus goes after `action` is applied to `state`, shown in
/// `layout`; `None` leaves it where it is (the action changes nothing on
/// screen that has focus).
pub fn focus_after(state: &QuizState, action: &QuizAction, layout: Layout) -> Option<FocusMove> {
    match layout {
        Layout::Board => on_the_board(state, action),
        Layout::Stack => in_the_stack(state, action),
    }
}

fn on_the_board(state: &QuizState, action: &QuizAction) -> Option<FocusMove> {
    let quiz = &state.quiz;
    let sorting = quiz.phase() == Phase::Sorting;
    let known = |item: usize| sorting && item < quiz.len();
    match *action {
        // From the pool: the next item still to sort (or the one before, at
        // the end), else Check. They are on screen already, and the placed
        // item's buttons go with the update.
        QuizAction::Place { item, .. } if known(item) && quiz.placement(item).is_none() => {
            let pool = quiz.in_bin(None);
            let at = pool.iter().position(|&i| i == item)?;
            let next = pool
                .get(at + 1)
                .or_else(|| at.checked_sub(1).and_then(|before| pool.get(before)));
            FocusMove::now(next.map_or(FocusTarget::Check, |&i| FocusTarget::Pick(i)))
        }
        // From one bin to the other: the button the item keeps there.
        QuizAction::Place { item, .. } if known(item) => {
            FocusMove::after_update(FocusTarget::Back(item))
        }
        // Back in the pool, the item keeps its own button.
        QuizAction::Unplace(item) if known(item) => {
            FocusMove::after_update(FocusTarget::Pick(item))
        }
        // Selected, the item keeps focus; the "Put … in …" buttons that
        // selecting shows above an item in a bin push it down, and focusing
        // it again brings it back into view.
        QuizAction::Select(item) if known(item) => FocusMove::now(FocusTarget::Pick(item)),
        // Escape puts the selected item down: its "Put … in …" buttons go,
        // and focus, which may be on one of them, goes back to the item.
        QuizAction::ClearSelection => state
            .selected
            .filter(|&item| known(item))
            .and_then(|item| FocusMove::after_update(FocusTarget::Pick(item))),
        QuizAction::Check if quiz.all_placed() => FocusMove::after_update(FocusTarget::Score),
        QuizAction::Reset { .. } | QuizAction::TryAgain => {
            FocusMove::after_update(FocusTarget::FirstInPool)
        }
        _ => None,
    }
}

/// The stack: focus stays on the card, which shows the next item to sort,
/// and goes to Check once every item is sorted. An item moved or returned
/// from a bin's list leaves that list: focus goes to the bin it is now in,
/// or to the card, which shows it again.
fn in_the_stack(state: &QuizState, action: &QuizAction) -> Option<FocusMove> {
    let quiz = &state.quiz;
    let sorting = quiz.phase() == Phase::Sorting;
    let known = |item: usize| sorting && item < quiz.len();
    match *action {
        QuizAction::Place { item, .. } if known(item) && quiz.placement(item).is_none() => {
            let more = quiz.len() - quiz.placed_count() > 1;
            if more {
                FocusMove::now(FocusTarget::Card)
            } else {
                FocusMove::after_update(FocusTarget::Check)
            }
        }
        QuizAction::Place { item, bin } if known(item) => {
            FocusMove::after_update(FocusTarget::Bin(bin))
        }
        QuizAction::Unplace(item) if known(item) && quiz.placement(item).is_some() => {
            FocusMove::after_update(FocusTarget::Card)
        }
        // Undo puts the item back where it was: the card shows it, or the
        // next item, while any is left to sort; else its bin's list has it.
        QuizAction::Undo if state.can_undo() => {
            let (item, before) = state.last_answer()?;
            let left = quiz.len() - quiz.placed_count();
            let left_after = match (quiz.placement(item), before) {
                (Some(_), None) => left + 1,
                (None, Some(_)) => left - 1,
                _ => left,
            };
            FocusMove::after_update(match before {
                Some(bin) if left_after == 0 => FocusTarget::Bin(bin),
                _ => FocusTarget::Card,
            })
        }
        QuizAction::Check if quiz.all_placed() => FocusMove::after_update(FocusTarget::Score),
        QuizAction::Reset { .. } | QuizAction::TryAgain => {
            FocusMove::after_update(FocusTarget::Card)
        }
        _ => None,
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use std::rc::Rc;

    use super::*;
    use crate::deck::Bin::{self, Avoid, Safe};
    use crate::quiz::Quiz;
    use proptest::prelude::*;

    fn state(n: usize, seed: u64) -> QuizState {
        let ids: Rc<[String]> = (0..n).map(|i| format!("item-{i}")).collect();
        let answers: Rc<[Bin]> = (0..n).map(|i| [Safe, Avoid][i % 2]).collect();
        QuizState::new(Rc::from("deck"), ids, answers, seed)
    }

    fn place(item: usize) -> QuizAction {
        QuizAction::Place { item, bin: Safe }
    }

    /// Whether the control is on screen: the board while sorting, the
    /// results after Check.
    fn shown(quiz: &Quiz, target: FocusTarget) -> bool {
        let sorting = quiz.phase() == Phase::Sorting;
        match target {
            FocusTarget::Pick(item) => sorting && item < quiz.len(),
            FocusTarget::Back(item) => sorting && quiz.placement(item).is_some(),
            FocusTarget::Check => sorting,
            FocusTarget::Score => !sorting,
            FocusTarget::FirstInPool => sorting && !quiz.in_bin(None).is_empty(),
            FocusTarget::Card | FocusTarget::Bin(_) => false,
        }
    }

    #[test]
    fn placing_from_the_pool_moves_on_to_the_next_item_then_check() {
        let mut s = state(3, 1);
        let order = s.quiz.order().to_vec();
        assert_eq!(
            focus_after(&s, &place(order[0]), Layout::Board),
            FocusMove::now(FocusTarget::Pick(order[1]))
        );
        // The last in the pool goes back to the one before it.
        assert_eq!(
            focus_after(&s, &place(order[2]), Layout::Board),
            FocusMove::now(FocusTarget::Pick(order[1]))
        );
        s.apply(place(order[0]));
        s.apply(place(order[1]));
        assert_eq!(
            focus_after(&s, &place(order[2]), Layout::Board),
            FocusMove::now(FocusTarget::Check)
        );
    }

    #[test]
    fn a_placed_item_keeps_focus_on_its_own_controls() {
        let mut s = state(3, 2);
        s.apply(place(1));
        let moved = QuizAction::Place {
            item: 1,
            bin: Avoid,
        };
        assert_eq!(
            focus_after(&s, &moved, Layout::Board),
            FocusMove::after_update(FocusTarget::Back(1))
        );
        assert_eq!(
            focus_after(&s, &QuizAction::Unplace(1), Layout::Board),
            FocusMove::after_update(FocusTarget::Pick(1))
        );
        assert_eq!(
            focus_after(&s, &QuizAction::Select(1), Layout::Board),
            FocusMove::now(FocusTarget::Pick(1))
        );
        s.apply(QuizAction::Select(1));
        assert_eq!(
            focus_after(&s, &QuizAction::ClearSelection, Layout::Board),
            FocusMove::after_update(FocusTarget::Pick(1))
        );
        s.apply(QuizAction::ClearSelection);
        assert_eq!(
            focus_after(&s, &QuizAction::ClearSelection, Layout::Board),
            None
        );
    }

    #[test]
    fn check_goes_to_the_score_only_when_it_scores() {
        let mut s = state(2, 3);
        s.apply(place(0));
        assert_eq!(
            focus_after(&s, &QuizAction::Check, Layout::Board),
            None,
            "blocked"
        );
        s.apply(place(1));
        assert_eq!(
            focus_after(&s, &QuizAction::Check, Layout::Board),
            FocusMove::after_update(FocusTarget::Score)
        );
        s.apply(QuizAction::Check);
        assert_eq!(
            focus_after(&s, &place(0), Layout::Board),
            None,
            "the bins are gone"
        );
        assert_eq!(focus_after(&s, &QuizAction::Select(0), Layout::Board), None);
        assert_eq!(
            focus_after(&s, &QuizAction::Reset { seed: 4 }, Layout::Board),
            FocusMove::after_update(FocusTarget::FirstInPool)
        );
    }

    #[test]
    fn unknown_items_move_nothing() {
        let s = state(2, 5);
        for action in [place(2), QuizAction::Unplace(2), QuizAction::Select(9)] {
            assert_eq!(focus_after(&s, &action, Layout::Board), None, "{action:?}");
        }
    }

    /// Whether the control is on screen in the stack.
    fn shown_in_stack(quiz: &Quiz, target: FocusTarget) -> bool {
        let sorting = quiz.phase() == Phase::Sorting;
        match target {
            FocusTarget::Card => sorting && quiz.next_unplaced().is_some(),
            FocusTarget::Check | FocusTarget::Bin(_) => sorting,
            FocusTarget::Score => !sorting,
            FocusTarget::Pick(_) | FocusTarget::Back(_) | FocusTarget::FirstInPool => false,
        }
    }

    #[test]
    fn in_the_stack_focus_stays_on_the_card_then_goes_to_check() {
        let mut s = state(3, 6);
        let order = s.quiz.order().to_vec();
        let stack = |s: &QuizState, a: QuizAction| focus_after(s, &a, Layout::Stack);
        assert_eq!(
            stack(&s, place(order[0])),
            FocusMove::now(FocusTarget::Card)
        );
        s.apply(place(order[0]));
        s.apply(place(order[1]));
        assert_eq!(
            stack(&s, place(order[2])),
            FocusMove::after_update(FocusTarget::Check)
        );
        s.apply(place(order[2]));
        assert_eq!(
            stack(
                &s,
                QuizAction::Place {
                    item: order[1],
                    bin: Avoid
                }
            ),
            FocusMove::after_update(FocusTarget::Bin(Avoid))
        );
        assert_eq!(
            stack(&s, QuizAction::Unplace(order[1])),
            FocusMove::after_update(FocusTarget::Card)
        );
        assert_eq!(
            stack(&s, QuizAction::Undo),
            FocusMove::after_update(FocusTarget::Card)
        );
        s.apply(QuizAction::Place {
            item: order[1],
            bin: Avoid,
        });
        assert_eq!(
            stack(&s, QuizAction::Undo),
            FocusMove::after_update(FocusTarget::Bin(Safe)),
            "the move across is undone, and nothing is left to sort"
        );
        assert_eq!(
            stack(&s, QuizAction::Check),
            FocusMove::after_update(FocusTarget::Score)
        );
        assert_eq!(
            stack(&s, QuizAction::Reset { seed: 1 }),
            FocusMove::after_update(FocusTarget::Card)
        );
    }

    fn actions() -> impl Strategy<Value = QuizAction> {
        let bin = prop_oneof![Just(Safe), Just(Avoid)];
        prop_oneof![
            3 => (0usize..8).prop_map(QuizAction::Select),
            1 => Just(QuizAction::ClearSelection),
            6 => (0usize..8, bin).prop_map(|(item, bin)| QuizAction::Place { item, bin }),
            2 => (0usize..8).prop_map(QuizAction::Unplace),
            2 => Just(QuizAction::Check),
            2 => Just(QuizAction::Undo),
            1 => any::<u64>().prop_map(|seed| QuizAction::Reset { seed }),
            1 => Just(QuizAction::TryAgain),
        ]
    }

    proptest! {
        #[test]
        fn in_the_stack_focus_always_goes_to_a_control_on_screen(
            n in 2usize..7,
            seed in any::<u64>(),
            script in prop::collection::vec(actions(), 0..60),
        ) {
            let mut s = state(n, seed);
            for action in script {
                let before = s.quiz.clone();
                let moved = focus_after(&s, &action, Layout::Stack);
                s.apply(action);
                if let Some(FocusMove { target, early }) = moved {
                    prop_assert!(shown_in_stack(&s.quiz, target), "{:?} after the update", target);
                    if early {
                        prop_assert!(shown_in_stack(&before, target), "{:?} before the update", target);
                    }
                }
            }
        }

        #[test]
        fn focus_always_goes_to_a_control_on_screen(
            n in 2usize..7,
            seed in any::<u64>(),
            script in prop::collection::vec(actions(), 0..60),
        ) {
            let mut s = state(n, seed);
            for action in script {
                let before = s.quiz.clone();
                let moved = focus_after(&s, &action, Layout::Board);
                let placed_from_pool = match action {
                    QuizAction::Place { item, .. }
                        if item < n
                            && before.phase() == Phase::Sorting
                            && before.placement(item).is_none() =>
                    {
                        Some(item)
                    }
                    _ => None,
                };
                s.apply(action);
                if let Some(FocusMove { target, early }) = moved {
                    prop_assert!(shown(&s.quiz, target), "{:?} after the update", target);
                    if early {
                        prop_assert!(shown(&before, target), "{:?} before the update", target);
                    }
                }
                // Focus on an item that leaves the pool goes on to another
                // control, never along with the item.
                if let Some(item) = placed_from_pool {
                    prop_assert!(moved.is_some_and(|m| m.target != FocusTarget::Pick(item)));
                }
            }
        }
    }
}
