//! One malformed deck per validation rule, asserting the exact path and message.
#![cfg(not(target_arch = "wasm32"))]

use backwise_core::{BUILTIN_DECK_JSON, parse_deck, validate::MAX_DECK_BYTES};
use serde_json::{Value, json};

fn base() -> Value {
    serde_json::from_str(BUILTIN_DECK_JSON).expect("built-in deck is JSON")
}

/// The problems as the sentences a user sees.
fn problems(deck: &Value) -> Vec<String> {
    match parse_deck(&deck.to_string()) {
        Ok(_) => vec![],
        Err(errors) => errors.problems.iter().map(ToString::to_string).collect(),
    }
}

fn assert_problem(deck: &Value, expected: &str) {
    let found = problems(deck);
    assert!(
        found.iter().any(|p| p == expected),
        "expected {expected:?} in {found:#?}"
    );
}

#[test]
fn the_base_deck_has_no_problems() {
    assert_eq!(problems(&base()), Vec::<String>::new());
}

/// The widget reads decks with the browser's `JSON.parse`, which keeps the
/// last of a repeated key; the command line reads them the same way.
#[test]
fn a_repeated_key_is_not_a_problem_and_its_last_value_counts() {
    let text = BUILTIN_DECK_JSON.replacen(
        "\"lang\": \"en\"",
        "\"lang\": \"\", \"title\": \"Second title\", \"lang\": \"en\"",
        1,
    );
    assert_ne!(text, BUILTIN_DECK_JSON);
    let deck = parse_deck(&text).expect("valid");
    assert_eq!(
        (deck.title.as_str(), deck.lang.as_str()),
        ("Second title", "en")
    );
}

#[test]
fn bad_answer_names_the_path_and_the_value() {
    let mut d = base();
    d["quiz"]["items"][3]["answer"] = json!("maybe");
    assert_problem(
        &d,
        "quiz.items[3].answer: expected \"safe\" or \"avoid\", found \"maybe\"",
    );
}

#[test]
fn dangling_instead() {
    let mut d = base();
    d["quiz"]["items"][5]["instead"] = json!("crunch");
    assert_problem(&d, "quiz.items[5].instead: no item with id \"crunch\"");
}

#[test]
fn instead_must_name_a_safe_item_and_sit_on_an_avoid_item() {
    let mut d = base();
    d["quiz"]["items"][0]["instead"] = json!("double-leg-lifts");
    d["quiz"]["items"][9]["instead"] = json!("walking");
    let found = problems(&d);
    assert!(found.contains(&"quiz.items[0].instead: item \"double-leg-lifts\" is not a safe item, so it cannot be the alternative".to_string()), "{found:#?}");
    assert!(
        found.contains(
            &"quiz.items[9].instead: only an item to avoid can name a safer alternative"
                .to_string()
        ),
        "{found:#?}"
    );
}

#[test]
fn dangling_tip() {
    let mut d = base();
    d["quiz"]["items"][2]["tip"] = json!("nope");
    assert_problem(&d, "quiz.items[2].tip: no tip with id \"nope\"");
}

#[test]
fn unknown_fields_anywhere() {
    let mut d = base();
    d["colour"] = json!("red");
    d["tips"][1]["emoji"] = json!("x");
    d["ui"] = json!({ "nxt": "Siguiente" });
    let found = problems(&d);
    for p in [
        "colour: unknown field",
        "tips[1].emoji: unknown field",
        "ui.nxt: unknown field",
    ] {
        assert!(found.contains(&p.to_string()), "{p} in {found:#?}");
    }
}

#[test]
fn duplicate_ids() {
    let mut d = base();
    d["tips"][4]["id"] = json!("walk");
    d["quiz"]["items"][7]["id"] = json!("walking");
    let found = problems(&d);
    assert!(
        found.contains(&"tips[4].id: duplicate id \"walk\" (first used at tips[2].id)".to_string()),
        "{found:#?}"
    );
    assert!(
        found
            .iter()
            .any(|p| p.starts_with("quiz.items[9].id: duplicate id \"walking\"")),
        "{found:#?}"
    );
}

