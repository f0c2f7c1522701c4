//! The panel of one tab. A panel renders its content only once it is shown,
//! or (the quiz) once the browser is idle: a faster start.

use yew::prelude::*;

use super::tabs::tab_and_panel_ids;
use crate::context::WidgetCtx;
use crate::domain::View;

/// The panel of `view`, hidden unless `shown`, with `content` rendered while
/// `mounted`. The Tips panel mounts its content while shown; the Quiz panel
/// from the browser's first idle period or its first showing, whichever
/// comes first, and keeps it (see `QuizTab`).
pub fn tab_panel(
    ctx: &WidgetCtx,
    view: View,
    shown: bool,
    mounted: bool,
    content: impl FnOnce() -> Html,
) -> Html {
    let (tab_id, panel_id) = tab_and_panel_ids(ctx, view);
    html! {
        <div class="panel" role="tabpanel" id={panel_id} aria-labelledby={tab_id} hidden={!shown}>
            if mounted { { content() } }
        </div>
    }
}
