//! Two small owners that the thread-safety of a mock rests on.
//!
//! A mock is `Send + Sync` whenever its journaled argument types are `Send`,
//! whatever its return type: `Result<T, Box<dyn Error>>` is the commonest
//! return type in real code, and it is not `Send`. So the answers a method
//! keeps (one-shot, standing and rule values, lent values, returned values
//! journaled for the snapshot) are held in [`Sent`], which can only be made
//! from a value whose type is `Send`. A method whose return type is not
//! `Send` answers through closures (which are `Send + Sync`) and journals
//! what it returned as text.

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
    fn sent_gives_back_what_it_holds() {
        let sent = Sent::new(vec![1, 2]);
        assert_eq!(sent.get(), &[1, 2]);
        assert_eq!(sent.into_inner(), [1, 2]);
    }
}
