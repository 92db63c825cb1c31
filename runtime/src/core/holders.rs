//! Three small owners that the thread-safety of a mock rests on.
//!
//! A mock is `Send + Sync` whenever its journaled argument types are `Send`,
//! whatever its return type: `Result<T, Box<dyn Error>>` is the commonest
//! return type in real code, and it is not `Send`. So the answers a method
//! keeps (one-shot, standing and rule values, lent values, returned values
//! journaled for the snapshot) are held in [`Sent`], which can only be made
//! from a value whose type is `Send`. A method whose return type is not
//! `Send` answers through closures (which are `Send + Sync`) and journals
//! what it returned as text; a value it must keep anyway (the value a
//! method returning `&mut T` lends out) is bound to its thread instead
//! ([`ThreadBound`]).

use std::marker::PhantomData;
use std::ptr::NonNull;

/// A value whose type was proven `Send` when it was stored.
///
/// The only constructor, [`Sent::new`], requires `T: Send`, and the marker
/// makes `Sent` invariant in `T`, so no `Sent<U>` can be obtained from a
/// `Sent<T>` by subtyping: every `Sent<T>` that exists holds a `T: Send`.
pub(crate) struct Sent<T> {
    value: T,
    /// Invariance in `T` (see above); `fn` pointers add no auto-trait bound.
    invariant: PhantomData<fn(T) -> T>,
}

// SAFETY: a `Sent<T>` is only ever made by `Sent::new`, whose bound proves
// `T: Send`; sending the `Sent` sends only that `T`. There is deliberately
// no `Sync` impl: a `Sent<T>` is `Sync` only when `T` is (auto trait), and
// the answers that hold it are only reached through their method's mutex,
// for which `Send` is what `Mutex<_>: Sync` needs. Exercised by the
// `Send + Sync` assertions on mocks with `Box<dyn Error>` returns in
// tests/soundness.rs, and by every call that answers with a stored value.
unsafe impl<T> Send for Sent<T> {}

impl<T: Send> Sent<T> {
    /// Holds `value`, whose type is `Send`.
    pub(crate) fn new(value: T) -> Self {
        Sent {
            value,
            invariant: PhantomData,
        }
    }
}

impl<T> Sent<T> {
    /// The value.
    pub(crate) fn get(&self) -> &T {
        &self.value
    }

    /// The value, mutably.
    pub(crate) fn get_mut(&mut self) -> &mut T {
        &mut self.value
    }

    /// The value, taken out.
    pub(crate) fn into_inner(self) -> T {
        self.value
    }
}

/// How a method keeps a value it lends out by reference, or `None` where
/// its type is not `Send` (then the value is leaked; see [`Pinned`]).
pub(crate) type SendFn<T> = fn(T) -> Sent<T>;

/// A value on the heap at an address that never changes while it lives, so
/// that `&T` borrows of it stay valid wherever its owner moves the handle
/// (a `Vec` of them may reallocate). A `Box<T>` would do, but moving a
/// `Box` asserts unique access to its contents, which outstanding borrows
/// contradict; a raw pointer asserts nothing.
pub(crate) struct Pinned<T> {
    ptr: NonNull<T>,
    /// Owns a `T`, for auto traits and drop check, as a `Box<T>` would.
    owns: PhantomData<T>,
}

// SAFETY: a `Pinned<T>` owns its `T` exactly as a `Box<T>` does (one heap
// value, freed once in `drop`), so it may cross threads when `T` may, and
// be shared when `T` may.
unsafe impl<T: Send> Send for Pinned<T> {}
// SAFETY: as for `Send`: `&Pinned<T>` only gives out `&T`.
unsafe impl<T: Sync> Sync for Pinned<T> {}

impl<T> Pinned<T> {
    /// Moves `value` to the heap.
    pub(crate) fn new(value: T) -> Self {
        Pinned {
            ptr: NonNull::from(Box::leak(Box::new(value))),
            owns: PhantomData,
        }
    }

    /// The value, borrowed for as long as the heap allocation lives rather
    /// than as long as this handle: the caller lends it out while `self`
    /// moves.
    ///
    /// # Safety
    /// The returned reference must not outlive the `Pinned` it came from
    /// (its drop frees the value).
    pub(crate) unsafe fn lend<'a>(&self) -> &'a T {
        // SAFETY: `ptr` came from a leaked `Box<T>` that only `drop` frees,
        // and nothing mutates the value, so it is valid and unaliased by
        // `&mut` for as long as `self` lives, which the caller guarantees
        // for `'a`.
        unsafe { self.ptr.as_ref() }
    }
}

impl<T> Drop for Pinned<T> {
    fn drop(&mut self) {
        // SAFETY: `ptr` came from `Box::leak` in `new` and is freed only
        // here, once; no borrow from `get` or `lend` outlives `self`.
        drop(unsafe { Box::from_raw(self.ptr.as_ptr()) });
    }
}

/// A `&'static T` whose `T` was proven `Sync` when it was made, so that a
/// mock may keep it (`returns_static(&CONFIG)`) and hand it to any thread.
#[doc(hidden)]
pub struct StaticRef<T: ?Sized + 'static> {
    value: &'static T,
    /// Invariance in `T`, as for [`Sent`].
    invariant: PhantomData<fn(&T) -> &T>,
}

