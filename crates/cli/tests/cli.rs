//! The native command line, run as a blogger or deck author would:
//! `backwise check DECK.json` (every problem with its path, exit 1 on
//! problems), `backwise fallback [DECK.json]` (static, escaped HTML and
//! the deck's JSON-LD) and `backwise sheet [DECK.json]` (the take-home
//! sheet as a printable page).
#![cfg(not(target_arch = "wasm32"))]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::{Value, json};

const BIN: &str = env!("CARGO_BIN_EXE_backwise");

/// The repository root, where the README runs the command from.
const ROOT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");

fn repo(rel: &str) -> PathBuf {
    Path::new(ROOT).join(rel)
}

fn run(args: &[&str]) -> Output {
    Command::new(BIN)
        .args(args)
        .current_dir(ROOT)
        .output()
        .expect("the backwise binary runs")
}

fn text(out: &Output) -> (String, String) {
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// A fresh temporary folder for this test (no extra crates needed).
fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("backwise-cli-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

fn write_deck(dir: &Path, name: &str, content: &str) -> String {
    let path = dir.join(name);
    std::fs::write(&path, content).expect("write deck");
    path.to_string_lossy().into_owned()
}

fn base() -> Value {
    let text = std::fs::read_to_string(repo("decks/back-pain.json")).expect("built-in deck");
    serde_json::from_str(&text).expect("built-in deck is JSON")
}

/// The fallback's HTML escaping, to find deck strings in its output.
fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
}

const JSON_LD_OPEN: &str = "<script type=\"application/ld+json\">";

/// The fallback split as a page reads it: the visible HTML, and the one
/// JSON-LD block after it, parsed as a reader of structured data would.
fn split_json_ld(html: &str) -> (&str, Value) {
    let lower = html.to_lowercase();
    assert_eq!(
        lower.matches("<script").count(),
        1,
        "one script element in:\n{html}"
    );
    assert_eq!(
        lower.matches("</script").count(),
        1,
        "one end tag in:\n{html}"
    );
    let start = html.find(JSON_LD_OPEN).expect("a JSON-LD block");
    let body = &html[start + JSON_LD_OPEN.len()..];
    let end = body.find("</script>").expect("closed");
    assert_eq!(&body[end..], "</script>\n", "the block ends the output");
    let data = serde_json::from_str(&body[..end]).expect("the JSON-LD is JSON");
    (&html[..start], data)
}

#[test]
fn check_accepts_the_shipped_decks() {
    for (file, id) in [
        ("decks/back-pain.json", "back-pain"),
        ("decks/back-pain.es.json", "back-pain-es"),
    ] {
        let out = run(&["check", file]);
        let (stdout, stderr) = text(&out);
        assert_eq!(
            out.status.code(),
            Some(0),
            "{file}: stdout {stdout} stderr {stderr}"
        );
        assert!(
            stdout.contains(&format!("ok: deck \"{id}\"")),
            "{file}: {stdout}"
        );
    }
}

#[test]
fn check_lists_every_problem_with_its_path_and_exits_1() {
    let mut d = base();
    d["quiz"]["items"][3]["answer"] = json!("maybe");
    d["quiz"]["items"][5]["instead"] = json!("crunch");
    d["tips"][1]["id"] = d["tips"][0]["id"].clone();
    d["colour"] = json!("red");
    d["title"] = json!("");
    let dir = temp_dir("broken");
    let path = write_deck(&dir, "broken.json", &d.to_string());

    let out = run(&["check", &path]);
    let (stdout, stderr) = text(&out);
    let all = format!("{stdout}{stderr}");
    assert_eq!(out.status.code(), Some(1), "exit code 1 on problems: {all}");
    let expected = [
        "quiz.items[3].answer: expected \"safe\" or \"avoid\", found \"maybe\"",
        "quiz.items[5].instead: no item with id \"crunch\"",
        "tips[1].id: duplicate id \"total-body\" (first used at tips[0].id)",
        "colour: unknown field",
        "title: must not be empty",
    ];
    for line in expected {
        assert!(
            all.lines().any(|l| l.trim() == line),
            "missing problem line {line:?} in:\n{all}"
        );
    }
    // The total matches the lines listed (renaming tips[1] also leaves any
    // item that named it dangling, so there may be more than five).
    let listed = all
        .lines()
        .filter(|l| l.contains(": ") && !l.contains("problems found"))
        .count();
    assert!(listed >= expected.len(), "{all}");
    assert!(
        all.contains(&format!("{listed} problems found")),
        "a total of {listed}: {all}"
    );
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn check_rejects_not_json_huge_and_empty_bin_decks() {
    let dir = temp_dir("rejects");
    let mut empty_bin = base();
    for item in empty_bin["quiz"]["items"].as_array_mut().expect("items") {
        item["answer"] = json!("safe");
        item.as_object_mut().expect("item").remove("instead");
    }
    let huge = format!("{{\"padding\": \"{}\"}}", "x".repeat(5 * 1024 * 1024));
    let cases = [
        (
            "not-json.json",
            "<!doctype html><p>not a deck".to_string(),
            "(deck): not valid JSON\n1 problem found\nnote: the JSON parser says: line 1, column 1",
        ),
        ("huge.json", huge, "the limit is 256 KB"),
        (
            "empty-bin.json",
            empty_bin.to_string(),
            "quiz.items: no item has answer \"avoid\", so that bin would be empty",
        ),
        (
            "array.json",
            "[1, 2]".to_string(),
            "(deck): expected an object, found an array",
        ),
    ];
    for (name, content, expected) in cases {
        let path = write_deck(&dir, name, &content);
        let out = run(&["check", &path]);
        let (stdout, stderr) = text(&out);
        assert_eq!(out.status.code(), Some(1), "{name}: {stdout}{stderr}");
        assert!(
            format!("{stdout}{stderr}").contains(expected),
            "{name}: expected {expected:?} in {stdout}{stderr}"
        );
    }
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn usage_and_unreadable_files_are_errors_not_panics() {
    for args in [
        &[][..],
        &["check"][..],
        &["nope"][..],
        &["check", "/definitely/not/here.json"][..],
    ] {
        let out = run(args);
        let (stdout, stderr) = text(&out);
        assert!(
            !out.status.success(),
            "{args:?} must fail: {stdout}{stderr}"
        );
        assert!(!stderr.contains("panicked"), "{args:?} panicked: {stderr}");
        assert!(!stderr.trim().is_empty(), "{args:?} says why");
    }
}

#[test]
fn fallback_of_the_builtin_deck_has_the_escaped_title_and_every_tip_and_answer() {
    let out = run(&["fallback"]);
    let (html, stderr) = text(&out);
    assert!(out.status.success(), "{stderr}");
    let d = base();
    let title = d["title"].as_str().expect("title");
    assert!(
        title.contains('\''),
        "the title has an apostrophe to escape"
    );
    assert!(
        html.contains(&format!("<h2>{}</h2>", escape(title))),
        "escaped title in:\n{html}"
    );
    for tip in d["tips"].as_array().expect("tips") {
        let headline = escape(tip["headline"].as_str().expect("headline"));
        assert!(
            html.contains(&headline),
            "tip headline {headline:?} missing"
        );
    }
    for item in d["quiz"]["items"].as_array().expect("items") {
        let label = escape(item["label"].as_str().expect("label"));
        assert!(html.contains(&label), "quiz item {label:?} missing");
    }
    assert!(html.contains(&escape(d["disclaimer"].as_str().expect("disclaimer"))));
    assert!(html.contains("<strong>Do: Build a total-body fitness plan</strong>"));
    // A headline that already says its kind gets no second badge word.
    assert!(
        html.contains("<strong>Don&#39;t lift weights that are too heavy for you</strong>"),
        "{html}"
    );
    assert!(
        !html.contains("Don&#39;t: Don&#39;t"),
        "a doubled badge word in:\n{html}"
    );
    // Its structured data: the quiz, named and in its language, based on
    // the article. The built-in deck names no reviewer, so none is claimed.
    let (_, data) = split_json_ld(&html);
    assert_eq!(data["@type"], "Quiz");
    assert_eq!(data["name"], title);
    assert_eq!(data["inLanguage"], d["lang"]);
    assert_eq!(data["isBasedOn"]["name"], d["source"]["title"]);
    assert_eq!(data.get("reviewedBy"), None);
    assert_eq!(data.get("lastReviewed"), None);
    assert!(!html.contains("Reviewed by"), "no review note");

    // Same output when the deck file is named explicitly.
    let named = run(&["fallback", "decks/back-pain.json"]);
    assert_eq!(String::from_utf8_lossy(&named.stdout), html);
}

#[test]
fn fallback_escapes_script_and_markup_in_deck_strings() {
    let src = repo("e2e/fixtures/decks/xss.json");
    let out = run(&["fallback", src.to_str().expect("utf-8 path")]);
    let (all, stderr) = text(&out);
    assert!(out.status.success(), "{stderr}");
    // The deck's strings (a title with an <img>, a reviewer named
    // "</script><script>…") stay strings in the JSON-LD, and none of them
    // ends its element early.
    let (html, data) = split_json_ld(&all);
    let deck: Value =
        serde_json::from_str(&std::fs::read_to_string(&src).expect("xss deck")).expect("json");
    assert_eq!(data["name"], deck["title"]);
    assert_eq!(data["reviewedBy"]["name"], deck["reviewed_by"]["name"]);
    assert_eq!(
        data["reviewedBy"]["hasCredential"]["name"],
        deck["reviewed_by"]["credential"]
    );
    assert_eq!(data["isBasedOn"]["url"], deck["source"]["url"]);

    let lower = html.to_lowercase();
    for raw in [
        "<script", "<img", "<svg", "<iframe", "<style", "<b>", "<i ", "<math", "<button",
    ] {
        assert!(!lower.contains(raw), "raw {raw:?} in the fallback:\n{html}");
    }
    assert!(
        html.contains("&lt;img src=x onerror="),
        "the payload is shown as text"
    );
    assert!(
        html.contains("&lt;script&gt;"),
        "the payload is shown as text"
    );
    // Only the fallback's own tags, and no javascript: link.
    let allowed = [
        "div", "h2", "details", "summary", "ol", "ul", "li", "strong", "p", "small", "a", "cite",
    ];
    for tag in html.split('<').skip(1) {
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect();
        assert!(
            allowed.contains(&name.to_ascii_lowercase().as_str()),
            "unexpected tag <{name}> in:\n{html}"
        );
    }
    assert!(!lower.contains("href=\"javascript:"), "no javascript: link");
    // No attribute is broken out of: every quote inside a string is escaped.
    assert!(
        html.contains(
            "href=\"https://example.invalid/?q=&quot;&gt;&lt;script&gt;alert(3)&lt;/script&gt;\""
        ),
        "the source URL stays inside its attribute:\n{html}"
    );
}

#[test]
fn fallback_of_an_invalid_deck_prints_problems_and_no_html() {
    let mut d = base();
    d["source"]["url"] = json!("javascript:alert(1)");
    let dir = temp_dir("fallback-invalid");
    let path = write_deck(&dir, "bad.json", &d.to_string());
    let out = run(&["fallback", &path]);
    let (stdout, stderr) = text(&out);
    assert_eq!(out.status.code(), Some(1));
    assert!(stdout.trim().is_empty(), "no HTML on stdout: {stdout}");
    assert!(
        stderr.contains("source.url: expected an http or https URL, found \"javascript:alert(1)\""),
        "{stderr}"
    );
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn fallback_of_a_reviewed_deck_names_the_reviewer_and_the_date() {
    let out = run(&["fallback", "e2e/fixtures/decks/reviewed.json"]);
    let (html, stderr) = text(&out);
    assert!(out.status.success(), "{stderr}");
    assert!(
        html.contains(
            "<p><small>Reviewed by Dana Example, Physical therapist, DPT. \
             Last reviewed on 2024-02-29.</small></p>"
        ),
        "{html}"
    );
    let (_, data) = split_json_ld(&html);
    assert_eq!(data["reviewedBy"]["@type"], "Person");
    assert_eq!(data["reviewedBy"]["name"], "Dana Example");
    assert_eq!(
        data["reviewedBy"]["hasCredential"]["name"],
        "Physical therapist, DPT"
    );
    assert_eq!(data["lastReviewed"], "2024-02-29");
}

#[test]
fn fallback_of_the_spanish_deck_is_spanish() {
    let out = run(&["fallback", "decks/back-pain.es.json"]);
    let (html, stderr) = text(&out);
    assert!(out.status.success(), "{stderr}");
    assert!(html.contains("lang=\"es\""), "{html}");
    assert_eq!(split_json_ld(&html).1["inLanguage"], "es");
    let text = std::fs::read_to_string(repo("decks/back-pain.es.json")).expect("es deck");
    let es: Value = serde_json::from_str(&text).expect("json");
    let headline = escape(es["tips"][0]["headline"].as_str().expect("headline"));
    assert!(html.contains(&headline), "{headline} in {html}");
}

#[test]
fn sheet_of_the_builtin_deck_is_a_standalone_printable_page() {
    let out = run(&["sheet"]);
    let (page, stderr) = text(&out);
    assert!(out.status.success(), "{stderr}");
    let d = base();
    let title = escape(d["title"].as_str().expect("title"));
    assert!(
        page.starts_with("<!doctype html>\n<html lang=\"en\">"),
        "{page}"
    );
    assert!(page.contains(&format!("<title>{title}</title>")), "{page}");
    assert!(page.contains(&format!("<h1>{title}</h1>")), "{page}");
    // The style sheet is in the page: it needs no other file.
    assert_eq!(page.matches("<style>").count(), 1, "{page}");
    assert!(page.contains("@page"), "the print style is in the page");
    assert!(
        !page.contains("<link") && !page.contains("<script"),
        "{page}"
    );
    for tip in d["tips"].as_array().expect("tips") {
        for field in ["headline", "detail"] {
            let s = escape(tip[field].as_str().expect("tip text"));
            assert!(page.contains(&s), "{s:?} missing");
        }
    }
    assert!(page.contains(&escape(d["disclaimer"].as_str().expect("disclaimer"))));
    assert!(page.contains(&format!(
        "Source: {}",
        escape(d["source"]["title"].as_str().expect("source"))
    )));
    // The reader's mistakes are the widget's to list, not a static page's.
    assert!(!page.contains("Worth a second look"), "{page}");
    let named = run(&["sheet", "decks/back-pain.json"]);
    assert_eq!(String::from_utf8_lossy(&named.stdout), page);
}

#[test]
fn sheet_of_the_spanish_deck_is_spanish() {
    let out = run(&["sheet", "decks/back-pain.es.json"]);
    let (page, stderr) = text(&out);
    assert!(out.status.success(), "{stderr}");
    assert!(page.contains("<html lang=\"es\">"), "{page}");
    assert!(page.contains("<h2>Qué hacer</h2>"), "{page}");
    assert!(page.contains("Fuente: "), "{page}");
}

#[test]
fn sheet_escapes_hostile_deck_strings() {
    let out = run(&["sheet", "e2e/fixtures/decks/xss.json"]);
    let (page, stderr) = text(&out);
    assert!(out.status.success(), "{stderr}");
    let lower = page.to_lowercase();
    for raw in [
        "<script", "<img", "<svg", "<iframe", "<b>", "<math", "<button", "<a ",
    ] {
        assert!(!lower.contains(raw), "raw {raw:?} in the sheet:\n{page}");
    }
    assert!(page.contains("&lt;img src=x onerror="), "shown as text");
    // The URL is text on paper, escaped like any other.
    assert!(
        page.contains("https://example.invalid/?q=&quot;&gt;&lt;script&gt;alert(3)&lt;/script&gt;"),
        "{page}"
    );
}

#[test]
fn sheet_of_an_invalid_deck_prints_problems_and_no_html() {
    let mut d = base();
    d["tips"] = json!([]);
    let dir = temp_dir("sheet-invalid");
    let path = write_deck(&dir, "bad.json", &d.to_string());
    let out = run(&["sheet", &path]);
    let (stdout, stderr) = text(&out);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stdout.trim().is_empty(), "no HTML on stdout: {stdout}");
    assert!(stderr.contains("tips"), "{stderr}");
    let _ = std::fs::remove_dir_all(dir);
}
