//! `Head`: who a method is (its mock and its name), the lock of its typed
//! journal, its await journal, and the signal its calls give to threads
//! waiting for them. Not generic: one copy serves every method.

use crate::core::call::Call;
use crate::core::lock::lock;
use crate::core::mock_core::MockCore;
use std::ops::{Deref, DerefMut};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Condvar, Mutex, MutexGuard, TryLockError};
use std::time::Duration;

/// Who a method is, for messages: its mock and its name.
#[doc(hidden)]
pub struct Head {
    core: Arc<MockCore>,
    /// `get`, or `get::<User>` for one instantiation of a generic method.
    name: Box<str>,
    /// The parameters' names, comma-separated (`key,value`), for messages.
    params: &'static str,
    /// Threads waiting for calls (`wait_until_called`), woken by each call.
    waits: Waits,
    /// The sequence numbers of awaited calls, in the order they completed.
    awaits: Mutex<Vec<u64>>,
    /// The thread that holds the typed journal's lock (see [`this_thread`]),
    /// or 0: a thread that finds the lock taken by itself has re-entered
    /// the method from code it runs locked, and panics instead of hanging.
    holder: AtomicUsize,
}

thread_local! {
    /// A byte whose address tells the threads apart while they live.
    static HERE: u8 = const { 0 };
}

/// This thread's identity, for [`Head::lock`]: the address of a
/// thread-local, unique among live threads and never 0.
#[inline]
pub(crate) fn this_thread() -> usize {
    HERE.with(|here| std::ptr::from_ref(here) as usize)
}

/// A method's locked journal: [`Head::lock`] notes the holding thread, and
/// dropping this forgets it before the lock is released.
pub(crate) struct Held<'a, T: ?Sized> {
    guard: MutexGuard<'a, T>,
    holder: &'a AtomicUsize,
}

impl<T: ?Sized> Drop for Held<'_, T> {
    #[inline]
    fn drop(&mut self) {
        self.holder.store(0, Ordering::Relaxed);
    }
}

impl<T: ?Sized> Deref for Held<'_, T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.guard
    }
}

impl<T: ?Sized> DerefMut for Held<'_, T> {
    fn deref_mut(&mut self) -> &mut T {
        &mut self.guard
    }
}

/// What `wait_until_*` blocks on: a count of calls under a mutex, and a
/// condition variable signalled when it grows. The call path only signals
/// (`Head::notify`); the waiting is a feature (`features/waits.rs`).
#[derive(Default)]
pub(crate) struct Waits {
    /// How many threads wait; calls skip the wake-up when none does.
    pub(crate) waiters: AtomicUsize,
    /// How many calls signalled while some thread waited.
    pub(crate) calls: Mutex<u64>,
    pub(crate) grown: Condvar,
}

impl Head {
    pub(crate) fn new(core: &Arc<MockCore>, name: &str, params: &'static str) -> Self {
        Head {
            core: Arc::clone(core),
            name: name.strip_prefix("r#").unwrap_or(name).into(),
            params,
            waits: Waits::default(),
            awaits: Mutex::new(Vec::new()),
            holder: AtomicUsize::new(0),
        }
    }

    /// Locks this method's typed journal. Code that runs while it is held
    /// (`when` rules and their answers, matchers, the `Debug`, `Clone` and
    /// `Drop` of journaled values) must not call the same method: the
    /// second lock would wait forever, so it panics with the cause. The
    /// check costs nothing unless the lock is taken.
    #[inline]
    pub(crate) fn lock<'a, T: ?Sized>(&'a self, journal: &'a Mutex<T>) -> Held<'a, T> {
        let guard = match journal.try_lock() {
            Ok(guard) => guard,
            Err(TryLockError::Poisoned(poisoned)) => poisoned.into_inner(),
            Err(TryLockError::WouldBlock) => {
                if self.holder.load(Ordering::Relaxed) == this_thread() {
                    reentered(self);
                }
                lock(journal)
            }
        };
        // Only this thread stores its own identity, so a thread that reads
        // it back holds the lock.
        self.holder.store(this_thread(), Ordering::Relaxed);
        Held {
            guard,
            holder: &self.holder,
        }
    }

    /// Journals that the future of call `seq` completed.
    pub(crate) fn awaited(&self, seq: u64) {
        lock(&self.awaits).push(seq);
    }

    /// The awaited calls' sequence numbers, in await order.
    pub(crate) fn await_seqs(&self) -> Vec<u64> {
        lock(&self.awaits).clone()
    }

    /// Forgets the awaited calls.
    pub(crate) fn clear_awaits(&self) {
        lock(&self.awaits).clear();
    }

    /// Wakes the threads waiting for calls of this method, if any. Called
    /// after each journaled call; costs one atomic load when none waits.
    #[inline]
    pub(crate) fn notify(&self) {
        // SeqCst pairs with the waiter's increment: a waiter this load
        // misses registered after the call was journaled, and sees it.
        if self.waits.waiters.load(Ordering::SeqCst) > 0 {
            *lock(&self.waits.calls) += 1;
            self.waits.grown.notify_all();
        }
    }

    /// The field that configures the method: `get` for `get::<User>` too.
    pub(crate) fn field(&self) -> &str {
        self.name
            .split_once("::<")
            .map_or(&self.name, |(field, _)| field)
    }

    /// The mock this method belongs to.
    pub(crate) fn mock(&self) -> &MockCore {
        &self.core
    }

    /// What `wait_until_*` blocks on.
    pub(crate) fn waits(&self) -> &Waits {
        &self.waits
    }

    pub(crate) fn is_sealed(&self) -> bool {
        self.core.is_sealed()
    }

    pub(crate) fn wait_timeout(&self) -> Duration {
        self.core.wait_timeout()
    }

    #[inline]
    pub(crate) fn is_journaling(&self) -> bool {
        self.core.is_journaling()
    }

    /// `MockStore.get`, the start of every message.
    pub(crate) fn text(&self) -> String {
        format!("{}.{}", self.core.name(), self.name)
    }

    /// A call of this method with these rendered arguments.
    pub(crate) fn call(&self, args: Vec<String>) -> Call {
        Call::new(self.name.to_string(), args)
    }

    /// The name of parameter `index`, as the signature spells it.
    pub(crate) fn param(&self, index: usize) -> &str {
        self.params
            .split(',')
            .nth(index)
            .filter(|name| !name.is_empty())
            .unwrap_or("_")
    }
}

/// A method called from code that runs while the same method is locked.
#[cold]
fn reentered(head: &Head) -> ! {
    let (mock, field) = (head.core.name(), head.field());
    panic!(
        "{mock}.{field} was called while {mock}.{field} was busy answering or checking a \
         call on this thread: a `when` rule, its answer, a matcher, or the `Debug`, `Clone` \
         or `Drop` of an argument or answer calls `{field}` of the same mock, which would wait \
         for itself forever. Work out the value beforehand; a `.{field}.returns_with(..)` \
         closure runs unlocked and may call the mock's other methods."
    )
}
