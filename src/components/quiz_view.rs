//! The quiz tab: prompt, progress, then the board or the results, and where
//! focus goes after each action.

use std::rc::Rc;

use web_sys::KeyboardEvent;
use yew::prelude::*;

use super::{QuizBoard, quiz_results};
use crate::app::use_widget;
use crate::domain::{Bin, Phase, fill};
use crate::hooks::use_focus_request;
use crate::state::{QuizAction, QuizEvent, QuizState};

#[derive(Properties, PartialEq)]
pub struct QuizViewProps {
    pub state: QuizState,
    pub on_action: Callback<QuizAction>,
    pub on_reset: Callback<()>,
    pub on_see_tip: Callback<usize>,
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
    let ctx = use_widget();
    let deck = ctx.deck.clone();
    let root = use_node_ref();
    let focus = use_focus_request(root.clone());
    let state = &props.state;

    let act = {
        let (on_action, state, focus) = (props.on_action.clone(), state.clone(), focus.clone());
        Rc::new(move |action: QuizAction| {
            if let Some(selector) = focus_after(&state, &action) {
                // The next item to sort is already there: focus moves before
                // the placed one leaves. Other targets appear with the update.
                match action {
                    QuizAction::Place { item, .. } if state.quiz.placement(item).is_none() => {
                        focus.request_early(selector)
                    }
                    _ => focus.request(selector),
                }
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
    // Why the last Check did nothing, while that is still the latest event.
    let blocked = match state.event {
        Some(QuizEvent::CheckBlocked { left }) => Some(AttrValue::from(fill(
            &ui.check_blocked,
            &[("left", &left.to_string())],
        ))),
        _ => None,
    };
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
                    {on_reset} {blocked} />
            } else {
                { quiz_results(&ctx, &state.quiz, &on_reset, &props.on_see_tip) }
            }
        </div>
    }
}
