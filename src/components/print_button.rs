//! "Print or save as PDF": the take-home sheet of the deck (its do's and
//! don'ts, the reader's mistakes, the disclaimer and the source), in the
//! Tips view and in the quiz results.

use web_sys::Element;
use yew::prelude::*;

use crate::hooks::{SharedDeck, print_sheet};

/// The button that prints the sheet of `deck`, listing `mistakes` (quiz
/// item indices; none in the Tips view) under "Worth a second look".
pub fn print_button(deck: &SharedDeck, mistakes: Vec<usize>) -> Html {
    let onclick = {
        let deck = deck.clone();
        Callback::from(move |e: MouseEvent| {
            if let Some(button) = e.target_dyn_into::<Element>() {
                print_sheet(&button, &deck, &mistakes);
            }
        })
    };
    html! {
        <button type="button" class="print" part="button" {onclick}>{ deck.ui.print_sheet() }</button>
    }
}
