//! A deck that cannot be shown: what went wrong in plain words, every
//! validation problem with its path, and Retry when the deck was unreachable.

use web_sys::Element;
use yew::prelude::*;

use crate::domain::{UiText, fill};
use crate::hooks::{LoadFailure, hold_focus};

/// The card for `failure`; `on_retry` loads the deck again (offered when it
/// was unreachable).
pub fn error_card(failure: &LoadFailure, on_retry: &Callback<()>) -> Html {
    // The deck failed, so its UI overrides are unknown: use the defaults.
    let ui = UiText::default();
    let body = match failure {
        LoadFailure::Unreachable { url, reason } => {
            let onclick = {
                let on_retry = on_retry.clone();
                // The card, this button with it, goes while the deck loads
                // again: focus stays in the widget, not on the page.
                Callback::from(move |e: MouseEvent| {
                    if let Some(button) = e.target_dyn_into::<Element>() {
                        hold_focus(&button);
                    }
                    on_retry.emit(())
                })
            };
            html! {
                <>
                    <p>{ fill(ui.error_unreachable(), &[("url", url), ("reason", reason)]) }</p>
                    <button type="button" class="primary" part="button" {onclick}>{ ui.retry().to_string() }</button>
                </>
            }
        }
        LoadFailure::Invalid(list) => html! {
            <>
                <p>{ fill(ui.error_invalid(), &[("count", &list.total.to_string())]) }</p>
                <ul class="problems">
                    { for list.problems.iter().map(|(path, sentence)| html! {
                        <li><code>{ path }</code>{ ": " }{ sentence }</li>
                    }) }
                    if list.unlisted() > 0 {
                        <li>{ format!("… and {} more", list.unlisted()) }</li>
                    }
                </ul>
            </>
        },
    };
    html! {
        <div class="error-card" role="alert" part="error">
            <h2 class="title">{ ui.error_title().to_string() }</h2>
            { body }
        </div>
    }
}
