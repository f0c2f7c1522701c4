//! Every piece of UI text, with English defaults that a deck's `ui` object
//! may override key by key. Templates use `{name}` placeholders.

macro_rules! ui_text {
    ($($key:ident = $default:expr;)*) => {
        /// Positions in [`UiText::KEYS`], one per key.
        #[allow(non_camel_case_types)]
        enum Key {
            $($key,)*
        }

        const DEFAULTS: &[&str] = &[$($default,)*];

        /// All UI strings, in the order of [`UiText::KEYS`], each read through
        /// the method of its key. (One array rather than a field per string:
        /// building, cloning and dropping it is a loop, not code per string.)
        #[derive(Clone, Debug, PartialEq)]
        pub struct UiText(Vec<String>);

        impl Default for UiText {
            fn default() -> Self {
                Self(DEFAULTS.iter().map(|s| s.to_string()).collect())
            }
        }

        impl UiText {
            /// Every key a deck may override, in declaration order.
            pub const KEYS: &'static [&'static str] = &[$(stringify!($key),)*];

            $(
                pub fn $key(&self) -> &str {
                    &self.0[Key::$key as usize]
                }
            )*

            /// The keys whose text differs from the English default, with
            /// that text (for packing a deck: build.rs).
            pub fn overrides(&self) -> impl Iterator<Item = (&'static str, &str)> {
                Self::KEYS
                    .iter()
                    .zip(DEFAULTS)
                    .zip(&self.0)
                    .filter(|((_, default), text)| **default != text.as_str())
                    .map(|((key, _), text)| (*key, text.as_str()))
            }

            /// Overrides one key; `false` if the key is unknown.
            pub fn set(&mut self, key: &str, value: String) -> bool {
                match Self::KEYS.iter().position(|k| *k == key) {
                    Some(i) => {
                        self.0[i] = value;
                        true
                    }
                    None => false,
                }
            }
        }
    };
}

ui_text! {
    tabs_label = "Views";
    tab_tips = "Tips";
    tab_quiz = "Quiz";
    tip_progress = "Tip {n} of {total}";
    prev = "Previous";
    next = "Next";
    turn = "Turn";
    turn_back = "Turn back";
    filter_label = "Show";
    filter_all = "All";
    filter_do = "Do's";
    filter_dont = "Don'ts";
    badge_do = "Do";
    badge_dont = "Don't";
    deck_hint = "Use the left and right arrow keys to move between tips.";
    pool_label = "To sort";
    pool_empty = "Everything is sorted. Check your answers when you are ready.";
    put_in = "Put {item} in {bin}";
    button_safe = "Safe";
    button_avoid = "Avoid";
    unplace = "Return";
    unplace_aria = "Return {item} to the items to sort";
    bin_count = "{bin} · {count}";
    bin_empty = "Nothing here yet.";
    sorted_progress = "{n} of {total} sorted";
    check = "Check answers";
    check_blocked = "Sort every item first: {left} left.";
    try_again = "Try again";
    start_over = "Start over";
    score = "{score} of {total}";
    band_all = "Perfect score. You sorted every one as the article does.";
    band_most = "Well done. Look over the ones you missed below.";
    band_some = "Worth a second look: read why below, then try again.";
    last_best = "Last score: {last}. Best: {best}.";
    correct = "Right";
    wrong = "Wrong";
    belongs_in = "Belongs in: {bin}";
    instead = "Instead: {item}";
    see_tip = "See the tip";
    print_sheet = "Print or save as PDF";
    sheet_mistakes = "Worth a second look";
    print_failed = "The sheet could not be prepared. Check your connection and try again.";
    announce_selected = "{item} selected. Choose a bin.";
    announce_placed = "{item} placed in {bin}. {n} of {total} sorted.";
    announce_moved = "{item} moved to {bin}. {n} of {total} sorted.";
    announce_unplaced = "{item} returned to the items to sort. {n} of {total} sorted.";
    announce_checked = "You scored {score} of {total}.";
    announce_reset = "Quiz cleared. {total} items to sort.";
    announce_undone = "Took back the answer for {item}. {n} of {total} sorted.";
    undo = "Undo";
    stack_progress = "{n} of {total}";
    stack_hint = "Swipe the card right for {safe} or left for {avoid}, or press the right or left arrow key.";
    show_right = "Show the {count} you got right";
    source_label = "Source:";
    review_by = "Reviewed by {name}, {credential}.";
    review_date = "Last reviewed on {date}.";
    loading = "Loading…";
    error_title = "This deck could not be shown";
    error_unreachable = "The deck at {url} could not be loaded: {reason}.";
    error_invalid = "Problems found in this deck: {count}";
    retry = "Retry";
}

/// Fills `{name}` placeholders. Unknown placeholders are left as they are, so
/// a deck author's typo shows up on screen instead of vanishing.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(start) = rest.find('{') {
        out.push_str(&rest[..start]);
        let after = &rest[start + 1..];
        match after.find('}') {
            Some(end) => {
                let name = &after[..end];
                match values.iter().find(|(k, _)| *k == name) {
                    Some((_, v)) => out.push_str(v),
                    None => {
                        out.push('{');
                        out.push_str(name);
                        out.push('}');
                    }
                }
                rest = &after[end + 1..];
            }
            None => {
                out.push_str(&rest[start..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fill_replaces_known_and_keeps_unknown_placeholders() {
        assert_eq!(
            fill(
                "{item} placed in {bin}. {x}",
                &[("item", "Walking"), ("bin", "Safe")]
            ),
            "Walking placed in Safe. {x}"
        );
        assert_eq!(fill("no close {brace", &[]), "no close {brace");
    }

    #[test]
    fn set_overrides_known_keys_only() {
        let mut t = UiText::default();
        assert!(t.set("next", "Siguiente".into()));
        assert_eq!(t.next(), "Siguiente");
        assert!(!t.set("nope", "x".into()));
        let mut keys = UiText::KEYS.to_vec();
        keys.sort_unstable();
        keys.dedup();
        assert_eq!(keys.len(), UiText::KEYS.len(), "keys are unique");
    }
}
