//! The await journal of async methods (Python's `AsyncMock`): which calls'
//! futures were awaited to completion, and the assertions on them.
//!
//! The core journals the await (`Answer` and its `AwaitTicket`, in the
//! method's `Head`); reading it and its failure messages are here.

// Expected arguments are taken by value, as in `features/matchers/assert.rs`.
#![allow(clippy::needless_pass_by_value)]

use crate::core::call::Call;
use crate::core::fail::fail;
use crate::core::journal::{one, rendered, sequenced, AnyMethod};
use crate::core::method::calls::{Entry, Kept};
use crate::core::method::Method;
use crate::core::report;
use crate::features::matchers::args::{ArgsMatch, Expected};
use crate::features::matchers::assert::{describe_each, has_run, missing_in_any_order};
use crate::features::matchers::messages::{expected_list, expected_text};

/// The await journal.
impl<A, R, F: ?Sized> Method<A, R, F> {
    /// How many of this async method's futures were awaited to completion
    /// (Python's `AsyncMock.await_count`). A call whose future was dropped
    /// unpolled counts as called, not awaited.
    ///
    /// ```
    /// # use autospec::prelude::*;
    /// # fn block_on<F: std::future::Future>(f: F) -> F::Output {
    /// #     let waker = std::task::Waker::noop();
    /// #     let mut cx = std::task::Context::from_waker(&waker);
    /// #     let mut f = std::pin::pin!(f);
    /// #     loop { if let std::task::Poll::Ready(v) = f.as_mut().poll(&mut cx) { return v } }
    /// # }
    /// #[autospec]
    /// trait Fetcher { async fn fetch(&self, url: &str) -> String; }
    /// let fetcher = MockFetcher::default();
    /// let dropped = fetcher.fetch("a");
    /// drop(dropped);
    /// block_on(fetcher.fetch("b"));
    /// assert_eq!(fetcher.fetch.call_count(), 2);
    /// assert_eq!(fetcher.fetch.await_count(), 1);
    /// fetcher.fetch.assert_awaited_once_with(("b",));
    /// ```
    pub fn await_count(&self) -> usize {
        self.shared.head.await_seqs().len()
    }

    /// The arguments of every awaited call, in the order they were awaited.
    ///
    /// ```
    /// # use autospec::prelude::*;
    /// # fn block_on<F: std::future::Future>(f: F) -> F::Output {
    /// #     let waker = std::task::Waker::noop();
    /// #     let mut cx = std::task::Context::from_waker(&waker);
    /// #     let mut f = std::pin::pin!(f);
    /// #     loop { if let std::task::Poll::Ready(v) = f.as_mut().poll(&mut cx) { return v } }
    /// # }
    /// #[autospec]
    /// trait Fetcher { async fn fetch(&self, url: &str) -> u8; }
    /// let fetcher = MockFetcher::default();
    /// let later = fetcher.fetch("a");
    /// block_on(fetcher.fetch("b"));
    /// block_on(later);
    /// assert_eq!(fetcher.fetch.await_args_list(), [("b".to_string(),), ("a".to_string(),)]);
    /// ```
    pub fn await_args_list(&self) -> Vec<A>
    where
        A: Clone,
    {
        let awaited = self.shared.head.await_seqs();
        let state = self.state();
        awaited
            .iter()
            .filter_map(|seq| state.log.seqs.binary_search(seq).ok())
            .filter_map(|index| state.values().get(index).cloned())
            .collect()
    }

    /// Asserts that at least one future of this method was awaited.
    ///
    /// ```
    /// # use autospec::prelude::*;
    /// # fn block_on<F: std::future::Future>(f: F) -> F::Output {
    /// #     let waker = std::task::Waker::noop();
    /// #     let mut cx = std::task::Context::from_waker(&waker);
    /// #     let mut f = std::pin::pin!(f);
    /// #     loop { if let std::task::Poll::Ready(v) = f.as_mut().poll(&mut cx) { return v } }
    /// # }
    /// #[autospec]
    /// trait Fetcher { async fn fetch(&self, url: &str) -> u8; }
    /// let fetcher = MockFetcher::default();
    /// block_on(fetcher.fetch("a"));
    /// fetcher.fetch.assert_awaited();
    /// ```
    #[track_caller]
    pub fn assert_awaited(&self) {
        if self.await_count() == 0 {
            fail_await_count(self, "at least 1 await");
        }
    }