// SAFETY: a `StaticRef<T>` is only made by `StaticRef::new`, whose bound
// proves `T: Sync`, and holds nothing but a `&'static T`, which is `Send`
// and `Sync` exactly where `T: Sync`. Exercised by tests/lending.rs.
unsafe impl<T: ?Sized> Send for StaticRef<T> {}
// SAFETY: as for `Send`.
unsafe impl<T: ?Sized> Sync for StaticRef<T> {}

impl<T: ?Sized + Sync> StaticRef<T> {
    /// Holds `value`, whose type is `Sync`.
    pub fn new(value: &'static T) -> Self {
        StaticRef {
            value,
            invariant: PhantomData,
        }
    }
}

impl<T: ?Sized> StaticRef<T> {
    /// The reference.
    pub(crate) fn get(&self) -> &'static T {
        self.value
    }
}

/// A value whose type need not be `Send`, bound to the thread that made
/// it: only that thread may reach it or drop it. Elsewhere it cannot be
/// reached ([`get_mut`](Self::get_mut) gives `None`), and dropping it there
/// leaks it. So a mock can keep a non-`Send` value the test gave it (the
/// `Box<dyn Trait>` that `returns(..)` of a method returning `&mut dyn
/// Trait` keeps) and still be `Send + Sync`.
pub(crate) struct ThreadBound<T> {
    /// Never dropped but by the thread in `thread` (see `Drop`).
    value: std::mem::ManuallyDrop<T>,
    thread: std::thread::ThreadId,
}

// SAFETY: a `ThreadBound<T>` only ever reaches its `T` (to lend or show
// it, to take it out or to drop it) on the thread that made it, which
// `get`, `get_mut`, `into_inner` and `drop` check against `thread` (a
// `ThreadId` is never reused in a process); on any other thread the `T` is
// only moved as bytes with its owner, or leaked. That is what `T: Send`
// would otherwise guarantee: no other thread ever uses, shares or drops
// the `T`. Exercised by tests/lending.rs (under Miri).
unsafe impl<T> Send for ThreadBound<T> {}
// SAFETY: `&ThreadBound<T>` reaches the `T` on its own thread only (`get`),
// so a `&T` from it exists on that thread alone; sending that `&T` on to
// another thread needs `T: Sync`, which the type system checks as usual.
unsafe impl<T> Sync for ThreadBound<T> {}

impl<T> ThreadBound<T> {
    /// Binds `value` to this thread.
    pub(crate) fn new(value: T) -> Self {
        ThreadBound {
            value: std::mem::ManuallyDrop::new(value),
            thread: std::thread::current().id(),
        }
    }

    /// The value, taken out on the thread that made it; itself back on any
    /// other.
    pub(crate) fn into_inner(self) -> Result<T, Self> {
        if self.thread != std::thread::current().id() {
            return Err(self);
        }
        let mut this = std::mem::ManuallyDrop::new(self);
        // SAFETY: on the value's own thread; `this` is never dropped, so
        // the value taken here is not dropped again.
        Ok(unsafe { std::mem::ManuallyDrop::take(&mut this.value) })
    }

    /// The value, on the thread that made it; `None` on any other.
    pub(crate) fn get(&self) -> Option<&T> {
        (self.thread == std::thread::current().id()).then(|| &*self.value)
    }

    /// The value, on the thread that made it; `None` on any other.
    pub(crate) fn get_mut(&mut self) -> Option<&mut T> {
        (self.thread == std::thread::current().id()).then(|| &mut *self.value)
    }
}

impl<T> Drop for ThreadBound<T> {
    fn drop(&mut self) {
        if self.thread == std::thread::current().id() {
            // SAFETY: `value` is dropped here only, once, and never used
            // after; on this thread, as `T` requires.
            unsafe { std::mem::ManuallyDrop::drop(&mut self.value) }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::rc::Rc;

    #[test]
    fn pinned_values_keep_their_address_when_the_handle_moves() {
        let mut all = Vec::new();
        all.push(Pinned::new(String::from("first")));
        // SAFETY: `all` (and the pinned value in it) outlives `first`.
        let first: &String = unsafe { all[0].lend() };
        for n in 0..100 {
            all.push(Pinned::new(n.to_string()));
        }
        assert_eq!(first, "first");
        // SAFETY: `all` outlives the borrow.
        assert_eq!(unsafe { all[99].lend() }, "98");
    }

    #[test]
    fn pinned_drops_its_value_once() {
        let counted = Rc::new(());
        let pinned = Pinned::new(Rc::clone(&counted));
        assert_eq!(Rc::strong_count(&counted), 2);
        drop(pinned);
        assert_eq!(Rc::strong_count(&counted), 1);
    }

    #[test]
    fn a_thread_bound_value_is_reached_and_dropped_only_on_its_thread() {
        let counted = Rc::new(());
        let mut here = ThreadBound::new(Rc::clone(&counted));
        assert_eq!(here.get_mut().map(|rc| Rc::strong_count(rc)), Some(2));
        drop(here);
        assert_eq!(Rc::strong_count(&counted), 1);

        let mut away = ThreadBound::new(Rc::clone(&counted));
        let away = std::thread::spawn(move || {
            let reached = away.get_mut().is_some();
            drop(away); // leaked: the `Rc` is never touched off its thread
            reached
        });
        assert!(!away.join().unwrap());
        assert_eq!(Rc::strong_count(&counted), 2);
    }

    #[test]
    fn sent_gives_back_what_it_holds() {
        let sent = Sent::new(vec![1, 2]);
        assert_eq!(sent.get(), &[1, 2]);
        assert_eq!(sent.into_inner(), [1, 2]);
    }
}
