//! Spies: a method answered by a real implementation (`wrapping(real)`)
//! or by the trait's own default body (`calls_default()`).
//!
//! Kept apart from the call path: the only cost to a call that configures
//! neither is one branch in `Answers::with`.
//!
//! The real implementation sits in a [`Real`], a lock that an async call
//! holds until its future completes; a future of the real's that is not
//! known to be `Send` (a bare `async fn` of the trait) is kept to its
//! thread by [`OnThread`].

use crate::core::answer::Pending;
use crate::core::answers::ErasedPending;
use crate::core::fail::fail;
use crate::core::head::Head;
use crate::core::journal::ErasedArgs;
use crate::core::lock::lock;
use crate::core::method::call::erase;
use crate::core::method::calls::{Entry, Kept};
use crate::core::method::Method;
use crate::features::awaits::Awaiting;
use std::cell::UnsafeCell;
use std::future::Future;
use std::marker::PhantomData;
use std::mem::ManuallyDrop;
use std::ops::{Deref, DerefMut};
use std::pin::Pin;
use std::sync::{Arc, Condvar, Mutex};
use std::task::{Context, Poll, Waker};
use std::thread::ThreadId;

/// What `MockX::wrapping(real)` needs: a mock of a trait marked
/// `#[autospec(spy)]`.
///
/// No type implements this trait. A mock whose trait lacks the `spy`
/// argument still has a `wrapping` function, bound by this trait, so that
/// calling it is one error that says what to write: the spy constructor is
/// opt-in because type-checking it costs compile time in every build of
/// the mocks. With the argument, `wrapping` forwards unconfigured calls to
/// the real value:
///
/// ```
/// use autospec::prelude::*;
///
/// #[autospec(spy)]
/// trait Store {
///     fn get(&self, key: &str) -> Option<String>;
/// }
///
/// struct Memory;
///
/// impl Store for Memory {
///     fn get(&self, key: &str) -> Option<String> {
///         Some(format!("real {key}"))
///     }
/// }
///
/// let store = MockStore::wrapping(Memory);
/// assert_eq!(store.get("k"), Some("real k".to_owned()));
/// store.get.assert_called_once_with(("k",));
/// ```
#[diagnostic::on_unimplemented(
    message = "`wrapping(real)` exists on mocks of traits marked `#[autospec(spy)]`",
    label = "this mock's trait has no `spy` argument",
    note = "write `#[autospec(spy)]` on the trait; it is opt-in because type-checking the spy constructor costs compile time"
)]
pub trait SpyAttribute {
    /// Never called: no type implements this trait.
    #[doc(hidden)]
    fn __never<M>(self) -> M;
}

/// Spies.
impl<A, R, F: ?Sized> Method<A, R, F> {
    /// Passes this method's calls to the real implementation again, after
    /// it was configured: forgets its standing answer (`returns`,
    /// `returns_with`, `panics`, `calls_default`) and its unused one-shot
    /// answers. `when(..)` rules stay and still answer the calls they match.
    /// Calls stay journaled.
    ///
    /// # Panics
    /// When the method has no real implementation to call: the mock was
    /// not made by `MockStore::wrapping(real)`, or `wrapping` cannot forward
    /// this method (see [what a spy cannot forward](crate::guide::spies#what-a-spy-cannot-forward)).
    ///
    /// ```
    /// use autospec::prelude::*;
    ///
    /// #[autospec(spy)]
    /// trait Store {
    ///     fn get(&self, key: &str) -> Option<String>;
    /// }
    ///
    /// struct Real;
    /// impl Store for Real {
    ///     fn get(&self, key: &str) -> Option<String> {
    ///         Some(format!("real {key}"))
    ///     }
    /// }
    ///
    /// let store = MockStore::wrapping(Real);
    /// store.get.returns(None);
    /// assert_eq!(store.get("a"), None);
    /// store.get.calls_real();
    /// assert_eq!(store.get("b"), Some("real b".into()));
    /// assert_eq!(store.get.call_count(), 2);
    /// ```
    #[track_caller]
    pub fn calls_real(&self) {
        if !self.state().answers.calls_real() {
            no_real(&self.shared.head);
        }
    }

    /// Makes the standing `returns_with` closure the fallback of a spy:
    /// generated `wrapping(real)` sets each method's call to the real
    /// through `returns_with`, whose bound infers the closure's signature.
    #[doc(hidden)]
    pub fn __spy(&self) {
        self.state().answers.spy();
    }

