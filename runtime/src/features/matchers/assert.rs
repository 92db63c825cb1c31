//! The assertions and queries of `Method` that take expected arguments (a
//! tuple, or `args!(..)` with matchers). Only the comparisons are generic
//! over the argument tuple; the messages are built once, in `messages.rs`.

// Expected arguments are taken by value so that tests read
// `assert_called_with(("k", 1))`, not `assert_called_with(&("k", 1))`.
#![allow(clippy::needless_pass_by_value)]

use crate::core::method::calls::Entry;
use crate::core::method::Method;
use crate::features::matchers::args::{Args, ArgsMatch, Check, Expected};
use crate::features::matchers::messages;

/// Assertions on the arguments of the calls.
impl<A, R, F: ?Sized> Method<A, R, F> {
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
            _ => messages::fail_called_once_with(self, &expected.__describe()),
        }
    }

    /// How many calls there were, and whether the last had these arguments.
    fn last_call_is<E: ArgsMatch<A>>(&self, expected: &E) -> (usize, bool) {
        let state = self.state();
        let found = match state.last_entry() {
            Some(args) => expected.__matches(args),
            None => false,
        };
        (state.args.len(), found)
    }

    #[track_caller]
    fn fail_last<E: ArgsMatch<A>>(&self, expected: &E) -> ! {
        messages::fail_called_with(self, &expected.__describe(), expected.__erased())
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
            messages::fail_any_call(self, &expected.__describe(), expected.__erased());
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
        state
            .entries()
            .filter(|args| expected.__matches(*args))
            .count()
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
        let args: Vec<Entry<'_, A>> = state.entries().collect();
        let found = has_run(&args, &expected);
        drop(state);
        if !found {
            messages::fail_has_calls(self, &describe_each(&expected));
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
        let calls: Vec<Entry<'_, A>> = state.entries().collect();
        let missing = missing_in_any_order(&calls, &expected);
        drop(state);
        if !missing.is_empty() {
            messages::fail_any_order(self, &describe_each(&expected), &missing);
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
            .zip(state.entries())
            .filter(|(_, args)| expected.__matches(*args))
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

/// Whether `expected` occur consecutively, in order, in `calls`.
pub(crate) fn has_run<A, E: ArgsMatch<A>>(calls: &[Entry<'_, A>], expected: &[E]) -> bool {
    expected.is_empty()
        || calls.windows(expected.len()).any(|window| {
            window
                .iter()
                .zip(expected)
                .all(|(args, want)| want.__matches(*args))
        })
}

/// The positions in `expected` of the calls not found in `calls`, when
/// each call may match at most one expected call, in any order.
pub(crate) fn missing_in_any_order<A, E: ArgsMatch<A>>(
    calls: &[Entry<'_, A>],
    expected: &[E],
) -> Vec<usize> {
    let mut used = vec![false; calls.len()];
    let mut missing = Vec::new();
    for (n, want) in expected.iter().enumerate() {
        let hit = calls
            .iter()
            .enumerate()
            .position(|(i, args)| !used[i] && want.__matches(*args));
        match hit {
            Some(i) => used[i] = true,
            None => missing.push(n),
        }
    }
    missing
}

/// The description of each expected call.
pub(crate) fn describe_each<A, E: ArgsMatch<A>>(expected: &[E]) -> Vec<Expected> {
    expected.iter().map(ArgsMatch::__describe).collect()
}

/// What a call written out in [`assert_called!`](crate::assert_called!)
/// and [`assert_in_order!`](crate::assert_in_order!) names: a method's
/// child mock (`store.get`), or a patch guard's. The child mock of a
/// generic method holds one child per instantiation, so the call names
/// one with its type arguments:
///
/// ```
/// use autospec::prelude::*;
///
/// #[autospec]
/// trait Bus {
///     fn send<T: std::fmt::Debug + PartialEq + 'static>(&self, message: T);
/// }
///
/// let bus = MockBus::default();
/// bus.send.of::<u8>();
/// bus.send(7u8);
/// assert_called!(bus.send::<u8>(7));
/// ```
///
/// ```compile_fail,E0277
/// # use autospec::prelude::*;
/// # #[autospec]
/// # trait Bus {
/// #     fn send<T: std::fmt::Debug + PartialEq + 'static>(&self, message: T);
/// # }
/// # let bus = MockBus::default();
/// // error: `send` is generic: write its type arguments, `bus.send::<u8>(..)`
/// assert_called!(bus.send(7u8));
/// ```
#[diagnostic::on_unimplemented(
    message = "this is the child mock of a generic method, which has one child per instantiation",
    label = "name the instantiation with its type arguments, as in `mock.method::<u8>(..)`",
    note = "`assert_called!` and `assert_in_order!` check the calls of one instantiation of a generic method"
)]
pub trait WrittenCall {
    /// The method whose calls are checked.
    #[doc(hidden)]
    type Method: ?Sized;
    #[doc(hidden)]
    fn __method(&self) -> &Self::Method;
}

/// The method a written call names (`assert_called!`).
#[doc(hidden)]
pub fn written_call<T: WrittenCall + ?Sized>(field: &T) -> &T::Method {
    field.__method()
}

impl<A, R, F: ?Sized> WrittenCall for Method<A, R, F> {
    type Method = Self;
    fn __method(&self) -> &Self {
        self
    }
}

/// A child mock: it derefs to its method.
#[diagnostic::do_not_recommend]
impl<T> WrittenCall for T
where
    T: std::ops::Deref,
    T::Target: WrittenCall,
{
    type Method = <T::Target as WrittenCall>::Method;
    fn __method(&self) -> &Self::Method {
        (**self).__method()
    }
}
