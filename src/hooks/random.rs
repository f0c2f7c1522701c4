//! Randomness for the quiz shuffle. It is drawn where the reader acts (and
//! for the first shuffle), never inside a reducer: the seed travels in the
//! action.

use crate::state::QuizAction;

pub fn random_seed() -> u64 {
    (js_sys::Math::random() * 9_007_199_254_740_991.0) as u64
}

/// "Try again" and "Start over": a new shuffle, its seed drawn now.
pub fn fresh_quiz() -> QuizAction {
    QuizAction::Reset {
        seed: random_seed(),
    }
}
