//! The panel of one tab. Only the shown panel renders its content: a faster
//! start, and less work on every change.

use yew::prelude::*;

use super::tabs::tab_and_panel_ids;
use crate::context::WidgetCtx;
use crate::domain::View;

/// The panel of `view`, with `content` rendered only while it is shown.
pub fn tab_panel(ctx: &WidgetCtx, view: View, shown: bool, content: impl FnOnce() -> Html) -> Html {
    let (tab_id, panel_id) = tab_and_panel_ids(ctx, view);
    html! {
        <div class="panel" role="tabpanel" id={panel_id} aria-labelledby={tab_id} hidden={!shown}>
            if shown { { content() } }
        </div>
    }
}
