//! `Method`: the child mock behind every mocked method — its journal and its answers.

// Expected arguments are taken by value so that tests read
// `assert_called_with(("k", 1))`, not `assert_called_with(&("k", 1))`.
#![allow(clippy::needless_pass_by_value)]

use crate::__private::type_name_of;
use crate::args::{ArgsDebug, ArgsEq};
use crate::calls::Call;
use crate::mock::MockCore;
use crate::report;
use std::collections::VecDeque;
use std::fmt;
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
    inner: Arc<Inner<A, R, F>>,
}

struct Inner<A, R, F: ?Sized> {
    core: Arc<MockCore>,
    /// `get`, or `get::<User>` for one instantiation of a generic method.
    name: Box<str>,
    render: fn(&A) -> Vec<String>,
    default: fn() -> Option<R>,
    state: Mutex<State<A, R, F>>,
    /// Values lent out by reference (`fn name(&self) -> &str`). Only ever
    /// grows, so every lent reference stays valid as long as this `Inner`.
    lent: Mutex<Vec<Arc<R>>>,
}

struct State<A, R, F: ?Sized> {
    calls: Vec<Record<A>>,
    once: VecDeque<R>,
    /// How many one-shot answers the latest batch queued (counting restarts
    /// when answers are queued onto an empty queue), for the exhaustion message.
    once_queued: usize,
    standing: Option<Standing<R, F>>,
}

struct Record<A> {
    seq: u64,
    args: A,
}

enum Standing<R, F: ?Sized> {
    Value(R, fn(&R) -> R),
    With(Arc<F>),
    Panic(String),
}

/// What the generated method does after the call is journaled.
enum Next<R, F: ?Sized> {
    Value(R),
    With(Arc<F>),
}

/// The next number of the global call sequence.
pub(crate) fn next_seq() -> u64 {
    SEQUENCE.fetch_add(1, Ordering::Relaxed)
}

/// A poisoned lock only means some user code (an answer, a `Debug` impl)
/// panicked while we held it; the journal itself is always consistent, so a
/// mock stays usable after a panic.
pub(crate) fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}

impl<A, R, F: ?Sized> Clone for Method<A, R, F> {
    fn clone(&self) -> Self {
        Method {
            inner: Arc::clone(&self.inner),
        }
    }
}

impl<A, R, F: ?Sized> Method<A, R, F> {
    #[doc(hidden)]
    pub fn __new(
        core: &Arc<MockCore>,
        name: &str,
        render: fn(&A) -> Vec<String>,
        default: fn() -> Option<R>,
    ) -> Self {
        let state = State {
            calls: Vec::new(),
            once: VecDeque::new(),
            once_queued: 0,
            standing: None,
        };
        let inner = Inner {
            core: Arc::clone(core),
            name: name.strip_prefix("r#").unwrap_or(name).into(),
            render,
            default,
            state: Mutex::new(state),
            lent: Mutex::new(Vec::new()),
        };
        Method {
            inner: Arc::new(inner),
        }
    }

