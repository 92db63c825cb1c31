//! Reading a method's journal, and the assertions on how often it was
//! called. The messages are built once, in `core/fail.rs`.

use super::Method;
use crate::core::{fail, journal, report};
use std::fmt;
use std::ops::{Range, RangeFrom, RangeInclusive, RangeTo, RangeToInclusive};

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
        self.state().values().last().cloned()
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
        self.state().values().to_vec()
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

    /// Asserts how many times the method was called: exactly `n`, or a
    /// range (`2..=3`, `1..`, `..=4`), as mockall's `times(..)` says it up
    /// front. The failure message names the mock, the method, both counts
    /// and the calls.
    ///
    /// ```
    /// # use autospec::prelude::*;
    /// #[autospec]
    /// trait Bell { fn ring(&self, times: u8); }
    /// let bell = MockBell::default();
    /// bell.ring(1);
    /// bell.ring(2);
    /// bell.ring.assert_called_times(2);
    /// bell.ring.assert_called_times(1..=3);
    /// bell.ring.assert_called_times(2..);
    /// let failed = std::panic::catch_unwind(|| bell.ring.assert_called_times(3));
    /// assert!(failed.is_err()); // "MockBell.ring: expected 3 calls, got 2. .."
    /// ```
    #[track_caller]
    pub fn assert_called_times(&self, times: impl Into<Times>) {
        let times = times.into();
        if !times.contains(self.call_count()) {
            fail::fail_count(self, &times.to_string());
        }
    }
}

/// How many calls [`Method::assert_called_times`] expects: a number, or a
/// range of numbers (`2..=3`, `1..`, `..=4`, `0..2`).
///
/// ```
/// use autospec::Times;
///
/// assert_eq!(Times::from(2).to_string(), "2 calls");
/// assert_eq!(Times::from(1..=3).to_string(), "1 to 3 calls");
/// assert_eq!(Times::from(2..).to_string(), "at least 2 calls");
/// assert_eq!(Times::from(..=4).to_string(), "at most 4 calls");
/// assert!(Times::from(0..2).contains(1) && !Times::from(0..2).contains(2));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Times {
    /// The fewest calls allowed.
    least: usize,
    /// The most calls allowed, if there is a most.
    most: Option<usize>,
}

impl Times {
    /// Whether `count` calls meet the expectation.
    pub fn contains(self, count: usize) -> bool {
        count >= self.least && self.most.is_none_or(|most| count <= most)
    }
}

impl fmt::Display for Times {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.least, self.most) {
            (least, Some(most)) if least > most => {
                f.write_str("a number of calls in an empty range")
            }
            (least, Some(most)) if least == most => f.write_str(&report::calls(least)),
            (0, Some(most)) => write!(f, "at most {}", report::calls(most)),
            (least, Some(most)) => write!(f, "{least} to {most} calls"),
            (least, None) => write!(f, "at least {}", report::calls(least)),
        }
    }
}

impl From<usize> for Times {
    fn from(n: usize) -> Self {
        Times {
            least: n,
            most: Some(n),
        }
    }
}

impl From<RangeInclusive<usize>> for Times {
    fn from(range: RangeInclusive<usize>) -> Self {
        Times {
            least: *range.start(),
            most: Some(*range.end()),
        }
    }
}

impl From<Range<usize>> for Times {
    /// An empty range (`0..0`, `3..2`) is met by no count.
    fn from(range: Range<usize>) -> Self {
        match range.end.checked_sub(1) {
            Some(most) => Times {
                least: range.start,
                most: Some(most),
            },
            None => Times {
                least: 1,
                most: Some(0),
            },
        }
    }
}

impl From<RangeFrom<usize>> for Times {
    fn from(range: RangeFrom<usize>) -> Self {
        Times {
            least: range.start,
            most: None,
        }
    }
}

impl From<RangeToInclusive<usize>> for Times {
    fn from(range: RangeToInclusive<usize>) -> Self {
        Times {
            least: 0,
            most: Some(range.end),
        }
    }
}

impl From<RangeTo<usize>> for Times {
    fn from(range: RangeTo<usize>) -> Self {
        Times::from(0..range.end)
    }
}
