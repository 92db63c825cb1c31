//! `Method`: the child mock behind every mocked method — its journal and its answers.

// Expected arguments are taken by value so that tests read
// `assert_called_with(("k", 1))`, not `assert_called_with(&("k", 1))`.
#![allow(clippy::needless_pass_by_value)]

use crate::answers::{Answers, Picked, RuleAnswer};
use crate::args::{Args, ArgsMatch, Check};
use crate::holders::Sent;
use crate::journal::{self, Head, Journal};
use crate::mock::MockCore;
use std::fmt;
use std::marker::PhantomData;
use std::ops::{Deref, DerefMut};
use std::ptr::NonNull;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::time::Duration;

mod spy;

/// One process-wide sequence over all recorded calls of all mocks, so that
/// calls of different methods (and different mocks) can be put in order.
static SEQUENCE: AtomicU64 = AtomicU64::new(0);

/// The next number of the global call sequence.
#[inline]
pub(crate) fn next_seq() -> u64 {
    SEQUENCE.fetch_add(1, Ordering::Relaxed)
}

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
/// 1. [`when`](Method::when) rules that match the arguments, the newest first;
/// 2. one-shot answers, first in first out: [`returns_once`](Method::returns_once),
///    [`returns_each`](Method::returns_each);
/// 3. the standing answer, the last one set: [`returns`](Method::returns),
///    `returns_with` (a closure receiving the method's own parameters, defined
///    on the field's type because it needs them), [`panics`](Method::panics);
/// 4. `Default::default()` where the return type has one, unless the mock is
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
    /// `Send` and `Sync` as for the `Arc<Typed<A, R, F>>` that `shared`
    /// stands for.
    typed: PhantomData<Owner<A, R, F>>,
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

// SAFETY: an `Erased` is only made and read in this module. Whoever holds
// one (directly, or through an `Arc<Shared>`) also holds the marker of the
// erased type, so that the holder is `Send` or `Sync` only where the erased
// value may be sent or shared: `Method` (`PhantomData<Owner<A, R, F>>`, the
// marker of `Arc<Typed<A, R, F>>`), `State` for the closures in its
// `Answers` (`PhantomData<Arc<F>>`), and the `Answer<R, Owner<A, R, F>>`
// that holds an `AwaitTicket`. The one exception is an `Answer` whose
// marker `send_answer` replaced after its bounds proved the typed state
// `Send + Sync`. A call running a `returns_with`
// closure holds a clone of its `Arc<Erased>` on its own thread only. An
// `Erased` has no other state.
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

/// The marker of a handle that shares a method's typed part.
use crate::bounds::SharedJournal as Owner;

// `SharedJournal` states the auto traits of `Arc<Typed<A, R, F>>` by hand,
// so that a diagnostic about them is a short chain that names no private
// type. This checks that the typed part has them under the same bounds: a
// field added to `State` that breaks them fails to compile here.
#[allow(dead_code)]
fn typed_part_is_shared<A: Send, R, F: ?Sized + Send + Sync>() {
    fn send_sync<T: Send + Sync>() {}
    send_sync::<Arc<Typed<A, R, F>>>();
}

/// Marks one call of an async method as awaited when its future completes.
///
/// It shares ownership of the method's typed state (through `shared`)
/// without its marker: it is only ever held by an `Answer<R, O>`, whose
/// marker `O` is that state's (see `Method::__call_async`), so that the
/// future may cross threads only where the journaled arguments may.
pub(crate) struct AwaitTicket {
    shared: Arc<Shared>,
    seq: u64,
}

impl AwaitTicket {
    pub(crate) fn awaited(&self) {
        self.shared.head.awaited(self.seq);
    }
}

/// The future of an async method whose signature demands a `Send` future:
/// `proof` proves each journaled argument type `Send` and the bound proves
/// the closures `Send + Sync` (answers are `Send` by construction, see
/// `holders.rs`), so the method's typed state is `Send + Sync` and the
/// future no longer needs its marker. Generated code proves each argument
/// with `<T as SendArgument>::PROOF`, spanned on its parameter, so that an
/// argument type that is not `Send` gets one error that names it and the
/// fix (the bound of a function would name the function).
#[doc(hidden)]
pub fn send_answer<R, A, F>(
    answer: crate::Answer<R, Owner<A, R, F>>,
    proof: <A as Proofs>::Proof,
) -> crate::Answer<R>
where
    A: Proofs,
    F: ?Sized + Send + Sync,
{
    let _ = proof;
    answer.remark()
}

/// The proofs that a journal tuple's element types are `Send`.
#[doc(hidden)]
pub trait Proofs {
    /// A tuple of `SendProof`s, one per element.
    type Proof;
}

macro_rules! proofs {
    ($($name:ident),*) => {
        impl<$($name),*> Proofs for ($($name,)*) {
            type Proof = ($(crate::bounds::SendProof<$name>,)*);
        }
    };
}

