//! `ReturnsStatic`: the `returns` of a method that returns `&'static T`,
//! which takes the `&'static T` the test already has (`returns(&CONFIG)`)
//! as well as an owned value.

use super::Method;
use crate::core::bounds::{OwnedValue, StaticRef, StoredAnswer};
use std::ops::Deref;

/// The `returns` of the child mock of a method that returns `&'static T`
/// (in the prelude): it takes a `&'static T` the test already has, which
/// every call then returns as it is, with no copy and no leak; or, as
/// [`Method::returns`] does, an owned value, which the mock lends out (each
/// call's answer is leaked, to live long enough: one small allocation per
/// call).
///
/// Implemented by the generated child mocks of such methods; it is a trait,
/// not a method of [`Method`], because the value's type decides which of
/// the two it is. mockall's `return_const(&X)`.
///
/// ```
/// use autospec::prelude::*;
///
/// pub struct Config { pub region: &'static str }
/// static CONFIG: Config = Config { region: "eu-west" };
///
/// #[autospec]
/// trait Settings {
///     fn config(&self) -> &'static Config;
///     fn name(&self) -> &'static str;
/// }
///
/// let settings = MockSettings::default();
/// settings.config.returns(&CONFIG);
/// assert!(std::ptr::eq(settings.config(), &CONFIG)); // the same value, not a copy
/// settings.name.returns("owned".to_string()); // an owned value still works
/// assert_eq!(settings.name(), "owned");
/// settings.name.returns("static");
/// assert_eq!(settings.name(), "static");
/// ```
pub trait ReturnsStatic<T: ?Sized>: Deref {
    /// Answers every later call with `value`: a `&'static T`, returned as
    /// it is, or an owned value, lent out (see the trait).
    fn returns<V, How>(&self, value: V)
    where
        V: StaticAnswer<Self::Target, T, How>,
    {
        value.__set(&**self);
    }
}

/// What [`ReturnsStatic::returns`] takes: a `&'static T`, or the owned value
/// a call would lend out. `How` tells the two apart; it is inferred.
#[diagnostic::on_unimplemented(
    message = "a method that returns `&'static {T}` answers with a `&'static {T}` or with an owned value it lends out, and `{Self}` is neither",
    label = "neither a `&'static {T}` nor the owned value of the method's answer",
    note = "a `&'static {T}` is returned as it is; an owned value is cloned for each call, so its type must be `Clone`"
)]
pub trait StaticAnswer<M: ?Sized, T: ?Sized, How> {
    #[doc(hidden)]
    fn __set(self, method: &M);
}

impl<A, R, F: ?Sized, T: ?Sized> StaticAnswer<Method<A, R, F>, T, OwnedValue> for R
where
    R: Clone + StoredAnswer,
{
    fn __set(self, method: &Method<A, R, F>) {
        method.returns(self);
    }
}

impl<A, R, F: ?Sized, T: ?Sized + Sync + 'static> StaticAnswer<Method<A, R, F>, T, StaticRef>
    for &'static T
{
    fn __set(self, method: &Method<A, R, F>) {
        method.__returns_static(self);
    }
}