    /// Makes `make` the spy's call to the real implementation of an async
    /// method: `wrapping(real)` gives it, per call, the future that locks
    /// the real, calls it and awaits its answer. Consulted as a spy's
    /// synchronous call is: after every configured answer.
    #[doc(hidden)]
    pub fn __forward_async<Fut>(&self, make: impl Fn(&A) -> Fut + Send + Sync + 'static)
    where
        Fut: Future<Output = R> + Send + 'static,
    {
        let make: ErasedPending<R> = Arc::new(move |args: ErasedArgs<'_>| {
            // SAFETY: only `__call_async` of this method calls it, with the
            // erased arguments of a live call (as for `returns_async`).
            let future = make(unsafe { Entry::<A>::of(args) }.value());
            Box::pin(future) as Pending<R>
        });
        self.state().answers.spy_pending(make);
    }

    /// Makes the trait's default body the standing answer; the field's
    /// `calls_default` calls this.
    #[doc(hidden)]
    pub fn __set_default_body(&self) {
        self.state().answers.calls_default();
    }

    /// [`__default_body`](Self::__default_body) for an async method: when
    /// the default body is to run, the mark that journals its await.
    #[doc(hidden)]
    pub fn __default_body_async(
        &self,
        args: impl Into<Kept<A>>,
    ) -> Result<Kept<A>, Awaiting<A, R, F>> {
        let args = args.into();
        let mut guard = self.state();
        // SAFETY: as in `__default_body`.
        if !unsafe { guard.answers.runs_default(erase(&args)) } {
            return Ok(args);
        }
        let seq = guard.record(args, self.shared.head.is_journaling());
        drop(guard);
        self.shared.head.notify();
        Err(Awaiting::of(self, seq))
    }

    /// For a method with a default body: journals the call and gives
    /// `None` when the default body is to run, else gives the arguments
    /// back for the usual answers.
    #[doc(hidden)]
    pub fn __default_body(&self, args: impl Into<Kept<A>>) -> Option<Kept<A>> {
        let args = args.into();
        let mut guard = self.state();
        // SAFETY: the rules were made by `when` of this method, for this
        // `A`, and `args` lives until the end of this call.
        if !unsafe { guard.answers.runs_default(erase(&args)) } {
            return Some(args);
        }
        guard.record(args, self.shared.head.is_journaling());
        drop(guard);
        self.shared.head.notify();
        None
    }
}

/// The future of an async method with a default body: the mock's answer,
/// or the default body's future (`calls_default()`), whose completion
/// journals the await.
#[doc(hidden)]
pub enum DefaultOr<Answer, Body, A, R, F: ?Sized> {
    /// Answered as any call of the method.
    Answer(Answer),
    /// The default body runs.
    Body(Pin<Box<Body>>, Option<Awaiting<A, R, F>>),
}

impl<Answer, Body, A, R, F: ?Sized> DefaultOr<Answer, Body, A, R, F> {
    /// The default body's future, whose completion journals `awaiting`.
    pub fn body(future: Body, awaiting: Awaiting<A, R, F>) -> Self {
        DefaultOr::Body(Box::pin(future), Some(awaiting))
    }
}

// The body's future is pinned in its own box; nothing else is pinned.
impl<Answer: Unpin, Body, A, R, F: ?Sized> Unpin for DefaultOr<Answer, Body, A, R, F> {}

impl<Answer, Body, A, R, F: ?Sized> Future for DefaultOr<Answer, Body, A, R, F>
where
    Answer: Future<Output = R> + Unpin,
    Body: Future<Output = R>,
{
    type Output = R;

    fn poll(self: Pin<&mut Self>, context: &mut Context<'_>) -> Poll<R> {
        match self.get_mut() {
            DefaultOr::Answer(answer) => Pin::new(answer).poll(context),
            DefaultOr::Body(body, awaiting) => {
                let output = match body.as_mut().poll(context) {
                    Poll::Ready(output) => output,
                    Poll::Pending => return Poll::Pending,
                };
                if let Some(awaiting) = awaiting.take() {
                    awaiting.__awaited();
                }
                Poll::Ready(output)
            }
        }
    }
}

/// The real implementation behind a spy (`MockStore::wrapping(real)`),
/// locked for each forwarded call: a synchronous call holds it until it
/// returns, an async one until its future completes. Unlike a
/// `MutexGuard`, its guard may cross threads with the future that holds
/// it, so the future of a `Send` async method stays `Send`.
#[doc(hidden)]
pub struct Real<T> {
    /// Whether a guard is out, and the tasks waiting for it.
    state: Mutex<Holders>,
    /// Signalled when the guard comes back, for synchronous callers.
    freed: Condvar,
    value: UnsafeCell<T>,
}

#[derive(Default)]
struct Holders {
    locked: bool,
    tasks: Vec<Waker>,
}

