//! Reading a method's journal, and the assertions on how often it was
//! called. The messages are built once, in `core/fail.rs`.

use super::Method;
use crate::core::{fail, journal};

/// Reading the journal.
impl<A, R, F: ?Sized> Method<A, R, F> {
    /// Whether the method was called at least once.
    ///
    /// ```
    /// # use autospec::prelude::*;
    /// #[autospec]
    /// trait Bell { fn ring(&self); }
    /// let bell = MockBell::default();
    /// assert!(!bell.ring.called());
    /// bell.ring();
    /// assert!(bell.ring.called());
    /// ```
    pub fn called(&self) -> bool {
        self.call_count() > 0
    }

    /// How many times the method was called.
    ///
    /// ```
    /// # use autospec::prelude::*;
    /// #[autospec]
    /// trait Bell { fn ring(&self); }
    /// let bell = MockBell::default();
    /// bell.ring();
    /// bell.ring();
    /// assert_eq!(bell.ring.call_count(), 2);
    /// ```
    pub fn call_count(&self) -> usize {
        journal::call_count(self)
    }

    /// The arguments of the last call, owned, or `None` if never called.
    ///
    /// ```
    /// # use autospec::prelude::*;
    /// #[autospec]
    /// trait Store { fn put(&self, key: &str, value: u32); }
    /// let store = MockStore::default();
    /// store.put("a", 1);
    /// store.put("b", 2);
    /// assert_eq!(store.put.call_args(), Some(("b".to_string(), 2)));
    /// ```
    pub fn call_args(&self) -> Option<A>
    where
        A: Clone,
    {
        self.state().args.values().last().cloned()
    }

    /// The arguments of every call, oldest first.
    ///
    /// ```
    /// # use autospec::prelude::*;
    /// #[autospec]
    /// trait Store { fn put(&self, key: &str, value: u32); }
    /// let store = MockStore::default();
    /// store.put("a", 1);
    /// store.put("b", 2);
    /// assert_eq!(store.put.call_args_list(), [("a".to_string(), 1), ("b".to_string(), 2)]);
    /// ```
    pub fn call_args_list(&self) -> Vec<A>
    where
        A: Clone,
    {
        self.state().args.values().to_vec()
    }

    /// Forgets the recorded calls of this method; configured answers stay.
    ///
    /// ```
    /// # use autospec::prelude::*;
    /// #[autospec]
    /// trait Bell { fn ring(&self); }
    /// let bell = MockBell::default();
    /// bell.ring();
    /// bell.ring.reset();
    /// bell.ring.assert_not_called();
    /// ```
    pub fn reset(&self) {
        journal::reset(self);
    }

    /// Turns keeping this method's calls on or off; while off, calls are
    /// only counted (`call_count`), for hot loops whose arguments nobody
    /// reads. `Mock::journal_calls` does it for every method of a mock.
    ///
    /// ```
    /// # use autospec::prelude::*;
    /// #[autospec]
    /// trait Sink { fn push(&self, sample: f64); }
    /// let sink = MockSink::default();
    /// sink.push.journal_calls(false);
    /// for i in 0..1_000 {
    ///     sink.push(f64::from(i));
    /// }
    /// assert_eq!(sink.push.call_count(), 1_000);
    /// assert!(sink.push.call_args_list().is_empty());
    /// ```
    pub fn journal_calls(&self, on: bool) {
        self.state().log.journaling = on;
    }

    /// Asserts that the method was called at least once.
    ///
    /// ```should_panic
    /// # use autospec::prelude::*;
    /// #[autospec]
    /// trait Bell { fn ring(&self); }
    /// let bell = MockBell::default();
    /// bell.ring.assert_called(); // panics: "MockBell.ring: expected at least 1 call, got 0."
    /// ```
    #[track_caller]
    pub fn assert_called(&self) {
        if self.call_count() == 0 {
            fail::fail_count(self, "at least 1 call");
        }
    }

    /// Asserts that the method was called exactly once.
    ///
    /// ```
    /// # use autospec::prelude::*;
    /// #[autospec]
    /// trait Bell { fn ring(&self); }
    /// let bell = MockBell::default();
    /// bell.ring();
    /// bell.ring.assert_called_once();
    /// ```
    #[track_caller]
    pub fn assert_called_once(&self) {
        if self.call_count() != 1 {
            fail::fail_count(self, "1 call");
        }
    }

    /// Asserts that the method was never called.
    ///
    /// ```
    /// # use autospec::prelude::*;
    /// #[autospec]
    /// trait Bell { fn ring(&self); }
    /// MockBell::default().ring.assert_not_called();
    /// ```
    #[track_caller]
    pub fn assert_not_called(&self) {
        if self.call_count() != 0 {
            fail::fail_count(self, "0 calls");
        }
    }
}
