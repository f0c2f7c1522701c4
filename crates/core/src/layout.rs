//! How the quiz is laid out: the board (the pool and both bins at once) or,
//! in a narrow widget, the stack (one item at a time, as a large card).

/// The `layout` attribute.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum LayoutChoice {
    /// By the widget's own width (see [`STACK_BELOW_PX`]).
    #[default]
    Auto,
    Stack,
    Board,
}

/// The layout in use.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Layout {
    Stack,
    #[default]
    Board,
}

/// A widget narrower than this, in CSS pixels, shows the stack under
/// `layout="auto"`: a phone, or a thin column on a laptop. The board's two
/// columns of rows and buttons need about this much.
pub const STACK_BELOW_PX: f64 = 560.0;

impl LayoutChoice {
    /// Reads the `layout` attribute, ignoring ASCII case; anything but
    /// `stack` or `board` (or no attribute) is `auto`.
    pub fn parse(attr: Option<&str>) -> Self {
        match attr {
            Some(v) if v.eq_ignore_ascii_case("stack") => LayoutChoice::Stack,
            Some(v) if v.eq_ignore_ascii_case("board") => LayoutChoice::Board,
            _ => LayoutChoice::Auto,
        }
    }

    /// The layout for a widget `width` CSS pixels wide.
    pub fn resolve(self, width: f64) -> Layout {
        match self {
            LayoutChoice::Stack => Layout::Stack,
            LayoutChoice::Board => Layout::Board,
            LayoutChoice::Auto if width < STACK_BELOW_PX => Layout::Stack,
            LayoutChoice::Auto => Layout::Board,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_attribute_ignores_case_and_defaults_to_auto() {
        assert_eq!(LayoutChoice::parse(Some("STACK")), LayoutChoice::Stack);
        assert_eq!(LayoutChoice::parse(Some("board")), LayoutChoice::Board);
        assert_eq!(LayoutChoice::parse(Some("grid")), LayoutChoice::Auto);
        assert_eq!(LayoutChoice::parse(None), LayoutChoice::Auto);
    }

    #[test]
    fn auto_stacks_below_the_threshold_and_a_choice_wins_at_any_width() {
        assert_eq!(LayoutChoice::Auto.resolve(375.0), Layout::Stack);
        assert_eq!(LayoutChoice::Auto.resolve(559.9), Layout::Stack);
        assert_eq!(LayoutChoice::Auto.resolve(560.0), Layout::Board);
        assert_eq!(LayoutChoice::Stack.resolve(1200.0), Layout::Stack);
        assert_eq!(LayoutChoice::Board.resolve(320.0), Layout::Board);
    }
}
