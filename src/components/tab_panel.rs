//! The panel of one tab. Only the shown panel renders its content: a faster
//! start, and less work on every change.

use yew::prelude::*;

use super::tabs::tab_and_panel_ids;
use crate::context::use_widget_ctx;
use crate::domain::View;

#[derive(Properties, PartialEq)]
pub struct TabPanelProps {
    pub view: View,
    pub shown: bool,
    pub children: Html,
}

#[component]
pub fn TabPanel(props: &TabPanelProps) -> Html {
    let ctx = use_widget_ctx();
    let (tab_id, panel_id) = tab_and_panel_ids(&ctx, props.view);
    html! {
        <div class="panel" role="tabpanel" id={panel_id} aria-labelledby={tab_id} hidden={!props.shown}>
            if props.shown { { props.children.clone() } }
        </div>
    }
}