#[test]
fn empty_strings_and_missing_fields() {
    let mut d = base();
    d["title"] = json!("   ");
    d["tips"][0]
        .as_object_mut()
        .expect("object")
        .remove("detail");
    let found = problems(&d);
    assert!(
        found.contains(&"title: must not be empty".to_string()),
        "{found:#?}"
    );
    assert!(
        found.contains(&"tips[0].detail: this field is required".to_string()),
        "{found:#?}"
    );
}

#[test]
fn wrong_types() {
    let mut d = base();
    d["tips"] = json!({});
    d["quiz"]["items"][0]["label"] = json!(42);
    let found = problems(&d);
    assert!(
        found.contains(&"tips: expected an array, found an object".to_string()),
        "{found:#?}"
    );
    assert!(
        found.contains(&"quiz.items[0].label: expected a string, found 42".to_string()),
        "{found:#?}"
    );
}

#[test]
fn an_empty_bin() {
    let mut d = base();
    for item in d["quiz"]["items"].as_array_mut().expect("array") {
        item["answer"] = json!("avoid");
        item.as_object_mut().expect("object").remove("instead");
    }
    assert_problem(
        &d,
        "quiz.items: no item has answer \"safe\", so that bin would be empty",
    );
}

#[test]
fn every_problem_is_reported_not_just_the_first() {
    let mut d = base();
    d["quiz"]["items"][0]["answer"] = json!("maybe");
    d["quiz"]["items"][1]["why"] = json!("");
    d["tips"][0]["kind"] = json!("sometimes");
    assert_eq!(problems(&d).len(), 3, "{:#?}", problems(&d));
}

/// A tip with a problem must not hide the quiz's references to tips, and an
/// item with a problem must not hide its own references.
#[test]
fn references_are_checked_beside_other_problems() {
    let mut d = base();
    d["tips"][1]["kind"] = json!("maybe");
    d["tips"][3]["headline"] = json!("");
    d["quiz"]["items"][6]["tip"] = json!("no-such-tip");
    d["quiz"]["items"][4]["why"] = json!("");
    d["quiz"]["items"][4]["instead"] = json!("no-such-item");
    d["quiz"]["items"][5]["answer"] = json!("maybe");
    d["quiz"]["items"][5]["tip"] = json!("also-missing");
    let found = problems(&d);
    for p in [
        "tips[1].kind: expected \"do\" or \"dont\", found \"maybe\"",
        "tips[3].headline: must not be empty",
        "quiz.items[6].tip: no tip with id \"no-such-tip\"",
        "quiz.items[4].why: must not be empty",
        "quiz.items[4].instead: no item with id \"no-such-item\"",
        "quiz.items[5].answer: expected \"safe\" or \"avoid\", found \"maybe\"",
        "quiz.items[5].tip: no tip with id \"also-missing\"",
    ] {
        assert!(
            found.contains(&p.to_string()),
            "expected {p:?} in {found:#?}"
        );
    }
    assert_eq!(found.len(), 7, "{found:#?}");
}

/// A reference to an item that exists but has some other problem is not
/// dangling: only the item's own problem is reported.
#[test]
fn a_reference_to_a_flawed_item_is_not_reported_as_dangling() {
    let mut d = base();
    d["quiz"]["items"][8]["why"] = json!("x".repeat(2_500));
    d["quiz"]["items"][14]["answer"] = json!("maybe");
    d["tips"][2]["detail"] = json!("");
    assert_eq!(
        problems(&d),
        vec![
            "tips[2].detail: must not be empty".to_string(),
            "quiz.items[8].why: 2500 characters; the limit is 2000".to_string(),
            "quiz.items[14].answer: expected \"safe\" or \"avoid\", found \"maybe\"".to_string(),
        ]
    );
}

/// A tip with a problem still has its id checked for duplicates.
#[test]
fn a_flawed_tip_still_counts_for_duplicate_ids() {
    let mut d = base();
    let first = d["tips"][0]["id"].clone();
    d["tips"][4]["id"] = first.clone();
    d["tips"][4]["kind"] = json!("maybe");
    let found = problems(&d);
    let dup = format!("tips[4].id: duplicate id {first} (first used at tips[0].id)");
    assert!(found.contains(&dup), "expected {dup:?} in {found:#?}");
}

