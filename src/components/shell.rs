//! The widget around a ready deck: header, the Tips/Quiz tabs and their
//! panels, and the footer.

use yew::prelude::*;

use super::{QuizTab, TipsDeck, footer, tab_panel, tabs};
use crate::context::use_widget_ctx;
use crate::domain::{Layout, View};
use crate::hooks::{use_ready_event, use_shown_or_idle, use_tips};
use crate::state::TipsAction;

#[derive(Properties, PartialEq)]
pub struct ShellProps {
    /// The `view` attribute.
    pub view: View,
    pub layout: Layout,
}

/// Holds the tips state, which both tabs need (see [`use_tips()`]), and hands
/// it to each part that uses it, one level down: plain props show that flow
/// better than a context would. The quiz state belongs to the Quiz tab,
/// which mounts, hidden, when the browser is first idle (or when it is
/// shown, if that comes first) and then stays (see [`QuizTab`] and
/// [`use_shown_or_idle()`]); the style sheet keeps its hidden panel laid out.
#[component]
pub fn Shell(props: &ShellProps) -> Html {
    let ctx = use_widget_ctx();
    let tips = use_tips(&ctx.deck, ctx.store.clone(), props.view);
    use_ready_event(ctx.host.as_ref(), &ctx.deck.id);

    let view = tips.view;
    let on_select = {
        let tips = tips.clone();
        Callback::from(move |view| tips.dispatch(TipsAction::Show(view)))
    };
    let tab_refs = [use_node_ref(), use_node_ref()];
    let see_tip = tips.see_tip();
    let quiz_mounted = use_shown_or_idle(0, view == View::Quiz);
    html! {
        <>
            <header class="header" part="header">
                <h2 class="title">{ &ctx.deck.title }</h2>
            </header>
            { tabs(&ctx, view, &on_select, &tab_refs) }
            { tab_panel(&ctx, View::Tips, view == View::Tips, view == View::Tips, || html! { <TipsDeck {tips} /> }) }
            { tab_panel(&ctx, View::Quiz, view == View::Quiz, quiz_mounted, || html! {
                <QuizTab layout={props.layout} {see_tip} />
            }) }
            { footer(&ctx.deck) }
        </>
    }
}
