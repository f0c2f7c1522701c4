//! Turns deck JSON into a [`Deck`], reporting every problem with its JSON path.
//!
//! The text is first read into a neutral [`Json`] tree (by serde on the host,
//! by the browser's `JSON.parse` in the widget); the decoder below walks it by
//! hand, because serde's derive stops at the first error and a deck author
//! needs the whole list at once.

use std::fmt;
use std::ops::RangeInclusive;

use crate::json::{Json, SyntaxError};

use crate::deck::{Bin, BinLabels, Deck, QuizItem, QuizSpec, Reviewer, Source, Tip, TipKind};
use crate::text::UiText;

pub const MAX_DECK_BYTES: usize = 256 * 1024;
pub const MAX_TIPS: usize = 100;
pub const MAX_ITEMS: usize = 100;
pub const MAX_STRING_CHARS: usize = 2_000;
/// Past this many, problems are counted rather than listed.
pub const MAX_LISTED_PROBLEMS: usize = 50;
/// The years a review date may fall in. The core has no clock to compare
/// with today, so the bounds only catch typos such as 0224 or 2204: no
/// deck was reviewed before the web, nor will be in the next century.
pub const REVIEW_YEARS: RangeInclusive<u32> = 1990..=2100;

#[derive(Clone, Debug, PartialEq)]
pub enum ProblemKind {
    TooLarge {
        bytes: usize,
    },
    NotJson {
        at: Option<(usize, usize)>,
        message: String,
    },
    WrongType {
        expected: &'static str,
        found: String,
    },
    Missing,
    UnknownField,
    EmptyString,
    /// A control character (U+0000 to U+001F) other than a tab or a line
    /// break: never meant as text, and U+001F is the packed format's
    /// separator ([`crate::packed`]).
    ControlCharacter,
    TooLong {
        chars: usize,
    },
    TooMany {
        count: usize,
        max: usize,
    },
    BadChoice {
        expected: &'static str,
        found: String,
    },
    BadId {
        found: String,
    },
    BadUrl {
        found: String,
    },
    /// Not a date written as `YYYY-MM-DD`.
    BadDate {
        found: String,
    },
    /// Written as `YYYY-MM-DD`, but no such day exists, as "2023-02-30".
    NoSuchDate {
        found: String,
    },
    /// A real day, in a year outside [`REVIEW_YEARS`].
    DateOutOfRange {
        found: String,
    },
    DuplicateId {
        id: String,
        first: String,
    },
    NoSuchItem {
        id: String,
    },
    NoSuchTip {
        id: String,
    },
    InsteadNotSafe {
        id: String,
    },
    InsteadOnSafeItem,
    EmptyBin {
        bin: &'static str,
    },
    NoTips,
}

/// One thing wrong with a deck, at a JSON path such as `quiz.items[3].answer`.
#[derive(Clone, Debug, PartialEq)]
pub struct DeckProblem {
    pub path: String,
    pub kind: ProblemKind,
}

impl DeckProblem {
    /// The JSON path, or "(deck)" for the document as a whole.
    pub fn path_label(&self) -> &str {
        if self.path.is_empty() {
            "(deck)"
        } else {
            &self.path
        }
    }
}

impl fmt::Display for DeckProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path_label(), self.kind)
    }
}

impl ProblemKind {
    /// For text that is not JSON, what the parser said and where, as the
    /// parser says it (serde_json's words on the host, the browser's in the
    /// widget); `None` for every other problem.
    pub fn parser_detail(&self) -> Option<String> {
        match self {
            ProblemKind::NotJson {
                at: Some((line, column)),
                message,
            } => Some(format!("line {line}, column {column}: {message}")),
            ProblemKind::NotJson { at: None, message } => Some(message.clone()),
            _ => None,
        }
    }
}

