//! The quiz tab's content: prompt, progress, then the board or the results.

use web_sys::KeyboardEvent;
use yew::prelude::*;

use super::{QuizBoard, QuizResults};
use crate::context::use_widget_ctx;
use crate::domain::{Phase, fill};
use crate::hooks::use_quiz_focus;
use crate::state::{QuizAction, QuizState};

#[derive(Properties, PartialEq)]
pub struct QuizViewProps {
    pub quiz: UseReducerHandle<QuizState>,
}

/// Every action of the board and the results goes through here, so that
/// focus follows it from one to the other (`use_quiz_focus`).
#[component]
pub fn QuizView(props: &QuizViewProps) -> Html {
    let ctx = use_widget_ctx();
    let root = use_node_ref();
    let on_action = use_quiz_focus(root.clone(), &props.quiz);
    let state = &*props.quiz;
    let deck = &ctx.deck;
    let progress = fill(
        deck.ui.sorted_progress(),
        &[
            ("n", &state.quiz.placed_count().to_string()),
            ("total", &state.quiz.len().to_string()),
        ],
    );
    let onkeydown = {
        let (on_action, has_selection) = (on_action.clone(), state.selected.is_some());
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
                <QuizBoard state={state.clone()} {on_action} />
            } else {
                <QuizResults quiz={state.quiz.clone()} {on_action} />
            }
        </div>
    }
}
