//! `Answer`: the future an async method of a mock returns.

use crate::method::AwaitTicket;
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
pub struct Answer<R> {
    value: Option<R>,
    ticket: Option<AwaitTicket>,
}

impl<R> Answer<R> {
    pub(crate) fn new(value: R, ticket: Option<AwaitTicket>) -> Self {
        Answer {
            value: Some(value),
            ticket,
        }
    }
}

// The value is moved out, never pinned in place.
impl<R> Unpin for Answer<R> {}

impl<R> Future for Answer<R> {
    type Output = R;

    fn poll(mut self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<R> {
        let value = self
            .value
            .take()
            .expect("a mock's future is polled again after it completed");
        if let Some(ticket) = self.ticket.take() {
            ticket.awaited();
        }
        Poll::Ready(value)
    }
}

impl<R> fmt::Debug for Answer<R> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Answer")
            .field("ready", &self.value.is_some())
            .finish_non_exhaustive()
    }
}
