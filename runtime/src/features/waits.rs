//! Waiting for calls made on other threads (Python's `ThreadingMock`):
//! `wait_until_called`, `wait_until_called_times`, `wait_until_any_call_with`.
//!
//! Each call signals the method's `Waits` (`core/head.rs`) after it is
//! journaled, at the cost of one atomic load while nobody waits; the
//! blocking loop is here (`wait_until`, compiled once).

use crate::core::fail::fail;
use crate::core::journal::{self, one, rendered, AnyMethod};
use crate::core::lock::lock;
use crate::core::method::Method;
use crate::core::report;
use crate::features::matchers::args::ArgsMatch;
use crate::features::matchers::messages::expected_text;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

/// What the `wait_until_*` methods take as their timeout: a `Duration`,
/// or `None` for the mock's own ([`Mock::set_wait_timeout`](crate::Mock::set_wait_timeout)).
///
/// ```
/// # use autospec::prelude::*;
/// use std::time::Duration;
/// #[autospec]
/// trait Sink { fn push(&self, sample: u32); }
/// let sink = MockSink::default();
/// sink.push(1);
/// sink.push.wait_until_called(Duration::from_millis(100));
/// sink.push.wait_until_called(None);
/// ```
///
/// ```compile_fail,E0277
/// # use autospec::prelude::*;
/// # #[autospec]
/// # trait Sink { fn push(&self, sample: u32); }
/// # let sink = MockSink::default();
/// // error: a wait's timeout is a `Duration`, or `None` for the mock's own
/// sink.push.wait_until_called(1000);
/// ```
#[diagnostic::on_unimplemented(
    message = "a wait's timeout is a `Duration`, or `None` for the mock's own, not `{Self}`",
    label = "write `Duration::from_millis(..)` or `Duration::from_secs(..)`, or `None`"
)]
pub trait WaitTimeout {
    /// The timeout, `None` for the mock's own.
    #[doc(hidden)]
    fn timeout(self) -> Option<Duration>;
}

impl WaitTimeout for Duration {
    fn timeout(self) -> Option<Duration> {
        Some(self)
    }
}

impl WaitTimeout for Option<Duration> {
    fn timeout(self) -> Option<Duration> {
        self
    }
}

/// Waiting for calls from other threads.
impl<A, R, F: ?Sized> Method<A, R, F> {
    /// The timeout given, else the mock's (see [`Mock::set_wait_timeout`](crate::Mock::set_wait_timeout)).
    fn timeout(&self, timeout: Option<Duration>) -> Duration {
        timeout.unwrap_or_else(|| self.shared.head.wait_timeout())
    }

    /// Blocks until the method has been called at least once, for code
    /// under test running on other threads (Python's `ThreadingMock`).
    /// Waits without spinning; panics after `timeout` with the time waited
    /// and the calls seen. `None` waits for the mock's timeout
    /// ([`Mock::set_wait_timeout`](crate::Mock::set_wait_timeout), five
    /// seconds unless set); there is no wait without a limit.
    ///
    /// ```
    /// # use autospec::prelude::*;
    /// # use std::time::Duration;
    /// #[autospec]
    /// trait Sink { fn push(&self, sample: u32); }
    /// let sink = MockSink::default();
    /// let worker = sink.clone();
    /// std::thread::spawn(move || worker.push(7));
    /// sink.push.wait_until_called(Duration::from_secs(5));
    /// sink.push.assert_called_once_with((7,));
    /// ```
    #[track_caller]
    pub fn wait_until_called(&self, timeout: impl WaitTimeout) {
        self.wait_until_called_times(1, timeout);
    }

    /// Blocks until the method has been called at least `times` times.
    ///
    /// ```
    /// # use autospec::prelude::*;
    /// # use std::time::Duration;
    /// #[autospec]
    /// trait Sink { fn push(&self, sample: u32); }
    /// let sink = MockSink::default();
    /// for i in 0..4 {
    ///     let worker = sink.clone();
    ///     std::thread::spawn(move || worker.push(i));
    /// }
    /// sink.push.wait_until_called_times(4, Duration::from_secs(5));
    /// assert_eq!(sink.push.call_count(), 4);
    /// ```
    #[track_caller]
    pub fn wait_until_called_times(&self, times: usize, timeout: impl WaitTimeout) {
        let timeout = self.timeout(timeout.timeout());
        let what = report::calls(times);
        wait_until(self, timeout, &format!("at least {what}"), &mut || {
            journal::call_count(self) >= times
        });
    }