    /// Asserts that exactly one future of this method was awaited.
    ///
    /// ```
    /// # use autospec::prelude::*;
    /// # fn block_on<F: std::future::Future>(f: F) -> F::Output {
    /// #     let waker = std::task::Waker::noop();
    /// #     let mut cx = std::task::Context::from_waker(&waker);
    /// #     let mut f = std::pin::pin!(f);
    /// #     loop { if let std::task::Poll::Ready(v) = f.as_mut().poll(&mut cx) { return v } }
    /// # }
    /// #[autospec]
    /// trait Fetcher { async fn fetch(&self, url: &str) -> u8; }
    /// let fetcher = MockFetcher::default();
    /// block_on(fetcher.fetch("a"));
    /// drop(fetcher.fetch("b"));
    /// fetcher.fetch.assert_awaited_once();
    /// ```
    #[track_caller]
    pub fn assert_awaited_once(&self) {
        if self.await_count() != 1 {
            fail_await_count(self, "1 await");
        }
    }

    /// Asserts that no future of this method was awaited.
    ///
    /// ```
    /// # use autospec::prelude::*;
    /// #[autospec]
    /// trait Fetcher { async fn fetch(&self, url: &str) -> u8; }
    /// let fetcher = MockFetcher::default();
    /// drop(fetcher.fetch("a"));
    /// fetcher.fetch.assert_called();
    /// fetcher.fetch.assert_not_awaited();
    /// ```
    #[track_caller]
    pub fn assert_not_awaited(&self) {
        if self.await_count() != 0 {
            fail_await_count(self, "0 awaits");
        }
    }

    /// Asserts that the last awaited call had these arguments.
    ///
    /// ```
    /// # use autospec::prelude::*;
    /// # fn block_on<F: std::future::Future>(f: F) -> F::Output {
    /// #     let waker = std::task::Waker::noop();
    /// #     let mut cx = std::task::Context::from_waker(&waker);
    /// #     let mut f = std::pin::pin!(f);
    /// #     loop { if let std::task::Poll::Ready(v) = f.as_mut().poll(&mut cx) { return v } }
    /// # }
    /// #[autospec]
    /// trait Fetcher { async fn fetch(&self, url: &str) -> u8; }
    /// let fetcher = MockFetcher::default();
    /// block_on(fetcher.fetch("a"));
    /// fetcher.fetch.assert_awaited_with(("a",));
    /// ```
    #[track_caller]
    pub fn assert_awaited_with<E: ArgsMatch<A>>(&self, expected: E) {
        if !self.awaited_matching(|awaited| {
            awaited.last().is_some_and(|args| expected.__matches(*args))
        }) {
            fail_await(self, "last await", &[expected.__describe()]);
        }
    }

    /// Asserts that exactly one call was awaited, with these arguments.
    ///
    /// ```
    /// # use autospec::prelude::*;
    /// # fn block_on<F: std::future::Future>(f: F) -> F::Output {
    /// #     let waker = std::task::Waker::noop();
    /// #     let mut cx = std::task::Context::from_waker(&waker);
    /// #     let mut f = std::pin::pin!(f);
    /// #     loop { if let std::task::Poll::Ready(v) = f.as_mut().poll(&mut cx) { return v } }
    /// # }
    /// #[autospec]
    /// trait Fetcher { async fn fetch(&self, url: &str) -> u8; }
    /// let fetcher = MockFetcher::default();
    /// block_on(fetcher.fetch("a"));
    /// fetcher.fetch.assert_awaited_once_with(("a",));
    /// ```
    #[track_caller]
    pub fn assert_awaited_once_with<E: ArgsMatch<A>>(&self, expected: E) {
        self.assert_awaited_once();
        self.assert_awaited_with(expected);
    }

