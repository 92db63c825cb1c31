//! `Method`: the child mock behind every mocked method — its journal and its answers.

// Expected arguments are taken by value so that tests read
// `assert_called_with(("k", 1))`, not `assert_called_with(&("k", 1))`.
#![allow(clippy::needless_pass_by_value)]

use crate::answers::Answers;
use crate::args::{ArgsDebug, ArgsEq};
use crate::journal::{self, Head, Journal};
use crate::mock::MockCore;
use std::fmt;
use std::marker::PhantomData;
use std::ops::{Deref, DerefMut};
use std::ptr::NonNull;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

/// One process-wide sequence over all recorded calls of all mocks, so that
/// calls of different methods (and different mocks) can be put in order.
static SEQUENCE: AtomicU64 = AtomicU64::new(0);

/// The child mock of one mocked method: what was called, and what to answer.
///
/// Every method of an `#[autospec]` mock is a public field of the same name
/// whose type dereferences to a `Method`: `store.get` is the child mock,
/// `store.get("k")` the call. The type parameters are the journaled argument
/// tuple `A` (arguments stored owned: `&str` as `String`, `&[T]` as `Vec<T>`),
/// the return type `R` (for a method returning `&T`, the owned `T` the mock
/// keeps and lends out) and the answer closure type `F`.
///
/// A `Method` is a handle: clones share one journal and one configuration.
///
/// # Answers
///
/// A call is answered by the first of these that applies:
///
/// 1. one-shot answers, first in first out: [`returns_once`](Method::returns_once),
///    [`returns_each`](Method::returns_each);
/// 2. the standing answer, the last one set: [`returns`](Method::returns),
///    `returns_with` (a closure receiving the method's own parameters, defined
///    on the field's type because it needs them), [`panics`](Method::panics);
/// 3. `Default::default()` where the return type has one, unless the mock is
///    [sealed](crate::Mock::seal).
///
/// Once one-shot answers were queued and are used up, a call with no standing
/// answer panics rather than silently falling back to the default.
///
/// ```
/// use autospec::prelude::*;
///
/// #[autospec]
/// trait Store {
///     fn get(&self, key: &str) -> Option<String>;
/// }
///
/// let store = MockStore::default();
/// assert_eq!(store.get("a"), None); // Option's default
/// store.get.returns_once(Some("first".into()));
/// store.get.returns_with(|key| Some(key.to_uppercase()));
/// assert_eq!(store.get("b"), Some("first".into()));
/// assert_eq!(store.get("c"), Some("C".into()));
/// store.get.assert_called_with(("c",));
/// assert_eq!(store.get.call_count(), 3);
/// ```
pub struct Method<A, R, F: ?Sized> {
    shared: Arc<Shared>,
    /// `Send`, `Sync`, variance and drop check as for the `Arc<Typed<A, R,
    /// F>>` that `shared` stands for.
    typed: PhantomData<Arc<Typed<A, R, F>>>,
}

// Code size: every mocked method instantiates `Method` with its own `A` and
// `F`, and a debug build compiles everything generic over them once per
// mocked method. So only the journal push, the answer pick and the typed
// comparisons are generic over them. Answers are generic over `R` alone,
// shared by all methods returning the same type (`answers.rs`); reading the
// journal, names, messages and panics compile once, in `journal.rs`, and
// reach the typed journal through `&Mutex<dyn Journal>`. Even the handle's
// `Arc` is untyped (`Shared`), since `Arc`'s own code is large in a debug
// build; it owns the typed part through a pointer.

