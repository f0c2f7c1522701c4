use backwise::app::View;
use backwise::hooks::StorageMode;
use wasm_bindgen_test::wasm_bindgen_test;

use crate::support::{Mounted, mount, next_frame, place_all};

async fn results() -> Mounted {
    let w = mount(View::Quiz, StorageMode::None).await;
    place_all(&w).await;
    w.click("Check answers").await;
    // Every answer is right, so the outcomes are folded: open them.
    w.get("details.right-answers")
        .set_attribute("open", "")
        .expect("open");
    next_frame().await;
    w
}

#[wasm_bindgen_test]
async fn see_the_tip_does_not_pull_focus_in_from_the_page() {
    let w = results().await;
    // A click that left focus on the page, as Safari's clicks on buttons do.
    w.blur_all();
    w.click("See the tip: Swimming").await;
    next_frame().await;
    assert_eq!(w.text(".progress"), "Tip 8 of 10", "the tip is shown");
    assert!(
        w.active_in_root().is_none(),
        "focus that was on the page stays there"
    );
}

#[wasm_bindgen_test]
async fn only_see_the_tip_moves_focus_to_the_deck() {
    let w = results().await;
    w.button("See the tip: Swimming").focus().expect("focus");
    w.click("See the tip: Swimming").await;
    next_frame().await;
    assert_eq!(w.active_class().as_deref(), Some("deck"));
    // Opening the deck again with its tab leaves focus on the tab.
    w.button("Quiz").focus().expect("focus");
    w.click("Quiz").await;
    w.button("Tips").focus().expect("focus");
    w.click("Tips").await;
    next_frame().await;
    assert_eq!(w.active_class().as_deref(), Some("tab"));
}
