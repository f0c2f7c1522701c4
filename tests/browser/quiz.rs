use backwise::app::View;
use backwise::domain::{Bin, Quiz};
use backwise::hooks::StorageMode;
use wasm_bindgen_test::wasm_bindgen_test;

use crate::support::{Mounted, builtin, local_storage, mount, next_frame, pointer, settle, sleep};

fn bin_label(bin: Bin) -> &'static str {
    match bin {
        Bin::Safe => "Safe alternative",
        Bin::Avoid => "Avoid",
    }
}

/// Places every item by clicking its per-item button; `wrong` items go to
/// the wrong bin on purpose.
async fn place_all(w: &Mounted, wrong: &[&str]) {
    for item in builtin().quiz.items {
        let bin = if wrong.contains(&item.id.as_str()) {
            if item.answer == Bin::Safe {
                Bin::Avoid
            } else {
                Bin::Safe
            }
        } else {
            item.answer
        };
        w.click(&format!("Put {} in {}", item.label, bin_label(bin)))
            .await;
    }
}

#[wasm_bindgen_test]
async fn placing_everything_by_clicks_and_checking_scores_it() {
    let w = mount(View::Quiz, StorageMode::None, None).await;
    assert_eq!(w.text(".quiz .progress"), "0 of 17 sorted");
    place_all(&w, &["walking", "straight-leg-situps"]).await;
    assert_eq!(w.text(".quiz .progress"), "17 of 17 sorted");
    assert_eq!(w.text(".bin.safe .zone-title"), "Safe alternative · 10");
    // As a keyboard user: focus is on Check when it is pressed.
    w.button("Check answers").focus().expect("focus");
    w.click("Check answers").await;
    next_frame().await;
    assert_eq!(w.text(".score"), "15 of 17");
    let wrong: Vec<String> = w
        .all(".outcome.wrong strong")
        .iter()
        .filter_map(|e| e.text_content())
        .collect();
    assert_eq!(wrong.len(), 2);
    assert!(
        wrong.contains(&"Walking".to_string())
            && wrong.contains(&"Straight-leg sit-ups".to_string())
    );
    let sit_ups = w
        .all(".outcome")
        .into_iter()
        .find(|o| {
            o.text_content()
                .unwrap_or_default()
                .contains("Straight-leg sit-ups")
        })
        .expect("sit-ups outcome");
    let text = sit_ups.text_content().unwrap_or_default();
    assert!(
        text.contains("✕ Wrong") && text.contains("Belongs in: Avoid"),
        "{text}"
    );
    assert!(
        text.contains("Instead: Bent-knee crunch or roll-up, back flat on the floor"),
        "{text}"
    );
    assert!(text.contains("too much pressure on the low back"), "{text}");
    assert_eq!(
        w.active_in_root()
            .and_then(|a| a.get_attribute("class"))
            .as_deref(),
        Some("score")
    );
}

#[wasm_bindgen_test]
async fn focus_elsewhere_on_the_page_is_not_taken() {
    let w = mount(View::Quiz, StorageMode::None, None).await;
    let outside = web_sys::window()
        .and_then(|win| win.document())
        .and_then(|d| d.body())
        .expect("body");
    let _ = outside.focus();
    w.click("Put Walking in Safe alternative").await;
    next_frame().await;
    assert!(
        w.active_in_root().is_none(),
        "a click without focus in the widget does not pull focus in"
    );
}

#[wasm_bindgen_test]
async fn check_with_items_left_says_how_many() {
    let w = mount(View::Quiz, StorageMode::None, None).await;
    w.click("Put Walking in Safe alternative").await;
    w.click("Check answers").await;
    assert_eq!(w.text(".blocked"), "Sort every item first: 16 left.");
    assert!(w.find(".score").is_none());
}

