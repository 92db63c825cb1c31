//! `Answer`: the future an async method of a mock returns.

use crate::core::shared::AwaitTicket;
use std::fmt;
use std::future::Future;
use std::marker::PhantomData;
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
/// `O` marks what the future shares with its mock (the method's typed
/// state, through the ticket that journals the await), so that the future
/// is `Send` only where that state is: a mock whose journaled arguments are
/// not `Send` returns futures that are not `Send` either.
#[must_use = "a mock's future journals its await only when it is awaited (the call is journaled already)"]
pub struct Answer<R, O = ()> {
    value: Value<R>,
    ticket: Option<AwaitTicket>,
    /// What the ticket shares (see `AwaitTicket`).
    owns: PhantomData<O>,
}

/// A future a `returns_async` closure made.
pub(crate) type Pending<R> = Pin<Box<dyn Future<Output = R> + Send>>;

enum Value<R> {
    Ready(Option<R>),
    /// From `returns_async`: completes when the configured future does.
    Pending(Pending<R>),
}

impl<R, O> Answer<R, O> {
    pub(crate) fn new(value: R, ticket: Option<AwaitTicket>) -> Self {
        Answer {
            value: Value::Ready(Some(value)),
            ticket,
            owns: PhantomData,
        }
    }

    pub(crate) fn pending(future: Pending<R>, ticket: Option<AwaitTicket>) -> Self {
        Answer {
            value: Value::Pending(future),
            ticket,
            owns: PhantomData,
        }
    }
}

impl<R, O> Answer<R, O> {
    /// The same future under the marker `P`. Only for a caller that proved
    /// that the typed state the ticket shares has `P`'s auto traits (see
    /// `send_answer` in `core/method/call.rs`), since `O` is what keeps the
    /// future from crossing threads that state may not cross.
    pub(crate) fn remark<P>(self) -> Answer<R, P> {
        Answer {
            value: self.value,
            ticket: self.ticket,
            owns: PhantomData,
        }
    }
}

// The value is moved out, never pinned in place; a pending future is
// pinned in its own box.
impl<R, O> Unpin for Answer<R, O> {}

impl<R, O> Future for Answer<R, O> {
    type Output = R;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<R> {
        let value = match &mut self.value {
            Value::Ready(value) => value
                .take()
                .expect("a mock's future is polled again after it completed"),
            Value::Pending(future) => match future.as_mut().poll(cx) {
                Poll::Ready(value) => value,
                Poll::Pending => return Poll::Pending,
            },
        };
        if let Some(ticket) = self.ticket.take() {
            ticket.awaited();
        }
        Poll::Ready(value)
    }
}

impl<R, O> fmt::Debug for Answer<R, O> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let ready = matches!(self.value, Value::Ready(Some(_)));
        f.debug_struct("Answer")
            .field("ready", &ready)
            .finish_non_exhaustive()
    }
}
