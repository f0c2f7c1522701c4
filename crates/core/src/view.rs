//! The two views of the widget, which the reader switches between as tabs.

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum View {
    #[default]
    Tips,
    Quiz,
}

impl View {
    pub const ALL: [View; 2] = [View::Tips, View::Quiz];

    /// Reads the `view` attribute. Like HTML's own enumerated attributes, it
    /// ignores ASCII case; anything but `quiz` (or no attribute) is Tips.
    pub fn parse(attr: Option<&str>) -> Self {
        match attr {
            Some(v) if v.eq_ignore_ascii_case(View::Quiz.as_str()) => View::Quiz,
            _ => View::Tips,
        }
    }

    /// The view's name, as the `view` attribute and saved state spell it.
    pub fn as_str(self) -> &'static str {
        match self {
            View::Tips => "tips",
            View::Quiz => "quiz",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_view_attribute_ignores_case_and_defaults_to_tips() {
        assert_eq!(View::parse(Some("quiz")), View::Quiz);
        assert_eq!(View::parse(Some("QuIz")), View::Quiz);
        assert_eq!(View::parse(Some("tips")), View::Tips);
        assert_eq!(View::parse(Some("quizzes")), View::Tips);
        assert_eq!(View::parse(Some("")), View::Tips);
        assert_eq!(View::parse(None), View::Tips);
    }

    #[test]
    fn each_view_reads_back_from_its_name() {
        for view in View::ALL {
            assert_eq!(View::parse(Some(view.as_str())), view);
        }
    }
}
