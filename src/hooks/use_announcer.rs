//! A polite live region's text. Its dispatcher (`Announce`) travels in the
//! widget's context, so any part of the widget can announce something.
//!
//! The dispatcher keeps its identity across renders, so an announcement
//! re-renders the live region only: a callback made afresh on each render
//! would change the context, and with it every component that reads it (the
//! shell and every quiz row), after every placement.

use std::rc::Rc;

use yew::prelude::*;

/// The live region's text. A repeated message must still be read out, so
/// every other one gets a trailing no-break space, which makes the text differ.
#[derive(Default, PartialEq)]
pub struct Announcement {
    pub text: AttrValue,
    flip: bool,
}

impl Reducible for Announcement {
    type Action = String;

    fn reduce(self: Rc<Self>, message: String) -> Rc<Self> {
        let flip = !self.flip;
        let text = if flip {
            format!("{message}\u{00a0}")
        } else {
            message
        };
        Rc::new(Announcement {
            text: text.into(),
            flip,
        })
    }
}

/// Announces a message: `announce.dispatch(message)`.
pub type Announce = UseReducerDispatcher<Announcement>;

#[hook]
pub fn use_announcer() -> UseReducerHandle<Announcement> {
    use_reducer(Announcement::default)
}
