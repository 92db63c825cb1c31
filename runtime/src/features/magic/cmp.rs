//! How a mock shows and compares itself: `Display`, `PartialEq` (and
//! `Eq`), `PartialOrd`, `Hash`, by the mock's identity unless configured.

use super::child::{magic_trait, no_args, none, one_arg, MockRef, NoArgs, OneArg};
use crate::core::mock_core::MockCore;
use std::cmp::Ordering;
use std::fmt;
use std::sync::Arc;

magic_trait! {
    /// `magic(Display)`: `to_string()` and `{}` answer with the mock's name
    /// (`MockPoint`), or the configured `String`.
    ///
    /// ```
    /// use autospec::prelude::*;
    ///
    /// #[autospec(magic(Display))]
    /// trait Point {}
    ///
    /// let point = MockPoint::default();
    /// assert_eq!(format!("<{point}>"), "<MockPoint>");
    /// point.magic.display.fmt.returns("(1, 2)".into());
    /// assert_eq!(point.to_string(), "(1, 2)");
    /// assert_eq!(point.magic.display.fmt.call_count(), 2);
    /// ```
    MagicDisplay<> {
        /// `Display::fmt`: the text to show.
        fmt: NoArgs<String>,
    }
}

impl MagicDisplay {
    #[doc(hidden)]
    #[inline]
    pub fn __new(core: &Arc<MockCore>) -> Self {
        MagicDisplay {
            fmt: no_args(core, "magic.display.fmt", none),
        }
    }

    #[doc(hidden)]
    #[inline]
    #[track_caller]
    pub fn __fmt(&self, name: &str, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(&self.fmt.__apply_or(|| name.to_owned()))
    }
}

magic_trait! {
    /// `magic(PartialEq)` (and `Eq`, which adds nothing to configure):
    /// equality by identity, as Python's `MagicMock.__eq__`: two handles of
    /// one mock are equal, two mocks are not; or the configured `bool`. The
    /// other mock is journaled as a [`MockRef`].
    ///
    /// ```
    /// use autospec::prelude::*;
    ///
    /// #[autospec(magic(PartialEq, Eq))]
    /// trait Session {}
    ///
    /// let (a, b) = (MockSession::default(), MockSession::default());
    /// assert!(a == a.clone() && a != b);
    /// a.magic.partial_eq.eq.returns(true);
    /// assert!(a == b);
    /// a.magic.partial_eq.eq.assert_called_with((b.clone(),));
    /// ```
    MagicPartialEq<> {
        /// `PartialEq::eq`, with the other mock.
        eq: OneArg<MockRef, bool>,
    }
}

impl MagicPartialEq {
    #[doc(hidden)]
    #[inline]
    pub fn __new(core: &Arc<MockCore>) -> Self {
        MagicPartialEq {
            eq: one_arg(core, "magic.partial_eq.eq", none),
        }
    }

    #[doc(hidden)]
    #[inline]
    #[track_caller]
    pub fn __eq(&self, this: &MockCore, other: &MockCore) -> bool {
        let identical = this.id() == other.id();
        self.eq.__apply_or(MockRef::new(other), || identical)
    }
}

magic_trait! {
    /// `magic(PartialOrd)`: `partial_cmp` answers `None` (mocks are not
    /// ordered, so `<` and `>` are false), or the configured `Option<Ordering>`.
    ///
    /// ```
    /// use autospec::prelude::*;
    /// use std::cmp::Ordering;
    ///
    /// #[autospec(magic(PartialEq, PartialOrd))]
    /// trait Version {}
    ///
    /// let (a, b) = (MockVersion::default(), MockVersion::default());
    /// assert_eq!(a.partial_cmp(&b), None);
    /// assert!(!(a < b) && !(a > b));
    /// a.magic.partial_ord.partial_cmp.returns(Some(Ordering::Less));
    /// assert!(a < b);
    /// ```
    MagicPartialOrd<> {
        /// `PartialOrd::partial_cmp`, with the other mock.
        partial_cmp: OneArg<MockRef, Option<Ordering>>,
    }
}

impl MagicPartialOrd {
    #[doc(hidden)]
    #[inline]
    pub fn __new(core: &Arc<MockCore>) -> Self {
        MagicPartialOrd {
            partial_cmp: one_arg(core, "magic.partial_ord.partial_cmp", none),
        }
    }

    #[doc(hidden)]
    #[inline]
    #[track_caller]
    pub fn __partial_cmp(&self, other: &MockCore) -> Option<Ordering> {
        self.partial_cmp.__apply_or(MockRef::new(other), || None)
    }
}

magic_trait! {
    /// `magic(Hash)`: hashes the mock's identity (consistent with
    /// `magic(PartialEq)`), or the configured `u64`, which is written to
    /// the hasher. Clippy's `mutable_key_type` warns about a set of mocks,
    /// which mutate inside; their identity, and so their hash, never
    /// changes, so `#[allow(clippy::mutable_key_type)]` there.
    ///
    /// ```
    /// use autospec::prelude::*;
    /// use std::collections::HashSet;
    ///
    /// #[autospec(magic(PartialEq, Eq, Hash))]
    /// trait Key {}
    ///
    /// let key = MockKey::default();
    /// let set: HashSet<MockKey> = [key.clone(), key.clone(), MockKey::default()].into();
    /// assert_eq!(set.len(), 2);
    /// assert!(set.contains(&key));
    /// key.magic.hash.hash.assert_called();
    /// ```
    MagicHash<> {
        /// `Hash::hash`: the value to hash.
        hash: NoArgs<u64>,
    }
}

impl MagicHash {
    #[doc(hidden)]
    #[inline]
    pub fn __new(core: &Arc<MockCore>) -> Self {
        MagicHash {
            hash: no_args(core, "magic.hash.hash", none),
        }
    }

    #[doc(hidden)]
    #[inline]
    #[track_caller]
    pub fn __hash(&self, this: &MockCore) -> u64 {
        self.hash.__apply_or(|| this.id())
    }
}
