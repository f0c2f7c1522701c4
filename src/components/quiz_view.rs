//! The quiz tab: prompt, progress, then the board or the results. It turns
//! quiz events into announcements, host events and focus moves.

use std::rc::Rc;

use web_sys::KeyboardEvent;
use yew::prelude::*;

use super::{QuizBoard, QuizResults};
use crate::app::WidgetCtx;
use crate::domain::json::object;
use crate::domain::{Bin, Deck, Json, Phase, Placement, ScoreBand, fill};
use crate::hooks::{dispatch_host_event, use_focus_request};
use crate::state::{QuizAction, QuizEvent, QuizState};

#[derive(Properties, PartialEq)]
pub struct QuizViewProps {
    pub state: QuizState,
    pub on_action: Callback<QuizAction>,
    pub on_reset: Callback<()>,
    pub on_see_tip: Callback<usize>,
}

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
        QuizEvent::Selected(i) => fill(&ui.announce_selected, &[("item", label(i))]),
        QuizEvent::Placed { item, bin, how } => {
            let template = if how == Placement::Moved {
                &ui.announce_moved
            } else {
                &ui.announce_placed
            };
            let values = [
                ("item", label(item)),
                ("bin", deck.quiz.bins.label(bin)),
                ("n", &sorted),
                ("total", &total),
            ];
            fill(template, &values)
        }
        QuizEvent::Unplaced(i) => fill(
            &ui.announce_unplaced,
            &[("item", label(i)), ("n", &sorted), ("total", &total)],
        ),
        QuizEvent::Checked { score } => {
            let band = match ScoreBand::of(score, state.quiz.len()) {
                ScoreBand::All => &ui.band_all,
                ScoreBand::Most => &ui.band_most,
                ScoreBand::Some => &ui.band_some,
            };
            format!(
                "{} {band}",
                fill(
                    &ui.announce_checked,
                    &[("score", &score.to_string()), ("total", &total)]
                )
            )
        }
        QuizEvent::CheckBlocked { left } => fill(&ui.check_blocked, &[("left", &left.to_string())]),
        QuizEvent::Cleared => fill(&ui.announce_reset, &[("total", &total)]),
    }
}

fn marked(key: &str) -> String {
    format!("[data-focus=\"{key}\"]")
}

/// Where focus goes (a CSS selector) after an action whose control may have vanished.
fn focus_after(state: &QuizState, action: &QuizAction) -> Option<String> {
    let quiz = &state.quiz;
    let ids = state.item_ids();
    match *action {
        QuizAction::Place { item, .. } if quiz.placement(item).is_none() => {
            // From the pool: the next item still to sort, else Check.
            let pool = quiz.in_bin(None);
            let at = pool.iter().position(|&i| i == item)?;
            let next = pool
                .get(at + 1)
                .or_else(|| at.checked_sub(1).and_then(|p| pool.get(p)));
            Some(next.map_or(marked("check"), |&i| marked(&format!("pick-{}", ids[i]))))
        }
        QuizAction::Place { item, bin: _ } => Some(marked(&format!("back-{}", ids[item]))),
        QuizAction::Unplace(item) => Some(marked(&format!("pick-{}", ids[item]))),
        QuizAction::Check if quiz.placed_count() == quiz.len() => Some(marked("score")),
        _ => None,
    }
}

#[component]
pub fn QuizView(props: &QuizViewProps) -> Html {
    let ctx = use_context::<WidgetCtx>().expect("inside WidgetCtx");
    let deck = ctx.deck.clone();
    let root = use_node_ref();
    let focus = use_focus_request(root.clone());
    let blocked = use_state_eq(|| None::<AttrValue>);
    let state = &props.state;

    {
        let (deck, state, ctx, blocked) =
            (deck.clone(), state.clone(), ctx.clone(), blocked.clone());
        use_effect_with(state.serial, move |_| {
            let Some(event) = state.event else { return };
            ctx.announce.emit(announcement(&deck, &state, event));
            match event {
                QuizEvent::CheckBlocked { left } => blocked.set(Some(
                    fill(&deck.ui.check_blocked, &[("left", &left.to_string())]).into(),
                )),
                _ => blocked.set(None),
            }
            if let QuizEvent::Checked { score } = event {
                let ids = state.item_ids();
                let wrong = state
                    .quiz
                    .outcomes()
                    .iter()
                    .filter(|o| !o.correct)
                    .map(|o| ids[o.item].as_str().into())
                    .collect();
                let detail = object([
                    ("deckId", deck.id.as_str().into()),
                    ("score", score.into()),
                    ("total", state.quiz.len().into()),
                    ("wrong", Json::Array(wrong)),
                ]);
                dispatch_host_event(ctx.host.as_ref(), "backwise-quiz-complete", &detail);
            }
        });
    }

    let act = {
        let (on_action, state, focus) = (props.on_action.clone(), state.clone(), focus.clone());
        Rc::new(move |action: QuizAction| {
            if let Some(selector) = focus_after(&state, &action) {
                focus.request(selector);
            }
            on_action.emit(action);
        })
    };
    let on_select = {
        let act = act.clone();
        Callback::from(move |item| act(QuizAction::Select(item)))
    };
    let on_place = {
        let act = act.clone();
        Callback::from(move |(item, bin): (usize, Bin)| act(QuizAction::Place { item, bin }))
    };
    let on_unplace = {
        let act = act.clone();
        Callback::from(move |item| act(QuizAction::Unplace(item)))
    };
    let on_check = {
        let act = act.clone();
        Callback::from(move |()| act(QuizAction::Check))
    };
    let on_reset = {
        let (on_reset, focus) = (props.on_reset.clone(), focus.clone());
        Callback::from(move |()| {
            // The new order is not known yet: focus whichever item comes first.
            focus.request(".pool .item-label");
            on_reset.emit(());
        })
    };

    let ui = &deck.ui;
    let progress = fill(
        &ui.sorted_progress,
        &[
            ("n", &state.quiz.placed_count().to_string()),
            ("total", &state.quiz.len().to_string()),
        ],
    );
    let onkeydown = {
        let (on_action, has_selection) = (props.on_action.clone(), state.selected.is_some());
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" && has_selection {
                e.prevent_default();
                on_action.emit(QuizAction::ClearSelection);
            }
        })
    };
    html! {
        <div class="quiz" ref={root} {onkeydown}>
            <p class="prompt">{ &deck.quiz.prompt }</p>
            if state.quiz.phase() == Phase::Sorting {
                <p class="progress" part="progress">{ progress }</p>
                <QuizBoard state={state.clone()} {on_select} {on_place} {on_unplace} {on_check}
                    {on_reset} blocked={(*blocked).clone()} />
            } else {
                <QuizResults quiz={state.quiz.clone()} on_reset={on_reset} on_see_tip={props.on_see_tip.clone()} />
            }
        </div>
    }
}
