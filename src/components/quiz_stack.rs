//! Sorting in a narrow widget: one item at a time, as a large card, with
//! Avoid and Safe buttons, a swipe, and the arrow keys; a progress bar; the
//! two bins as counters that open to list their items, which can be moved
//! across or returned until Check; and Undo.

use web_sys::KeyboardEvent;
use yew::prelude::*;

use super::{QuizItemRow, class_list, quiz_actions};
use crate::context::use_widget_ctx;
use crate::domain::{Bin, fill};
use crate::hooks::use_card_swipe;
use crate::state::{QuizAction, QuizState};

#[derive(Properties, PartialEq)]
pub struct QuizStackProps {
    pub state: QuizState,
    pub on_action: Callback<QuizAction>,
}

#[component]
pub fn QuizStack(props: &QuizStackProps) -> Html {
    let ctx = use_widget_ctx();
    let (state, on_action) = (&props.state, &props.on_action);
    let deck = &ctx.deck;
    let (ui, bins) = (&deck.ui, &deck.quiz.bins);
    let quiz = &state.quiz;
    let current = quiz.next_unplaced();
    let answer = {
        let on_action = on_action.clone();
        Callback::from(move |bin: Bin| {
            if let Some(item) = current {
                on_action.emit(QuizAction::Place { item, bin });
            }
        })
    };
    let card_ref = use_node_ref();
    let swipe = use_card_swipe(card_ref.clone(), answer.clone());

    let (placed, total) = (quiz.placed_count(), quiz.len());
    let progress = match current {
        Some(_) => fill(
            ui.stack_progress(),
            &[
                ("n", &(placed + 1).to_string()),
                ("total", &total.to_string()),
            ],
        ),
        None => fill(
            ui.sorted_progress(),
            &[("n", &placed.to_string()), ("total", &total.to_string())],
        ),
    };
    let card = current.and_then(|item| deck.quiz.items.get(item)).map(|entry| {
        let onkeydown = {
            let answer = answer.clone();
            Callback::from(move |e: KeyboardEvent| {
                let bin = match e.key().as_str() {
                    "ArrowRight" => Bin::Safe,
                    "ArrowLeft" => Bin::Avoid,
                    _ => return,
                };
                e.prevent_default();
                answer.emit(bin);
            })
        };
        let hint_id = ctx.id("stack-hint");
        let toward = |bin: Bin| html! {
            <span ~className={class_list(&["toward", bin.as_str()])} aria-hidden="true">
                { bins.label(bin) }
            </span>
        };
        html! {
            <div class="stack-card" part="card" ref={card_ref.clone()} tabindex="0" role="group"
                aria-label={entry.label.clone()} aria-describedby={hint_id.clone()} data-focus="card"
                {onkeydown} onpointerdown={swipe.onpointerdown} onpointermove={swipe.onpointermove}
                onpointerup={swipe.onpointerup} onpointercancel={swipe.onpointercancel}>
                { toward(Bin::Avoid) }
                <p class="stack-label">{ &entry.label }</p>
                { toward(Bin::Safe) }
                <p class="visually-hidden" id={hint_id}>
                    { fill(ui.stack_hint(), &[("safe", bins.safe.as_str()), ("avoid", bins.avoid.as_str())]) }
                </p>
            </div>
        }
    });
    let answer_button = |bin: Bin| {
        let onclick = answer.reform(move |_| bin);
        let aria = current
            .and_then(|item| deck.quiz.items.get(item))
            .map(|entry| {
                fill(
                    ui.put_in(),
                    &[("item", &entry.label), ("bin", bins.label(bin))],
                )
            });
        html! {
            <button type="button" ~className={class_list(&["answer", bin.as_str()])} part="button" aria-label={aria} {onclick}>
                { bins.label(bin) }
            </button>
        }
    };
    // A bin: its name and count, opening to list its items, each with the
    // buttons that move it across or return it to the stack.
    let bin_list = |bin: Bin| {
        let items = quiz.in_bin(Some(bin));
        html! {
            <details ~className={class_list(&["stack-bin", bin.as_str()])} part={format!("bin bin-{}", bin.as_str())}>
                <summary data-focus={format!("bin-{}", bin.as_str())}>
                    { fill(ui.bin_count(), &[("bin", bins.label(bin)), ("count", &items.len().to_string())]) }
                </summary>
                if items.is_empty() {
                    <p class="empty">{ ui.bin_empty() }</p>
                } else {
                    <ul class="items">
                        { for items.iter().map(|&item| html! {
                            <QuizItemRow key={deck.quiz.items[item].id.clone()} {item} placement={Some(bin)}
                                on_action={on_action.clone()} />
                        }) }
                    </ul>
                }
            </details>
        }
    };
    html! {
        <div class="quiz-stack">
            <div class="stack-progress" part="progress">
                <progress max={total.to_string()} value={placed.to_string()} aria-hidden="true"></progress>
                <p class="progress">{ progress }</p>
            </div>
            if let Some(card) = card {
                { card }
                <div class="stack-answers">{ answer_button(Bin::Avoid) }{ answer_button(Bin::Safe) }</div>
            } else {
                <p class="stack-done">{ ui.pool_empty() }</p>
            }
            <div class="stack-bins">{ bin_list(Bin::Safe) }{ bin_list(Bin::Avoid) }</div>
            { quiz_actions(ui, state, on_action, true) }
        </div>
    }
}
