//! Randomness for the quiz shuffle. It is drawn where the reader acts (and
//! for the first shuffle), never inside a reducer: the seed travels in the
//! action.

use crate::state::QuizAction;

pub fn random_seed() -> u64 {
    (js_sys::Math::random() * 9_007_199_254_740_991.0) as u64
}

/// Start over: a new shuffle, its seed drawn now. (Try again's follows from
/// the order it replaces: `QuizAction::TryAgain`.)
pub fn fresh_quiz() -> QuizAction {
    QuizAction::Reset {
        seed: random_seed(),
    }
}