/// The problem as a sentence, without its path.
impl fmt::Display for ProblemKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ProblemKind::TooLarge { bytes } => write!(
                f,
                "the deck is {} KB; the limit is {} KB",
                bytes.div_ceil(1024),
                MAX_DECK_BYTES / 1024
            ),
            // The parser's own words differ between serde_json (the CLI) and
            // the browser's JSON.parse (the widget), so the problem is told
            // the same way in both; the CLI adds serde_json's words as a note
            // (`ProblemKind::parser_detail`).
            ProblemKind::NotJson { .. } => f.write_str("not valid JSON"),
            ProblemKind::WrongType { expected, found } => {
                write!(f, "expected {expected}, found {found}")
            }
            ProblemKind::Missing => f.write_str("this field is required"),
            ProblemKind::UnknownField => f.write_str("unknown field"),
            ProblemKind::EmptyString => f.write_str("must not be empty"),
            ProblemKind::ControlCharacter => {
                f.write_str("must not contain control characters other than tabs and line breaks")
            }
            ProblemKind::TooLong { chars } => {
                write!(f, "{chars} characters; the limit is {MAX_STRING_CHARS}")
            }
            ProblemKind::TooMany { count, max } => {
                write!(f, "{count} entries; the limit is {max}")
            }
            ProblemKind::BadChoice { expected, found } => {
                write!(f, "expected {expected}, found {found}")
            }
            ProblemKind::BadId { found } => write!(
                f,
                "{found} is not a valid id (use letters, digits, \"-\" and \"_\")"
            ),
            ProblemKind::BadUrl { found } => {
                write!(f, "expected an http or https URL, found {found}")
            }
            ProblemKind::BadDate { found } => {
                write!(f, "expected a date as YYYY-MM-DD, found {found}")
            }
            ProblemKind::NoSuchDate { found } => {
                write!(f, "{found} is not a day on the calendar")
            }
            ProblemKind::DateOutOfRange { found } => write!(
                f,
                "expected a year from {} to {}, found {found}",
                REVIEW_YEARS.start(),
                REVIEW_YEARS.end()
            ),
            ProblemKind::DuplicateId { id, first } => {
                write!(f, "duplicate id \"{id}\" (first used at {first})")
            }
            ProblemKind::NoSuchItem { id } => write!(f, "no item with id \"{id}\""),
            ProblemKind::NoSuchTip { id } => write!(f, "no tip with id \"{id}\""),
            ProblemKind::InsteadNotSafe { id } => write!(
                f,
                "item \"{id}\" is not a safe item, so it cannot be the alternative"
            ),
            ProblemKind::InsteadOnSafeItem => {
                f.write_str("only an item to avoid can name a safer alternative")
            }
            ProblemKind::EmptyBin { bin } => {
                write!(
                    f,
                    "no item has answer \"{bin}\", so that bin would be empty"
                )
            }
            ProblemKind::NoTips => f.write_str("a deck needs at least one tip"),
        }
    }
}

/// Every problem found in a deck (the first [`MAX_LISTED_PROBLEMS`] of them)
/// and how many more were not listed.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct DeckErrors {
    pub problems: Vec<DeckProblem>,
    pub unlisted: usize,
}

impl DeckErrors {
    pub fn total(&self) -> usize {
        self.problems.len() + self.unlisted
    }

    fn push(&mut self, path: impl Into<String>, kind: ProblemKind) {
        if self.problems.len() < MAX_LISTED_PROBLEMS {
            self.problems.push(DeckProblem {
                path: path.into(),
                kind,
            });
        } else {
            self.unlisted += 1;
        }
    }

    /// One problem with the deck as a whole.
    pub fn single(path: &str, kind: ProblemKind) -> Self {
        let mut errors = Self::default();
        errors.push(path, kind);
        errors
    }
}

impl fmt::Display for DeckErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for p in &self.problems {
            writeln!(f, "{p}")?;
        }
        if self.unlisted > 0 {
            writeln!(f, "… and {} more problems", self.unlisted)?;
        }
        Ok(())
    }
}

/// The verdict on a deck file of `len` bytes, of which `bytes` were read (a
/// reader may stop at the size limit): its size, then UTF-8, then
/// [`parse_deck_with`]. The widget's deck checker reads a fetched deck so.
pub fn check_bytes(
    bytes: &[u8],
    len: usize,
    parse: impl FnOnce(&str) -> Result<Json, SyntaxError>,
) -> Result<Deck, DeckErrors> {
    if len > MAX_DECK_BYTES {
        return Err(DeckErrors::single("", ProblemKind::TooLarge { bytes: len }));
    }
    let text = std::str::from_utf8(bytes).map_err(|_| {
        DeckErrors::single(
            "",
            ProblemKind::NotJson {
                at: None,
                message: "the file is not UTF-8 text".into(),
            },
        )
    })?;
    parse_deck_with(text, parse)
}

