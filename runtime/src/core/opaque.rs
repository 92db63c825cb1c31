//! `Opaque`: the journal entry of an argument that cannot be kept.

use std::fmt;

/// An argument the journal keeps only as text: its `Debug` rendering, or
/// its type name when the type has no `Debug`.
///
/// autospec journals arguments owned. Some cannot be owned: a borrow that
/// outlives nothing (`Request<'a>`), a trait object (`&dyn Write`), a
/// closure, a value of a generic type, or a parameter marked
/// `#[autospec(skip)]`. Those are journaled as an `Opaque`, which compares
/// equal to its text, so assertions still read naturally.
///
/// ```
/// use autospec::prelude::*;
///
/// #[autospec]
/// trait Events {
///     fn on(&self, name: &str, handler: &dyn Fn(u32));
/// }
///
/// let events = MockEvents::default();
/// events.on("tick", &|_| {});
/// let (name, handler) = events.on.call_args().unwrap();
/// assert_eq!(name, "tick");
/// assert_eq!(handler, "dyn Fn(u32)");
/// ```
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Opaque(String);

impl Opaque {
    /// An opaque entry with this text.
    ///
    /// ```
    /// let entry = autospec::Opaque::new("File");
    /// assert_eq!(entry.text(), "File");
    /// ```
    pub fn new(text: impl Into<String>) -> Self {
        Opaque(text.into())
    }

    /// The text: the argument's `Debug` rendering or its type name.
    ///
    /// ```
    /// assert_eq!(autospec::Opaque::new("x").text(), "x");
    /// ```
    pub fn text(&self) -> &str {
        &self.0
    }
}

/// Shows the text as it is, without quotes.
impl fmt::Debug for Opaque {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl PartialEq<str> for Opaque {
    fn eq(&self, other: &str) -> bool {
        self.0 == other
    }
}

impl PartialEq<&str> for Opaque {
    fn eq(&self, other: &&str) -> bool {
        self.0 == *other
    }
}

impl PartialEq<String> for Opaque {
    fn eq(&self, other: &String) -> bool {
        self.0 == *other
    }
}
