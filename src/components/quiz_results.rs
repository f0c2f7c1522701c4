//! After Check: the score and its band, then the items the reader got wrong,
//! each with its correct bin, why, the safer alternative and a link to its
//! tip, then, folded, the ones they got right. Built, hidden, while the
//! browser is idle once every item is placed, so that Check only shows them.

use web_sys::Element;
use yew::prelude::*;

use super::class_list;
use crate::context::use_widget_ctx;
use crate::domain::{ItemOutcome, Quiz, ScoreBand, fill};
use crate::hooks::{SeeTip, hold_focus, use_shown_or_idle};
use crate::state::QuizAction;

#[derive(Properties, PartialEq)]
pub struct QuizResultsProps {
    pub quiz: Quiz,
    /// Checked: the results are shown. Before that they are hidden, and
    /// rendered only once the browser is idle (see [`use_shown_or_idle()`]).
    pub shown: bool,
    pub on_action: Callback<QuizAction>,
    pub see_tip: SeeTip,
}

#[component]
pub fn QuizResults(props: &QuizResultsProps) -> Html {
    let ctx = use_widget_ctx();
    if !use_shown_or_idle(0, props.shown) {
        return html! {};
    }
    let (quiz, on_action) = (&props.quiz, &props.on_action);
    let deck = &ctx.deck;
    let ui = &deck.ui;
    let (score, total) = (quiz.score(), quiz.len());
    let band = match ScoreBand::of(score, total) {
        ScoreBand::All => ui.band_all(),
        ScoreBand::Most => ui.band_most(),
        ScoreBand::Some => ui.band_some(),
    };
    let history = match (quiz.last_score(), quiz.best_score()) {
        (Some(last), Some(best)) => fill(
            ui.last_best(),
            &[("last", &last.to_string()), ("best", &best.to_string())],
        ),
        _ => String::new(),
    };
    // Try again's shuffle is known ahead: the Quiz tab has its board ready.
    let try_again = on_action.reform(|_| QuizAction::TryAgain);
    // The ones the reader got wrong come first, each with its right bin, its
    // why, the safer alternative and its tip; the right ones follow, folded.
    let (wrong, right): (Vec<ItemOutcome>, Vec<ItemOutcome>) =
        quiz.outcomes().into_iter().partition(|o| !o.correct);
    let row = |o: &ItemOutcome| {
        let item = deck.quiz.items.get(o.item)?;
        let (class, word) = if o.correct {
            ("right", ui.correct())
        } else {
            ("wrong", ui.wrong())
        };
        let instead = item
            .instead
            .and_then(|i| deck.quiz.items.get(i))
            .map(|alt| {
                html! {
                    <p class="instead">{ fill(ui.instead(), &[("item", &alt.label)]) }</p>
                }
            });
        let tip_button = item.tip.map(|tip| {
            let see_tip = props.see_tip.clone();
            // The results, this button with them, go when the
            // Tips tab opens: focus waits in the widget.
            let onclick = Callback::from(move |e: MouseEvent| {
                if let Some(button) = e.target_dyn_into::<Element>() {
                    hold_focus(&button);
                }
                see_tip.show(tip)
            });
            html! {
                <button type="button" class="link" aria-label={format!("{}: {}", ui.see_tip(), item.label)} {onclick}>
                    { ui.see_tip() }
                </button>
            }
        });
        Some(html! {
            <li key={item.id.clone()} ~className={class_list(&["outcome", class])} part="outcome">
                <p class="outcome-head">
                    <span ~className={class_list(&["mark", class])}>{ word }</span>
                    { " " }<strong>{ &item.label }</strong>
                </p>
                <p class="belongs">{ fill(ui.belongs_in(), &[("bin", deck.quiz.bins.label(item.answer))]) }</p>
                <p class="why">{ &item.why }</p>
                { for instead }
                { for tip_button }
            </li>
        })
    };
    html! {
        // Unnamed, so not a landmark: two widgets' results could have the
        // same score. The score heading below leads it.
        <section class="results" hidden={!props.shown}>
            <h3 class="score" id={ctx.id("score")} part="score" tabindex="-1" data-focus="score">
                { fill(ui.score(), &[("score", &score.to_string()), ("total", &total.to_string())]) }
            </h3>
            <p class="band">{ band }</p>
            <p class="history">{ history }</p>
            if !wrong.is_empty() {
                <ol class="outcomes">{ for wrong.iter().filter_map(row) }</ol>
            }
            if !right.is_empty() {
                <details class="right-answers" part="right-answers">
                    <summary>{ fill(ui.show_right(), &[("count", &right.len().to_string())]) }</summary>
                    <ol class="outcomes">{ for right.iter().filter_map(row) }</ol>
                </details>
            }
            <button type="button" class="primary" part="button" data-focus="reset" onclick={try_again}>{ ui.try_again() }</button>
            { super::print_button(&ctx.deck, quiz.mistakes()) }
        </section>
    }
}
