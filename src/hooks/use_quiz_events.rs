//! What a quiz action tells the world: a sentence for the live region, and
//! `backwise-quiz-complete` on the host when the quiz is checked. It belongs
//! with the quiz state, in a component that stays mounted while the Quiz tab
//! is hidden, so that switching tabs never repeats an announcement.

use web_sys::Element;
use yew::prelude::*;

use super::{Announce, SharedDeck, dispatch_host_event};
use crate::domain::json::object;
use crate::domain::{Deck, Json, Placement, ScoreBand, fill};
use crate::state::{QuizEvent, QuizState};

/// The sentence a screen reader hears for an event.
fn announcement(deck: &Deck, state: &QuizState, event: QuizEvent) -> String {
    let ui = &deck.ui;
    let label = |i: usize| {
        deck.quiz
            .items
            .get(i)
            .map_or("", |item| item.label.as_str())
    };
    let total = state.quiz.len().to_string();
    let sorted = state.quiz.placed_count().to_string();
    match event {
        QuizEvent::Selected(i) => fill(ui.announce_selected(), &[("item", label(i))]),
        QuizEvent::Placed { item, bin, how } => {
            let template = if how == Placement::Moved {
                ui.announce_moved()
            } else {
                ui.announce_placed()
            };
            let values = [
                ("item", label(item)),
                ("bin", deck.quiz.bins.label(bin)),
                ("n", &sorted),
                ("total", &total),
            ];
            fill(template, &values)
        }
        QuizEvent::Undone(i) => fill(
            ui.announce_undone(),
            &[("item", label(i)), ("n", &sorted), ("total", &total)],
        ),
        QuizEvent::Unplaced(i) => fill(
            ui.announce_unplaced(),
            &[("item", label(i)), ("n", &sorted), ("total", &total)],
        ),
        QuizEvent::Checked { score } => {
            let band = match ScoreBand::of(score, state.quiz.len()) {
                ScoreBand::All => ui.band_all(),
                ScoreBand::Most => ui.band_most(),
                ScoreBand::Some => ui.band_some(),
            };
            format!(
                "{} {band}",
                fill(
                    ui.announce_checked(),
                    &[("score", &score.to_string()), ("total", &total)]
                )
            )
        }
        QuizEvent::CheckBlocked { left } => {
            fill(ui.check_blocked(), &[("left", &left.to_string())])
        }
        QuizEvent::Cleared => fill(ui.announce_reset(), &[("total", &total)]),
    }
}

/// The detail of `backwise-quiz-complete`: no personal data, only the deck,
/// the score and which items were wrong.
fn complete_detail(deck: &Deck, state: &QuizState, score: usize) -> Json {
    let ids = state.item_ids();
    let wrong = state
        .quiz
        .outcomes()
        .iter()
        .filter(|o| !o.correct)
        .map(|o| ids[o.item].as_str().into())
        .collect();
    object([
        ("deckId", deck.id.as_str().into()),
        ("score", score.into()),
        ("total", state.quiz.len().into()),
        ("wrong", Json::Array(wrong)),
    ])
}

/// Announces each new event of `state` through `announce`, and tells `host`
/// (the `<backwise-widget>` element, if any) when the quiz is checked.
#[hook]
pub fn use_quiz_events(
    deck: &SharedDeck,
    announce: &Announce,
    host: Option<&Element>,
    state: &QuizState,
) {
    let (deck, announce, host, state) =
        (deck.clone(), announce.clone(), host.cloned(), state.clone());
    use_effect_with(state.serial, move |_| {
        let Some(event) = state.event else { return };
        announce.dispatch(announcement(&deck, &state, event));
        if let QuizEvent::Checked { score } = event {
            dispatch_host_event(
                host.as_ref(),
                "backwise-quiz-complete",
                &complete_detail(&deck, &state, score),
            );
        }
    });
}
