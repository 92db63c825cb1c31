//! `Method`: the child mock behind every mocked method, its journal and
//! its answers. This file holds the type and its configuration (the
//! answers); the rest lives by concern in the files below:
//!
//! - `state.rs`: the typed state (journal and answers) and its lock;
//! - `call.rs`: the call path that generated code takes (journal the call,
//!   pick the answer, hand an async call its future);
//! - `read.rs`: reading the journal and the count assertions;
//! - `sequence.rs`: the steps of `sequence()`, one-shot answers of every
//!   kind (`sequence()` and `AnswerSequence` are in this file, so that rustc
//!   names them `Method::<A, R, F>::sequence` in its messages);
//! - `statics.rs`: `returns_static`, for methods returning `&'static T`;
//! - `lend.rs`: the call path of methods returning `&mut T`, and reading
//!   back what they lend.
//!
//! The features add the rest of `Method`'s methods in their own modules
//! (`features/matchers`: `assert_called_with`, `when`, ..;
//! `features/waits.rs`, `features/awaits.rs`, `features/spy.rs`), through
//! the `pub(crate)` parts here, so that the core names no feature.
//!
//! Configuring answers stays in this file, beside the type, because
//! rustc names an inherent method `Method::<A, R, F>::returns` in a
//! "required by a bound" note only when its `impl` block is in the type's
//! own module (else `autospec::core::method::x::<impl Method<A, R, F>>`),
//! and the bounds of `returns`, `returns_once` and `returns_each`
//! (`StoredAnswer`) are the ones tests most often break.

use crate::core::answer::Pending;
use crate::core::answers::{ErasedPending, Once};
use crate::core::bounds::SharedJournal as Owner;
use crate::core::bounds::StoredAnswer;
use crate::core::closure::Closure;
use crate::core::holders::{Sent, StaticRef};
use crate::core::journal::ErasedArgs;
use crate::core::journal::{self, AnyMethod, Journals};
use crate::core::lent::Lending;
use crate::core::shared::{Erased, Shared};
use calls::Entry;
use std::fmt;
use std::marker::PhantomData;
use std::sync::Arc;

pub(crate) mod boxed;
pub(crate) mod call;
pub(crate) mod calls;
mod lend;
pub(crate) mod read;
pub(crate) mod sequence;
pub(crate) mod state;
pub(crate) mod statics;

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
///    [`returns_each`](Method::returns_each), and values, panics and closures
///    in any mix through [`sequence`](Method::sequence);
/// 3. the standing answer, the last one set: [`returns`](Method::returns),
///    `returns_with` (a closure receiving the method's own parameters, defined
///    on the field's type because it needs them; it may keep state, `FnMut`),
///    [`panics`](Method::panics);
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
    pub(crate) shared: Arc<Shared>,
    /// What this handle lent its last call, for a method returning `&mut T`
    /// (`lend.rs`); each handle has its own.
    lending: Lending<R>,
    /// `Send` and `Sync` as for a shared handle to the typed state that
    /// `shared` stands for (argument tuples `A`, answers, closures `F`).
    typed: PhantomData<Owner<A, R, F>>,
}

// Code size: every mocked method instantiates `Method` with its own `A` and
// `F`, and a debug build compiles everything generic over them once per
// mocked method. So only thin shells are generic over them: the call
// path's entry, the typed views of the journal and the typed comparisons
// (`features/matchers`). The journal keeps the tuples erased (`Calls`),
// so the state, its lock and the answer pick are generic over `R` alone,
// shared by all methods returning the same type (`state.rs`, `call.rs`,
// `core/answers.rs`); reading the journal, names, messages and panics
// compile once (`core/journal.rs`, `core/fail.rs`, the features' messages)
// and reach the typed journal through `&Mutex<dyn Journal>`. Even the
// handle's `Arc` is untyped (`Shared`, `core/shared.rs`), since `Arc`'s own
// code is large in a debug build; it owns the typed part through a pointer.

impl<A, R, F: ?Sized> Clone for Method<A, R, F> {
    fn clone(&self) -> Self {
        Method {
            shared: Arc::clone(&self.shared),
            lending: Lending::new(),
            typed: PhantomData,
        }
    }
}