// SAFETY: `value` is reached only through a `RealGuard`, and `locked` lets
// out one guard at a time (set and cleared under `state`'s lock), so the
// `T` is used by one thread at a time, as in a `Mutex<T>`: `Real<T>` may be
// sent and shared wherever `Mutex<T>` may, which is where `T: Send`.
unsafe impl<T: Send> Send for Real<T> {}
// SAFETY: as for `Send`.
unsafe impl<T: Send> Sync for Real<T> {}

impl<T> Real<T> {
    /// Holds `value` for a spy.
    pub fn new(value: T) -> Self {
        Real {
            state: Mutex::new(Holders::default()),
            freed: Condvar::new(),
            value: UnsafeCell::new(value),
        }
    }

    /// The real, once no other call holds it; waits for it on this thread.
    pub fn lock(&self) -> RealGuard<'_, T> {
        let mut holders = lock(&self.state);
        while holders.locked {
            holders = self
                .freed
                .wait(holders)
                .unwrap_or_else(std::sync::PoisonError::into_inner);
        }
        holders.locked = true;
        RealGuard {
            real: self,
            unique: PhantomData,
        }
    }

    /// The real, once no other call holds it; a future that waits for it.
    pub fn lock_async(&self) -> impl Future<Output = RealGuard<'_, T>> + '_ {
        std::future::poll_fn(move |context| {
            let mut holders = lock(&self.state);
            if holders.locked {
                holders.tasks.push(context.waker().clone());
                return Poll::Pending;
            }
            holders.locked = true;
            Poll::Ready(RealGuard {
                real: self,
                unique: PhantomData,
            })
        })
    }
}

/// The real implementation while one call holds it.
#[doc(hidden)]
pub struct RealGuard<'a, T> {
    real: &'a Real<T>,
    /// Lends the `T` as a `&mut T` would: `Send` where `T: Send`, `Sync`
    /// where `T: Sync`.
    unique: PhantomData<&'a mut T>,
}

impl<T> Deref for RealGuard<'_, T> {
    type Target = T;
    fn deref(&self) -> &T {
        // SAFETY: this guard is the only one out (see `Real`), and the `T`
        // lives as long as the `Real` it borrows.
        unsafe { &*self.real.value.get() }
    }
}

impl<T> DerefMut for RealGuard<'_, T> {
    fn deref_mut(&mut self) -> &mut T {
        // SAFETY: as for `deref`; `&mut self` makes this borrow unique.
        unsafe { &mut *self.real.value.get() }
    }
}

impl<T> Drop for RealGuard<'_, T> {
    fn drop(&mut self) {
        let tasks = {
            let mut holders = lock(&self.real.state);
            holders.locked = false;
            std::mem::take(&mut holders.tasks)
        };
        self.real.freed.notify_one();
        for task in tasks {
            task.wake();
        }
    }
}

thread_local! {
    /// This thread's id, readable while its other locals are destroyed
    /// (until this one is).
    static THREAD: ThreadId = std::thread::current().id();
}

/// A future of the real implementation that is not known to be `Send`
/// (a bare `async fn` of the trait, whose future the spy cannot name),
/// kept to the thread that made it: polled on another thread it panics,
/// and dropped on another thread it is leaked rather than dropped there.
/// The future of a call runs on the thread that awaits it, so this costs
/// nothing unless a runtime moves a pending task to another thread.
#[doc(hidden)]
pub struct OnThread<F> {
    thread: ThreadId,
    future: ManuallyDrop<Pin<Box<F>>>,
}

// SAFETY: the future is polled (`poll` checks the thread first) and dropped
// (`Drop` checks it too) only on the thread that made it; on any other
// thread it is never touched, so moving the box between threads reaches
// nothing of the future's. Not `Sync`: `&OnThread` gives nothing either.
unsafe impl<F> Send for OnThread<F> {}

impl<F: Future> OnThread<F> {
    /// Keeps `future` to this thread.
    pub fn new(future: F) -> Self {
        OnThread {
            thread: THREAD.with(|thread| *thread),
            future: ManuallyDrop::new(Box::pin(future)),
        }
    }

    fn here(&self) -> bool {
        THREAD
            .try_with(|thread| *thread == self.thread)
            .unwrap_or(false)
    }
}

impl<F: Future> Future for OnThread<F> {
    type Output = F::Output;

    fn poll(mut self: Pin<&mut Self>, context: &mut Context<'_>) -> Poll<F::Output> {
        assert!(
            self.here(),
            "autospec: a spy's call of an `async fn` of the real implementation moved to another \
             thread while it was pending; its future is not known to be `Send`, so it runs on the \
             thread that made it (use a current-thread runtime, or declare the trait's method \
             `-> impl Future<Output = ..> + Send`)"
        );
        self.future.as_mut().poll(context)
    }
}

