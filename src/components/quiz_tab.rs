//! The Quiz tab's panel, and the quiz state it shows.

use std::rc::Rc;

use yew::prelude::*;

use super::{QuizView, TabPanel};
use crate::context::use_widget_ctx;
use crate::domain::Bin;
use crate::hooks::{random_seed, use_persisted_reducer, use_quiz_events};
use crate::state::QuizState;
use crate::view::View;

#[derive(Properties, PartialEq)]
pub struct QuizTabProps {
    pub shown: bool,
}

/// Stays mounted while the tab is hidden, because it owns the quiz state:
/// with `storage="none"` nothing could restore the reader's placements after
/// a visit to the Tips tab, and each action is announced once.
#[component]
pub fn QuizTab(props: &QuizTabProps) -> Html {
    let ctx = use_widget_ctx();
    let quiz = use_persisted_reducer(ctx.store.clone(), "quiz", || {
        let deck = &ctx.deck;
        let ids: Rc<[String]> = deck.quiz.items.iter().map(|i| i.id.clone()).collect();
        let answers: Rc<[Bin]> = deck.quiz.items.iter().map(|i| i.answer).collect();
        QuizState::new(Rc::from(deck.id.as_str()), ids, answers, random_seed())
    });
    use_quiz_events(&ctx.deck, &ctx.announce, ctx.host.as_ref(), &quiz);
    html! {
        <TabPanel view={View::Quiz} shown={props.shown}>
            <QuizView {quiz} />
        </TabPanel>
    }
}
