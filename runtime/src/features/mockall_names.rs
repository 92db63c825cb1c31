//! mockall's names on a child mock (`returning`, `times`, ..): each
//! fails to compile with [`FromMockall`]'s message, which names the
//! autospec way, where rustc would only say "no method named" (or suggest
//! a wrong near-namesake: `returns` for `returning`).

use crate::core::method::Method;

/// What a child mock says to a method name from mockall: autospec
/// arranges answers first, runs the code, then asserts on the journal, so
/// mockall's expectation methods map onto answers and assertions.
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
/// store.get.returns_with(|key| Some(key.to_uppercase())); // mockall: `returning`
/// assert_eq!(store.get("k"), Some("K".to_owned()));
/// store.get.assert_called_times(1); // mockall: `times(1)`
/// store.get.assert_called_with(("k",)); // mockall: `with(eq("k"))`
/// ```
///
/// ```compile_fail,E0277
/// # use autospec::prelude::*;
/// # #[autospec]
/// # trait Store {
/// #     fn get(&self, key: &str) -> Option<String>;
/// # }
/// # let store = MockStore::default();
/// // error: this is mockall's API: autospec arranges answers, then checks the journal
/// store.get.returning(|_| None);
/// ```
#[diagnostic::on_unimplemented(
    message = "this is mockall's API: autospec arranges answers, runs the code, then checks the journal",
    label = "not an autospec method",
    note = "mockall's `returning` is `returns_with`, `return_const` is `returns`, `return_once` is `returns_once` (or `returns_with`); `times(n)`, `once()` and `never()` are checked after the call with `assert_called_times(n)`, `assert_called_once()` and `assert_not_called()`; `with(..)`/`withf(..)` are `when(..)` to answer by argument, or `assert_called_with(..)` afterwards; `in_sequence` is `assert_in_order!`"
)]
pub trait FromMockall {}

/// mockall's expectation methods, each failing with [`FromMockall`].
#[doc(hidden)]
impl<A, R, F: ?Sized> Method<A, R, F> {
    pub fn returning<V: FromMockall>(&self, answer: V) {
        drop(answer);
    }
    pub fn return_const<V: FromMockall>(&self, value: V) {
        drop(value);
    }
    pub fn return_once<V: FromMockall>(&self, answer: V) {
        drop(answer);
    }
    pub fn times<V: FromMockall>(&self, times: V) {
        drop(times);
    }
    pub fn with<V: FromMockall>(&self, expected: V) {
        drop(expected);
    }
    pub fn withf<V: FromMockall>(&self, predicate: V) {
        drop(predicate);
    }
    pub fn in_sequence<V: FromMockall>(&self, sequence: V) {
        drop(sequence);
    }
    pub fn once(&self)
    where
        Self: FromMockall,
    {
    }
    pub fn never(&self)
    where
        Self: FromMockall,
    {
    }
}