#[wasm_bindgen_test]
async fn keyboard_placement_moves_focus_to_the_next_item_and_announces() {
    let w = mount(View::Quiz, StorageMode::None, None).await;
    let first = w.all(".pool .item-label");
    let second_label = first[1].text_content().unwrap_or_default();
    let first_label = first[0].text_content().unwrap_or_default();
    let button = w.button(&format!("Put {first_label} in Avoid"));
    button.focus().expect("focus");
    button.click();
    next_frame().await;
    let active = w.active_in_root().expect("focus stays inside the widget");
    assert_eq!(active.text_content().unwrap_or_default(), second_label);
    assert_eq!(
        w.text("[role=status]").trim_end_matches('\u{a0}'),
        format!("{first_label} placed in Avoid. 1 of 17 sorted.")
    );
    // Move it, then return it to the pool: each is announced too.
    w.click(&format!("Put {first_label} in Safe alternative"))
        .await;
    assert_eq!(
        w.text("[role=status]").trim_end_matches('\u{a0}'),
        format!("{first_label} moved to Safe alternative. 1 of 17 sorted.")
    );
    w.click(&format!("Return {first_label} to the items to sort"))
        .await;
    assert_eq!(
        w.text("[role=status]").trim_end_matches('\u{a0}'),
        format!("{first_label} returned to the items to sort. 0 of 17 sorted.")
    );
}

#[wasm_bindgen_test]
async fn tap_an_item_then_a_bin() {
    let w = mount(View::Quiz, StorageMode::None, None).await;
    w.click("Swimming").await;
    assert_eq!(
        w.button("Swimming")
            .get_attribute("aria-pressed")
            .as_deref(),
        Some("true")
    );
    let drop = w.get(".bin.safe .drop-here");
    assert_eq!(
        drop.text_content().as_deref(),
        Some("Put Swimming in Safe alternative")
    );
    wasm_bindgen::JsCast::unchecked_into::<web_sys::HtmlElement>(drop).click();
    settle().await;
    assert_eq!(w.text(".bin.safe .zone-title"), "Safe alternative · 1");
    assert!(
        w.find(".drop-here").is_none(),
        "selection clears after placing"
    );
}

#[wasm_bindgen_test]
async fn escape_puts_the_selected_item_down_and_focus_goes_back_to_it() {
    let w = mount(View::Quiz, StorageMode::None, None).await;
    w.click("Swimming").await;
    w.button("Put Swimming in Avoid").focus().expect("focus");
    w.key(".bin.avoid .drop-here", "Escape").await;
    assert!(
        w.find(".drop-here").is_none(),
        "Escape clears the selection"
    );
    assert_eq!(
        w.button("Swimming")
            .get_attribute("aria-pressed")
            .as_deref(),
        Some("false")
    );
    let active = w
        .active_in_root()
        .expect("focus stays in the widget when its button goes");
    assert_eq!(active.text_content().as_deref(), Some("Swimming"));
}

#[wasm_bindgen_test]
async fn a_pointer_drag_onto_a_bin_places_the_item() {
    let w = mount(View::Quiz, StorageMode::None, None).await;
    let item = w.get(".pool .item");
    let label = item
        .query_selector(".item-label")
        .ok()
        .flatten()
        .and_then(|l| l.text_content())
        .unwrap_or_default();
    let grip = item.query_selector(".grip").ok().flatten().expect("grip");
    grip.scroll_into_view();
    let (x, y) = w.centre(&grip);
    pointer(&grip, "pointerdown", x, y, "mouse");
    pointer(&grip, "pointermove", x + 10, y + 10, "mouse");
    settle().await;
    assert!(
        w.get(".pool .item").class_list().contains("dragging"),
        "the item shows it is dragged"
    );
    assert!(
        !w.get(".drag-ghost").has_attribute("hidden"),
        "a ghost follows the pointer"
    );
    let (bx, by) = w.centre(&w.get(".bin.avoid .zone-title"));
    let li = w.get(".item.dragging");
    pointer(&li, "pointermove", bx, by, "mouse");
    settle().await;
    assert!(w.get(".bin.avoid").class_list().contains("over"));
    pointer(&li, "pointerup", bx, by, "mouse");
    settle().await;
    assert_eq!(w.text(".bin.avoid .zone-title"), "Avoid · 1");
    assert!(w.text(".bin.avoid").contains(&label));
    assert!(w.get(".drag-ghost").has_attribute("hidden"));
}

