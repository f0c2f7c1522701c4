//! The built-in deck is complete and faithful in shape: ten tips, five of each
//! kind, every exercise the product contract names, and working references.
#![cfg(not(target_arch = "wasm32"))]

use backwise_core::{Bin, TipKind, builtin_deck};

#[test]
fn builtin_deck_is_valid() {
    if let Err(errors) = builtin_deck() {
        panic!("built-in deck is invalid:\n{errors}");
    }
}

#[test]
fn ten_tips_five_of_each_kind() {
    let deck = builtin_deck().expect("valid");
    assert_eq!(deck.tips.len(), 10);
    assert_eq!(
        deck.tips.iter().filter(|t| t.kind == TipKind::Do).count(),
        5
    );
    assert_eq!(
        deck.tips.iter().filter(|t| t.kind == TipKind::Dont).count(),
        5
    );
}

fn has(deck: &backwise_core::Deck, words: &[&str], answer: Bin) -> bool {
    deck.quiz.items.iter().any(|item| {
        let label = item.label.to_lowercase();
        item.answer == answer && words.iter().all(|w| label.contains(w))
    })
}

#[test]
fn every_required_exercise_is_in_the_quiz() {
    let deck = builtin_deck().expect("valid");
    let avoid: &[&[&str]] = &[
        &["straight-leg sit-ups"],
        &["straight double-leg lifts", "back"],
        &["toes", "straight legs"],
        &["weights", "too heavy"],
        &["same", "sport"],
        &["old-fashioned abdominal"],
        &["giving up", "injury"],
    ];
    let safe: &[&[&str]] = &[
        &["bent-knee crunch", "roll-up", "flat"],
        &["toe touch", "bent knees"],
        &["walking"],
        &["stretching", "warming up"],
        &["yoga", "teacher"],
        &["bicycling"],
        &["swimming"],
        &["fitness ball"],
        &["total-body", "aerobic", "strength", "flexibility"],
        &["physical therapist", "recovery"],
    ];
    for words in avoid {
        assert!(
            has(&deck, words, Bin::Avoid),
            "missing avoid item {words:?}"
        );
    }
    for words in safe {
        assert!(has(&deck, words, Bin::Safe), "missing safe item {words:?}");
    }
    assert!(deck.quiz.items.len() >= 16);
}

#[test]
fn every_item_has_a_tip_and_named_alternatives_are_linked() {
    let deck = builtin_deck().expect("valid");
    for item in &deck.quiz.items {
        assert!(item.tip.is_some(), "{} has no tip", item.id);
    }
    let instead = |id: &str| {
        let item = &deck.quiz.items[deck.item_index(id).expect(id)];
        item.instead.map(|i| deck.quiz.items[i].id.as_str())
    };
    assert_eq!(instead("straight-leg-situps"), Some("bent-knee-crunch"));
    assert_eq!(
        instead("straight-leg-toe-touch"),
        Some("bent-knee-toe-touch")
    );
    assert_eq!(instead("one-sport-only"), Some("bicycling"));
    assert_eq!(instead("old-fashioned-abs"), Some("fitness-ball"));
}

#[test]
fn disclaimer_says_not_medical_advice_and_to_see_a_doctor() {
    let deck = builtin_deck().expect("valid");
    let d = deck.disclaimer.to_lowercase();
    assert!(d.contains("not medical advice"));
    assert!(d.contains("see a doctor") && d.contains("injury") && d.contains("accident"));
}
