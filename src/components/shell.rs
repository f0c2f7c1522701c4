//! The widget around a ready deck: header, the Tips/Quiz tabs and their
//! panels, and the footer.

use yew::prelude::*;

use super::{QuizTab, Tabs, TipsDeck, footer, tab_panel};
use crate::context::use_widget_ctx;
use crate::domain::{Layout, View};
use crate::hooks::{use_ready_event, use_tips};
use crate::state::TipsAction;

#[derive(Properties, PartialEq)]
pub struct ShellProps {
    /// The `view` attribute.
    pub view: View,
    pub layout: Layout,
}

/// Holds the tips state, which both tabs need (see [`use_tips`]), and hands
/// it to each part that uses it, one level down: plain props show that flow
/// better than a context would. The quiz state belongs to the Quiz tab.
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
    let see_tip = tips.see_tip();
    html! {
        <>
            <header class="header" part="header">
                <h2 class="title">{ &ctx.deck.title }</h2>
            </header>
            <Tabs selected={view} {on_select} />
            { tab_panel(&ctx, View::Tips, view == View::Tips, view == View::Tips, || html! { <TipsDeck {tips} /> }) }
            <QuizTab shown={view == View::Quiz} layout={props.layout} {see_tip} />
            { footer(&ctx.deck) }
        </>
    }
}