#[wasm_bindgen_test]
async fn a_drag_dropped_outside_every_bin_is_cancelled() {
    let w = mount(View::Quiz, StorageMode::None, None).await;
    let grip = w.get(".pool .item .grip");
    let (x, y) = w.centre(&grip);
    pointer(&grip, "pointerdown", x, y, "touch");
    pointer(&grip, "pointermove", x + 30, y, "touch");
    settle().await;
    let li = w.get(".item.dragging");
    pointer(&li, "pointermove", -500, -500, "touch");
    pointer(&li, "pointerup", -500, -500, "touch");
    settle().await;
    assert_eq!(w.text(".pool .zone-title"), "To sort · 17");
    assert!(w.find(".item.dragging").is_none());
}

#[wasm_bindgen_test]
async fn try_again_reshuffles_and_clears_but_keeps_the_best_score() {
    let w = mount(View::Quiz, StorageMode::None, None).await;
    place_all(&w, &[]).await;
    w.click("Check answers").await;
    assert_eq!(w.text(".score"), "17 of 17");
    w.click("Try again").await;
    assert_eq!(w.text(".quiz .progress"), "0 of 17 sorted");
    assert_eq!(w.all(".pool .item").len(), 17);
    place_all(&w, &["walking"]).await;
    w.click("Check answers").await;
    assert_eq!(w.text(".score"), "16 of 17");
    assert_eq!(w.text(".history"), "Last score: 16. Best: 17.");
}

#[wasm_bindgen_test]
async fn see_the_tip_opens_the_items_card() {
    let w = mount(View::Quiz, StorageMode::None, None).await;
    place_all(&w, &[]).await;
    w.click("Check answers").await;
    w.button("See the tip: Swimming").focus().expect("focus");
    w.click("See the tip: Swimming").await;
    next_frame().await;
    assert_eq!(
        w.active_in_root()
            .and_then(|a| a.get_attribute("class"))
            .as_deref(),
        Some("deck"),
        "focus moves to the deck, not to the page"
    );
    assert_eq!(
        w.button("Tips").get_attribute("aria-selected").as_deref(),
        Some("true")
    );
    assert_eq!(w.text(".headline"), "Don't always do the same thing");
    assert_eq!(w.text(".progress"), "Tip 8 of 10");
}

fn snapshot_with_walking_in_safe() -> String {
    let deck = builtin();
    let ids: Vec<String> = deck.quiz.items.iter().map(|i| i.id.clone()).collect();
    let mut quiz = Quiz::new(deck.quiz.items.iter().map(|i| i.answer).collect(), 42);
    quiz.place(deck.item_index("walking").expect("walking"), Bin::Safe)
        .expect("place");
    quiz.snapshot(&deck.id, &ids).to_text()
}

#[wasm_bindgen_test]
async fn placements_are_restored_from_storage() {
    let store = local_storage();
    store.clear().expect("clear");
    store
        .set_item("backwise:back-pain:quiz", &snapshot_with_walking_in_safe())
        .expect("set");
    let w = mount(View::Quiz, StorageMode::Local, None).await;
    assert_eq!(w.text(".quiz .progress"), "1 of 17 sorted");
    assert!(w.text(".bin.safe").contains("Walking"));
    // And a new placement is saved for the next visit, in the task after
    // the update (src/hooks/store.js).
    w.click("Put Swimming in Safe alternative").await;
    sleep(0).await;
    let saved = store
        .get_item("backwise:back-pain:quiz")
        .ok()
        .flatten()
        .unwrap_or_default();
    assert!(saved.contains("swimming=safe"), "{saved}");
    store.clear().expect("clear");
}

#[wasm_bindgen_test]
async fn a_corrupt_or_foreign_snapshot_is_ignored() {
    let store = local_storage();
    for bad in [
        "{not a snapshot".to_string(),
        snapshot_with_walking_in_safe().replacen("1|", "99|", 1),
        snapshot_with_walking_in_safe().replace("walking", "gone"),
    ] {
        store
            .set_item("backwise:back-pain:quiz", &bad)
            .expect("set");
        let w = mount(View::Quiz, StorageMode::Local, None).await;
        assert_eq!(w.text(".quiz .progress"), "0 of 17 sorted", "for {bad}");
        assert_eq!(w.all(".pool .item").len(), 17);
    }
    store.clear().expect("clear");
}
