//! Iteration: `Iterator` and `IntoIterator`, empty unless configured.

use super::child::{magic_trait, no_args, none, NoArgs};
use crate::core::mock_core::MockCore;
use std::sync::Arc;

magic_trait! {
    /// `magic(Iterator<Item = T>)`: iterates over nothing (`next` answers
    /// `None`), or over what `next` is configured with. The mock is a
    /// handle, so iterate over a clone to keep one for the assertions.
    ///
    /// ```
    /// use autospec::prelude::*;
    ///
    /// #[autospec(magic(Iterator<Item = u32>))]
    /// trait Ids {}
    ///
    /// let ids = MockIds::default();
    /// assert_eq!(ids.clone().count(), 0);
    /// ids.magic.iterator.next.returns_each([Some(7), Some(8), None]);
    /// assert_eq!(ids.clone().collect::<Vec<_>>(), [7, 8]);
    /// ```
    MagicIterator<T> {
        /// `Iterator::next`.
        next: NoArgs<Option<T>>,
    }
}

impl<T: Send> MagicIterator<T> {
    #[doc(hidden)]
    pub fn __new(core: &Arc<MockCore>) -> Self {
        MagicIterator {
            next: no_args(core, "magic.iterator.next", none),
        }
    }

    #[doc(hidden)]
    #[track_caller]
    pub fn __next(&self) -> Option<T> {
        self.next.__apply_or(|| None)
    }

    /// Makes the mock yield these items, then `None` for ever after
    /// (Python's `mock.__iter__.return_value = iter([..])`).
    ///
    /// ```
    /// use autospec::prelude::*;
    ///
    /// #[autospec(magic(Iterator<Item = &'static str>))]
    /// trait Words {}
    ///
    /// let words = MockWords::default();
    /// words.magic.iterator.yields(["a", "b"]);
    /// assert_eq!(words.clone().collect::<String>(), "ab");
    /// assert_eq!(words.clone().next(), None);
    /// ```
    pub fn yields(&self, items: impl std::iter::IntoIterator<Item = T>) {
        self.next.returns_each(items.into_iter().map(Some));
        self.next.returns_with(|| None);
    }
}

magic_trait! {
    /// `magic(IntoIterator<Item = T>)`: the mock (and a reference to it) turns
    /// into an empty iterator, or into the configured `Vec<T>`'s items.
    ///
    /// ```
    /// use autospec::prelude::*;
    ///
    /// #[autospec(magic(IntoIterator<Item = String>))]
    /// trait Names {}
    ///
    /// let names = MockNames::default();
    /// assert_eq!((&names).into_iter().count(), 0);
    /// names.magic.into_iterator.into_iter.returns(vec!["ana".into(), "bo".into()]);
    /// let mut seen = Vec::new();
    /// for name in &names {
    ///     seen.push(name);
    /// }
    /// assert_eq!(seen, ["ana", "bo"]);
    /// ```
    MagicIntoIterator<T> {
        /// `IntoIterator::into_iter`: the items.
        into_iter: NoArgs<Vec<T>>,
    }
}

impl<T> MagicIntoIterator<T> {
    #[doc(hidden)]
    pub fn __new(core: &Arc<MockCore>) -> Self {
        MagicIntoIterator {
            into_iter: no_args(core, "magic.into_iterator.into_iter", none),
        }
    }

    #[doc(hidden)]
    #[track_caller]
    pub fn __into_iter(&self) -> std::vec::IntoIter<T> {
        self.into_iter.__apply_or(Vec::new).into_iter()
    }
}
