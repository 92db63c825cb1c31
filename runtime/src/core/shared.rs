//! What the handles of one method share, without its types: the `Head`
//! and the typed part behind an `Erased`, so that `Arc<Shared>` is one type
//! for all methods; and the `AwaitTicket` through which an async call's
//! future shares the `Head` alone.

use crate::core::head::Head;
use std::ptr::NonNull;
use std::sync::Arc;

/// What clones of a `Method` share: the untyped part, and the typed part
/// behind an `Erased`, so that `Arc<Shared>` is one type for all methods.
pub(crate) struct Shared {
    /// Shared apart, so that a future can hold it without the typed part.
    pub(crate) head: Arc<Head>,
    /// The `Typed<R>` (`core/method/state.rs`) of the `Method<A, R, F>`
    /// that made it.
    pub(crate) typed: Erased,
}

/// An owned `Box<T>` whose `T` only its owner knows; frees it on drop.
///
/// Non-generic, so that the code that owns, shares and frees it (`Arc`'s
/// is large in a debug build) is compiled once, not once per `T`.
pub(crate) struct Erased {
    ptr: NonNull<()>,
    /// `drop_boxed::<T>` for the `T` that `ptr` points to.
    drop: unsafe fn(NonNull<()>),
}

// SAFETY: an `Erased` is only made and read by `Method` (`core/method/`),
// for two things: a method's typed state (`Shared::typed`) and its
// `returns_with` closure (a `Box<F>` in the `Closure` of `Answers::with` or
// `fallback`, `core/closure.rs`). Whoever holds one (directly, or through
// an `Arc<Shared>`) also holds the marker of the erased type, so that the
// holder is `Send` or `Sync` only where the erased value may be sent or
// shared: `Method` (`PhantomData<Owner<A, R, F>>`, the marker of a
// shared handle to the argument tuples `A`, the state and the `Box<F>`
// closures in its `Answers`). Nothing else holds an `Arc<Shared>`: the future
// of an async call holds the untyped `Head` alone (`AwaitTicket`), so
// that dropping it on another thread never drops the typed state. A
// closure is never shared between threads, only sent: a call takes it out
// of its `Closure` and runs it through `&mut` on its own thread, one call
// at a time, which is why `F` needs `Send` and not `Sync`. An `Erased` has
// no other state.
unsafe impl Send for Erased {}
// SAFETY: as for `Send`.
unsafe impl Sync for Erased {}

impl Erased {
    pub(crate) fn new<T>(value: Box<T>) -> Self {
        Erased {
            ptr: NonNull::from(Box::leak(value)).cast(),
            drop: drop_boxed::<T>,
        }
    }

    /// The erased value.
    ///
    /// # Safety
    /// `T` must be the type that `self` was made with.
    pub(crate) unsafe fn get<T>(&self) -> &T {
        // SAFETY: `ptr` came from a `Box<T>` (the caller's contract) that
        // lives until `self` drops, and is only ever read through `&self`.
        unsafe { self.ptr.cast::<T>().as_ref() }
    }

    /// The erased value, mutably.
    ///
    /// # Safety
    /// `T` must be the type that `self` was made with.
    pub(crate) unsafe fn get_mut<T>(&mut self) -> &mut T {
        // SAFETY: as for `get`; `&mut self` is the only access to the
        // value, which no `&T` from `get` outlives.
        unsafe { self.ptr.cast::<T>().as_mut() }
    }
}

impl Drop for Erased {
    fn drop(&mut self) {
        // SAFETY: `ptr` and `drop` were made together by `Erased::new` from
        // one leaked `Box`, and this is the only place that frees it, once.
        unsafe { (self.drop)(self.ptr) }
    }
}

/// Frees the `Box<T>` behind `ptr`.
///
/// # Safety
/// `ptr` must come from a leaked `Box<T>` that was not freed since.
unsafe fn drop_boxed<T>(ptr: NonNull<()>) {
    // SAFETY: the caller's contract.
    drop(unsafe { Box::from_raw(ptr.cast::<T>().as_ptr()) });
}

/// Marks one call of an async method as awaited when its future completes.
///
/// It holds the method's `Head` (its name, its await journal, the signal to
/// waiting threads), which has no type of the method's, and not the typed
/// state: a future is `Send` wherever its answer is, whatever the
/// arguments its call journaled, since dropping or completing it on
/// another thread touches nothing of theirs.
pub(crate) struct AwaitTicket {
    pub(crate) head: Arc<Head>,
    pub(crate) seq: u64,
}

impl AwaitTicket {
    pub(crate) fn awaited(&self) {
        self.head.awaited(self.seq);
    }
}
