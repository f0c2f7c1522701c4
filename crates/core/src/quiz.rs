//! The sorting quiz as a pure state machine. Randomness arrives as a seed.

use crate::deck::Bin;
use crate::snapshot::QuizSnapshot;
use crate::text::UiText;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Phase {
    Sorting,
    Checked,
}

impl Phase {
    pub const ALL: [Phase; 2] = [Phase::Sorting, Phase::Checked];

    pub fn as_str(self) -> &'static str {
        match self {
            Phase::Sorting => "sorting",
            Phase::Checked => "checked",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum QuizError {
    /// Check needs every item placed first.
    NotAllPlaced {
        left: usize,
    },
    /// After Check, placements are frozen until Try again.
    AlreadyChecked,
    NoSuchItem,
}

/// What a placement did, so the UI can announce it in the right words.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Placement {
    Placed,
    Moved,
    Unchanged,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ScoreBand {
    All,
    Most,
    Some,
}

impl ScoreBand {
    /// All right; at least three quarters right; fewer.
    pub fn of(score: usize, total: usize) -> Self {
        if score == total {
            ScoreBand::All
        } else if score * 4 >= total * 3 {
            ScoreBand::Most
        } else {
            ScoreBand::Some
        }
    }

    /// The message for the band, in the deck's words: the one mapping that
    /// the results and the announcement of a score both use.
    pub fn text(self, ui: &UiText) -> &str {
        match self {
            ScoreBand::All => ui.band_all(),
            ScoreBand::Most => ui.band_most(),
            ScoreBand::Some => ui.band_some(),
        }
    }
}

/// How one item fared after Check.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ItemOutcome {
    pub item: usize,
    pub placed: Option<Bin>,
    pub answer: Bin,
    pub correct: bool,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Quiz {
    answers: Vec<Bin>,
    order: Vec<usize>,
    placements: Vec<Option<Bin>>,
    phase: Phase,
    last_score: Option<usize>,
    best_score: Option<usize>,
}

impl Quiz {
    /// A fresh quiz over items with these answers, in an order drawn from `seed`.
    pub fn new(answers: Vec<Bin>, seed: u64) -> Self {
        let n = answers.len();
        let mut quiz = Self {
            answers,
            order: (0..n).collect(),
            placements: vec![None; n],
            phase: Phase::Sorting,
            last_score: None,
            best_score: None,
        };
        shuffle(&mut quiz.order, seed);
        quiz
    }

    pub fn len(&self) -> usize {
        self.answers.len()
    }

    pub fn is_empty(&self) -> bool {
        self.answers.is_empty()
    }

    /// Item indices in the order the reader sees them.
    pub fn order(&self) -> &[usize] {
        &self.order
    }

    pub fn phase(&self) -> Phase {
        self.phase
    }

    pub fn placement(&self, item: usize) -> Option<Bin> {
        self.placements.get(item).copied().flatten()
    }

    pub fn placed_count(&self) -> usize {
        self.placements.iter().filter(|p| p.is_some()).count()
    }

    /// Every item is in a bin: the quiz can be checked.
    pub fn all_placed(&self) -> bool {
        self.placements.iter().all(Option::is_some)
    }

    /// The first item in display order still to sort: the stack's card.
    pub fn next_unplaced(&self) -> Option<usize> {
        self.order
            .iter()
            .copied()
            .find(|&i| self.placements[i].is_none())
    }

    /// Items in `bin`, in display order.
    pub fn in_bin(&self, bin: Option<Bin>) -> Vec<usize> {
        self.order
            .iter()
            .copied()
            .filter(|&i| self.placements[i] == bin)
            .collect()
    }

    /// Correct placements right now.
    pub fn score(&self) -> usize {
        self.placements
            .iter()
            .zip(&self.answers)
            .filter(|(p, a)| **p == Some(**a))
            .count()
    }

    pub fn last_score(&self) -> Option<usize> {
        self.last_score
    }

    pub fn best_score(&self) -> Option<usize> {
        self.best_score
    }

    pub fn place(&mut self, item: usize, bin: Bin) -> Result<Placement, QuizError> {
        self.editable(item)?;
        let before = self.placements[item].replace(bin);
        Ok(match before {
            None => Placement::Placed,
            Some(b) if b == bin => Placement::Unchanged,
            Some(_) => Placement::Moved,
        })
    }

    /// Returns an item to the pool; `Ok(false)` if it was not placed.
    pub fn unplace(&mut self, item: usize) -> Result<bool, QuizError> {
        self.editable(item)?;
        Ok(self.placements[item].take().is_some())
    }

    fn editable(&self, item: usize) -> Result<(), QuizError> {
        if self.phase == Phase::Checked {
            Err(QuizError::AlreadyChecked)
        } else if item >= self.len() {
            Err(QuizError::NoSuchItem)
        } else {
            Ok(())
        }
    }

    /// Scores the quiz. Every item must be placed first.
    pub fn check(&mut self) -> Result<usize, QuizError> {
        if self.phase == Phase::Checked {
            return Err(QuizError::AlreadyChecked);
        }
        let left = self.len() - self.placed_count();
        if left > 0 {
            return Err(QuizError::NotAllPlaced { left });
        }
        let score = self.score();
        self.phase = Phase::Checked;
        self.last_score = Some(score);
        self.best_score = Some(self.best_score.map_or(score, |b| b.max(score)));
        Ok(score)
    }

    /// Clears every placement and reshuffles; scores are kept.
    pub fn try_again(&mut self, seed: u64) {
        self.placements.iter_mut().for_each(|p| *p = None);
        self.phase = Phase::Sorting;
        shuffle(&mut self.order, seed);
    }

    /// Try again's seed. It follows from the current order rather than being
    /// drawn at the click, so the next attempt is known while the results
    /// show, and the widget gets its board ready under them. The reader
    /// still sees a new order each time. Start over draws a random seed.
    pub fn next_seed(&self) -> u64 {
        // FNV-1a over the item indices.
        self.order
            .iter()
            .fold(0xCBF2_9CE4_8422_2325, |hash, &item| {
                (hash ^ item as u64).wrapping_mul(0x0100_0000_01B3)
            })
    }

    pub fn outcomes(&self) -> Vec<ItemOutcome> {
        self.order
            .iter()
            .map(|&item| {
                let placed = self.placements[item];
                let answer = self.answers[item];
                ItemOutcome {
                    item,
                    placed,
                    answer,
                    correct: placed == Some(answer),
                }
            })
            .collect()
    }

    /// The items not in their right bin, in board order: the reader's
    /// mistakes, for the take-home sheet.
    pub fn mistakes(&self) -> Vec<usize> {
        self.outcomes()
            .into_iter()
            .filter(|o| !o.correct)
            .map(|o| o.item)
            .collect()
    }

    pub fn snapshot(&self, deck_id: &str, item_ids: &[String]) -> QuizSnapshot {
        QuizSnapshot {
            deck: deck_id.to_string(),
            order: self.order.iter().map(|&i| item_ids[i].clone()).collect(),
            placements: self
                .order
                .iter()
                .filter_map(|&i| self.placements[i].map(|b| (item_ids[i].clone(), b)))
                .collect(),
            phase: self.phase,
            last: self.last_score,
            best: self.best_score,
        }
    }

    /// Rebuilds a quiz from a snapshot, or `None` if the snapshot is from
    /// another deck, or does not fit this deck's items.
    pub fn restore(
        answers: Vec<Bin>,
        snapshot: &QuizSnapshot,
        deck_id: &str,
        item_ids: &[String],
    ) -> Option<Self> {
        let n = answers.len();
        if snapshot.deck != deck_id || snapshot.order.len() != n || item_ids.len() != n {
            return None;
        }
        let index = |id: &String| item_ids.iter().position(|x| x == id);
        let order: Vec<usize> = snapshot.order.iter().map(index).collect::<Option<_>>()?;
        let mut seen = vec![false; n];
        for &i in &order {
            if std::mem::replace(&mut seen[i], true) {
                return None;
            }
        }
        let mut placements = vec![None; n];
        for (id, bin) in &snapshot.placements {
            let i = index(id)?;
            if placements[i].replace(*bin).is_some() {
                return None;
            }
        }
        let scores_fit = [snapshot.last, snapshot.best]
            .iter()
            .all(|s| s.is_none_or(|s| s <= n));
        let all_placed = placements.iter().all(Option::is_some);
        if !scores_fit || (snapshot.phase == Phase::Checked && !all_placed) {
            return None;
        }
        Some(Self {
            answers,
            order,
            placements,
            phase: snapshot.phase,
            last_score: snapshot.last,
            best_score: snapshot.best,
        })
    }
}

/// Fisher–Yates with splitmix64: small, deterministic for a seed, good enough
/// for shuffling a list of exercises.
fn shuffle(list: &mut [usize], seed: u64) {
    let mut state = seed;
    let mut next = move || {
        state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    };
    for i in (1..list.len()).rev() {
        let j = (next() % (i as u64 + 1)) as usize;
        list.swap(i, j);
    }
}

// Host-only: proptest and serde_json are host dev-dependencies.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use Bin::{Avoid, Safe};
    use proptest::prelude::*;

    fn answers() -> Vec<Bin> {
        vec![Safe, Avoid, Safe, Avoid, Safe]
    }

    fn ids(n: usize) -> Vec<String> {
        (0..n).map(|i| format!("item-{i}")).collect()
    }

    #[test]
    fn placing_moving_and_unplacing_report_what_happened() {
        let mut q = Quiz::new(answers(), 1);
        assert_eq!(q.place(0, Safe), Ok(Placement::Placed));
        assert_eq!(q.place(0, Safe), Ok(Placement::Unchanged));
        assert_eq!(q.place(0, Avoid), Ok(Placement::Moved));
        assert_eq!(q.unplace(0), Ok(true));
        assert_eq!(q.unplace(0), Ok(false));
        assert_eq!(q.place(99, Safe), Err(QuizError::NoSuchItem));
    }

    #[test]
    fn check_needs_every_item_and_then_freezes_the_bins() {
        let mut q = Quiz::new(answers(), 2);
        q.place(0, Safe).unwrap();
        assert_eq!(q.check(), Err(QuizError::NotAllPlaced { left: 4 }));
        assert!(!q.all_placed());
        for i in 1..5 {
            q.place(i, Safe).unwrap();
        }
        assert!(q.all_placed());
        assert_eq!(q.check(), Ok(3));
        assert_eq!(q.phase(), Phase::Checked);
        assert_eq!(q.place(1, Avoid), Err(QuizError::AlreadyChecked));
        let wrong = q.mistakes();
        assert_eq!(wrong.len(), 2);
        assert!(wrong.contains(&1) && wrong.contains(&3));
    }

    #[test]
    fn try_again_clears_and_keeps_best_score() {
        let mut q = Quiz::new(answers(), 3);
        for (i, a) in answers().into_iter().enumerate() {
            q.place(i, a).unwrap();
        }
        assert_eq!(q.check(), Ok(5));
        q.try_again(4);
        assert_eq!((q.phase(), q.placed_count()), (Phase::Sorting, 0));
        for i in 0..5 {
            q.place(i, Avoid).unwrap();
        }
        assert_eq!(q.check(), Ok(2));
        assert_eq!((q.last_score(), q.best_score()), (Some(2), Some(5)));
    }

    #[test]
    fn next_seed_makes_the_next_order_known_and_new() {
        let answers: Vec<Bin> = (0..17)
            .map(|i| if i % 3 == 0 { Safe } else { Avoid })
            .collect();
        let mut q = Quiz::new(answers, 7);
        let mut seen = std::collections::HashSet::new();
        for _ in 0..50 {
            assert!(seen.insert(q.order().to_vec()), "an order came back");
            // The same seed, asked for before Try again, gives the same attempt.
            let mut ahead = q.clone();
            ahead.try_again(q.next_seed());
            q.try_again(q.next_seed());
            assert_eq!(q, ahead);
        }
    }

    #[test]
    fn bands_split_at_all_and_three_quarters() {
        assert_eq!(ScoreBand::of(16, 16), ScoreBand::All);
        assert_eq!(ScoreBand::of(12, 16), ScoreBand::Most);
        assert_eq!(ScoreBand::of(11, 16), ScoreBand::Some);
    }

    #[test]
    fn bands_have_their_own_messages() {
        let ui = UiText::default();
        assert_eq!(ScoreBand::of(16, 16).text(&ui), ui.band_all());
        assert_eq!(ScoreBand::of(12, 16).text(&ui), ui.band_most());
        assert_eq!(ScoreBand::of(0, 16).text(&ui), ui.band_some());
    }

    #[test]
    fn a_snapshot_restores_the_same_quiz() {
        let mut q = Quiz::new(answers(), 5);
        q.place(2, Avoid).unwrap();
        let snap = q.snapshot("deck", &ids(5));
        assert_eq!(snap.placements, vec![("item-2".to_string(), Avoid)]);
        assert_eq!(Quiz::restore(answers(), &snap, "deck", &ids(5)), Some(q));
    }

    #[test]
    fn snapshots_from_elsewhere_are_refused() {
        let q = Quiz::new(answers(), 6);
        let good = q.snapshot("deck", &ids(5));
        let restore = |s: &QuizSnapshot| Quiz::restore(answers(), s, "deck", &ids(5));
        assert!(restore(&good).is_some());
        assert!(
            restore(&QuizSnapshot {
                deck: "other".into(),
                ..good.clone()
            })
            .is_none()
        );
        let mut renamed = good.clone();
        renamed.order[0] = "gone".into();
        assert!(restore(&renamed).is_none());
        let mut doubled = good.clone();
        doubled.order[1] = doubled.order[0].clone();
        assert!(restore(&doubled).is_none());
        let mut shorter = good.clone();
        shorter.order.pop();
        assert!(restore(&shorter).is_none());
        assert!(
            restore(&QuizSnapshot {
                placements: vec![("item-0".into(), Safe), ("item-0".into(), Avoid)],
                ..good.clone()
            })
            .is_none()
        );
        assert!(
            restore(&QuizSnapshot {
                phase: Phase::Checked,
                ..good.clone()
            })
            .is_none()
        );
        assert!(
            restore(&QuizSnapshot {
                best: Some(9),
                ..good.clone()
            })
            .is_none()
        );
    }

    #[derive(Clone, Debug)]
    enum Act {
        Place(usize, Bin),
        Unplace(usize),
        Check,
        TryAgain(u64),
    }

    fn acts() -> impl Strategy<Value = Act> {
        prop_oneof![
            4 => (0usize..12, prop_oneof![Just(Safe), Just(Avoid)]).prop_map(|(i, b)| Act::Place(i, b)),
            1 => (0usize..12).prop_map(Act::Unplace),
            1 => Just(Act::Check),
            1 => any::<u64>().prop_map(Act::TryAgain),
        ]
    }

    proptest! {
        #[test]
        fn invariants_hold_under_any_sequence(
            answers in prop::collection::vec(prop_oneof![Just(Safe), Just(Avoid)], 1..10),
            seed in any::<u64>(),
            script in prop::collection::vec(acts(), 0..80),
        ) {
            let n = answers.len();
            let mut q = Quiz::new(answers.clone(), seed);
            let mut sorted_ids: Vec<usize> = q.order().to_vec();
            sorted_ids.sort_unstable();
            prop_assert_eq!(&sorted_ids, &(0..n).collect::<Vec<_>>());
            for act in script {
                let before = q.clone();
                match act {
                    Act::Place(i, b) => { let _ = q.place(i, b); }
                    Act::Unplace(i) => { let _ = q.unplace(i); }
                    Act::Check => {
                        let result = q.check();
                        if before.phase() == Phase::Sorting && before.placed_count() == n {
                            prop_assert_eq!(result, Ok(before.score()));
                            prop_assert_eq!(q.last_score(), Some(before.score()));
                        } else {
                            prop_assert!(result.is_err());
                            prop_assert_eq!(&q, &before);
                        }
                    }
                    Act::TryAgain(s) => {
                        q.try_again(s);
                        prop_assert_eq!(q.placed_count(), 0);
                    }
                }
                let correct = (0..n).filter(|&i| q.placement(i) == Some(answers[i])).count();
                prop_assert_eq!(q.score(), correct);
                let mut order = q.order().to_vec();
                order.sort_unstable();
                prop_assert_eq!(&order, &sorted_ids);
                let binned = q.in_bin(None).len() + q.in_bin(Some(Safe)).len() + q.in_bin(Some(Avoid)).len();
                prop_assert_eq!(binned, n);
                if q.phase() == Phase::Checked {
                    prop_assert_eq!(q.placed_count(), n);
                }
                if let (Some(last), Some(best)) = (q.last_score(), q.best_score()) {
                    prop_assert!(last <= best && best <= n);
                }
                let ids = ids(n);
                let saved = QuizSnapshot::from_text(&q.snapshot("d", &ids).to_text());
                prop_assert!(saved.is_some());
                let back = saved.and_then(|s| Quiz::restore(answers.clone(), &s, "d", &ids));
                prop_assert_eq!(back.as_ref(), Some(&q));
            }
        }

        #[test]
        fn every_placement_can_be_undone(seed in any::<u64>(), item in 0usize..5, bin in prop_oneof![Just(Safe), Just(Avoid)]) {
            let mut q = Quiz::new(answers(), seed);
            let before = q.clone();
            q.place(item, bin).unwrap();
            q.unplace(item).unwrap();
            prop_assert_eq!(q, before);
        }
    }
}