proofs!();
proofs!(T0);
proofs!(T0, T1);
proofs!(T0, T1, T2);
proofs!(T0, T1, T2, T3);
proofs!(T0, T1, T2, T3, T4);
proofs!(T0, T1, T2, T3, T4, T5);
proofs!(T0, T1, T2, T3, T4, T5, T6);
proofs!(T0, T1, T2, T3, T4, T5, T6, T7);
proofs!(T0, T1, T2, T3, T4, T5, T6, T7, T8);
proofs!(T0, T1, T2, T3, T4, T5, T6, T7, T8, T9);
proofs!(T0, T1, T2, T3, T4, T5, T6, T7, T8, T9, T10);
proofs!(T0, T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11);
proofs!(T0, T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12);
proofs!(T0, T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12, T13);
proofs!(T0, T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12, T13, T14);
proofs!(T0, T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12, T13, T14, T15);

struct State<A, R, F: ?Sized> {
    /// Sequence numbers and counts: the untyped half of the journal.
    log: CallLog,
    /// The arguments of each journaled call, beside `log.seqs`.
    args: Vec<A>,
    render: fn(&A) -> Vec<String>,
    answers: Answers<R>,
    /// The `returns_with` closure is kept erased in `answers`, as a `Box<F>`.
    closure: PhantomData<Arc<F>>,
}

/// The untyped half of a method's journal, compiled once.
#[doc(hidden)]
pub struct CallLog {
    /// The global sequence number of each journaled call.
    pub(crate) seqs: Vec<u64>,
    /// `journal_calls(false)`: calls are counted, not kept.
    journaling: bool,
    /// Calls counted while not journaling.
    pub(crate) unrecorded: usize,
}

impl CallLog {
    fn new() -> Self {
        CallLog {
            seqs: Vec::new(),
            journaling: true,
            unrecorded: 0,
        }
    }

    /// Numbers a call when it is journaled (`Some`: then its arguments are
    /// kept too), else only counts it. Called under the journal's lock, so
    /// that the order of each method's journal agrees with the global
    /// sequence.
    #[inline]
    fn number(&mut self, mock_journaling: bool) -> Option<u64> {
        if self.journaling && mock_journaling {
            let seq = next_seq();
            self.seqs.push(seq);
            Some(seq)
        } else {
            self.unrecorded += 1;
            None
        }
    }
}

impl<A, R, F: ?Sized> State<A, R, F> {
    /// Journals a call (or only counts it while journaling is off).
    fn record(&mut self, args: A, mock_journaling: bool) -> Option<u64> {
        let seq = self.log.number(mock_journaling);
        if seq.is_some() {
            self.args.push(args);
        }
        seq
    }
}

impl<A, R, F: ?Sized> Journal for State<A, R, F> {
    fn log(&self) -> &CallLog {
        &self.log
    }

    fn render(&self, index: usize) -> Vec<String> {
        (self.render)(&self.args[index])
    }

    fn clear(&mut self) {
        self.log.seqs.clear();
        self.log.unrecorded = 0;
        self.args.clear();
        self.answers.clear_returned();
    }

    fn returned(&self, seq: u64) -> Option<String> {
        self.answers.returned(seq)
    }

    fn args_ptr(&self, index: usize) -> *const () {
        std::ptr::from_ref(&self.args[index]).cast()
    }

