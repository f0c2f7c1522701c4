//! The "features" floor: every Yew feature the widget relies on, used once,
//! with no logic of its own (see Cargo.toml).
use std::rc::Rc;

use yew::prelude::*;

#[derive(Clone, Default, PartialEq)]
struct Counter {
    clicks: u32,
    rows: Vec<u32>,
}

enum Action {
    Click,
    Add(u32),
}

impl Reducible for Counter {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            Action::Click => next.clicks += 1,
            Action::Add(row) => next.rows.push(row),
        }
        Rc::new(next)
    }
}

#[derive(Properties, PartialEq)]
struct RowProps {
    id: u32,
    /// Shared data passed down as a prop, as the widget passes its context.
    name: Rc<str>,
    on_pick: Callback<u32>,
}

#[component]
fn Row(props: &RowProps) -> Html {
    let (on_pick, id) = (props.on_pick.clone(), props.id);
    html! {
        <li class="row" data-id={id.to_string()} onclick={move |_| on_pick.emit(id)}
            onkeydown={|e: KeyboardEvent| e.prevent_default()}
            onpointerdown={|e: PointerEvent| { let _ = e.client_x(); }}>
            { props.name.to_string() }{ id }
        </li>
    }
}

#[component]
fn Board() -> Html {
    let counter = use_reducer(Counter::default);
    let root = use_node_ref();
    let seen = use_state(|| 0u32);
    let name: Rc<str> = Rc::from("row ");
    {
        let seen = seen.clone();
        use_effect_with(counter.clicks, move |clicks| seen.set(*clicks));
    }
    let on_pick = {
        let dispatcher = counter.dispatcher();
        Callback::from(move |row| dispatcher.dispatch(Action::Add(row)))
    };
    let onclick = {
        let dispatcher = counter.dispatcher();
        move |_| dispatcher.dispatch(Action::Click)
    };
    html! {
        <div ref={root}>
            <button {onclick}>{ counter.clicks }{ *seen }</button>
            <ul>
                { for counter.rows.iter().map(|&id| html! { <Row key={id} {id} name={name.clone()} on_pick={on_pick.clone()} /> }) }
            </ul>
        </div>
    }
}

fn main() {
    yew::Renderer::<Board>::new().render();
}