/// What clones of a `Method` share: the untyped part, and the typed part
/// behind an `Erased`, so that `Arc<Shared>` is one type for all methods.
struct Shared {
    head: Head,
    /// A `Typed<A, R, F>` of the `Method<A, R, F>` that made it.
    typed: Erased,
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

// SAFETY: an `Erased` is only made and read in this module, and always held
// by a value that also holds a `PhantomData` of the erased type (`Method` for
// its `Shared`, `State` for the closure in its `Answers`), so that the holder
// is `Send` or `Sync` only where the erased value may be sent or shared. It
// has no other state.
unsafe impl Send for Erased {}
// SAFETY: as for `Send`.
unsafe impl Sync for Erased {}

impl Erased {
    fn new<T>(value: Box<T>) -> Self {
        Erased {
            ptr: NonNull::from(Box::leak(value)).cast(),
            drop: drop_boxed::<T>,
        }
    }

    /// The erased value.
    ///
    /// # Safety
    /// `T` must be the type that `self` was made with.
    unsafe fn get<T>(&self) -> &T {
        // SAFETY: `ptr` came from a `Box<T>` (the caller's contract) that
        // lives until `self` drops, and is only ever read through `&self`.
        unsafe { self.ptr.cast::<T>().as_ref() }
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

/// The typed part of a method.
type Typed<A, R, F> = Mutex<State<A, R, F>>;

struct State<A, R, F: ?Sized> {
    /// The global sequence number of each call, beside its arguments.
    seqs: Vec<u64>,
    args: Vec<A>,
    render: fn(&A) -> Vec<String>,
    answers: Answers<R>,
    /// The `returns_with` closure is kept erased in `answers`, as a `Box<F>`.
    closure: PhantomData<Arc<F>>,
}

impl<A, R, F: ?Sized> Journal for State<A, R, F> {
    fn seqs(&self) -> &[u64] {
        &self.seqs
    }

    fn render(&self, index: usize) -> Vec<String> {
        (self.render)(&self.args[index])
    }

    fn clear(&mut self) {
        self.seqs.clear();
        self.args.clear();
    }
}

/// A poisoned lock only means some user code (an answer, a `Debug` impl)
/// panicked while we held it; the journal itself is always consistent, so a
/// mock stays usable after a panic.
pub(crate) fn lock<T: ?Sized>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    match mutex.lock() {
        Ok(guard) => guard,
        Err(poisoned) => PoisonError::into_inner(poisoned),
    }
}

/// A locked `State`, reached through the guard of its `dyn Journal` view.
struct Locked<'a, T> {
    guard: MutexGuard<'a, dyn Journal + 'a>,
    typed: PhantomData<&'a mut T>,
}

impl<T> Deref for Locked<'_, T> {
    type Target = T;
    fn deref(&self) -> &T {
        let erased: *const dyn Journal = &*self.guard;
        // SAFETY: `Method::state` is the only constructor, and it locks the
        // `Mutex<T>` of a method (`Method::typed`) through an unsizing
        // coercion to `Mutex<dyn Journal>`; the guard's data pointer is
        // therefore that `T`, and dropping the metadata of the fat pointer
        // gives a valid `*const T`. The guard holds the lock for as long as
        // the returned borrow of `self` lives, so no `&mut` to the `T` exists
        // elsewhere. Every call of a mock goes through here (all tests).
        unsafe { &*erased.cast::<T>() }
    }
}

impl<T> DerefMut for Locked<'_, T> {
    fn deref_mut(&mut self) -> &mut T {
        let erased: *mut dyn Journal = &mut *self.guard;
        // SAFETY: as in `deref`; the guard is borrowed mutably for as long as
        // the returned borrow, so this is the only reference to the `T`.
        unsafe { &mut *erased.cast::<T>() }
    }
}

impl<A, R, F: ?Sized> Clone for Method<A, R, F> {
    fn clone(&self) -> Self {
        Method {
            shared: Arc::clone(&self.shared),
            typed: PhantomData,
        }
    }
}

impl<A, R, F: ?Sized> Method<A, R, F> {
    #[doc(hidden)]
    pub fn __new(
        core: &Arc<MockCore>,
        name: &'static str,
        render: fn(&A) -> Vec<String>,
        default: fn() -> Option<R>,
    ) -> Self {
        let typed: Box<Typed<A, R, F>> = Box::new(Mutex::new(State {
            seqs: Vec::new(),
            args: Vec::new(),
            render,
            answers: Answers::new(default),
            closure: PhantomData,
        }));
        let shared = Shared {
            head: Head::new(core, name),
            typed: Erased::new(typed),
        };
        Method {
            shared: Arc::new(shared),
            typed: PhantomData,
        }
    }

