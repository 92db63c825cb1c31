//! `Drop`: every handle that drops is journaled, and `assert_dropped`
//! checks that the test holds the last one.

use super::child::{no_args, none, NoArgs, Part};
use crate::core::journal::AnyMethod;
use crate::core::mock_core::MockCore;
use std::sync::Arc;

/// `magic(Drop)`: every handle of the mock that drops journals a call of
/// `drop` (a `returns_with` closure runs then), and
/// [`assert_dropped`](MagicDrop::assert_dropped) checks that the handle it is
/// called on is the last one left.
///
/// Mocks are handles, so "dropped" cannot mean the mock is gone: the test
/// needs a handle to assert with. It means that every *other* handle was
/// dropped — the one given to the code under test, and its clones.
///
/// ```
/// use autospec::prelude::*;
///
/// #[autospec(magic(Drop))]
/// trait Connection {}
///
/// struct Pool {
///     conn: Option<Box<MockConnection>>,
/// }
///
/// let conn = MockConnection::default();
/// let mut pool = Pool { conn: Some(Box::new(conn.clone())) };
/// assert_eq!(conn.magic.drop.handles(), 2);
/// pool.conn = None; // the code under test releases its connection
/// conn.magic.drop.assert_dropped();
/// conn.magic.drop.drop.assert_called_once();
/// ```
pub struct MagicDrop {
    /// `Drop::drop`, once for each handle that drops.
    pub drop: NoArgs<()>,
    /// One clone per live handle of the mock.
    handles: Arc<()>,
    name: &'static str,
}

impl Clone for MagicDrop {
    #[inline]
    fn clone(&self) -> Self {
        MagicDrop {
            drop: self.drop.clone(),
            handles: Arc::clone(&self.handles),
            name: self.name,
        }
    }
}

impl Part for MagicDrop {
    #[inline]
    fn __push<'a>(&'a self, methods: &mut Vec<&'a dyn AnyMethod>) {
        methods.push(&self.drop);
    }
}

impl MagicDrop {
    #[doc(hidden)]
    #[inline]
    pub fn __new(core: &Arc<MockCore>) -> Self {
        MagicDrop {
            drop: no_args(core, "magic.drop.drop", none),
            handles: Arc::new(()),
            name: core.name(),
        }
    }

    #[doc(hidden)]
    #[inline]
    #[track_caller]
    pub fn __drop(&self) {
        self.drop.__apply_or(|| ());
    }

    /// How many handles of the mock are alive, this one included.
    ///
    /// ```
    /// use autospec::prelude::*;
    ///
    /// #[autospec(magic(Drop))]
    /// trait Connection {}
    ///
    /// let conn = MockConnection::default();
    /// let other = conn.clone();
    /// assert_eq!(conn.magic.drop.handles(), 2);
    /// drop(other);
    /// assert_eq!(conn.magic.drop.handles(), 1);
    /// ```
    #[inline]
    pub fn handles(&self) -> usize {
        Arc::strong_count(&self.handles)
    }

    /// Asserts that every other handle of the mock was dropped.
    ///
    /// ```should_panic
    /// use autospec::prelude::*;
    ///
    /// #[autospec(magic(Drop))]
    /// trait Connection {}
    ///
    /// let conn = MockConnection::default();
    /// let leaked = conn.clone();
    /// conn.magic.drop.assert_dropped(); // panics: 1 other handle is alive
    /// # drop(leaked);
    /// ```
    #[track_caller]
    #[inline]
    pub fn assert_dropped(&self) {
        let others = self.handles() - 1;
        if others > 0 {
            let alive = if others == 1 {
                "1 other handle is".to_owned()
            } else {
                format!("{others} other handles are")
            };
            panic!(
                "{}: expected every other handle to be dropped, but {alive} still alive ({} dropped so far).",
                self.name,
                self.drop.call_count()
            );
        }
    }
}
