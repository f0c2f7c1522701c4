use backwise::app::View;
use backwise::hooks::StorageMode;
use wasm_bindgen_test::wasm_bindgen_test;

use crate::support::{mount, settle};

fn data_url(json: &str) -> String {
    format!(
        "data:application/json,{}",
        js_sys::encode_uri_component(json)
    )
}

#[wasm_bindgen_test]
async fn it_still_works_when_storage_throws() {
    js_sys::eval(
        "window.__realGet = Storage.prototype.getItem; window.__realSet = Storage.prototype.setItem;
         Storage.prototype.getItem = function () { throw new DOMException('blocked', 'SecurityError'); };
         Storage.prototype.setItem = function () { throw new DOMException('blocked', 'SecurityError'); };",
    )
    .expect("patch storage");
    let w = mount(View::Tips, StorageMode::Local, None).await;
    w.click("Next").await;
    assert_eq!(w.text(".progress"), "Tip 2 of 10");
    w.click("Quiz").await;
    w.click("Put Walking in Safe alternative").await;
    assert_eq!(w.text(".quiz .progress"), "1 of 17 sorted");
    js_sys::eval("Storage.prototype.getItem = window.__realGet; Storage.prototype.setItem = window.__realSet;")
        .expect("restore storage");
}

#[wasm_bindgen_test]
async fn an_invalid_deck_shows_every_problem_with_its_path() {
    let mut deck: serde_json::Value =
        serde_json::from_str(backwise::domain::BUILTIN_DECK_JSON).expect("json");
    deck["quiz"]["items"][3]["answer"] = "maybe".into();
    deck["quiz"]["items"][5]["instead"] = "crunch".into();
    let w = mount(
        View::Tips,
        StorageMode::None,
        Some(&data_url(&deck.to_string())),
    )
    .await;
    let card = w.wait_for(".error-card").await;
    assert_eq!(card.get_attribute("role").as_deref(), Some("alert"));
    let problems: Vec<String> = w
        .all(".problems li")
        .iter()
        .filter_map(|li| li.text_content())
        .collect();
    assert_eq!(
        problems,
        vec![
            "quiz.items[3].answer: expected \"safe\" or \"avoid\", found \"maybe\"".to_string(),
            "quiz.items[5].instead: no item with id \"crunch\"".to_string(),
        ]
    );
}

#[wasm_bindgen_test]
async fn an_unreachable_deck_offers_a_retry() {
    let w = mount(
        View::Tips,
        StorageMode::None,
        Some("/definitely-missing-deck.json"),
    )
    .await;
    w.wait_for(".error-card").await;
    assert!(
        w.text(".error-card").contains("could not be loaded"),
        "{}",
        w.text(".error-card")
    );
    w.click("Retry").await;
    w.wait_for(".error-card button").await;
}

#[wasm_bindgen_test]
async fn markup_in_deck_strings_is_shown_as_text() {
    let mut deck: serde_json::Value =
        serde_json::from_str(backwise::domain::BUILTIN_DECK_JSON).expect("json");
    deck["title"] = "<img src=x onerror=\"window.__pwned=1\">".into();
    deck["tips"][0]["headline"] = "<script>window.__pwned=1</script>".into();
    let w = mount(
        View::Tips,
        StorageMode::None,
        Some(&data_url(&deck.to_string())),
    )
    .await;
    w.wait_for(".headline").await;
    settle().await;
    assert!(w.find("img").is_none() && w.find("script").is_none());
    assert_eq!(w.text(".title"), "<img src=x onerror=\"window.__pwned=1\">");
    assert_eq!(w.text(".headline"), "<script>window.__pwned=1</script>");
    let pwned = js_sys::Reflect::get(&js_sys::global(), &"__pwned".into()).expect("get");
    assert!(pwned.is_undefined());
}
