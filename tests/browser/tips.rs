use backwise::app::View;
use backwise::hooks::StorageMode;
use wasm_bindgen_test::wasm_bindgen_test;

use crate::support::{builtin, local_storage, mount, pointer, settle};

#[wasm_bindgen_test]
async fn next_ten_times_reaches_the_last_tip_and_stays() {
    let w = mount(View::Tips, StorageMode::None, None).await;
    let deck = builtin();
    assert_eq!(w.text(".progress"), "Tip 1 of 10");
    assert_eq!(w.text(".headline"), deck.tips[0].headline);
    for _ in 0..10 {
        w.click("Next").await;
    }
    assert_eq!(w.text(".progress"), "Tip 10 of 10");
    assert_eq!(w.text(".headline"), deck.tips[9].headline);
    assert_eq!(
        w.button("Next").get_attribute("aria-disabled").as_deref(),
        Some("true")
    );
    w.click("Previous").await;
    assert_eq!(w.text(".progress"), "Tip 9 of 10");
}

#[wasm_bindgen_test]
async fn arrow_keys_step_while_the_deck_has_focus() {
    let w = mount(View::Tips, StorageMode::None, None).await;
    w.key(".deck", "ArrowRight").await;
    w.key(".deck", "ArrowRight").await;
    assert_eq!(w.text(".progress"), "Tip 3 of 10");
    w.key(".deck", "ArrowLeft").await;
    assert_eq!(w.text(".progress"), "Tip 2 of 10");
    assert_eq!(w.text(".headline"), builtin().tips[1].headline);
}

#[wasm_bindgen_test]
async fn a_pointer_swipe_moves_the_deck() {
    let w = mount(View::Tips, StorageMode::None, None).await;
    let card = w.get(".card");
    let (x, y) = w.centre(&card);
    pointer(&card, "pointerdown", x + 60, y, "touch");
    pointer(&card, "pointerup", x - 60, y + 5, "touch");
    settle().await;
    assert_eq!(w.text(".progress"), "Tip 2 of 10");
    // Back with a swipe to the right; a mostly vertical move does nothing.
    let card = w.get(".card");
    pointer(&card, "pointerdown", x - 60, y, "touch");
    pointer(&card, "pointerup", x + 60, y, "touch");
    settle().await;
    assert_eq!(w.text(".progress"), "Tip 1 of 10");
    let card = w.get(".card");
    pointer(&card, "pointerdown", x, y - 80, "touch");
    pointer(&card, "pointerup", x + 45, y + 80, "touch");
    settle().await;
    assert_eq!(w.text(".progress"), "Tip 1 of 10");
}

#[wasm_bindgen_test]
async fn the_filter_shows_only_one_kind() {
    let w = mount(View::Tips, StorageMode::None, None).await;
    w.click("Don'ts").await;
    assert_eq!(w.text(".progress"), "Tip 1 of 5");
    assert!(
        w.text(".badge").ends_with("Don't"),
        "badge: {}",
        w.text(".badge")
    );
    assert_eq!(w.text(".headline"), builtin().tips[5].headline);
    for _ in 0..6 {
        w.click("Next").await;
    }
    assert_eq!(w.text(".progress"), "Tip 5 of 5");
    w.click("Do's").await;
    assert_eq!(w.text(".progress"), "Tip 1 of 5");
    assert!(w.text(".badge").ends_with("Do"));
    assert_eq!(
        w.button("Do's").get_attribute("aria-pressed").as_deref(),
        Some("true")
    );
}

#[wasm_bindgen_test]
async fn turn_reveals_the_detail() {
    let w = mount(View::Tips, StorageMode::None, None).await;
    assert!(w.get(".detail").has_attribute("hidden"));
    w.click("Turn").await;
    assert!(!w.get(".detail").has_attribute("hidden"));
    assert_eq!(w.text(".detail"), builtin().tips[0].detail);
    assert_eq!(
        w.button("Turn back")
            .get_attribute("aria-expanded")
            .as_deref(),
        Some("true")
    );
    w.click("Next").await;
    assert!(
        w.get(".detail").has_attribute("hidden"),
        "a new card starts unturned"
    );
}

#[wasm_bindgen_test]
async fn the_place_in_the_deck_survives_a_remount() {
    local_storage().clear().expect("clear");
    {
        let w = mount(View::Tips, StorageMode::Local, None).await;
        w.click("Don'ts").await;
        w.click("Next").await;
        w.click("Next").await;
    }
    let w = mount(View::Tips, StorageMode::Local, None).await;
    assert_eq!(w.text(".progress"), "Tip 3 of 5");
    assert_eq!(w.text(".headline"), builtin().tips[7].headline);
    local_storage().clear().expect("clear");
}

#[wasm_bindgen_test]
async fn tabs_switch_with_arrow_keys_and_keep_focus() {
    let w = mount(View::Tips, StorageMode::None, None).await;
    w.button("Tips").focus().expect("focus");
    w.key(".tabs", "ArrowRight").await;
    assert_eq!(
        w.button("Quiz").get_attribute("aria-selected").as_deref(),
        Some("true")
    );
    assert!(w.get("[id$=panel-tips]").has_attribute("hidden"));
    assert!(!w.get("[id$=panel-quiz]").has_attribute("hidden"));
    let active = w.active_in_root().expect("focus stays in the widget");
    assert_eq!(active.text_content().as_deref(), Some("Quiz"));
}
