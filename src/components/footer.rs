//! The disclaimer and the source, always visible, and who reviewed the deck
//! and when, if the deck says.

use yew::prelude::*;

use crate::domain::Deck;

pub fn footer(deck: &Deck) -> Html {
    let source = match &deck.source.url {
        // Validation allows only http(s) URLs here.
        Some(url) => {
            html! { <a href={url.clone()} rel="noopener noreferrer">{ &deck.source.title }</a> }
        }
        None => html! { <cite>{ &deck.source.title }</cite> },
    };
    html! {
        <footer class="footer" part="footer">
            <p class="disclaimer">{ &deck.disclaimer }</p>
            <p class="source">{ deck.ui.source_label() }{ " " }{ source }</p>
            if let Some(note) = deck.review_note() {
                <p class="review">{ note }</p>
            }
        </footer>
    }
}