    fn unused_answers(&self) -> usize {
        self.answers.unused()
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
    guard: journal::Held<'a, dyn Journal + 'a>,
    typed: PhantomData<&'a mut T>,
}

impl<T> Deref for Locked<'_, T> {
    type Target = T;
    fn deref(&self) -> &T {
        let erased: *const dyn Journal = &*self.guard;
        // SAFETY: `Method::state` is the only constructor, and it locks the
        // `Mutex<T>` of a method (`Method::typed`) through an unsizing
        // coercion to `Mutex<dyn Journal>` (`Head::lock` derefs to the
        // `MutexGuard`'s data, not a copy); the guard's data pointer is
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
        name: &str,
        params: &'static str,
        render: fn(&A) -> Vec<String>,
        default: fn() -> Option<R>,
        shown: Option<crate::__private::Shown<R>>,
    ) -> Self {
        let typed: Box<Typed<A, R, F>> = Box::new(Mutex::new(State {
            log: CallLog::new(),
            args: Vec::new(),
            render,
            answers: Answers::new(default, shown),
            closure: PhantomData,
        }));
        let shared = Shared {
            head: Head::new(core, name, params),
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
        self.__call_numbered(args, invoke).0
    }

    /// [`__call`](Self::__call) for an async method: the answer comes back
    /// as a future that journals the await when it completes.
    #[doc(hidden)]
    pub fn __call_async(
        &self,
        args: A,
        invoke: impl FnOnce(&F) -> R,
    ) -> crate::Answer<R, Owner<A, R, F>> {
        let pending = self.state().answers.pending();
        if let Some(make) = pending {
            // Made unlocked, so that the closure may use the mock.
            let future = make(std::ptr::from_ref(&args).cast());
            let seq = self.state().record(args, self.shared.head.is_journaling());
            self.shared.head.notify();
            return crate::Answer::pending(future, self.ticket(seq));
        }
        let (value, seq) = self.__call_numbered(args, invoke);
        crate::Answer::new(value, self.ticket(seq))
    }

    /// The ticket that journals the await of call `seq`.
    fn ticket(&self, seq: Option<u64>) -> Option<AwaitTicket> {
        seq.map(|seq| AwaitTicket {
            shared: Arc::clone(&self.shared),
            seq,
        })
    }

    /// The answer, and the call's sequence number if it was journaled.
    /// Generated code calls this one (and takes `.0`), so that a mocked
    /// method instantiates a single call path (code size: see the note on
    /// `Method`).
    #[doc(hidden)]
    pub fn __call_numbered(&self, args: A, invoke: impl FnOnce(&F) -> R) -> (R, Option<u64>) {
        let mut guard = self.state();
        let state = &mut *guard;
        // SAFETY: the rules were made by `when` of this method, for this
        // `A`, and `args` lives until the end of this call.
        let rule = unsafe { state.answers.rule_for(std::ptr::from_ref(&args).cast()) };
        // `record`, written out: one generic function less per method.
        let seq = state.log.number(self.shared.head.is_journaling());
        // The call is journaled before any answer runs, so that an answer
        // that panics leaves it journaled like any other.
        let unjournaled;
        let journaled: *const A = if seq.is_some() {
            state.args.push(args);
            unjournaled = None;
            state
                .args
                .last()
                .map_or(std::ptr::null(), std::ptr::from_ref)
        } else {
            unjournaled = Some(args);
            unjournaled
                .as_ref()
                .map_or(std::ptr::null(), std::ptr::from_ref)
        };
        self.shared.head.notify();
        // SAFETY: `journaled` points to this call's `A` (this method's
        // type), in the journal or in `unjournaled`; neither moves nor is
        // dropped while the rule answers: the lock is held, and a call of
        // this method from the rule's answer panics rather than pushing.
        let ruled = rule.map(|rule| unsafe { state.answers.answer_rule(rule, journaled.cast()) });
        drop(unjournaled);
        let answer = match state.answers.settle(ruled, seq) {
            Picked::Value(value) => return (value, seq),
            Picked::With(answer) => answer,
            Picked::Unconfigured => {
                let value = state.answers.unconfigured(&self.shared.head, &*state);
                state.answers.keep_return(seq, &value);
                return (value, seq);
            }
        };
        // Unlocked while the closure runs, so that it may use the mock.
        drop(guard);
        // SAFETY: `with` only ever holds an `Erased` of a `Box<F>`, made by
        // `__returns_with` of this method, whose `F` is this `F`.
        let value = invoke(unsafe { answer.get::<Box<F>>() });
        if seq.is_some() {
            self.state().answers.keep_return(seq, &value);
        }
        (value, seq)
    }

    /// [`__call`](Self::__call) for a method that returns a reference: the
    /// answer is kept by the mock and lent out for as long as the mock lives.
    #[doc(hidden)]
    pub fn __call_ref(&self, args: A, invoke: impl FnOnce(&F) -> R) -> &R {
        self.__keep(self.__call(args, invoke))
    }

    /// Keeps `value` for as long as the mock lives and lends it out; for
    /// answers that are only partly lent (`Option<&T>`, `Result<&T, E>`).
    #[doc(hidden)]
    pub fn __keep(&self, value: R) -> &R {
        // SAFETY: the answers live as long as the method's state, which
        // outlives the returned borrow of `self`: `self` holds a handle to
        // it and cannot release it while borrowed. Exercised by
        // `lent_references_survive_reconfiguration` and tests/soundness.rs.
        unsafe { self.state().answers.lend(value) }
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

    /// [`__call`](Self::__call) for a method whose unconfigured answer is
    /// not a default but `fallback` (a constructor's shared instance).
    #[doc(hidden)]
    pub fn __call_or(
        &self,
        args: A,
        invoke: impl FnOnce(&F) -> R,
        fallback: impl FnOnce() -> R,
    ) -> R {
        let mut guard = self.state();
        if guard.answers.is_unconfigured() {
            guard.record(args, self.shared.head.is_journaling());
            drop(guard);
            self.shared.head.notify();
            return fallback();
        }
        drop(guard);
        self.__call_numbered(args, invoke).0
    }

    /// Whether a call now would be answered by something configured (a
    /// one-shot answer left, or a standing answer).
    #[doc(hidden)]
    pub fn __has_answer(&self) -> bool {
        self.state().answers.has_answer()
    }

    /// Journals a call without answering it (the original function answers).
    #[doc(hidden)]
    pub fn __record(&self, args: A) {
        let journaling = self.shared.head.is_journaling();
        self.state().record(args, journaling);
        self.shared.head.notify();
    }

    /// The timeout given, else the mock's (see [`Mock::set_wait_timeout`](crate::Mock::set_wait_timeout)).
    fn timeout(&self, timeout: Option<Duration>) -> Duration {
        timeout.unwrap_or_else(|| self.shared.head.wait_timeout())
    }

    /// Blocks until the method has been called at least once, for code
    /// under test running on other threads (Python's `ThreadingMock`).
    /// Waits without spinning; panics after `timeout` with the time waited
    /// and the calls seen. `None` waits for the mock's timeout
    /// ([`Mock::set_wait_timeout`](crate::Mock::set_wait_timeout), five
    /// seconds unless set); there is no wait without a limit.
    ///
    /// ```
    /// # use autospec::prelude::*;
    /// # use std::time::Duration;
    /// #[autospec]
    /// trait Sink { fn push(&self, sample: u32); }
    /// let sink = MockSink::default();
    /// let worker = sink.clone();
    /// std::thread::spawn(move || worker.push(7));
    /// sink.push.wait_until_called(Duration::from_secs(5));
    /// sink.push.assert_called_once_with((7,));
    /// ```
    #[track_caller]
    pub fn wait_until_called(&self, timeout: impl Into<Option<Duration>>) {
        self.wait_until_called_times(1, timeout);
    }

    /// Blocks until the method has been called at least `times` times.
    ///
    /// ```
    /// # use autospec::prelude::*;
    /// # use std::time::Duration;
    /// #[autospec]
    /// trait Sink { fn push(&self, sample: u32); }
    /// let sink = MockSink::default();
    /// for i in 0..4 {
    ///     let worker = sink.clone();
    ///     std::thread::spawn(move || worker.push(i));
    /// }
    /// sink.push.wait_until_called_times(4, Duration::from_secs(5));
    /// assert_eq!(sink.push.call_count(), 4);
    /// ```
    #[track_caller]
    pub fn wait_until_called_times(&self, times: usize, timeout: impl Into<Option<Duration>>) {
        let timeout = self.timeout(timeout.into());
        let what = crate::report::calls(times);
        journal::wait_until(self, timeout, &format!("at least {what}"), &mut || {
            journal::call_count(self) >= times
        });
    }

    /// Blocks until some call had these arguments.
    ///
    /// ```
    /// # use autospec::prelude::*;
    /// # use std::time::Duration;
    /// #[autospec]
    /// trait Sink { fn push(&self, sample: u32); }
    /// let sink = MockSink::default();
    /// let worker = sink.clone();
    /// std::thread::spawn(move || (0..3).for_each(|i| worker.push(i)));
    /// sink.push.wait_until_any_call_with((2,), Duration::from_secs(5));
    /// ```
    #[track_caller]
    pub fn wait_until_any_call_with<E: ArgsMatch<A>>(
        &self,
        expected: E,
        timeout: impl Into<Option<Duration>>,
    ) {
        let timeout = self.timeout(timeout.into());
        let what = format!(
            "a call {}",
            journal::expected_text(&self.shared.head, &expected.__describe())
        );
        journal::wait_until(self, timeout, &what, &mut || {
            self.state()
                .args
                .iter()
                .any(|args| expected.matches_args(args))
        });
    }

    /// How many of this async method's futures were awaited to completion
    /// (Python's `AsyncMock.await_count`). A call whose future was dropped
    /// unpolled counts as called, not awaited.
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
    /// trait Fetcher { async fn fetch(&self, url: &str) -> String; }
    /// let fetcher = MockFetcher::default();
    /// let dropped = fetcher.fetch("a");
    /// drop(dropped);
    /// block_on(fetcher.fetch("b"));
    /// assert_eq!(fetcher.fetch.call_count(), 2);
    /// assert_eq!(fetcher.fetch.await_count(), 1);
    /// fetcher.fetch.assert_awaited_once_with(("b",));
    /// ```
    pub fn await_count(&self) -> usize {
        self.shared.head.await_seqs().len()
    }

    /// The arguments of every awaited call, in the order they were awaited.
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
    /// trait Fetcher { async fn fetch(&self, url: &str) -> u8; }
    /// let fetcher = MockFetcher::default();
    /// let later = fetcher.fetch("a");
    /// block_on(fetcher.fetch("b"));
    /// block_on(later);
    /// assert_eq!(fetcher.fetch.await_args_list(), [("b".to_string(),), ("a".to_string(),)]);
    /// ```
    pub fn await_args_list(&self) -> Vec<A>
    where
        A: Clone,
    {
        let awaited = self.shared.head.await_seqs();
        let state = self.state();
        awaited
            .iter()
            .filter_map(|seq| state.log.seqs.binary_search(seq).ok())
            .map(|index| state.args[index].clone())
            .collect()
    }

    /// Asserts that at least one future of this method was awaited.
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
    /// trait Fetcher { async fn fetch(&self, url: &str) -> u8; }
    /// let fetcher = MockFetcher::default();
    /// block_on(fetcher.fetch("a"));
    /// fetcher.fetch.assert_awaited();
    /// ```
    #[track_caller]
    pub fn assert_awaited(&self) {
        if self.await_count() == 0 {
            journal::fail_await_count(self, "at least 1 await");
        }
    }

    /// Asserts that exactly one future of this method was awaited.
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
    /// trait Fetcher { async fn fetch(&self, url: &str) -> u8; }
    /// let fetcher = MockFetcher::default();
    /// block_on(fetcher.fetch("a"));
    /// drop(fetcher.fetch("b"));
    /// fetcher.fetch.assert_awaited_once();
    /// ```
    #[track_caller]
    pub fn assert_awaited_once(&self) {
        if self.await_count() != 1 {
            journal::fail_await_count(self, "1 await");
        }
    }

    /// Asserts that no future of this method was awaited.
    ///
    /// ```
    /// # use autospec::prelude::*;
    /// #[autospec]
    /// trait Fetcher { async fn fetch(&self, url: &str) -> u8; }
    /// let fetcher = MockFetcher::default();
    /// drop(fetcher.fetch("a"));
    /// fetcher.fetch.assert_called();
    /// fetcher.fetch.assert_not_awaited();
    /// ```
    #[track_caller]
    pub fn assert_not_awaited(&self) {
        if self.await_count() != 0 {
            journal::fail_await_count(self, "0 awaits");
        }
    }

    /// Asserts that the last awaited call had these arguments.
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
    /// trait Fetcher { async fn fetch(&self, url: &str) -> u8; }
    /// let fetcher = MockFetcher::default();
    /// block_on(fetcher.fetch("a"));
    /// fetcher.fetch.assert_awaited_with(("a",));
    /// ```
    #[track_caller]
    pub fn assert_awaited_with<E: ArgsMatch<A>>(&self, expected: E) {
        if !self.awaited_matching(|awaited| {
            awaited
                .last()
                .is_some_and(|args| expected.matches_args(args))
        }) {
            journal::fail_await(self, "last await", &[expected.__describe()]);
        }
    }

    /// Asserts that exactly one call was awaited, with these arguments.
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
    /// trait Fetcher { async fn fetch(&self, url: &str) -> u8; }
    /// let fetcher = MockFetcher::default();
    /// block_on(fetcher.fetch("a"));
    /// fetcher.fetch.assert_awaited_once_with(("a",));
    /// ```
    #[track_caller]
    pub fn assert_awaited_once_with<E: ArgsMatch<A>>(&self, expected: E) {
        self.assert_awaited_once();
        self.assert_awaited_with(expected);
    }

    /// Asserts that some awaited call had these arguments.
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
    /// trait Fetcher { async fn fetch(&self, url: &str) -> u8; }
    /// let fetcher = MockFetcher::default();
    /// block_on(fetcher.fetch("a"));
    /// block_on(fetcher.fetch("b"));
    /// fetcher.fetch.assert_any_await(("a",));
    /// ```
    #[track_caller]
    pub fn assert_any_await<E: ArgsMatch<A>>(&self, expected: E) {
        if !self.awaited_matching(|awaited| awaited.iter().any(|args| expected.matches_args(args)))
        {
            journal::fail_await(self, "await at any position", &[expected.__describe()]);
        }
    }

    /// Asserts that these calls were awaited consecutively, in this order.
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
    /// trait Fetcher { async fn fetch(&self, url: &str) -> u8; }
    /// let fetcher = MockFetcher::default();
    /// for url in ["a", "b", "c"] {
    ///     block_on(fetcher.fetch(url));
    /// }
    /// fetcher.fetch.assert_has_awaits([("b",), ("c",)]);
    /// ```
    #[track_caller]
    pub fn assert_has_awaits<E: ArgsMatch<A>>(&self, expected: impl IntoIterator<Item = E>) {
        let expected: Vec<E> = expected.into_iter().collect();
        if !self.awaited_matching(|awaited| has_run(awaited, &expected)) {
            journal::fail_await(self, "awaits in order", &describe_each(&expected));
        }
    }

    /// Runs `check` on the awaited calls' arguments, in await order.
    fn awaited_matching(&self, check: impl FnOnce(&[&A]) -> bool) -> bool {
        let awaited = self.shared.head.await_seqs();
        let state = self.state();
        let args: Vec<&A> = awaited
            .iter()
            .filter_map(|seq| state.log.seqs.binary_search(seq).ok())
            .map(|index| &state.args[index])
            .collect();
        check(&args)
    }

    /// Turns keeping this method's calls on or off; while off, calls are
    /// only counted (`call_count`), for hot loops whose arguments nobody
    /// reads. `Mock::journal_calls` does it for every method of a mock.
    ///
    /// ```
    /// # use autospec::prelude::*;
    /// #[autospec]
    /// trait Sink { fn push(&self, sample: f64); }
    /// let sink = MockSink::default();
    /// sink.push.journal_calls(false);
    /// for i in 0..1_000 {
    ///     sink.push(f64::from(i));
    /// }
    /// assert_eq!(sink.push.call_count(), 1_000);
    /// assert!(sink.push.call_args_list().is_empty());
    /// ```
    pub fn journal_calls(&self, on: bool) {
        self.state().log.journaling = on;
    }

    /// Journals a call that was made before this instantiation of a generic
    /// method had its own child mock, in sequence order.
    #[doc(hidden)]
    pub fn __adopt(&self, seq: u64, args: A) {
        let mut guard = self.state();
        let state = &mut *guard;
        let at = state.log.seqs.partition_point(|&recorded| recorded < seq);
        state.log.seqs.insert(at, seq);
        state.args.insert(at, args);
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
            guard: self.shared.head.lock(journal),
            typed: PhantomData,
        }
    }

    /// For an async method: answers every later call with the future the
    /// closure makes from the journaled arguments, so the call can stay
    /// pending for a while (a timer, a channel) before it completes. The
    /// call is journaled when it is made, and as awaited when the future
    /// completes. A standing answer like [`returns`](Method::returns):
    /// `when` rules and one-shot answers come first, and setting another
    /// standing answer replaces it. On a method that is not async, calls
    /// do not use it.
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
    /// trait Fetcher { async fn fetch(&self, url: &str) -> usize; }
    /// let fetcher = MockFetcher::default();
    /// fetcher.fetch.returns_async(|(url,)| {
    ///     let len = url.len();
    ///     async move { len } // a real test might await a timer here
    /// });
    /// assert_eq!(block_on(fetcher.fetch("abc")), 3);
    /// fetcher.fetch.assert_awaited_once_with(("abc",));
    /// ```
    pub fn returns_async<Fut>(&self, answer: impl Fn(&A) -> Fut + Send + Sync + 'static)
    where
        Fut: std::future::Future<Output = R> + Send + 'static,
    {
        let make: crate::answers::ErasedPending<R> = Arc::new(move |args: *const ()| {
            // SAFETY: only `__call_async` of this method calls it, with a
            // pointer to a live `A` (as for a `when` rule's test).
            let future = answer(unsafe { &*args.cast::<A>() });
            Box::pin(future) as crate::answer::Pending<R>
        });
        self.state().answers.set_pending(make);
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
        R: Clone + crate::bounds::StoredAnswer,
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
    pub fn returns_once(&self, value: R)
    where
        R: crate::bounds::StoredAnswer,
    {
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
    pub fn returns_each(&self, values: impl IntoIterator<Item = R>)
    where
        R: crate::bounds::StoredAnswer,
    {
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
    /// with the journaled argument through `PartialEq` (`("k",)` matches a
    /// journaled `(String,)`), or [`args!`](crate::args!) with matchers in
    /// any position. A tuple of the wrong arity or type does not compile.
    /// The failure message names each argument that did not match.
    ///
    /// ```
    /// # use autospec::prelude::*;
    /// #[autospec]
    /// trait Store { fn put(&self, key: &str, value: Vec<u8>); }
    /// let store = MockStore::default();
    /// store.put("k", vec![1, 2]);
    /// store.put.assert_called_with(("k", [1, 2]));
    /// store.put.assert_called_with(args!("k", _));
    /// ```
    #[track_caller]
    pub fn assert_called_with<E: ArgsMatch<A>>(&self, expected: E) {
        if !self.last_call_is(&expected).1 {
            self.fail_last(&expected);
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
    pub fn assert_called_once_with<E: ArgsMatch<A>>(&self, expected: E) {
        match self.last_call_is(&expected) {
            (1, true) => {}
            (1, false) => self.fail_last(&expected),
            _ => journal::fail_called_once_with(self, &expected.__describe()),
        }
    }

    /// How many calls there were, and whether the last had these arguments.
    fn last_call_is<E: ArgsMatch<A>>(&self, expected: &E) -> (usize, bool) {
        // Through `deref_mut`, as the per-call path, so that this needs no
        // other instance of the lock guard's code.
        let mut guard = self.state();
        let state = &mut *guard;
        let found = match state.args.last() {
            Some(args) => expected.matches_args(args),
            None => false,
        };
        (state.args.len(), found)
    }

    #[track_caller]
    fn fail_last<E: ArgsMatch<A>>(&self, expected: &E) -> ! {
        journal::fail_called_with(self, &expected.__describe(), expected.__erased())
    }

    /// Asserts that some call, at any position, had these arguments; the
    /// failure message lists the calls closest first, each with the
    /// arguments that did not match.
    ///
    /// ```
    /// # use autospec::prelude::*;
    /// #[autospec]
    /// trait Store { fn get(&self, key: &str) -> Option<String>; }
    /// let store = MockStore::default();
    /// store.get("a");
    /// store.get("b");
    /// store.get.assert_any_call(("a",));
    /// store.get.assert_any_call(args!(starts_with("b")));
    /// ```
    #[track_caller]
    pub fn assert_any_call<E: ArgsMatch<A>>(&self, expected: E) {
        if self.calls_matching(&expected) == 0 {
            journal::fail_any_call(self, &expected.__describe(), expected.__erased());
        }
    }

    /// How many journaled calls match: the count query for matchers.
    ///
    /// ```
    /// # use autospec::prelude::*;
    /// #[autospec]
    /// trait Sink { fn push(&self, n: u32); }
    /// let sink = MockSink::default();
    /// for n in [1, 5, 7, 2] {
    ///     sink.push(n);
    /// }
    /// assert_eq!(sink.push.calls_matching(args!(gt(4))), 2);
    /// assert_eq!(sink.push.calls_matching((7,)), 1);
    /// ```
    pub fn calls_matching<E: ArgsMatch<A>>(&self, expected: E) -> usize {
        let state = self.state();
        let mut count = 0;
        for args in &state.args {
            if expected.matches_args(args) {
                count += 1;
            }
        }
        count
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
    /// store.get.assert_has_calls([args!(_), args!("c")]);
    /// ```
    #[track_caller]
    pub fn assert_has_calls<E: ArgsMatch<A>>(&self, expected: impl IntoIterator<Item = E>) {
        let expected: Vec<E> = expected.into_iter().collect();
        let state = self.state();
        let args: Vec<&A> = state.args.iter().collect();
        let found = has_run(&args, &expected);
        drop(state);
        if !found {
            journal::fail_has_calls(self, &describe_each(&expected));
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
    pub fn assert_has_calls_any_order<E: ArgsMatch<A>>(
        &self,
        expected: impl IntoIterator<Item = E>,
    ) {
        let expected: Vec<E> = expected.into_iter().collect();
        let state = self.state();
        let mut used = vec![false; state.args.len()];
        let mut missing = Vec::new();
        for (n, want) in expected.iter().enumerate() {
            let hit = state
                .args
                .iter()
                .enumerate()
                .position(|(i, args)| !used[i] && want.matches_args(args));
            match hit {
                Some(i) => used[i] = true,
                None => missing.push(n),
            }
        }
        drop(state);
        if !missing.is_empty() {
            journal::fail_any_order(self, &describe_each(&expected), &missing);
        }
    }

    /// Answers the calls whose arguments match `expected` (a tuple, or
    /// [`args!`](crate::args!) with matchers) as the returned [`When`]
    /// says, before any other answer. The newest matching rule answers.
    ///
    /// ```
    /// # use autospec::prelude::*;
    /// #[autospec]
    /// trait Store { fn get(&self, key: &str) -> Option<String>; }
    /// let store = MockStore::default();
    /// store.get.returns(Some("default".into()));
    /// store.get.when(args!(starts_with("user:"))).returns(Some("a user".into()));
    /// store.get.when(("user:root",)).panics("root is off limits");
    /// assert_eq!(store.get("user:ana"), Some("a user".into()));
    /// assert_eq!(store.get("other"), Some("default".into()));
    /// ```
    pub fn when<E>(&self, expected: E) -> When<'_, A, R, F>
    where
        E: ArgsMatch<A> + Send + Sync + 'static,
    {
        When {
            method: self,
            test: Box::new(move |args: *const ()| {
                // SAFETY: only `__call_numbered` of this method calls a
                // rule's test, with a pointer to a live `A` (see `ErasedTest`).
                expected.matches_args(unsafe { &*args.cast::<A>() })
            }),
        }
    }

    /// The sequence numbers of the journaled calls that match, oldest first.
    #[doc(hidden)]
    pub fn __matching_seqs<E: ArgsMatch<A>>(&self, expected: &E) -> Vec<u64> {
        let state = self.state();
        state
            .log
            .seqs
            .iter()
            .zip(&state.args)
            .filter(|(_, args)| expected.matches_args(args))
            .map(|(seq, _)| *seq)
            .collect()
    }

    /// Matching arguments written out by `assert_called!`: the closure
    /// checks each argument (and the guard) of one call.
    #[doc(hidden)]
    pub fn __args<'m, G>(&self, args: Vec<String>, guard: Option<&str>, check: G) -> Args<'m, A>
    where
        G: Fn(&A, &mut Check) -> bool + Send + Sync + 'm,
    {
        Args::written(check, args, guard.map(str::to_owned))
    }
}

/// A `when(..)` rule being configured: say how the calls it matches are
/// answered. Made by [`Method::when`].
///
/// ```
/// # use autospec::prelude::*;
/// #[autospec]
/// trait Prices { fn price(&self, item: &str, qty: u32) -> u64; }
/// let prices = MockPrices::default();
/// prices.price.when(args!(_, gt(10))).returns_with(|(_, qty)| u64::from(*qty) * 9);
/// prices.price.when(args!("gold", _)).returns_each([100, 120]);
/// assert_eq!(prices.price("pen", 20), 180);
/// assert_eq!(prices.price("gold", 1), 100);
/// assert_eq!(prices.price("gold", 1), 120);
/// assert_eq!(prices.price("gold", 1), 0); // the rule is spent: the default
/// ```
#[must_use = "a `when` rule does nothing until it is given an answer"]
pub struct When<'a, A, R, F: ?Sized> {
    method: &'a Method<A, R, F>,
    test: crate::answers::ErasedTest,
}

impl<A, R, F: ?Sized> When<'_, A, R, F> {
    fn answer(self, answer: RuleAnswer<R>) {
        self.method.state().answers.add_rule(self.test, answer);
    }

    /// Answers every matching call with a clone of `value`.
    ///
    /// ```
    /// # use autospec::prelude::*;
    /// #[autospec]
    /// trait Ids { fn next(&self, kind: &str) -> u32; }
    /// let ids = MockIds::default();
    /// ids.next.when(("user",)).returns(7);
    /// assert_eq!((ids.next("user"), ids.next("job")), (7, 0));
    /// ```
    pub fn returns(self, value: R)
    where
        R: Clone + crate::bounds::StoredAnswer,
    {
        self.answer(RuleAnswer::Value(Sent::new(value), R::clone));
    }

    /// Answers the next matching call with `value`; later matching calls
    /// fall through to older rules and the other answers.
    ///
    /// ```
    /// # use autospec::prelude::*;
    /// #[autospec]
    /// trait Ids { fn next(&self, kind: &str) -> u32; }
    /// let ids = MockIds::default();
    /// ids.next.returns(1);
    /// ids.next.when(("user",)).returns_once(7);
    /// assert_eq!((ids.next("user"), ids.next("user")), (7, 1));
    /// ```
    pub fn returns_once(self, value: R)
    where
        R: crate::bounds::StoredAnswer,
    {
        self.answer(RuleAnswer::Queue(
            std::iter::once(Sent::new(value)).collect(),
        ));
    }

    /// Answers the next matching calls with these values, one each.
    ///
    /// ```
    /// # use autospec::prelude::*;
    /// #[autospec]
    /// trait Ids { fn next(&self, kind: &str) -> u32; }
    /// let ids = MockIds::default();
    /// ids.next.when(("user",)).returns_each([1, 2]);
    /// assert_eq!([ids.next("user"), ids.next("user"), ids.next("user")], [1, 2, 0]);
    /// ```
    pub fn returns_each(self, values: impl IntoIterator<Item = R>)
    where
        R: crate::bounds::StoredAnswer,
    {
        self.answer(RuleAnswer::Queue(
            values.into_iter().map(Sent::new).collect(),
        ));
    }

    /// Answers every matching call with the closure's result; the closure
    /// receives the journaled arguments (owned: `&(String, u32)` for
    /// `(&str, u32)` parameters). It runs before the call is journaled,
    /// while the method is locked: it may call the mock's other methods,
    /// not this one.
    ///
    /// ```
    /// # use autospec::prelude::*;
    /// #[autospec]
    /// trait Prices { fn price(&self, item: &str, qty: u32) -> u64; }
    /// let prices = MockPrices::default();
    /// prices.price.when(args!(_, gt(10))).returns_with(|(_, qty)| u64::from(*qty) * 9);
    /// assert_eq!(prices.price("pen", 20), 180);
    /// ```
    pub fn returns_with(self, answer: impl Fn(&A) -> R + Send + Sync + 'static) {
        self.answer(RuleAnswer::With(Arc::new(move |args: *const ()| {
            // SAFETY: as for the rule's test: a pointer to a live `A`.
            answer(unsafe { &*args.cast::<A>() })
        })));
    }

    /// Panics with `message` on every matching call (after journaling it).
    ///
    /// ```should_panic
    /// # use autospec::prelude::*;
    /// #[autospec]
    /// trait Store { fn get(&self, key: &str) -> Option<String>; }
    /// let store = MockStore::default();
    /// store.get.when(("root",)).panics("no access");
    /// store.get("root");
    /// ```
    pub fn panics(self, message: impl Into<String>) {
        self.answer(RuleAnswer::Panic(message.into()));
    }
}

/// Whether `expected` occur consecutively, in order, in `calls`.
fn has_run<A, E: ArgsMatch<A>>(calls: &[&A], expected: &[E]) -> bool {
    expected.is_empty()
        || calls.windows(expected.len()).any(|window| {
            window
                .iter()
                .zip(expected)
                .all(|(args, want)| want.matches_args(args))
        })
}

/// The description of each expected call.
fn describe_each<A, E: ArgsMatch<A>>(expected: &[E]) -> Vec<crate::args::Expected> {
    expected.iter().map(ArgsMatch::__describe).collect()
}

/// A type-erased view of a [`Method`] (or a generic method's
/// [`Generic`](crate::Generic)), for mock-level operations. One method, so
/// that each mocked method adds one small function, not one per operation.
#[doc(hidden)]
pub trait AnyMethod {
    /// The journal (or, for a generic method, the journals) behind it.
    fn journals(&self) -> Journals<'_>;
}

/// What [`AnyMethod::journals`] gives: one method's journal, or the
/// per-instantiation journals of a generic method.
#[doc(hidden)]
pub enum Journals<'a> {
    /// A plain method: who it is, and its journal.
    One(&'a Head, &'a Mutex<dyn Journal + 'a>),
    /// A generic method, which gathers its instantiations itself.
    Many(&'a dyn crate::generic::ManyJournals),
}

impl<A, R, F: ?Sized> AnyMethod for Method<A, R, F> {
    fn journals(&self) -> Journals<'_> {
        Journals::One(&self.shared.head, self.typed())
    }
}

/// Shows the method's full name and its recorded calls.
impl<A, R, F: ?Sized> fmt::Debug for Method<A, R, F> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        journal::fmt_method(self, f)
    }
}