/// Checks the size, parses with `parse` and validates. The widget's deck
/// checker passes the browser's JSON parser; the host uses [`parse_deck`].
pub fn parse_deck_with(
    text: &str,
    parse: impl FnOnce(&str) -> Result<Json, SyntaxError>,
) -> Result<Deck, DeckErrors> {
    if text.len() > MAX_DECK_BYTES {
        return Err(DeckErrors::single(
            "",
            ProblemKind::TooLarge { bytes: text.len() },
        ));
    }
    let value = parse(text).map_err(|e| {
        DeckErrors::single(
            "",
            ProblemKind::NotJson {
                at: e.at,
                message: e.message,
            },
        )
    })?;
    decode_deck(&value)
}

/// Parses and validates deck JSON text (host side, with serde).
#[cfg(not(target_arch = "wasm32"))]
pub fn parse_deck(text: &str) -> Result<Deck, DeckErrors> {
    parse_deck_with(text, crate::json::parse)
}

/// Validates an already-parsed JSON value.
pub fn decode_deck(value: &Json) -> Result<Deck, DeckErrors> {
    let mut d = Decoder {
        errors: DeckErrors::default(),
    };
    let deck = d.deck(value);
    match deck {
        Some(deck) if d.errors.total() == 0 => Ok(deck),
        _ => Err(d.errors),
    }
}

fn join(parent: &str, key: &str) -> String {
    if parent.is_empty() {
        key.to_string()
    } else {
        format!("{parent}.{key}")
    }
}

