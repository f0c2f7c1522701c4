//! The reader's place in the tips deck: which card, which filter, turned or not.

use crate::deck::TipKind;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Filter {
    #[default]
    All,
    Do,
    Dont,
}

impl Filter {
    pub const ALL: [Filter; 3] = [Filter::All, Filter::Do, Filter::Dont];

    pub fn as_str(self) -> &'static str {
        match self {
            Filter::All => "all",
            Filter::Do => "do",
            Filter::Dont => "dont",
        }
    }

    pub fn fits(self, kind: TipKind) -> bool {
        match self {
            Filter::All => true,
            Filter::Do => kind == TipKind::Do,
            Filter::Dont => kind == TipKind::Dont,
        }
    }
}

/// A position in the deck. `tip` is an index into the deck's tips and always
/// names a tip that fits `filter`: a deck has at least one tip, and a filter
/// that none fits is never taken.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DeckCursor {
    kinds: Vec<TipKind>,
    filter: Filter,
    tip: usize,
    turned: bool,
}

/// What is saved across reloads (in a [`TipsSnapshot`](crate::snapshot::TipsSnapshot)).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CursorSnapshot {
    pub tip: String,
    pub filter: Filter,
}

impl DeckCursor {
    pub fn new(kinds: Vec<TipKind>) -> Self {
        Self {
            kinds,
            filter: Filter::All,
            tip: 0,
            turned: false,
        }
    }

    /// Indices of the tips the filter lets through, in deck order.
    pub fn visible(&self) -> Vec<usize> {
        (0..self.kinds.len())
            .filter(|&i| self.filter.fits(self.kinds[i]))
            .collect()
    }

    pub fn filter(&self) -> Filter {
        self.filter
    }

    pub fn turned(&self) -> bool {
        self.turned
    }

    /// The current tip's index in the deck, if any tip fits the filter.
    pub fn current(&self) -> Option<usize> {
        (self.tip < self.kinds.len() && self.filter.fits(self.kinds[self.tip])).then_some(self.tip)
    }

    /// 1-based position among visible tips, and how many are visible.
    pub fn progress(&self) -> (usize, usize) {
        let visible = self.visible();
        let at = visible
            .iter()
            .position(|&i| i == self.tip)
            .map_or(0, |p| p + 1);
        (at, visible.len())
    }

    pub fn can_step(&self, forward: bool) -> bool {
        let (at, total) = self.progress();
        if forward { at < total } else { at > 1 }
    }

    /// Moves one visible card on or back; stays put at either end.
    pub fn step(&mut self, forward: bool) {
        let visible = self.visible();
        let Some(pos) = visible.iter().position(|&i| i == self.tip) else {
            return;
        };
        let next = if forward {
            pos + 1
        } else {
            pos.wrapping_sub(1)
        };
        if let Some(&tip) = visible.get(next) {
            self.tip = tip;
            self.turned = false;
        }
    }

    /// Whether any tip fits `filter`.
    pub fn offers(&self, filter: Filter) -> bool {
        self.kinds.iter().any(|&k| filter.fits(k))
    }

    /// Changes the filter, keeping the current card when it still fits. A
    /// filter that no tip fits is not taken (the deck has only one kind).
    pub fn set_filter(&mut self, filter: Filter) {
        if !self.offers(filter) {
            return;
        }
        self.filter = filter;
        if self.current().is_none() {
            self.tip = self.visible().first().copied().unwrap_or(0);
            self.turned = false;
        }
    }

    pub fn turn(&mut self) {
        self.turned = !self.turned;
    }

    /// Shows a given tip, widening the filter to All if it hides that tip.
    pub fn go_to(&mut self, tip: usize) {
        if tip >= self.kinds.len() {
            return;
        }
        if !self.filter.fits(self.kinds[tip]) {
            self.filter = Filter::All;
        }
        self.tip = tip;
        self.turned = false;
    }

    pub fn snapshot(&self, tip_ids: &[String]) -> Option<CursorSnapshot> {
        tip_ids.get(self.tip).map(|id| CursorSnapshot {
            tip: id.clone(),
            filter: self.filter,
        })
    }

    /// Restores a saved place; a tip id that no longer exists is ignored.
    pub fn restore(&mut self, snapshot: &CursorSnapshot, tip_ids: &[String]) {
        self.set_filter(snapshot.filter);
        if let Some(tip) = tip_ids.iter().position(|id| *id == snapshot.tip)
            && self.filter.fits(self.kinds[tip])
        {
            self.tip = tip;
            self.turned = false;
        }
    }
}