    /// Journals a call and answers it; `invoke` runs a `returns_with` closure
    /// with the method's original arguments.
    #[doc(hidden)]
    pub fn __call(&self, args: A, invoke: impl FnOnce(&F) -> R) -> R {
        match self.record_and_choose(args) {
            Next::Value(value) => value,
            Next::With(answer) => invoke(&answer),
        }
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
        let kept = Arc::new(value);
        let lent: *const R = Arc::as_ptr(&kept);
        lock(&self.inner.lent).push(kept);
        // SAFETY: `lent` points into the heap allocation owned by `kept`,
        // which now sits in `self.inner.lent`. Moving an `Arc` does not move
        // its pointee, that vector is never shrunk or mutated in place, and
        // the value behind an `Arc` is never mutated, so the pointee stays
        // valid and unaliased by `&mut` until `Inner` drops. `Inner` outlives
        // the returned borrow: `self` holds an `Arc<Inner>` and cannot release
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

    /// Journals a call that was made before this instantiation of a generic
    /// method had its own child mock.
    #[doc(hidden)]
    pub fn __adopt(&self, seq: u64, args: A) {
        let mut state = lock(&self.inner.state);
        let at = state.calls.partition_point(|record| record.seq < seq);
        state.calls.insert(at, Record { seq, args });
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
        match self.record_and_choose_or(args, true) {
            Some(Next::Value(value)) => value,
            Some(Next::With(answer)) => invoke(&answer),
            None => fallback(),
        }
    }

    /// Sets the standing answer to a closure; the field's `returns_with` calls this.
    #[doc(hidden)]
    pub fn __returns_with(&self, answer: Arc<F>) {
        lock(&self.inner.state).standing = Some(Standing::With(answer));
    }

    fn record_and_choose(&self, args: A) -> Next<R, F> {
        match self.record_and_choose_or(args, false) {
            Some(next) => next,
            None => unreachable!("without a fallback, every call gets an answer"),
        }
    }

    /// `None` when nothing is configured and the caller has a fallback.
    fn record_and_choose_or(&self, args: A, has_fallback: bool) -> Option<Next<R, F>> {
        let mut state = lock(&self.inner.state);
        let seq = next_seq();
        state.calls.push(Record { seq, args });
        if has_fallback
            && state.once.is_empty()
            && state.once_queued == 0
            && state.standing.is_none()
        {
            return None;
        }
        Some(self.choose(state))
    }

    fn choose(&self, mut state: MutexGuard<'_, State<A, R, F>>) -> Next<R, F> {
        if let Some(value) = state.once.pop_front() {
            return Next::Value(value);
        }
        match &state.standing {
            Some(Standing::Value(value, clone)) => Next::Value(clone(value)),
            Some(Standing::With(answer)) => Next::With(Arc::clone(answer)),
            Some(Standing::Panic(message)) => {
                let message = message.clone();
                drop(state);
                panic!("{message}");
            }
            None => Next::Value(self.unconfigured(state)),
        }
    }

    /// The answer of a call with nothing configured: the default, or a panic
    /// that says why there is none and how to configure one.
    fn unconfigured(&self, state: MutexGuard<'_, State<A, R, F>>) -> R {
        let why = if state.once_queued > 0 {
            format!(
                "its {} (returns_once/returns_each) are used up and there is no standing answer",
                report::one_shot(state.once_queued)
            )
        } else if self.inner.core.is_sealed() {
            "the mock is sealed and this method has no answer".to_owned()
        } else if let Some(value) = (self.inner.default)() {
            return value;
        } else {
            format!(
                "no answer is configured and `{}` has no Default",
                type_name_of::<R>()
            )
        };
        let call = state.calls.last().map(|record| self.describe(&record.args));
        drop(state);
        let call = call.map_or_else(String::new, |call| call.to_string());
        let field = self.field();
        panic!(
            "{}.{call}: {why}.\nConfigure one with .{field}.returns(..), .{field}.returns_with(..) or .{field}.returns_once(..).",
            self.inner.core.name()
        );
    }

    fn describe(&self, args: &A) -> Call {
        Call::new(self.inner.name.to_string(), (self.inner.render)(args))
    }

    /// The field that configures this method: `get` for `get::<User>` too.
    fn field(&self) -> &str {
        let name = &*self.inner.name;
        name.split_once("::<").map_or(name, |(field, _)| field)
    }

    fn head(&self) -> String {
        format!("{}.{}", self.inner.core.name(), self.inner.name)
    }

    /// Every recorded call, rendered.
    fn rendered(&self) -> Vec<Call> {
        let state = lock(&self.inner.state);
        state
            .calls
            .iter()
            .map(|record| self.describe(&record.args))
            .collect()
    }

    fn expected_call<E: ArgsDebug>(&self, expected: &E) -> Call {
        Call::new(self.inner.name.to_string(), expected.render_args())
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
        lock(&self.inner.state).standing = Some(Standing::Value(value, R::clone));
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
        self.returns_each([value]);
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
        let mut state = lock(&self.inner.state);
        if state.once.is_empty() {
            state.once_queued = 0;
        }
        let before = state.once.len();
        state.once.extend(values);
        state.once_queued += state.once.len() - before;
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
        lock(&self.inner.state).standing = Some(Standing::Panic(message.into()));
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
        lock(&self.inner.state).calls.len()
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
        lock(&self.inner.state)
            .calls
            .last()
            .map(|record| record.args.clone())
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
        lock(&self.inner.state)
            .calls
            .iter()
            .map(|record| record.args.clone())
            .collect()
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
        lock(&self.inner.state).calls.clear();
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
        let calls = self.rendered();
        if calls.is_empty() {
            fail(report::wrong_count(&self.head(), "at least 1 call", &calls));
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
        let calls = self.rendered();
        if calls.len() != 1 {
            fail(report::wrong_count(&self.head(), "1 call", &calls));
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
        let calls = self.rendered();
        if !calls.is_empty() {
            fail(report::wrong_count(&self.head(), "0 calls", &calls));
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
        let state = lock(&self.inner.state);
        let last = state.calls.last();
        if last.is_some_and(|record| record.args.args_eq(&expected)) {
            return;
        }
        let actual = last.map(|record| self.describe(&record.args));
        drop(state);
        let all = self.rendered();
        fail(report::call_not_found(
            &self.head(),
            &self.expected_call(&expected),
            actual.as_ref(),
            &all,
        ));
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
        let count = self.call_count();
        if count != 1 {
            let all = self.rendered();
            let head = format!("{}: expected 1 call, got {count}.", self.head());
            let expected = self.expected_call(&expected);
            fail(format!(
                "{head}\nExpected: {expected}\n{}",
                report::journal(&all)
            ));
        }
        self.assert_called_with(expected);
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
        let found = lock(&self.inner.state)
            .calls
            .iter()
            .any(|record| record.args.args_eq(&expected));
        if !found {
            let all = self.rendered();
            let expected = self.expected_call(&expected);
            fail(format!(
                "{}: expected call not found.\nExpected: {expected} (at any position)\n{}",
                self.head(),
                report::journal(&all)
            ));
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
        let state = lock(&self.inner.state);
        let found = expected.is_empty()
            || state.calls.windows(expected.len()).any(|window| {
                window
                    .iter()
                    .zip(&expected)
                    .all(|(record, want)| record.args.args_eq(want))
            });
        drop(state);
        if !found {
            let wanted: Vec<Call> = expected.iter().map(|e| self.expected_call(e)).collect();
            fail(format!(
                "{}: expected calls not found in order.\nExpected: {}\n  Actual: {}",
                self.head(),
                report::list(&wanted),
                report::list(&self.rendered())
            ));
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
        let state = lock(&self.inner.state);
        let mut used = vec![false; state.calls.len()];
        let mut missing = Vec::new();
        for want in &expected {
            let hit = state
                .calls
                .iter()
                .enumerate()
                .position(|(i, record)| !used[i] && record.args.args_eq(want));
            match hit {
                Some(i) => used[i] = true,
                None => missing.push(self.expected_call(want)),
            }
        }
        drop(state);
        if !missing.is_empty() {
            let wanted: Vec<Call> = expected.iter().map(|e| self.expected_call(e)).collect();
            fail(format!(
                "{}: expected calls not found.\nExpected (any order): {}\n Missing: {}\n  Actual: {}",
                self.head(),
                report::list(&wanted),
                report::list(&missing),
                report::list(&self.rendered())
            ));
        }
    }
}

#[track_caller]
fn fail(message: String) -> ! {
    panic!("{message}")
}

/// A type-erased view of a [`Method`], for mock-level operations.
#[doc(hidden)]
pub trait AnyMethod {
    /// Every recorded call with its global sequence number.
    fn sequenced_calls(&self) -> Vec<(u64, Call)>;
    /// Forgets the recorded calls.
    fn reset(&self);
}

impl<A, R, F: ?Sized> AnyMethod for Method<A, R, F> {
    fn sequenced_calls(&self) -> Vec<(u64, Call)> {
        let state = lock(&self.inner.state);
        state
            .calls
            .iter()
            .map(|record| (record.seq, self.describe(&record.args)))
            .collect()
    }

    fn reset(&self) {
        Method::reset(self);
    }
}

/// Shows the method's full name and its recorded calls.
impl<A, R, F: ?Sized> fmt::Debug for Method<A, R, F> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Method")
            .field("name", &self.head())
            .field("calls", &self.rendered())
            .finish()
    }
}
