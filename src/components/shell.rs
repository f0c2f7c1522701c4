//! The widget around a ready deck: header, Tips/Quiz tabs and footer. It
//! owns the persisted tips and quiz state, and the hooks of the views below
//! it (the tips deck's swipe, the quiz's focus moves, the board's drag).
//! Those views are functions, not components: each re-rendered exactly when
//! the shell did, so a component of its own only added wasm.

use std::rc::Rc;

use yew::prelude::*;

use super::{follow_focus, footer, quiz_view, tabs, tips_deck, use_board};
use crate::app::{View, WidgetCtx};
use crate::domain::json::object;
use crate::domain::{Bin, DeckCursor};
use crate::hooks::{
    dispatch_host_event, random_seed, use_focus_request, use_persisted_reducer, use_quiz_events,
    use_stable_callback, use_swipe,
};
use crate::state::{QuizAction, QuizState, TipsAction, TipsState};

#[derive(Properties, PartialEq)]
pub struct ShellProps {
    pub ctx: WidgetCtx,
    pub view: View,
}

#[component]
pub fn Shell(props: &ShellProps) -> Html {
    let ctx = &props.ctx;
    let deck = ctx.deck.clone();

    let tips = use_persisted_reducer(ctx.store.clone(), "tips", {
        let deck = deck.clone();
        move || {
            let ids: Rc<[String]> = deck.tips.iter().map(|t| t.id.clone()).collect();
            TipsState::new(DeckCursor::new(deck.tip_kinds()), ids, props.view)
        }
    });
    let view = tips.view;
    {
        let tips = tips.dispatcher();
        use_effect_with(props.view, move |v| tips.dispatch(TipsAction::Attr(*v)));
    }
    let quiz = use_persisted_reducer(ctx.store.clone(), "quiz", {
        let deck = deck.clone();
        move || {
            let ids: Rc<[String]> = deck.quiz.items.iter().map(|i| i.id.clone()).collect();
            let answers: Rc<[Bin]> = deck.quiz.items.iter().map(|i| i.answer).collect();
            QuizState::new(Rc::from(deck.id.as_str()), ids, answers, random_seed())
        }
    });

    use_quiz_events(ctx, &quiz);
    {
        let (host, deck) = (ctx.host.clone(), deck.clone());
        use_effect_with((), move |_| {
            dispatch_host_event(
                host.as_ref(),
                "backwise-ready",
                &object([("deckId", deck.id.as_str().into())]),
            );
        });
    }

    let on_select_view = {
        let tips = tips.dispatcher();
        Callback::from(move |v: View| tips.dispatch(TipsAction::Show(v)))
    };
    // "See the tip" hides the quiz panel and the focused button with it, so
    // focus moves to the tips deck once it is shown.
    let tips_panel = use_node_ref();
    let tab_refs = [use_node_ref(), use_node_ref()];
    let focus = use_focus_request(tips_panel.clone());
    let on_see_tip = {
        let (tips, focus) = (tips.clone(), focus.clone());
        Callback::from(move |tip: usize| {
            focus.request(".deck");
            tips.dispatch(TipsAction::GoTo(tip));
        })
    };
    // Turn shows the detail above the focused Turn button, which on a small
    // phone pushes the button out of view: it is brought back in view (and
    // keeps focus) in the next frame.
    let on_tips_action = {
        let (tips, focus) = (tips.dispatcher(), focus.clone());
        Callback::from(move |a: TipsAction| {
            if matches!(a, TipsAction::Turn) {
                focus.request_early(".turn");
            }
            tips.dispatch(a)
        })
    };
    let swipe = use_swipe(on_tips_action.reform(TipsAction::Step));
    // Every quiz action goes through here, so that focus follows it.
    // Stable, so that quiz rows which did not change skip rendering.
    let quiz_root = use_node_ref();
    let quiz_focus = use_focus_request(quiz_root.clone());
    let on_quiz_action = use_stable_callback({
        let (quiz, focus) = (quiz.clone(), quiz_focus.clone());
        Callback::from(move |action: QuizAction| {
            follow_focus(&focus, &quiz, &action);
            quiz.dispatch(action)
        })
    });
    let board = use_board(&on_quiz_action);

    let panel = |v: View, content: &dyn Fn() -> Html| {
        let name = if v == View::Tips { "tips" } else { "quiz" };
        html! {
            <div class="panel" role="tabpanel" id={ctx.id(&format!("panel-{name}"))}
                ref={if v == View::Tips { tips_panel.clone() } else { NodeRef::default() }}
                aria-labelledby={ctx.id(&format!("tab-{name}"))} hidden={view != v}>
                // Only the shown panel is rendered: a faster start, and less
                // work on every change.
                if view == v { { content() } }
            </div>
        }
    };
    html! {
        <>
            <header class="header" part="header">
                <h2 class="title">{ &deck.title }</h2>
            </header>
            { tabs(ctx, view, &on_select_view, &tab_refs) }
            { panel(View::Tips, &|| tips_deck(ctx, &tips.cursor, &on_tips_action, &swipe)) }
            { panel(View::Quiz, &|| quiz_view(ctx, &quiz, &quiz_root, &board, &on_quiz_action, &on_see_tip)) }
            { footer(&deck) }
        </>
    }
}
