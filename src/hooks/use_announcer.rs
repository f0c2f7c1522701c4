//! A polite live region's text. Its `announce` callback travels in
//! `WidgetCtx`, so any part of the widget can announce something.

use yew::prelude::*;

#[derive(Clone, PartialEq)]
pub struct Announcer {
    pub text: AttrValue,
    pub announce: Callback<String>,
}

#[hook]
pub fn use_announcer() -> Announcer {
    // A repeated message must still be read out, so alternate a trailing
    // no-break space to make the text differ.
    let state = use_state(|| (AttrValue::default(), false));
    let announce = {
        let state = state.clone();
        Callback::from(move |message: String| {
            let flip = !state.1;
            let text = if flip {
                format!("{message}\u{00a0}")
            } else {
                message
            };
            state.set((AttrValue::from(text), flip));
        })
    };
    Announcer {
        text: state.0.clone(),
        announce,
    }
}
