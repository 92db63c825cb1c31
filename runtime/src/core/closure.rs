//! `Closure`: a method's standing `returns_with` closure (or a spy's call
//! to the real implementation), which calls run one at a time.
//!
//! The closure is an `FnMut`, so two calls must not run it at once; and it
//! runs while the method's state is unlocked, so that it may call the mock
//! (its other methods, or this one from another thread). A call takes the
//! closure out of its slot, runs it, and puts it back; a call that finds
//! the slot empty waits until it is back. Two ways that wait could never
//! end are turned into panics that say why: the closure calling its own
//! method on the same thread (it would wait for itself), and a wait longer
//! than the mock's wait timeout (two closures of one mock waiting for each
//! other on two threads, or a closure that waits for another call of its
//! own method). Not generic: the closure is an erased `Box<F>`, and only
//! the caller that knows `F` reads it (`Method::__call_numbered`).

use crate::core::head::{this_thread, Head};
use crate::core::lock::lock;
use crate::core::shared::Erased;
use std::sync::{Condvar, Mutex, PoisonError};
use std::time::Instant;

/// A standing closure, run by one call at a time.
pub(crate) struct Closure {
    slot: Mutex<Slot>,
    /// Signalled when the closure is put back.
    back: Condvar,
}

struct Slot {
    /// The erased `Box<F>`; `None` while a call runs it.
    closure: Option<Erased>,
    /// The thread running it (see [`this_thread`]), or 0.
    runner: usize,
}

impl Closure {
    pub(crate) fn new(closure: Erased) -> Self {
        Closure {
            slot: Mutex::new(Slot {
                closure: Some(closure),
                runner: 0,
            }),
            back: Condvar::new(),
        }
    }

    /// Takes the closure for one call of `head`'s method, waiting while
    /// another thread runs it; it goes back when the returned `Running`
    /// drops, also when the closure panics.
    #[track_caller]
    pub(crate) fn take<'c>(&'c self, head: &Head) -> Running<'c> {
        let me = this_thread();
        // No deadline for a timeout too long to add (some 584 years).
        let deadline = Instant::now().checked_add(head.wait_timeout());
        let mut slot = lock(&self.slot);
        loop {
            if let Some(closure) = slot.closure.take() {
                slot.runner = me;
                return Running {
                    from: self,
                    closure: Some(closure),
                };
            }
            if slot.runner == me {
                drop(slot);
                reentered(head);
            }
            let left = deadline.map(|deadline| deadline.saturating_duration_since(Instant::now()));
            if left.is_some_and(|left| left.is_zero()) {
                drop(slot);
                busy(head);
            }
            slot = match left {
                Some(left) => match self.back.wait_timeout(slot, left) {
                    Ok((slot, _)) => slot,
                    Err(poisoned) => poisoned.into_inner().0,
                },
                None => self.back.wait(slot).unwrap_or_else(PoisonError::into_inner),
            };
        }
    }
}

/// The closure, taken out of its slot by one call.
pub(crate) struct Running<'c> {
    from: &'c Closure,
    closure: Option<Erased>,
}

impl Running<'_> {
    /// The closure, to run.
    ///
    /// # Safety
    /// `T` must be the type the closure was erased from.
    pub(crate) unsafe fn get<T>(&mut self) -> &mut T {
        match &mut self.closure {
            // SAFETY: the caller's contract; `self` owns the erased value
            // until it drops, and lends it for the borrow of `self`.
            Some(closure) => unsafe { closure.get_mut::<T>() },
            None => unreachable!("the closure is only put back on drop"),
        }
    }
}

impl Drop for Running<'_> {
    fn drop(&mut self) {
        let mut slot = lock(&self.from.slot);
        slot.closure = self.closure.take();
        slot.runner = 0;
        drop(slot);
        self.from.back.notify_all();
    }
}

/// The closure called its own method on the thread that runs it.
#[cold]
#[track_caller]
fn reentered(head: &Head) -> ! {
    let (mock, field) = (head.mock().name(), head.field());
    panic!(
        "{mock}.{field} was called from its own `returns_with` closure: the closure may \
         change its state (it is `FnMut`), so calls run it one at a time, and this call \
         would wait for itself forever. Call another method of the mock from the closure, \
         or compute the answer without calling `{field}`."
    )
}

/// Waited for the closure longer than the mock's wait timeout.
#[cold]
#[track_caller]
fn busy(head: &Head) -> ! {
    let (mock, field) = (head.mock().name(), head.field());
    panic!(
        "{mock}.{field}: waited {:?} (the mock's wait timeout) for its `returns_with` closure, \
         which another thread is running: calls run the closure one at a time (it is \
         `FnMut`). Does the closure wait for another call of `{field}`, or for a closure of \
         this mock that waits for it? Raise the limit with `set_wait_timeout` if the closure \
         is only slow.",
        head.wait_timeout()
    )
}
