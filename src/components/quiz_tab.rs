//! The Quiz tab's content: the quiz state, the prompt, the progress, then
//! the board or the results.

use std::rc::Rc;

use web_sys::KeyboardEvent;
use yew::prelude::*;

use super::{QuizBoard, QuizResults, QuizStack};
use crate::context::use_widget_ctx;
use crate::domain::{Bin, Layout, Phase, fill};
use crate::hooks::{
    SeeTip, random_seed, use_persisted_reducer, use_quiz_events, use_quiz_focus, use_shown_or_idle,
};
use crate::state::{QuizAction, QuizState};

#[derive(Properties, PartialEq)]
pub struct QuizTabProps {
    /// The board or the stack, while sorting.
    pub layout: Layout,
    /// "See the tip" on the results.
    pub see_tip: SeeTip,
}

/// Mounts, hidden, in the browser's first idle period (or when the Quiz tab
/// is first shown, if that comes sooner), then stays mounted while the tab
/// is hidden, because it owns the quiz state: with `storage="none"` nothing
/// could restore the reader's placements after a visit to the Tips tab, and
/// each action is announced once. Opening the quiz then costs no render (a
/// whole board is about 17 rows), only showing it; the render is done while
/// the reader is on the tips. The results, likewise, are built, hidden,
/// once every item is placed, so that Check only shows them (see
/// [`QuizResults`]). Every action of the board and the results
/// goes through `use_quiz_focus`, so that focus follows it from one to the
/// other.
#[component]
pub fn QuizTab(props: &QuizTabProps) -> Html {
    let ctx = use_widget_ctx();
    let deck = &ctx.deck;
    let quiz = use_persisted_reducer(ctx.store.clone(), "quiz", || {
        let ids: Rc<[String]> = deck.quiz.items.iter().map(|i| i.id.clone()).collect();
        let answers: Rc<[Bin]> = deck.quiz.items.iter().map(|i| i.answer).collect();
        QuizState::new(Rc::from(deck.id.as_str()), ids, answers, random_seed())
    });
    use_quiz_events(deck, &ctx.announce, ctx.host.as_ref(), &quiz);
    let layout = props.layout;
    let root = use_node_ref();
    let on_action = use_quiz_focus(root.clone(), &quiz, layout);

    let sorting = quiz.quiz.phase() == Phase::Sorting;
    // Under the results, once the browser is idle, the board is got ready
    // for Try again: it shows the next attempt, hidden, and the click only
    // shows it. Each Check and each Try again starts a round; while sorting,
    // the attempt on the board is the one the reader sees.
    let next_ready = use_shown_or_idle(u32::from(sorting), sorting);
    let board = if next_ready && !sorting {
        quiz.after(QuizAction::TryAgain)
    } else {
        (*quiz).clone()
    };
    let progress = fill(
        deck.ui.sorted_progress(),
        &[
            ("n", &quiz.quiz.placed_count().to_string()),
            ("total", &quiz.quiz.len().to_string()),
        ],
    );
    let onkeydown = {
        let (on_action, has_selection) = (on_action.clone(), quiz.selected.is_some());
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
            if layout == Layout::Board {
                // Hidden, not removed, under the results: Try again then
                // shows the rows it has rather than building a board again.
                <div class="sorting" hidden={!sorting}>
                    <p class="progress" part="progress">{ progress }</p>
                    <QuizBoard state={board} on_action={on_action.clone()} />
                </div>
            } else if sorting {
                <QuizStack state={(*quiz).clone()} on_action={on_action.clone()} />
            }
            // Once every item is placed, the results are built, hidden,
            // while the browser is idle: Check then only shows them.
            if !sorting || quiz.quiz.all_placed() {
                <QuizResults quiz={quiz.quiz.clone()} shown={!sorting} {on_action}
                    see_tip={props.see_tip.clone()} />
            }
        </div>
    }
}