// Beside the type, for the compiler's notes (see the top of the file).
/// Configuring answers.
impl<A, R, F: ?Sized> Method<A, R, F> {
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
        let make: ErasedPending<R> = Arc::new(move |args: ErasedArgs<'_>| {
            // SAFETY: only `__call_async` of this method calls it, with the
            // erased arguments of a call of this method (as for a `when`
            // rule's test).
            let future = answer(unsafe { Entry::<A>::of(args) }.value());
            Box::pin(future) as Pending<R>
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
        R: Clone + StoredAnswer,
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
        R: StoredAnswer,
    {
        self.state().answers.queue([Once::Value(Sent::new(value))]);
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
        R: StoredAnswer,
    {
        let values = values
            .into_iter()
            .map(|value| Once::Value(Sent::new(value)));
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

    /// Starts a sequence of one-shot answers of any kind: see [`AnswerSequence`].
    ///
    /// ```
    /// # use autospec::prelude::*;
    /// #[autospec]
    /// trait Store { fn get(&self, key: &str) -> Option<String>; }
    /// let store = MockStore::default();
    /// store.get.sequence().panics("KeyError").returns(Some("v".into()));
    /// assert!(std::panic::catch_unwind(|| store.get("k")).is_err());
    /// assert_eq!(store.get("k"), Some("v".into()));
    /// ```
    #[must_use = "a sequence queues nothing until it is given answers"]
    pub fn sequence(&self) -> AnswerSequence<'_, A, R, F> {
        AnswerSequence { method: self }
    }

    /// Forgets every answer configured for this method, as if none was
    /// ever set (Python's `reset_mock(return_value=True, side_effect=True)`
    /// for one method): `when` rules, one-shot answers, the standing answer
    /// and the forms given to `accepts`. Calls answer the default again
    /// (or, on a spy, call the real implementation). The journal stays;
    /// [`reset`](Method::reset) forgets it.
    ///
    /// ```
    /// # use autospec::prelude::*;
    /// #[autospec]
    /// trait Dice { fn roll(&self) -> u8; }
    /// let dice = MockDice::default();
    /// dice.roll.returns(6);
    /// dice.roll.returns_once(1);
    /// dice.roll.reset_answers();
    /// assert_eq!(dice.roll(), 0); // u8's default: nothing is configured
    /// dice.roll.assert_called_once();
    /// ```
    pub fn reset_answers(&self) {
        self.state().answers.clear();
    }

    /// `returns(v)` of a method returning `&mut T` from `&mut self`: every
    /// call is lent the same value (the field's `returns` calls this).
    #[doc(hidden)]
    pub fn __returns_lent(&self, value: R) {
        self.state().answers.set_lent(value);
    }

    /// Sets the standing answer to a closure; the field's `returns_with` calls this.
    #[doc(hidden)]
    pub fn __returns_with(&self, answer: Box<F>) {
        let answer = Arc::new(Closure::new(Erased::new(Box::new(answer))));
        self.state().answers.set_with(answer);
    }

    /// Sets the standing answer of a method returning `&'static T` to a
    /// reference the test has (`returns_static(&CONFIG)` of the field).
    #[doc(hidden)]
    pub fn __returns_static<T: ?Sized + 'static>(&self, answer: StaticRef<T>) {
        self.state().answers.set_static(Box::new(answer));
    }
}

/// One-shot answers being queued, each for one call, first in, first out:
/// values, panics and closures in any mix (Python's `side_effect = [3,
/// KeyError("k"), 6]`). Made by [`Method::sequence`]; each step queues its
/// answer at once, so the chain needs no closing call.
///
/// **When the sequence is used up**, the next call gets the standing answer
/// ([`returns`](Method::returns), `returns_with`, [`panics`](Method::panics)),
/// which [`then_returns`](AnswerSequence::then_returns) sets; with no standing
/// answer it panics and says that the sequence is used up, rather than
/// quietly returning the default: a sequence states how many calls the test
/// expects. [`then_default`](AnswerSequence::then_default) lets the calls after
/// it get the default instead.
///
/// ```
/// # use autospec::prelude::*;
/// #[autospec]
/// trait Dice { fn roll(&self, sides: u8) -> u8; }
/// let dice = MockDice::default();
/// dice.roll
///     .sequence()
///     .returns(3)
///     .panics("the die fell off the table")
///     .returns_with(|(sides,)| *sides)
///     .then_returns(1);
/// assert_eq!(dice.roll(6), 3);
/// assert!(std::panic::catch_unwind(|| dice.roll(6)).is_err());
/// assert_eq!(dice.roll(20), 20);
/// assert_eq!((dice.roll(6), dice.roll(6)), (1, 1)); // used up: the standing answer
/// assert_eq!(dice.roll.call_count(), 5);
/// ```
pub struct AnswerSequence<'m, A, R, F: ?Sized> {
    pub(super) method: &'m Method<A, R, F>,
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