fn is_valid_id(s: &str) -> bool {
    s.chars()
        .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

/// The year, month and day of text shaped `YYYY-MM-DD` (ASCII digits in
/// every place but the two dashes), whether or not that day exists.
fn date_parts(s: &str) -> Option<(u32, u32, u32)> {
    let shaped = s.len() == 10
        && s.bytes().enumerate().all(|(i, b)| {
            if i == 4 || i == 7 {
                b == b'-'
            } else {
                b.is_ascii_digit()
            }
        });
    if !shaped {
        return None;
    }
    Some((
        s[..4].parse().ok()?,
        s[5..7].parse().ok()?,
        s[8..].parse().ok()?,
    ))
}

/// Days in `month` (1 to 12) of `year`, by the Gregorian calendar.
fn days_in_month(year: u32, month: u32) -> u32 {
    match month {
        2 if year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400)) => {
            29
        }
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// The ids read so far, each with the path that first used it.
type SeenIds = Vec<(String, String)>;

struct Decoder {
    errors: DeckErrors,
}

impl Decoder {
    /// Checks that `v` is an object whose keys are all in `allowed`.
    fn object<'v>(&mut self, v: &'v Json, path: &str, allowed: &[&str]) -> Option<&'v Json> {
        let Json::Object(fields) = v else {
            self.errors.push(
                path,
                ProblemKind::WrongType {
                    expected: "an object",
                    found: v.describe(),
                },
            );
            return None;
        };
        for (key, _) in fields {
            if !allowed.contains(&key.as_str()) {
                self.errors.push(join(path, key), ProblemKind::UnknownField);
            }
        }
        Some(v)
    }

    fn string(&mut self, map: &Json, parent: &str, key: &str) -> Option<String> {
        let path = join(parent, key);
        match map.get(key) {
            None => {
                self.errors.push(path, ProblemKind::Missing);
                None
            }
            Some(v) => self.string_value(v, &path),
        }
    }

    fn optional_string(&mut self, map: &Json, parent: &str, key: &str) -> Option<String> {
        match map.get(key) {
            None | Some(Json::Null) => None,
            Some(v) => self.string_value(v, &join(parent, key)),
        }
    }

    fn string_value(&mut self, v: &Json, path: &str) -> Option<String> {
        let Json::String(s) = v else {
            self.errors.push(
                path,
                ProblemKind::WrongType {
                    expected: "a string",
                    found: v.describe(),
                },
            );
            return None;
        };
        let chars = s.chars().count();
        if s.trim().is_empty() {
            self.errors.push(path, ProblemKind::EmptyString);
            None
        } else if chars > MAX_STRING_CHARS {
            self.errors.push(path, ProblemKind::TooLong { chars });
            None
        } else if s
            .chars()
            .any(|c| c < ' ' && !matches!(c, '\t' | '\n' | '\r'))
        {
            self.errors.push(path, ProblemKind::ControlCharacter);
            None
        } else {
            Some(s.clone())
        }
    }

    fn id(&mut self, map: &Json, parent: &str, key: &str) -> Option<String> {
        let id = self.string(map, parent, key)?;
        self.valid_id(id, parent, key)
    }

    fn optional_id(&mut self, map: &Json, parent: &str, key: &str) -> Option<String> {
        let id = self.optional_string(map, parent, key)?;
        self.valid_id(id, parent, key)
    }

    fn valid_id(&mut self, id: String, parent: &str, key: &str) -> Option<String> {
        if is_valid_id(&id) {
            return Some(id);
        }
        let found = Json::String(id).describe();
        self.errors
            .push(join(parent, key), ProblemKind::BadId { found });
        None
    }

    /// The array at `key`, cut to `max` entries (the excess is one problem).
    fn array<'v>(
        &mut self,
        map: &'v Json,
        parent: &str,
        key: &str,
        max: usize,
    ) -> Option<&'v [Json]> {
        let path = join(parent, key);
        match map.get(key) {
            None => {
                self.errors.push(path, ProblemKind::Missing);
                None
            }
            Some(Json::Array(list)) => {
                if list.len() > max {
                    self.errors.push(
                        path,
                        ProblemKind::TooMany {
                            count: list.len(),
                            max,
                        },
                    );
                    Some(&list[..max])
                } else {
                    Some(list)
                }
            }
            Some(v) => {
                self.errors.push(
                    path,
                    ProblemKind::WrongType {
                        expected: "an array",
                        found: v.describe(),
                    },
                );
                None
            }
        }
    }

    fn choice<T: Copy>(
        &mut self,
        map: &Json,
        parent: &str,
        key: &str,
        options: &[(&str, T)],
        expected: &'static str,
    ) -> Option<T> {
        let path = join(parent, key);
        let Some(v) = map.get(key) else {
            self.errors.push(path, ProblemKind::Missing);
            return None;
        };
        let found = v
            .as_str()
            .and_then(|s| options.iter().find(|(name, _)| *name == s));
        match found {
            Some((_, value)) => Some(*value),
            None => {
                self.errors.push(
                    path,
                    ProblemKind::BadChoice {
                        expected,
                        found: v.describe(),
                    },
                );
                None
            }
        }
    }

    fn deck(&mut self, v: &Json) -> Option<Deck> {
        let map = self.object(
            v,
            "",
            &[
                "id",
                "title",
                "lang",
                "source",
                "disclaimer",
                "reviewed_by",
                "last_reviewed",
                "tips",
                "quiz",
                "ui",
            ],
        )?;
        let id = self.id(map, "", "id");
        let title = self.string(map, "", "title");
        let lang = self.string(map, "", "lang");
        let source = match map.get("source") {
            None => {
                self.errors.push("source", ProblemKind::Missing);
                None
            }
            Some(v) => self.source(v),
        };
        let disclaimer = self.string(map, "", "disclaimer");
        // Both optional: `Some(None)` when absent, `None` when invalid.
        let reviewed_by = match map.get("reviewed_by") {
            None | Some(Json::Null) => Some(None),
            Some(v) => self.reviewer(v).map(Some),
        };
        let last_reviewed = match map.get("last_reviewed") {
            None | Some(Json::Null) => Some(None),
            Some(v) => self.date(v, "last_reviewed").map(Some),
        };
        let (tips, tip_ids) = self.tips(map);
        let ui = match map.get("ui") {
            None | Some(Json::Null) => Some(UiText::default()),
            Some(v) => self.ui(v),
        };
        let quiz = match map.get("quiz") {
            None => {
                self.errors.push("quiz", ProblemKind::Missing);
                None
            }
            Some(v) => self.quiz(v, tip_ids.as_deref()),
        };
        Some(Deck {
            id: id?,
            title: title?,
            lang: lang?,
            source: source?,
            disclaimer: disclaimer?,
            reviewed_by: reviewed_by?,
            last_reviewed: last_reviewed?,
            tips: tips?,
            quiz: quiz?,
            ui: ui?,
        })
    }

    fn source(&mut self, v: &Json) -> Option<Source> {
        let map = self.object(v, "source", &["title", "url"])?;
        let title = self.string(map, "source", "title");
        let url = self.optional_string(map, "source", "url");
        if let Some(u) = &url
            && !(u.starts_with("https://") || u.starts_with("http://"))
        {
            self.errors.push(
                "source.url",
                ProblemKind::BadUrl {
                    found: Json::String(u.clone()).describe(),
                },
            );
            return None;
        }
        Some(Source { title: title?, url })
    }

    fn reviewer(&mut self, v: &Json) -> Option<Reviewer> {
        let map = self.object(v, "reviewed_by", &["name", "credential"])?;
        let name = self.string(map, "reviewed_by", "name");
        let credential = self.string(map, "reviewed_by", "credential");
        Some(Reviewer {
            name: name?,
            credential: credential?,
        })
    }

    /// A real calendar day written as `YYYY-MM-DD`, in [`REVIEW_YEARS`].
    fn date(&mut self, v: &Json, path: &str) -> Option<String> {
        if !matches!(v, Json::String(_)) {
            let found = v.describe();
            self.errors.push(path, ProblemKind::BadDate { found });
            return None;
        }
        let text = self.string_value(v, path)?;
        let found = v.describe();
        let problem = match date_parts(&text) {
            None => ProblemKind::BadDate { found },
            Some((year, _, _)) if !REVIEW_YEARS.contains(&year) => {
                ProblemKind::DateOutOfRange { found }
            }
            Some((year, month, day))
                if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) =>
            {
                ProblemKind::NoSuchDate { found }
            }
            Some(_) => return Some(text),
        };
        self.errors.push(path, problem);
        None
    }

    /// The tips, if all of them are valid, and the ids of every tip that has
    /// a valid one, each with the path that first used it (so that the quiz's
    /// references are checked even when some other part of a tip is wrong).
    /// No ids when there is no tips array.
    fn tips(&mut self, map: &Json) -> (Option<Vec<Tip>>, Option<SeenIds>) {
        let Some(list) = self.array(map, "", "tips", MAX_TIPS) else {
            return (None, None);
        };
        if list.is_empty() {
            self.errors.push("tips", ProblemKind::NoTips);
        }
        let mut tips = Vec::with_capacity(list.len());
        let mut seen = SeenIds::new();
        let mut complete = !list.is_empty();
        for (i, v) in list.iter().enumerate() {
            match self.tip(v, &format!("tips[{i}]"), &mut seen) {
                Some(tip) => tips.push(tip),
                None => complete = false,
            }
        }
        (complete.then_some(tips), Some(seen))
    }

    fn unique(&mut self, seen: &mut SeenIds, id: &str, path: &str) {
        let id_path = format!("{path}.id");
        // Decks are small (at most 100 entries), so a list beats a hash map
        // here, and keeps hashing code out of the wasm.
        match seen.iter().find(|(seen_id, _)| seen_id == id) {
            Some((_, first)) => {
                let first = first.clone();
                self.errors.push(
                    id_path,
                    ProblemKind::DuplicateId {
                        id: id.to_string(),
                        first,
                    },
                );
            }
            None => {
                seen.push((id.to_string(), id_path));
            }
        }
    }

    fn tip(&mut self, v: &Json, path: &str, seen: &mut SeenIds) -> Option<Tip> {
        let map = self.object(v, path, &["id", "kind", "headline", "detail"])?;
        let id = self.id(map, path, "id");
        if let Some(id) = &id {
            self.unique(seen, id, path);
        }
        let kind = self.choice(
            map,
            path,
            "kind",
            &[("do", TipKind::Do), ("dont", TipKind::Dont)],
            "\"do\" or \"dont\"",
        );
        let headline = self.string(map, path, "headline");
        let detail = self.string(map, path, "detail");
        Some(Tip {
            id: id?,
            kind: kind?,
            headline: headline?,
            detail: detail?,
        })
    }

    fn quiz(&mut self, v: &Json, tips: Option<&[(String, String)]>) -> Option<QuizSpec> {
        let map = self.object(v, "quiz", &["prompt", "bins", "items"])?;
        let prompt = self.string(map, "quiz", "prompt");
        let bins = match map.get("bins") {
            None => {
                self.errors.push("quiz.bins", ProblemKind::Missing);
                None
            }
            Some(v) => self
                .object(v, "quiz.bins", &["safe", "avoid"])
                .and_then(|bins| {
                    let safe = self.string(bins, "quiz.bins", "safe");
                    let avoid = self.string(bins, "quiz.bins", "avoid");
                    Some(BinLabels {
                        safe: safe?,
                        avoid: avoid?,
                    })
                }),
        };
        let items = self.items(map, tips);
        Some(QuizSpec {
            prompt: prompt?,
            bins: bins?,
            items: items?,
        })
    }

    fn items(&mut self, map: &Json, tips: Option<&[(String, String)]>) -> Option<Vec<QuizItem>> {
        let list = self.array(map, "quiz", "items", MAX_ITEMS)?;
        // First pass: shape and ids, so that references can be checked in any
        // order, and for every item, so that an item with one problem still
        // has its references checked.
        struct Raw {
            index: usize,
            answer: Option<Bin>,
            item: Option<QuizItem>,
            instead: Option<String>,
            tip: Option<String>,
        }
        let mut raws = Vec::with_capacity(list.len());
        let mut seen = SeenIds::new();
        // Every item with a valid id, and its answer if that is valid too: a
        // reference to an item with some other problem is not dangling.
        let mut known: Vec<(String, Option<Bin>)> = Vec::new();
        let mut complete = true;
        for (i, v) in list.iter().enumerate() {
            let path = format!("quiz.items[{i}]");
            let Some(m) = self.object(
                v,
                &path,
                &["id", "label", "answer", "why", "instead", "tip"],
            ) else {
                complete = false;
                continue;
            };
            let id = self.id(m, &path, "id");
            let label = self.string(m, &path, "label");
            let answer = self.choice(
                m,
                &path,
                "answer",
                &[("safe", Bin::Safe), ("avoid", Bin::Avoid)],
                "\"safe\" or \"avoid\"",
            );
            let why = self.string(m, &path, "why");
            let instead = self.optional_id(m, &path, "instead");
            let tip = self.optional_id(m, &path, "tip");
            if let Some(id) = &id {
                self.unique(&mut seen, id, &path);
                known.push((id.clone(), answer));
            }
            let item = match (id, label, answer, why) {
                (Some(id), Some(label), Some(answer), Some(why)) => Some(QuizItem {
                    id,
                    label,
                    answer,
                    why,
                    instead: None,
                    tip: None,
                }),
                _ => None,
            };
            complete &= item.is_some();
            raws.push(Raw {
                index: i,
                answer,
                item,
                instead,
                tip,
            });
        }
        // Second pass: references. (When every item is complete, `known` is
        // in the order of the items, so its positions are item indexes.)
        let answer_of = |id: &str| {
            known
                .iter()
                .position(|(known_id, _)| known_id == id)
                .map(|i| (i, known[i].1))
        };
        let mut resolved = Vec::with_capacity(raws.len());
        for raw in raws {
            let path = format!("quiz.items[{}]", raw.index);
            let mut instead = None;
            if let Some(target) = &raw.instead {
                let problem = match (answer_of(target), raw.answer) {
                    (None, _) => Some(ProblemKind::NoSuchItem { id: target.clone() }),
                    (Some(_), Some(Bin::Safe)) => Some(ProblemKind::InsteadOnSafeItem),
                    (Some((_, Some(Bin::Avoid))), _) => {
                        Some(ProblemKind::InsteadNotSafe { id: target.clone() })
                    }
                    (Some((index, Some(Bin::Safe))), _) => {
                        instead = Some(index);
                        None
                    }
                    // An answer that is itself wrong is reported as such.
                    _ => None,
                };
                if let Some(kind) = problem {
                    self.errors.push(format!("{path}.instead"), kind);
                }
            }
            let mut tip = None;
            if let (Some(target), Some(tips)) = (&raw.tip, tips) {
                tip = tips.iter().position(|(t, _)| t == target);
                if tip.is_none() {
                    self.errors.push(
                        format!("{path}.tip"),
                        ProblemKind::NoSuchTip { id: target.clone() },
                    );
                }
            }
            if let Some(item) = raw.item {
                resolved.push(QuizItem {
                    instead,
                    tip,
                    ..item
                });
            }
        }
        if complete {
            for bin in Bin::ALL {
                if !resolved.iter().any(|item| item.answer == bin) {
                    self.errors
                        .push("quiz.items", ProblemKind::EmptyBin { bin: bin.as_str() });
                }
            }
        }
        complete.then_some(resolved)
    }

    fn ui(&mut self, v: &Json) -> Option<UiText> {
        let map = self.object(v, "ui", UiText::KEYS)?;
        let mut ui = UiText::default();
        let mut complete = true;
        for key in UiText::KEYS {
            if map.get(key).is_some() {
                match self.string(map, "ui", key) {
                    Some(text) => {
                        ui.set(key, text);
                    }
                    None => complete = false,
                }
            }
        }
        complete.then_some(ui)
    }
}
