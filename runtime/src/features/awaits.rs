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
use crate::core::method::calls::Entry;
use crate::core::method::Method;
use crate::core::report;
use crate::features::matchers::args::{ArgsMatch, Expected};
use crate::features::matchers::assert::{describe_each, has_run};
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
            .filter_map(|index| state.args.values().get(index).cloned())
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

    /// Runs `check` on the awaited calls' arguments, in await order.
    fn awaited_matching(&self, check: impl FnOnce(&[Entry<'_, A>]) -> bool) -> bool {
        let awaited = self.shared.head.await_seqs();
        let state = self.state();
        let args: Vec<Entry<'_, A>> = awaited
            .iter()
            .filter_map(|seq| state.log.seqs.binary_search(seq).ok())
            .map(|index| state.args.get(index))
            .collect();
        check(&args)
    }
}

/// The awaited calls, rendered, in await order.
fn awaited(method: &dyn AnyMethod) -> Vec<Call> {
    let (head, _) = one(method);
    let awaited = head.await_seqs();
    sequenced(method)
        .into_iter()
        .filter(|(seq, _)| awaited.contains(seq))
        .map(|(_, call)| call)
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