    /// Asserts that some awaited call had these arguments.
    ///
    /// ```
    /// # use autospec::prelude::*;
    /// # fn block_on<F: std::future::Future>(f: F) -> F::Output {
    /// #     let waker = std::task::Waker::noop();
    /// #     let mut cx = std::task::Context::from_waker(&waker);
    /// #     let mut f = std::pin::pin!(f);
    /// #     loop { if let std::task::Poll::Ready(v) = f.as_mut().poll(&mut cx) { return v } }
    /// # }
    /// #[autospec]
    /// trait Fetcher { async fn fetch(&self, url: &str) -> u8; }
    /// let fetcher = MockFetcher::default();
    /// block_on(fetcher.fetch("a"));
    /// block_on(fetcher.fetch("b"));
    /// fetcher.fetch.assert_any_await(("a",));
    /// ```
    #[track_caller]
    pub fn assert_any_await<E: ArgsMatch<A>>(&self, expected: E) {
        if !self.awaited_matching(|awaited| awaited.iter().any(|args| expected.__matches(*args))) {
            fail_await(self, "await at any position", &[expected.__describe()]);
        }
    }

    /// Asserts that these calls were awaited consecutively, in this order.
    ///
    /// ```
    /// # use autospec::prelude::*;
    /// # fn block_on<F: std::future::Future>(f: F) -> F::Output {
    /// #     let waker = std::task::Waker::noop();
    /// #     let mut cx = std::task::Context::from_waker(&waker);
    /// #     let mut f = std::pin::pin!(f);
    /// #     loop { if let std::task::Poll::Ready(v) = f.as_mut().poll(&mut cx) { return v } }
    /// # }
    /// #[autospec]
    /// trait Fetcher { async fn fetch(&self, url: &str) -> u8; }
    /// let fetcher = MockFetcher::default();
    /// for url in ["a", "b", "c"] {
    ///     block_on(fetcher.fetch(url));
    /// }
    /// fetcher.fetch.assert_has_awaits([("b",), ("c",)]);
    /// ```
    #[track_caller]
    pub fn assert_has_awaits<E: ArgsMatch<A>>(&self, expected: impl IntoIterator<Item = E>) {
        let expected: Vec<E> = expected.into_iter().collect();
        if !self.awaited_matching(|awaited| has_run(awaited, &expected)) {
            fail_await(self, "awaits in order", &describe_each(&expected));
        }
    }

    /// Asserts that each of these calls was awaited, in any order (Python's
    /// `assert_has_awaits(.., any_order=True)`); each awaited call counts
    /// for at most one expected call.
    ///
    /// ```
    /// # use autospec::prelude::*;
    /// # fn block_on<F: std::future::Future>(f: F) -> F::Output {
    /// #     let waker = std::task::Waker::noop();
    /// #     let mut cx = std::task::Context::from_waker(&waker);
    /// #     let mut f = std::pin::pin!(f);
    /// #     loop { if let std::task::Poll::Ready(v) = f.as_mut().poll(&mut cx) { return v } }
    /// # }
    /// #[autospec]
    /// trait Fetcher { async fn fetch(&self, url: &str) -> u8; }
    /// let fetcher = MockFetcher::default();
    /// let (first, second) = (fetcher.fetch("a"), fetcher.fetch("b"));
    /// block_on(second);
    /// block_on(first);
    /// fetcher.fetch.assert_has_awaits_any_order([("a",), ("b",)]);
    /// ```
    #[track_caller]
    pub fn assert_has_awaits_any_order<E: ArgsMatch<A>>(
        &self,
        expected: impl IntoIterator<Item = E>,
    ) {
        let expected: Vec<E> = expected.into_iter().collect();
        let mut missing = Vec::new();
        self.awaited_matching(|awaited| {
            missing = missing_in_any_order(awaited, &expected);
            missing.is_empty()
        });
        if !missing.is_empty() {
            fail_awaits_any_order(self, &describe_each(&expected), &missing);
        }
    }