    /// Blocks until some call had these arguments.
    ///
    /// ```
    /// # use autospec::prelude::*;
    /// # use std::time::Duration;
    /// #[autospec]
    /// trait Sink { fn push(&self, sample: u32); }
    /// let sink = MockSink::default();
    /// let worker = sink.clone();
    /// std::thread::spawn(move || (0..3).for_each(|i| worker.push(i)));
    /// sink.push.wait_until_any_call_with((2,), Duration::from_secs(5));
    /// ```
    #[track_caller]
    pub fn wait_until_any_call_with<E: ArgsMatch<A>>(
        &self,
        expected: E,
        timeout: impl WaitTimeout,
    ) {
        let timeout = self.timeout(timeout.timeout());
        let what = format!(
            "a call {}",
            expected_text(&self.shared.head, &expected.__describe())
        );
        wait_until(self, timeout, &what, &mut || {
            self.state().entries().any(|args| expected.__matches(args))
        });
    }
}

/// One thread waiting for calls: counted while it lives, so that a matcher
/// that panics in `reached` does not leave calls waking nobody forever.
struct Waiting<'a>(&'a AtomicUsize);

impl<'a> Waiting<'a> {
    fn register(waiters: &'a AtomicUsize) -> Self {
        waiters.fetch_add(1, Ordering::SeqCst);
        Waiting(waiters)
    }
}

impl Drop for Waiting<'_> {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::SeqCst);
    }
}

/// Blocks until `reached` holds or `timeout` passes, re-checking after
/// every call of the method; panics with the elapsed time and the calls
/// seen on timeout. `what` says what was awaited (`1 call`).
#[track_caller]
pub(crate) fn wait_until(
    method: &dyn AnyMethod,
    timeout: Duration,
    what: &str,
    reached: &mut dyn FnMut() -> bool,
) {
    let (head, _) = one(method);
    let waits = head.waits();
    let start = Instant::now();
    let outcome = {
        let _waiting = Waiting::register(&waits.waiters);
        loop {
            let seen = *lock(&waits.calls);
            if reached() {
                break true;
            }
            let Some(left) = timeout.checked_sub(start.elapsed()) else {
                break false;
            };
            let calls = lock(&waits.calls);
            if *calls == seen {
                // Spurious wake-ups and timeouts both lead back to the check.
                drop(waits.grown.wait_timeout(calls, left));
            }
        }
    };
    if !outcome {
        let all = rendered(method);
        fail(&format!(
            "{}: expected {what} within {timeout:?}, timed out after {:?}.\n{}",
            head.text(),
            start.elapsed(),
            report::journal(&all)
        ));
    }
}

#[cfg(test)]
mod tests {
    use crate::core::method::Method;
    use crate::core::mock_core::MockCore;
    use crate::features::matchers::args::Args;
    use std::time::Duration;

    type Push = Method<(u32,), (), dyn Fn(u32) + Send + Sync>;

    fn push() -> Push {
        let core = MockCore::new("MockSink");
        Method::__new(
            &core,
            "push",
            "sample",
            |args| vec![format!("{:?}", args.0)],
            || Some(()),
            None,
        )
    }

    #[test]
    fn a_matcher_that_panics_while_waiting_does_not_leave_a_waiter_behind() {
        let push = push();
        push.__call((1,), |_| ());
        let failed = std::panic::catch_unwind(|| {
            push.wait_until_any_call_with(
                Args::new(vec![String::new()], |_: &(u32,), _| {
                    panic!("a matcher that fails")
                }),
                Duration::from_secs(1),
            );
        });
        assert!(failed.is_err());
        let (head, _) = super::one(&push);
        assert_eq!(head.waits().waiters.load(super::Ordering::SeqCst), 0);
    }
}