    /// The typed part.
    fn typed(&self) -> &Typed<A, R, F> {
        // SAFETY: `__new` made `shared.typed` from a `Typed<A, R, F>` of this
        // method's own types; clones share it, with the same types.
        unsafe { self.shared.typed.get::<Typed<A, R, F>>() }
    }

    /// Journals a call and answers it; `invoke` runs a `returns_with` closure
    /// with the method's original arguments.
    #[doc(hidden)]
    pub fn __call(&self, args: A, invoke: impl FnOnce(&F) -> R) -> R {
        let mut guard = self.state();
        let state = &mut *guard;
        state.seqs.push(SEQUENCE.fetch_add(1, Ordering::Relaxed));
        state.args.push(args);
        if let Some(value) = state.answers.pick() {
            return value;
        }
        let Some(answer) = state.answers.with() else {
            return state.answers.unconfigured(&self.shared.head, &*state);
        };
        // Unlocked while the closure runs, so that it may use the mock.
        drop(guard);
        // SAFETY: `with` only ever holds an `Erased` of a `Box<F>`, made by
        // `__returns_with` of this method, whose `F` is this `F`.
        invoke(unsafe { answer.get::<Box<F>>() })
    }

    /// [`__call`](Self::__call) for a method that returns a reference: the
    /// answer is kept by the mock and lent out for as long as the mock lives.
    #[doc(hidden)]
    pub fn __call_ref(&self, args: A, invoke: impl FnOnce(&F) -> R) -> &R {
        let kept = Arc::new(self.__call(args, invoke));
        let lent: *const R = Arc::as_ptr(&kept);
        self.state().answers.lent.push(kept);
        // SAFETY: `lent` points into the heap allocation owned by `kept`,
        // which now sits in the answers' `lent`. Moving an `Arc` does not move
        // its pointee, that vector is never shrunk or mutated in place, and
        // the value behind an `Arc` is never mutated, so the pointee stays
        // valid and unaliased by `&mut` until the state drops, which outlives
        // the returned borrow: `self` holds a handle to it and cannot release
        // it while borrowed. Exercised by `lent_references_survive_reconfiguration`.
        unsafe { &*lent }
    }

    /// [`__call`](Self::__call) for a method that returns a reference which
    /// does not borrow from `self` (`&'static str`, or a lifetime of an
    /// argument): the answer is leaked, which is what makes it live long
    /// enough for any lifetime. Tests are short-lived; the leak is bounded
    /// by the number of such calls.
    #[doc(hidden)]
    pub fn __call_leak(&self, args: A, invoke: impl FnOnce(&F) -> R) -> &'static R
    where
        R: 'static,
    {
        Box::leak(Box::new(self.__call(args, invoke)))
    }

    /// Sets the standing answer to a closure; the field's `returns_with` calls this.
    #[doc(hidden)]
    pub fn __returns_with(&self, answer: Box<F>) {
        let answer = Arc::new(Erased::new(Box::new(answer)));
        self.state().answers.set_with(answer);
    }

