//! Which of the two tabs a widget shows. The reducers, hooks and components
//! all name it, so it sits below them all (`crate::app::View` re-exports it
//! for the embed glue and the tests).

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum View {
    #[default]
    Tips,
    Quiz,
}

impl View {
    /// Reads the `view` attribute; like HTML's own enumerated attributes,
    /// it ignores ASCII case.
    pub fn parse(attr: Option<&str>) -> Self {
        match attr {
            Some(v) if v.eq_ignore_ascii_case("quiz") => View::Quiz,
            _ => View::Tips,
        }
    }
}