// Host-only: proptest and serde_json are host dev-dependencies.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use TipKind::{Do, Dont};
    use proptest::prelude::*;

    fn cursor() -> DeckCursor {
        DeckCursor::new(vec![Do, Do, Dont, Do, Dont])
    }

    #[test]
    fn steps_stop_at_both_ends() {
        let mut c = cursor();
        c.step(false);
        assert_eq!(c.progress(), (1, 5));
        for _ in 0..10 {
            c.step(true);
        }
        assert_eq!(c.progress(), (5, 5));
        assert!(!c.can_step(true));
        assert!(c.can_step(false));
    }

    #[test]
    fn filter_keeps_a_fitting_card_and_moves_off_a_hidden_one() {
        let mut c = cursor();
        c.step(true); // tip 1, a do
        c.set_filter(Filter::Do);
        assert_eq!((c.current(), c.progress()), (Some(1), (2, 3)));
        c.set_filter(Filter::Dont);
        assert_eq!((c.current(), c.progress()), (Some(2), (1, 2)));
    }

    #[test]
    fn a_filter_that_no_tip_fits_is_not_taken() {
        let mut c = DeckCursor::new(vec![Do, Do]);
        c.step(true);
        assert!(c.offers(Filter::Do) && !c.offers(Filter::Dont));
        c.set_filter(Filter::Dont);
        assert_eq!(
            (c.filter(), c.current(), c.progress()),
            (Filter::All, Some(1), (2, 2))
        );
        let ids: Vec<String> = ["a", "b"].map(String::from).to_vec();
        let saved = CursorSnapshot {
            tip: "b".into(),
            filter: Filter::Dont,
        };
        let mut restored = DeckCursor::new(vec![Do, Do]);
        restored.restore(&saved, &ids);
        assert_eq!(
            (restored.filter(), restored.current()),
            (Filter::All, Some(1))
        );
    }

    #[test]
    fn stepping_or_filtering_away_turns_the_card_back() {
        let mut c = cursor();
        c.turn();
        assert!(c.turned());
        c.step(true);
        assert!(!c.turned());
    }

    #[test]
    fn go_to_widens_the_filter_when_needed() {
        let mut c = cursor();
        c.set_filter(Filter::Do);
        c.go_to(4);
        assert_eq!((c.filter(), c.current()), (Filter::All, Some(4)));
    }

    #[test]
    fn snapshot_restores_the_place_and_unknown_ids_are_ignored() {
        let ids: Vec<String> = ["a", "b", "c", "d", "e"].map(String::from).to_vec();
        let mut c = cursor();
        c.set_filter(Filter::Dont);
        c.step(true);
        let snap = c.snapshot(&ids).expect("snapshot");
        assert_eq!(
            snap,
            CursorSnapshot {
                tip: "e".into(),
                filter: Filter::Dont
            }
        );
        let mut restored = cursor();
        restored.restore(&snap, &ids);
        assert_eq!(restored, c);
        let mut fresh = cursor();
        fresh.restore(
            &CursorSnapshot {
                tip: "gone".into(),
                filter: Filter::All,
            },
            &ids,
        );
        assert_eq!(fresh.current(), Some(0));
    }

    #[derive(Clone, Debug)]
    enum Move {
        Step(bool),
        Filter(Filter),
        Turn,
        GoTo(usize),
    }

    fn moves() -> impl Strategy<Value = Move> {
        prop_oneof![
            any::<bool>().prop_map(Move::Step),
            prop::sample::select(Filter::ALL.to_vec()).prop_map(Move::Filter),
            Just(Move::Turn),
            (0usize..12).prop_map(Move::GoTo),
        ]
    }

    proptest! {
        #[test]
        fn position_is_always_a_visible_tip(
            kinds in prop::collection::vec(prop_oneof![Just(Do), Just(Dont)], 1..12),
            script in prop::collection::vec(moves(), 0..60),
        ) {
            let mut c = DeckCursor::new(kinds.clone());
            for m in script {
                match m {
                    Move::Step(f) => c.step(f),
                    Move::Filter(f) => c.set_filter(f),
                    Move::Turn => c.turn(),
                    Move::GoTo(t) => c.go_to(t),
                }
                let (at, total) = c.progress();
                prop_assert_eq!(total, kinds.iter().filter(|&&k| c.filter().fits(k)).count());
                let tip = c.current().expect("a visible tip is current");
                prop_assert!(c.filter().fits(kinds[tip]));
                prop_assert!(at >= 1 && at <= total);
            }
        }
    }
}