    /// Locks the state. The lock is taken through the state's `dyn Journal`
    /// view, so that the locking code is compiled once, not per method.
    fn state(&self) -> Locked<'_, State<A, R, F>> {
        let journal: &Mutex<dyn Journal + '_> = self.typed();
        Locked {
            guard: lock(journal),
            typed: PhantomData,
        }
    }

    /// Answers every later call with a clone of `value` (Python's `return_value`).
    ///
    /// The last standing answer set wins; one-shot answers still come first.
    ///
    /// ```
    /// # use autospec::prelude::*;
    /// #[autospec]
    /// trait Store { fn get(&self, key: &str) -> Option<String>; }
    /// let store = MockStore::default();
    /// store.get.returns(Some("v".into()));
    /// assert_eq!(store.get("a"), Some("v".into()));
    /// assert_eq!(store.get("b"), Some("v".into()));
    /// ```
    pub fn returns(&self, value: R)
    where
        R: Clone,
    {
        self.state().answers.set_value(value);
    }

    /// Answers the next call with `value`, once; queued answers are used
    /// first in, first out, before any standing answer.
    ///
    /// ```
    /// # use autospec::prelude::*;
    /// #[autospec]
    /// trait Dice { fn roll(&self) -> u8; }
    /// let dice = MockDice::default();
    /// dice.roll.returns_once(6);
    /// dice.roll.returns(1);
    /// assert_eq!((dice.roll(), dice.roll()), (6, 1));
    /// ```
    pub fn returns_once(&self, value: R) {
        self.state().answers.queue([value]);
    }

    /// Answers the next calls with these values, one each, in order
    /// (Python's `side_effect = [..]`).
    ///
    /// ```
    /// # use autospec::prelude::*;
    /// #[autospec]
    /// trait Dice { fn roll(&self) -> u8; }
    /// let dice = MockDice::default();
    /// dice.roll.returns_each([3, 5]);
    /// assert_eq!((dice.roll(), dice.roll()), (3, 5));
    /// ```
    pub fn returns_each(&self, values: impl IntoIterator<Item = R>) {
        self.state().answers.queue(values);
    }

    /// Makes every later call panic with `message` (Python's `side_effect =
    /// Exception(..)`). The call is journaled before it panics.
    ///
    /// ```
    /// # use autospec::prelude::*;
    /// #[autospec]
    /// trait Net { fn send(&self, bytes: &[u8]) -> usize; }
    /// let net = MockNet::default();
    /// net.send.panics("connection reset");
    /// let result = std::panic::catch_unwind(|| net.send(b"hi"));
    /// assert!(result.is_err());
    /// net.send.assert_called_once_with((b"hi",));
    /// ```
    pub fn panics(&self, message: impl Into<String>) {
        let message = message.into();
        self.state().answers.set_panic(message);
    }

    /// Whether the method was called at least once.
    ///
    /// ```
    /// # use autospec::prelude::*;
    /// #[autospec]
    /// trait Bell { fn ring(&self); }
    /// let bell = MockBell::default();
    /// assert!(!bell.ring.called());
    /// bell.ring();
    /// assert!(bell.ring.called());
    /// ```
    pub fn called(&self) -> bool {
        self.call_count() > 0
    }

    /// How many times the method was called.
    ///
    /// ```
    /// # use autospec::prelude::*;
    /// #[autospec]
    /// trait Bell { fn ring(&self); }
    /// let bell = MockBell::default();
    /// bell.ring();
    /// bell.ring();
    /// assert_eq!(bell.ring.call_count(), 2);
    /// ```
    pub fn call_count(&self) -> usize {
        journal::call_count(self)
    }

    /// The arguments of the last call, owned, or `None` if never called.
    ///
    /// ```
    /// # use autospec::prelude::*;
    /// #[autospec]
    /// trait Store { fn put(&self, key: &str, value: u32); }
    /// let store = MockStore::default();
    /// store.put("a", 1);
    /// store.put("b", 2);
    /// assert_eq!(store.put.call_args(), Some(("b".to_string(), 2)));
    /// ```
    pub fn call_args(&self) -> Option<A>
    where
        A: Clone,
    {
        self.state().args.last().cloned()
    }

    /// The arguments of every call, oldest first.
    ///
    /// ```
    /// # use autospec::prelude::*;
    /// #[autospec]
    /// trait Store { fn put(&self, key: &str, value: u32); }
    /// let store = MockStore::default();
    /// store.put("a", 1);
    /// store.put("b", 2);
    /// assert_eq!(store.put.call_args_list(), [("a".to_string(), 1), ("b".to_string(), 2)]);
    /// ```
    pub fn call_args_list(&self) -> Vec<A>
    where
        A: Clone,
    {
        self.state().args.clone()
    }

    /// Forgets the recorded calls of this method; configured answers stay.
    ///
    /// ```
    /// # use autospec::prelude::*;
    /// #[autospec]
    /// trait Bell { fn ring(&self); }
    /// let bell = MockBell::default();
    /// bell.ring();
    /// bell.ring.reset();
    /// bell.ring.assert_not_called();
    /// ```
    pub fn reset(&self) {
        journal::reset(self);
    }

    /// Asserts that the method was called at least once.
    ///
    /// ```should_panic
    /// # use autospec::prelude::*;
    /// #[autospec]
    /// trait Bell { fn ring(&self); }
    /// let bell = MockBell::default();
    /// bell.ring.assert_called(); // panics: "MockBell.ring: expected at least 1 call, got 0."
    /// ```
    #[track_caller]
    pub fn assert_called(&self) {
        if self.call_count() == 0 {
            journal::fail_count(self, "at least 1 call");
        }
    }

    /// Asserts that the method was called exactly once.
    ///
    /// ```
    /// # use autospec::prelude::*;
    /// #[autospec]
    /// trait Bell { fn ring(&self); }
    /// let bell = MockBell::default();
    /// bell.ring();
    /// bell.ring.assert_called_once();
    /// ```
    #[track_caller]
    pub fn assert_called_once(&self) {
        if self.call_count() != 1 {
            journal::fail_count(self, "1 call");
        }
    }

    /// Asserts that the method was never called.
    ///
    /// ```
    /// # use autospec::prelude::*;
    /// #[autospec]
    /// trait Bell { fn ring(&self); }
    /// MockBell::default().ring.assert_not_called();
    /// ```
    #[track_caller]
    pub fn assert_not_called(&self) {
        if self.call_count() != 0 {
            journal::fail_count(self, "0 calls");
        }
    }

    /// Asserts that the last call had these arguments.
    ///
    /// `expected` is a tuple with one element per parameter, each compared
    /// with the journaled argument through `PartialEq`: `("k",)` matches a
    /// journaled `(String,)`. A tuple of the wrong arity or type does not
    /// compile.
    ///
    /// ```
    /// # use autospec::prelude::*;
    /// #[autospec]
    /// trait Store { fn put(&self, key: &str, value: Vec<u8>); }
    /// let store = MockStore::default();
    /// store.put("k", vec![1, 2]);
    /// store.put.assert_called_with(("k", [1, 2]));
    /// ```
    #[track_caller]
    pub fn assert_called_with<E: ArgsDebug>(&self, expected: E)
    where
        A: ArgsEq<E>,
    {
        if !self.last_call_is(&expected).1 {
            journal::fail_called_with(self, expected.render_args());
        }
    }

    /// Asserts that the method was called exactly once, with these arguments.
    ///
    /// ```
    /// # use autospec::prelude::*;
    /// #[autospec]
    /// trait Store { fn get(&self, key: &str) -> Option<String>; }
    /// let store = MockStore::default();
    /// store.get("k");
    /// store.get.assert_called_once_with(("k",));
    /// ```
    #[track_caller]
    pub fn assert_called_once_with<E: ArgsDebug>(&self, expected: E)
    where
        A: ArgsEq<E>,
    {
        match self.last_call_is(&expected) {
            (1, true) => {}
            (1, false) => journal::fail_called_with(self, expected.render_args()),
            _ => journal::fail_called_once_with(self, expected.render_args()),
        }
    }

    /// How many calls there were, and whether the last had these arguments.
    fn last_call_is<E>(&self, expected: &E) -> (usize, bool)
    where
        A: ArgsEq<E>,
    {
        // Through `deref_mut`, as the per-call path, so that this needs no
        // other instance of the lock guard's code.
        let mut guard = self.state();
        let state = &mut *guard;
        let found = match state.args.last() {
            Some(args) => args.args_eq(expected),
            None => false,
        };
        (state.args.len(), found)
    }

    /// Asserts that some call, at any position, had these arguments.
    ///
    /// ```
    /// # use autospec::prelude::*;
    /// #[autospec]
    /// trait Store { fn get(&self, key: &str) -> Option<String>; }
    /// let store = MockStore::default();
    /// store.get("a");
    /// store.get("b");
    /// store.get.assert_any_call(("a",));
    /// ```
    #[track_caller]
    pub fn assert_any_call<E: ArgsDebug>(&self, expected: E)
    where
        A: ArgsEq<E>,
    {
        let found = self.state().args.iter().any(|args| args.args_eq(&expected));
        if !found {
            journal::fail_any_call(self, expected.render_args());
        }
    }

    /// Asserts that these calls happened consecutively, in this order
    /// (other calls may come before and after them).
    ///
    /// ```
    /// # use autospec::prelude::*;
    /// #[autospec]
    /// trait Store { fn get(&self, key: &str) -> Option<String>; }
    /// let store = MockStore::default();
    /// for key in ["a", "b", "c"] {
    ///     store.get(key);
    /// }
    /// store.get.assert_has_calls([("b",), ("c",)]);
    /// ```
    #[track_caller]
    pub fn assert_has_calls<E: ArgsDebug>(&self, expected: impl IntoIterator<Item = E>)
    where
        A: ArgsEq<E>,
    {
        let expected: Vec<E> = expected.into_iter().collect();
        let state = self.state();
        let found = expected.is_empty()
            || state.args.windows(expected.len()).any(|window| {
                window
                    .iter()
                    .zip(&expected)
                    .all(|(args, want)| args.args_eq(want))
            });
        drop(state);
        if !found {
            journal::fail_has_calls(self, &render_each(&expected));
        }
    }

    /// Asserts that each of these calls happened, in any order; each recorded
    /// call is used for at most one expected call.
    ///
    /// ```
    /// # use autospec::prelude::*;
    /// #[autospec]
    /// trait Store { fn get(&self, key: &str) -> Option<String>; }
    /// let store = MockStore::default();
    /// store.get("b");
    /// store.get("a");
    /// store.get.assert_has_calls_any_order([("a",), ("b",)]);
    /// ```
    #[track_caller]
    pub fn assert_has_calls_any_order<E: ArgsDebug>(&self, expected: impl IntoIterator<Item = E>)
    where
        A: ArgsEq<E>,
    {
        let expected: Vec<E> = expected.into_iter().collect();
        let state = self.state();
        let mut used = vec![false; state.args.len()];
        let mut missing = Vec::new();
        for (n, want) in expected.iter().enumerate() {
            let hit = state
                .args
                .iter()
                .enumerate()
                .position(|(i, args)| !used[i] && args.args_eq(want));
            match hit {
                Some(i) => used[i] = true,
                None => missing.push(n),
            }
        }
        drop(state);
        if !missing.is_empty() {
            journal::fail_any_order(self, &render_each(&expected), &missing);
        }
    }
}

/// The rendered arguments of each expected call.
fn render_each<E: ArgsDebug>(expected: &[E]) -> Vec<Vec<String>> {
    expected.iter().map(ArgsDebug::render_args).collect()
}

/// A type-erased view of a [`Method`], for mock-level operations and for
/// every part of `Method` that needs no concrete types.
#[doc(hidden)]
pub trait AnyMethod {
    /// The method's mock and name, and its journal.
    fn journal(&self) -> (&Head, &Mutex<dyn Journal + '_>);
}

impl<A, R, F: ?Sized> AnyMethod for Method<A, R, F> {
    fn journal(&self) -> (&Head, &Mutex<dyn Journal + '_>) {
        (&self.shared.head, self.typed())
    }
}

/// Shows the method's full name and its recorded calls.
impl<A, R, F: ?Sized> fmt::Debug for Method<A, R, F> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        journal::fmt_method(self, f)
    }
}