#[test]
fn size_limits() {
    let mut d = base();
    d["tips"][0]["detail"] = json!("x".repeat(2001));
    assert_problem(&d, "tips[0].detail: 2001 characters; the limit is 2000");

    let mut d = base();
    let item = d["quiz"]["items"][0].clone();
    let items: Vec<Value> = (0..101)
        .map(|i| {
            let mut it = item.clone();
            it["id"] = json!(format!("i{i}"));
            it.as_object_mut().expect("object").remove("instead");
            it
        })
        .collect();
    d["quiz"]["items"] = Value::Array(items);
    assert_problem(&d, "quiz.items: 101 entries; the limit is 100");

    let huge = format!("{{\"pad\":\"{}\"}}", "x".repeat(MAX_DECK_BYTES));
    let errors = parse_deck(&huge).expect_err("too large");
    assert_eq!(
        errors.problems[0].to_string(),
        "(deck): the deck is 257 KB; the limit is 256 KB"
    );
}

#[test]
fn not_json_is_one_problem_and_the_parser_says_where() {
    let errors = parse_deck("{\"id\": \"x\",\n  oops }").expect_err("not json");
    assert_eq!(errors.total(), 1);
    assert_eq!(errors.problems[0].to_string(), "(deck): not valid JSON");
    let detail = errors.problems[0]
        .kind
        .parser_detail()
        .expect("a parser detail");
    assert!(detail.starts_with("line 2, column 3: "), "{detail}");
}

#[test]
fn unsafe_source_urls_and_ids_are_rejected() {
    let mut d = base();
    d["source"]["url"] = json!("javascript:alert(1)");
    d["tips"][0]["id"] = json!("<b>x</b>");
    let found = problems(&d);
    assert!(
        found.contains(
            &"source.url: expected an http or https URL, found \"javascript:alert(1)\"".to_string()
        ),
        "{found:#?}"
    );
    assert!(
        found
            .iter()
            .any(|p| p.starts_with("tips[0].id: \"<b>x</b>\" is not a valid id")),
        "{found:#?}"
    );
}

#[test]
fn thousands_of_problems_are_capped_and_counted() {
    let mut d = base();
    for item in d["quiz"]["items"].as_array_mut().expect("array") {
        item["label"] = json!(1);
        item["why"] = json!(2);
        item["answer"] = json!(3);
        item["bogus"] = json!(4);
    }
    let errors = parse_deck(&d.to_string()).expect_err("invalid");
    assert_eq!(errors.problems.len(), 50);
    assert!(errors.total() >= 17 * 4);
}

#[test]
fn ui_overrides_apply() {
    let mut d = base();
    d["ui"] = json!({ "next": "Siguiente", "tab_quiz": "Prueba" });
    let deck = parse_deck(&d.to_string()).expect("valid");
    assert_eq!(
        (deck.ui.next(), deck.ui.tab_quiz()),
        ("Siguiente", "Prueba")
    );
}

/// A deck with a made-up reviewer and review date (the built-in deck has
/// none: no one has reviewed it).
fn reviewed() -> Value {
    let mut d = base();
    d["reviewed_by"] = json!({ "name": "Dana Example", "credential": "Physical therapist, DPT" });
    d["last_reviewed"] = json!("2024-02-29");
    d
}

#[test]
fn a_reviewer_and_a_review_date_are_read_and_shown_as_one_note() {
    let deck = parse_deck(&reviewed().to_string()).expect("valid");
    let reviewer = deck.reviewed_by.as_ref().expect("a reviewer");
    assert_eq!(
        (reviewer.name.as_str(), reviewer.credential.as_str()),
        ("Dana Example", "Physical therapist, DPT")
    );
    assert_eq!(deck.last_reviewed.as_deref(), Some("2024-02-29"));
    assert_eq!(
        deck.review_note().as_deref(),
        Some("Reviewed by Dana Example, Physical therapist, DPT. Last reviewed on 2024-02-29.")
    );

    // Each one alone, and neither (or null, like every optional field).
    let mut d = reviewed();
    d.as_object_mut().expect("object").remove("last_reviewed");
    let deck = parse_deck(&d.to_string()).expect("valid");
    assert_eq!(
        deck.review_note().as_deref(),
        Some("Reviewed by Dana Example, Physical therapist, DPT.")
    );
    let mut d = reviewed();
    d["reviewed_by"] = Value::Null;
    let deck = parse_deck(&d.to_string()).expect("valid");
    assert_eq!(deck.reviewed_by, None);
    assert_eq!(
        deck.review_note().as_deref(),
        Some("Last reviewed on 2024-02-29.")
    );
    let deck = parse_deck(BUILTIN_DECK_JSON).expect("valid");
    assert_eq!(deck.review_note(), None);
    assert_eq!((deck.reviewed_by, deck.last_reviewed), (None, None));
}