impl<F> Drop for OnThread<F> {
    fn drop(&mut self) {
        if THREAD
            .try_with(|thread| *thread == self.thread)
            .unwrap_or(false)
        {
            // SAFETY: dropped once, here, on the thread that made it.
            unsafe { ManuallyDrop::drop(&mut self.future) }
        }
    }
}

/// `calls_real()` on a method that has no real implementation to call.
#[track_caller]
fn no_real(head: &Head) -> ! {
    let (mock, field) = (head.mock().name(), head.field());
    if head.mock().is_spy() {
        fail(&format!(
            "{mock}.{field}.calls_real(): `{mock}::wrapping(real)` cannot forward `{field}` \
             (a generic, static or unsafe method, or one whose arguments or answer \
             the mock cannot hand over), so there is no real implementation to call; \
             configure an answer instead."
        ))
    }
    fail(&format!(
        "{mock}.{field}.calls_real(): {mock} has no real implementation to call; \
         make the mock with `{mock}::wrapping(real)` (the trait needs `#[autospec(spy)]`)."
    ))
}

#[cfg(test)]
mod tests {
    use super::{OnThread, Real};
    use std::future::Future;
    use std::pin::pin;
    use std::rc::Rc;
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::sync::Arc;
    use std::task::{Context, Poll, Waker};

    fn poll_once<F: Future>(future: std::pin::Pin<&mut F>) -> Poll<F::Output> {
        future.poll(&mut Context::from_waker(Waker::noop()))
    }

    #[test]
    fn one_guard_at_a_time_and_an_async_waiter_gets_it_next() {
        let real = Arc::new(Real::new(vec![1]));
        let mut held = real.lock();
        held.push(2);
        let mut waiting = pin!(real.lock_async());
        assert!(poll_once(waiting.as_mut()).is_pending(), "the lock is out");
        drop(held);
        let Poll::Ready(mut guard) = poll_once(waiting.as_mut()) else {
            panic!("the guard came back");
        };
        guard.push(3);
        assert_eq!(*guard, [1, 2, 3]);
    }

    #[test]
    fn a_guard_crosses_threads_and_others_wait_for_it() {
        let real = Arc::new(Real::new(0_u32));
        let workers: Vec<_> = (0..4)
            .map(|_| {
                let real = Arc::clone(&real);
                std::thread::spawn(move || {
                    for _ in 0..50 {
                        let mut guard = real.lock();
                        let seen = *guard;
                        std::thread::yield_now();
                        *guard = seen + 1;
                    }
                })
            })
            .collect();
        let guard = real.lock();
        let moved = std::thread::scope(|scope| scope.spawn(move || *guard).join().unwrap());
        assert!(moved <= 200);
        for worker in workers {
            worker.join().unwrap();
        }
        assert_eq!(*real.lock(), 200, "no update was lost");
    }

    /// Not `Send`, and counts its drops.
    struct Counted {
        _not_send: Rc<()>,
        drops: Arc<AtomicUsize>,
    }

    impl Counted {
        fn new(drops: &Arc<AtomicUsize>) -> Self {
            Counted {
                _not_send: Rc::new(()),
                drops: Arc::clone(drops),
            }
        }
    }

    impl Drop for Counted {
        fn drop(&mut self) {
            self.drops.fetch_add(1, Ordering::Relaxed);
        }
    }

    #[test]
    fn a_future_on_its_thread_is_polled_and_dropped_there() {
        let drops = Arc::new(AtomicUsize::new(0));
        let held = Counted::new(&drops);
        let mut here = pin!(OnThread::new(async move {
            let _held = held;
            7
        }));
        assert_eq!(poll_once(here.as_mut()), Poll::Ready(7));
        assert_eq!(drops.load(Ordering::Relaxed), 1);
    }

    #[test]
    fn elsewhere_it_is_neither_polled_nor_dropped() {
        let drops = Arc::new(AtomicUsize::new(0));
        let held = Counted::new(&drops);
        let future = OnThread::new(async move {
            let _held = held;
        });
        let polled = std::thread::spawn(move || {
            let mut future = Box::pin(future);
            let polled = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                poll_once(future.as_mut())
            }));
            drop(future); // leaked, not dropped, on this thread
            polled.is_err()
        })
        .join()
        .unwrap();
        assert!(polled, "polling on another thread panics");
        assert_eq!(
            drops.load(Ordering::Relaxed),
            0,
            "and the future was never touched"
        );
    }
}
