//! The Tips / Quiz switch, as the ARIA tabs pattern: roving tabindex, arrow
//! keys, Home and End, with automatic activation.

use web_sys::{HtmlElement, KeyboardEvent};
use yew::prelude::*;

use crate::context::{WidgetCtx, use_widget_ctx};
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

#[derive(Properties, PartialEq)]
pub struct TabsProps {
    pub selected: View,
    pub on_select: Callback<View>,
}

#[component]
pub fn Tabs(props: &TabsProps) -> Html {
    let ctx = use_widget_ctx();
    // Arrow keys move focus along with the selection.
    let refs = [use_node_ref(), use_node_ref()];
    let ui = &ctx.deck.ui;
    let onkeydown = {
        let (on_select, refs, selected) = (props.on_select.clone(), refs.clone(), props.selected);
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
                let is_selected = view == props.selected;
                let (tab_id, panel_id) = tab_and_panel_ids(&ctx, view);
                let onclick = props.on_select.reform(move |_| view);
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