#[test]
fn the_review_note_is_ui_text_that_a_deck_translates() {
    let mut d = reviewed();
    d["ui"] = json!({
        "review_by": "Revisado por {name} ({credential}).",
        "review_date": "Última revisión: {date}."
    });
    let deck = parse_deck(&d.to_string()).expect("valid");
    assert_eq!(
        deck.review_note().as_deref(),
        Some("Revisado por Dana Example (Physical therapist, DPT). Última revisión: 2024-02-29.")
    );
}

#[test]
fn a_review_date_must_be_a_real_day_written_as_yyyy_mm_dd() {
    let cases = [
        (
            json!("March 3"),
            "expected a date as YYYY-MM-DD, found \"March 3\"",
        ),
        (
            json!("2024-3-1"),
            "expected a date as YYYY-MM-DD, found \"2024-3-1\"",
        ),
        (
            json!("03/01/2024"),
            "expected a date as YYYY-MM-DD, found \"03/01/2024\"",
        ),
        (
            json!("2024-03-01T10:00"),
            "expected a date as YYYY-MM-DD, found \"2024-03-01T10:00\"",
        ),
        // Digits that are not ASCII are not a date either.
        (
            json!("２０２４-03-01"),
            "expected a date as YYYY-MM-DD, found \"２０２４-03-01\"",
        ),
        (
            json!(20240301),
            "expected a date as YYYY-MM-DD, found 20240301",
        ),
        (json!(""), "must not be empty"),
        (
            json!("2023-02-29"),
            "\"2023-02-29\" is not a day on the calendar",
        ),
        // 2100 is not a leap year (a century, not divisible by 400).
        (
            json!("2100-02-29"),
            "\"2100-02-29\" is not a day on the calendar",
        ),
        (
            json!("2024-04-31"),
            "\"2024-04-31\" is not a day on the calendar",
        ),
        (
            json!("2024-13-01"),
            "\"2024-13-01\" is not a day on the calendar",
        ),
        (
            json!("2024-00-10"),
            "\"2024-00-10\" is not a day on the calendar",
        ),
        (
            json!("2024-01-00"),
            "\"2024-01-00\" is not a day on the calendar",
        ),
        (
            json!("1066-10-14"),
            "expected a year from 1990 to 2100, found \"1066-10-14\"",
        ),
        (
            json!("2204-01-01"),
            "expected a year from 1990 to 2100, found \"2204-01-01\"",
        ),
    ];
    for (value, message) in cases {
        let mut d = reviewed();
        d["last_reviewed"] = value.clone();
        assert_eq!(
            problems(&d),
            vec![format!("last_reviewed: {message}")],
            "{value}"
        );
    }
    for ok in ["2024-02-29", "2000-02-29", "1990-01-01", "2100-12-31"] {
        let mut d = reviewed();
        d["last_reviewed"] = json!(ok);
        assert_eq!(problems(&d), Vec::<String>::new(), "{ok}");
    }
}

#[test]
fn a_reviewer_needs_a_name_and_a_credential_and_nothing_else() {
    let mut d = reviewed();
    d["reviewed_by"] = json!("Dana Example, PT");
    assert_eq!(
        problems(&d),
        vec!["reviewed_by: expected an object, found \"Dana Example, PT\""]
    );

    let mut d = reviewed();
    d["reviewed_by"] = json!({ "name": " ", "email": "dana@example.invalid" });
    assert_eq!(
        problems(&d),
        vec![
            "reviewed_by.email: unknown field",
            "reviewed_by.name: must not be empty",
            "reviewed_by.credential: this field is required",
        ]
    );

    let mut d = reviewed();
    d["reviewed_by"]["credential"] = json!("x".repeat(2_001));
    d["reviewed_by"]["name"] = json!(7);
    assert_eq!(
        problems(&d),
        vec![
            "reviewed_by.name: expected a string, found 7",
            "reviewed_by.credential: 2001 characters; the limit is 2000",
        ]
    );
}