    /// Journals a call of a patched async function that runs its original
    /// body (`calls_original()`); the returned mark journals the await when
    /// the body completes.
    #[doc(hidden)]
    pub fn __record_awaiting(&self, args: impl Into<Kept<A>>) -> Awaiting<A, R, F> {
        let seq = self
            .state()
            .record(args.into(), self.shared.head.is_journaling());
        self.shared.head.notify();
        Awaiting::of(self, seq)
    }

    /// Runs `check` on the awaited calls' arguments, in await order.
    fn awaited_matching(&self, check: impl FnOnce(&[Entry<'_, A>]) -> bool) -> bool {
        let awaited = self.shared.head.await_seqs();
        let state = self.state();
        let args: Vec<Entry<'_, A>> = awaited
            .iter()
            .filter_map(|seq| state.log.seqs.binary_search(seq).ok())
            .map(|index| state.entry(index))
            .collect();
        check(&args)
    }
}

/// A call of a patched async function whose original body runs: its
/// await is journaled when the body completes. It holds a handle of the
/// method, so it may cross threads only where the method may.
#[doc(hidden)]
pub struct Awaiting<A, R, F: ?Sized> {
    call: Option<(Method<A, R, F>, u64)>,
}

impl<A, R, F: ?Sized> Awaiting<A, R, F> {
    /// The await of call `seq` of `method`, if it was journaled.
    pub(crate) fn of(method: &Method<A, R, F>, seq: Option<u64>) -> Self {
        Awaiting {
            call: seq.map(|seq| (method.clone(), seq)),
        }
    }

    /// For a call that was not journaled with this method (an
    /// instantiation of a generic function without its own child mock).
    pub fn unjournaled() -> Self {
        Awaiting { call: None }
    }

    /// The body completed: journals the await.
    pub fn __awaited(self) {
        if let Some((method, seq)) = self.call {
            method.shared.head.awaited(seq);
        }
    }
}

/// The awaited calls, rendered, in await order.
fn awaited(method: &dyn AnyMethod) -> Vec<Call> {
    let (head, _) = one(method);
    let mut calls: Vec<(u64, Option<Call>)> = sequenced(method)
        .into_iter()
        .map(|(seq, call)| (seq, Some(call)))
        .collect();
    head.await_seqs()
        .iter()
        .filter_map(|seq| {
            let at = calls.iter().position(|(called, _)| called == seq)?;
            calls[at].1.take()
        })
        .collect()
}

#[track_caller]
fn fail_await_count(method: &dyn AnyMethod, expected: &str) -> ! {
    let (head, _) = one(method);
    let awaited = awaited(method);
    fail(&format!(
        "{}: expected {expected}, got {}.\nAwaited ({}): {}\nCalls: {}",
        head.text(),
        awaited.len(),
        awaited.len(),
        report::list(&awaited),
        report::list(&rendered(method))
    ))
}

#[track_caller]
fn fail_awaits_any_order(method: &dyn AnyMethod, expected: &[Expected], missing: &[usize]) -> ! {
    let (head, _) = one(method);
    let awaited = awaited(method);
    let missing: Vec<String> = missing
        .iter()
        .map(|&i| expected_text(head, &expected[i]))
        .collect();
    fail(&format!(
        "{}: expected awaits not found.\nExpected (any order): {}\n Missing: [{}]\nAwaited ({}): {}",
        head.text(),
        expected_list(head, expected),
        missing.join(", "),
        awaited.len(),
        report::list(&awaited)
    ))
}

#[track_caller]
fn fail_await(method: &dyn AnyMethod, what: &str, expected: &[Expected]) -> ! {
    let (head, _) = one(method);
    let awaited = awaited(method);
    let expected = match expected {
        [one] => expected_text(head, one),
        many => expected_list(head, many),
    };
    fail(&format!(
        "{}: expected {what} not found.\nExpected: {expected}\nAwaited ({}): {}",
        head.text(),
        awaited.len(),
        report::list(&awaited)
    ))
}
