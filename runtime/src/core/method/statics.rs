//! `ReturnsStatic`: `returns_static(&CONFIG)`, the answer of a method that
//! returns `&'static T` with a `&'static T` the test already has.

use crate::core::holders::StaticRef;

/// The `returns_static` of the child mock of a method that returns
/// `&'static T` (in the prelude): it answers every later call with a
/// `&'static T` the test already has, returned as it is, with no copy and
/// no leak (mockall's `return_const(&X)`). [`returns`](crate::Method::returns)
/// still takes an owned value, which the mock lends out (each call's answer
/// is leaked, to live long enough: one small allocation per call).
///
/// It is a trait, which the generated child mocks of such methods
/// implement, rather than a form of `returns`: a `returns` that took either
/// would leave `returns("x".into())` without a type to convert into.
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
/// settings.config.returns_static(&CONFIG);
/// assert!(std::ptr::eq(settings.config(), &CONFIG)); // the same value, not a copy
/// settings.name.returns("owned".into()); // an owned value still works
/// assert_eq!(settings.name(), "owned");
/// settings.name.returns_static("static");
/// assert_eq!(settings.name(), "static");
/// ```
pub trait ReturnsStatic<T: ?Sized + 'static> {
    /// Answers every later call with `value`, returned as it is. A
    /// standing answer, like [`returns`](crate::Method::returns): one-shot
    /// answers and `when` rules come first, and the last standing answer
    /// set wins. `T` must be `Sync`, since the mock may be shared between
    /// threads (a `static` always is).
    ///
    /// ```
    /// # use autospec::prelude::*;
    /// #[autospec]
    /// trait Greeter { fn greeting(&self) -> &'static str; }
    /// let greeter = MockGreeter::default();
    /// greeter.greeting.returns_static("hello");
    /// assert_eq!(greeter.greeting(), "hello");
    /// ```
    fn returns_static(&self, value: &'static T)
    where
        T: Sync,
    {
        self.__returns_static(StaticRef::new(value));
    }

    /// Sets the answer; `StaticRef` proves `T: Sync`, which the generated
    /// impl cannot state (a bound on a concrete type that does not hold
    /// would not compile, even unused).
    #[doc(hidden)]
    fn __returns_static(&self, value: StaticRef<T>);
}
