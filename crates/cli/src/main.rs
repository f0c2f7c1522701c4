//! Native command line for deck authors and bloggers:
//!   backwise check DECK.json      print every problem with its path (exit 1 on problems)
//!   backwise fallback [DECK.json] print the static no-JavaScript HTML of a deck,
//!                                 ending with its schema.org JSON-LD block
//!   backwise sheet [DECK.json]    print the take-home sheet of a deck as a
//!                                 standalone, printable HTML page
//! Without a path, `fallback` and `sheet` use the built-in deck.

use std::process::ExitCode;

use backwise_core::{BUILTIN_DECK_JSON, fallback::fallback_html, parse_deck, sheet::sheet_page};

const USAGE: &str =
    "usage: backwise check DECK.json | backwise fallback [DECK.json] | backwise sheet [DECK.json]";

/// The deck text at `path`, or the built-in deck's without one.
fn read(path: Option<&String>) -> Result<String, String> {
    match path {
        None => Ok(BUILTIN_DECK_JSON.to_string()),
        Some(p) => std::fs::read_to_string(p).map_err(|e| format!("{p}: cannot read: {e}")),
    }
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (command, path) = match args.as_slice() {
        [c] if c == "fallback" || c == "sheet" => (c.as_str(), None),
        [c, p] if c == "check" || c == "fallback" || c == "sheet" => (c.as_str(), Some(p)),
        _ => {
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    let text = match read(path) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::from(2);
        }
    };
    match (command, parse_deck(&text)) {
        ("check", Ok(deck)) => {
            println!(
                "ok: deck \"{}\" with {} tips and {} quiz items",
                deck.id,
                deck.tips.len(),
                deck.quiz.items.len()
            );
            ExitCode::SUCCESS
        }
        ("sheet", Ok(deck)) => {
            print!("{}", sheet_page(&deck));
            ExitCode::SUCCESS
        }
        (_, Ok(deck)) => {
            print!("{}", fallback_html(&deck));
            ExitCode::SUCCESS
        }
        (_, Err(errors)) => {
            eprint!("{errors}");
            match errors.total() {
                1 => eprintln!("1 problem found"),
                n => eprintln!("{n} problems found"),
            }
            // The widget lists the same problems; where the text is not
            // JSON, a deck author also wants to know where it breaks.
            if let Some(detail) = errors.problems.iter().find_map(|p| p.kind.parser_detail()) {
                eprintln!("note: the JSON parser says: {detail}");
            }
            ExitCode::FAILURE
        }
    }
}
