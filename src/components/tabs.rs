//! The Tips / Quiz switch, as the ARIA tabs pattern: roving tabindex, arrow
//! keys, Home and End, with automatic activation.

use web_sys::{HtmlElement, KeyboardEvent};
use yew::prelude::*;

use crate::app::{View, WidgetCtx};

const VIEWS: [(View, &str); 2] = [(View::Tips, "tips"), (View::Quiz, "quiz")];

/// A view function rather than a component: its only state is the two tab
/// elements, which the shell keeps (`refs`), so a component's lifecycle code
/// would only add wasm.
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
            let current = VIEWS.iter().position(|(v, _)| *v == selected).unwrap_or(0);
            let target = match e.key().as_str() {
                "ArrowRight" | "ArrowDown" => (current + 1) % VIEWS.len(),
                "ArrowLeft" | "ArrowUp" => (current + VIEWS.len() - 1) % VIEWS.len(),
                "Home" => 0,
                "End" => VIEWS.len() - 1,
                _ => return,
            };
            e.prevent_default();
            on_select.emit(VIEWS[target].0);
            if let Some(tab) = refs[target].cast::<HtmlElement>() {
                let _ = tab.focus();
            }
        })
    };
    let labels = [ui.tab_tips(), ui.tab_quiz()];
    html! {
        <div class="tabs" role="tablist" aria-label={ui.tabs_label().to_string()} part="tabs" {onkeydown}>
            { for VIEWS.iter().zip(labels).zip(refs.iter()).map(|(((view, name), label), node)| {
                let is_selected = *view == selected;
                let onclick = {
                    let (on_select, view) = (on_select.clone(), *view);
                    Callback::from(move |_| on_select.emit(view))
                };
                html! {
                    <button type="button" role="tab" class="tab" part="tab" ref={node.clone()}
                        id={ctx.id(&format!("tab-{name}"))}
                        aria-controls={ctx.id(&format!("panel-{name}"))}
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
