//! The row under the board or the stack: Undo (in the stack), Check
//! answers, Start over, and why the last Check did nothing, while that is
//! still the latest event.

use yew::prelude::*;

use crate::domain::{UiText, fill};
use crate::hooks::fresh_quiz;
use crate::state::{QuizAction, QuizEvent, QuizState};

pub fn quiz_actions(
    ui: &UiText,
    state: &QuizState,
    on_action: &Callback<QuizAction>,
    with_undo: bool,
) -> Html {
    let blocked = match state.event {
        Some(QuizEvent::CheckBlocked { left }) => {
            Some(fill(ui.check_blocked(), &[("left", &left.to_string())]))
        }
        _ => None,
    };
    let check = on_action.reform(|_| QuizAction::Check);
    let reset = on_action.reform(|_| fresh_quiz());
    html! {
        <div class="quiz-actions">
            if with_undo {
                <button type="button" class="secondary" part="button" aria-disabled={(!state.can_undo()).to_string()}
                    onclick={on_action.reform(|_| QuizAction::Undo)}>
                    <span aria-hidden="true">{ "↶" }</span>{ " " }{ ui.undo() }
                </button>
            }
            <button type="button" class="primary" part="button" data-focus="check" onclick={check}>
                { ui.check() }
            </button>
            <button type="button" class="secondary" part="button" onclick={reset}>{ ui.start_over() }</button>
            if let Some(blocked) = blocked {
                <p class="blocked">{ blocked }</p>
            }
        </div>
    }
}
