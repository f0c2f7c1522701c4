//! The Tips / Quiz switch, as the ARIA tabs pattern: roving tabindex, arrow
//! keys, Home and End, with automatic activation.

use web_sys::{HtmlElement, KeyboardEvent};
use yew::prelude::*;

use crate::context::WidgetCtx;
use crate::domain::View;

const VIEWS: [View; 2] = [View::Tips, View::Quiz];

/// The ids of the tab for `view` and of the panel it controls.
pub fn tab_and_panel_ids(ctx: &WidgetCtx, view: View) -> (String, String) {
    let name = match view {
        View::Tips => "tips",
        View::Quiz => "quiz",
    };
    (
        ctx.id(&format!("tab-{name}")),
        ctx.id(&format!("panel-{name}")),
    )
}

/// The tab list, for the component that shows the panels: a plain function,
/// not a component, so that the selected tab changes in the same render as
/// the panels. (A child component takes new props in a later pass of yew's
/// scheduler, and after a render of more than 16 ms, such as the quiz's
/// first, the scheduler lets the browser paint first: on a slow phone the
/// quiz showed for two frames under a Tips tab still marked as selected.)
/// `refs` hold the two tabs, for the arrow keys to move focus along with
/// the selection.
pub fn tabs(
    ctx: &WidgetCtx,
    selected: View,
    on_select: &Callback<View>,
    refs: &[NodeRef; 2],
) -> Html {
    let ui = &ctx.deck.ui;
    let onkeydown = {
        let (on_select, refs) = (on_select.clone(), refs.clone());
        Callback::from(move |e: KeyboardEvent| {
            let current = VIEWS.iter().position(|v| *v == selected).unwrap_or(0);
            let target = match e.key().as_str() {
                "ArrowRight" | "ArrowDown" => (current + 1) % VIEWS.len(),
                "ArrowLeft" | "ArrowUp" => (current + VIEWS.len() - 1) % VIEWS.len(),
                "Home" => 0,
                "End" => VIEWS.len() - 1,
                _ => return,
            };
            e.prevent_default();
            on_select.emit(VIEWS[target]);
            if let Some(tab) = refs[target].cast::<HtmlElement>() {
                let _ = tab.focus();
            }
        })
    };
    let labels = [ui.tab_tips(), ui.tab_quiz()];
    html! {
        <div class="tabs" role="tablist" aria-label={ui.tabs_label().to_string()} part="tabs" {onkeydown}>
            { for VIEWS.iter().zip(labels).zip(refs.iter()).map(|((&view, label), node)| {
                let is_selected = view == selected;
                let (tab_id, panel_id) = tab_and_panel_ids(ctx, view);
                let onclick = on_select.reform(move |_| view);
                html! {
                    <button type="button" role="tab" class="tab" part="tab" ref={node.clone()}
                        id={tab_id} aria-controls={panel_id}
                        aria-selected={is_selected.to_string()}
                        tabindex={if is_selected { "0" } else { "-1" }}
                        {onclick}>
                        { label }
                    </button>
                }
            }) }
        </div>
    }
}
