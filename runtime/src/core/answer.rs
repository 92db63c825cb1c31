//! `Answer`: the future an async method of a mock returns.

use crate::core::shared::AwaitTicket;
use std::fmt;
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};

/// The future returned by an async method of a mock (`async fn`, `-> impl
/// Future`, a boxed future): ready at once with the configured answer, and
/// journaled as awaited when it completes, so that `await_count()` and the
/// `assert_awaited*` assertions tell awaited calls from calls whose future
/// was dropped.
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
/// trait Clock { fn tick(&self) -> impl std::future::Future<Output = u64> + Send; }
/// let clock = MockClock::default();
/// clock.tick.returns(3);
/// assert_eq!(block_on(clock.tick()), 3);
/// clock.tick.assert_awaited_once();
/// ```
///
/// The future shares only the method's untyped part with its mock (to
/// journal the await), so it is `Send` wherever its answer is, whatever
/// the types of the arguments the call journaled.
#[must_use = "a mock's future journals its await only when it is awaited (the call is journaled already)"]
pub struct Answer<R> {
    value: Value<R>,
}

/// A future a `returns_async` closure made.
pub(crate) type Pending<R> = Pin<Box<dyn Future<Output = R> + Send>>;

enum Value<R> {
    /// The answer, and the ticket that journals its await.
    Ready(Option<R>, Option<AwaitTicket>),
    /// From `returns_async`: completes when the configured future does.
    Pending(PendingAnswer<R>),
}

impl<R> Answer<R> {
    pub(crate) fn new(value: R, ticket: Option<AwaitTicket>) -> Self {
        Answer {
            value: Value::Ready(Some(value), ticket),
        }
    }

    pub(crate) fn pending(future: Pending<R>, ticket: Option<AwaitTicket>) -> Self {
        Answer {
            value: Value::Pending(PendingAnswer { future, ticket }),
        }
    }

    /// For the body of an `async fn` (under `#[async_trait]`): the answer
    /// where it is ready, journaled as awaited, else the future of a
    /// `returns_async` answer. Neither holds an `R` across an await, so
    /// the body's future is `Send` even where `R` is not
    /// (`Result<T, Box<dyn Error>>`), as a real body that makes its `R`
    /// at the end is.
    #[doc(hidden)]
    pub fn __into_ready(self) -> Result<R, PendingAnswer<R>> {
        match self.value {
            Value::Ready(mut value, mut ticket) => Ok(awaited(&mut value, &mut ticket)),
            Value::Pending(pending) => Err(pending),
        }
    }
}

/// The ready answer, taken once, with its await journaled.
fn awaited<R>(value: &mut Option<R>, ticket: &mut Option<AwaitTicket>) -> R {
    let value = value
        .take()
        .expect("a mock's future is polled again after it completed");
    if let Some(ticket) = ticket.take() {
        ticket.awaited();
    }
    value
}

/// The rest of an [`Answer`] whose value comes from a `returns_async`
/// future: that future, and the ticket that journals the await.
#[doc(hidden)]
#[must_use = "a mock's future journals its await only when it is awaited (the call is journaled already)"]
pub struct PendingAnswer<R> {
    future: Pending<R>,
    ticket: Option<AwaitTicket>,
}

impl<R> Future for PendingAnswer<R> {
    type Output = R;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<R> {
        let value = std::task::ready!(self.future.as_mut().poll(cx));
        if let Some(ticket) = self.ticket.take() {
            ticket.awaited();
        }
        Poll::Ready(value)
    }
}

impl<R> fmt::Debug for PendingAnswer<R> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("PendingAnswer").finish_non_exhaustive()
    }
}

// The value is moved out, never pinned in place; a pending future is
// pinned in its own box.
impl<R> Unpin for Answer<R> {}

impl<R> Future for Answer<R> {
    type Output = R;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<R> {
        match &mut self.value {
            Value::Ready(value, ticket) => Poll::Ready(awaited(value, ticket)),
            Value::Pending(pending) => Pin::new(pending).poll(cx),
        }
    }
}

impl<R> fmt::Debug for Answer<R> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let ready = matches!(self.value, Value::Ready(Some(_), _));
        f.debug_struct("Answer")
            .field("ready", &ready)
            .finish_non_exhaustive()
    }
}
