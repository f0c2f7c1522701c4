//! The Yew "hello" floor: one function component, rendered into <body>.
use yew::prelude::*;

#[component]
fn App() -> Html {
    html! { <h1>{ "Hello" }</h1> }
}

fn main() {
    yew::Renderer::<App>::new().render();
}
