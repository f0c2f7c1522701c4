//! The Tips / Quiz switch, as the ARIA tabs pattern: roving tabindex, arrow
//! keys, Home and End, with automatic activation.

use web_sys::{HtmlElement, KeyboardEvent};
use yew::prelude::*;

use crate::app::{View, use_widget};

#[derive(Properties, PartialEq)]
pub struct TabsProps {
    pub selected: View,
    pub on_select: Callback<View>,
    /// Visible names of the Tips and Quiz tabs.
    pub labels: [String; 2],
    pub label: String,
}

const VIEWS: [(View, &str); 2] = [(View::Tips, "tips"), (View::Quiz, "quiz")];

#[component]
pub fn Tabs(props: &TabsProps) -> Html {
    let ctx = use_widget();
    let refs = [use_node_ref(), use_node_ref()];
    let onkeydown = {
        let (selected, on_select, refs) = (props.selected, props.on_select.clone(), refs.clone());
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
    html! {
        <div class="tabs" role="tablist" aria-label={props.label.clone()} part="tabs" {onkeydown}>
            { for VIEWS.iter().zip(&props.labels).zip(refs.iter()).map(|(((view, name), label), node)| {
                let selected = *view == props.selected;
                let onclick = {
                    let (on_select, view) = (props.on_select.clone(), *view);
                    Callback::from(move |_| on_select.emit(view))
                };
                html! {
                    <button type="button" role="tab" class="tab" part="tab" ref={node.clone()}
                        id={ctx.id(&format!("tab-{name}"))}
                        aria-controls={ctx.id(&format!("panel-{name}"))}
                        aria-selected={selected.to_string()}
                        tabindex={if selected { "0" } else { "-1" }}
                        {onclick}>
                        { label.clone() }
                    </button>
                }
            }) }
        </div>
    }
}
