//! Whether the widget may remember the reader's place: the `storage`
//! attribute.

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum StorageMode {
    /// The browser's localStorage, keyed by deck.
    #[default]
    Local,
    /// Nothing is read or written.
    None,
}

impl StorageMode {
    /// Reads the `storage` attribute, ignoring ASCII case like
    /// [`View::parse`](crate::view::View::parse): `none` turns storage off,
    /// and anything else (or no attribute) leaves it on.
    pub fn parse(attr: Option<&str>) -> Self {
        match attr {
            Some(v) if v.eq_ignore_ascii_case("none") => StorageMode::None,
            _ => StorageMode::Local,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_none_in_any_case_turns_storage_off() {
        assert_eq!(StorageMode::parse(Some("none")), StorageMode::None);
        assert_eq!(StorageMode::parse(Some("None")), StorageMode::None);
        assert_eq!(StorageMode::parse(Some("local")), StorageMode::Local);
        assert_eq!(StorageMode::parse(Some("off")), StorageMode::Local);
        assert_eq!(StorageMode::parse(None), StorageMode::Local);
    }
}
