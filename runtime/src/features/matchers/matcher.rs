//! Matchers: expectations on one argument that are looser than equality.
//!
//! A matcher stands in the place of an argument inside
//! [`args!`](crate::args!) or [`assert_called!`](crate::assert_called!):
//! `args!("k", gt(3))`. It is checked against the journaled argument's type
//! at compile time: `gt(3)` where the argument is a `String` does not
//! compile.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet, VecDeque};
use std::fmt::Debug;
use std::hash::{BuildHasher, Hash};
use std::path::{Path, PathBuf};

/// How a matcher reads in failure messages (`> 3`, `contains "k"`).
///
/// Every matcher implements it; it is also what makes [`args!`](crate::args!)
/// treat a value as a matcher rather than as a value to compare with `==`.
/// Implement it, with [`Matcher`], for a matcher of your own.
///
/// ```
/// use autospec::prelude::*;
/// use autospec::{Describe, Matcher};
///
/// /// Matches an even number.
/// struct Even;
/// impl Describe for Even {
///     fn describe(&self) -> String {
///         "an even number".into()
///     }
/// }
/// impl Matcher<u32> for Even {
///     fn matches(&self, arg: &u32) -> bool {
///         arg % 2 == 0
///     }
/// }
///
/// #[autospec]
/// trait Sink { fn push(&self, n: u32); }
/// let sink = MockSink::default();
/// sink.push(4);
/// sink.push.assert_called_with(args!(Even));
/// assert_eq!(Even.describe(), "an even number");
/// ```
pub trait Describe {
    /// The expectation, as failure messages show it.
    fn describe(&self) -> String;
}

/// Decides whether one journaled argument of type `T` is acceptable.
///
/// See [`Describe`] for a matcher of your own.
///
/// ```
/// use autospec::{gt, Matcher};
///
/// assert!(gt(3).matches(&5u32));
/// assert!(!gt(3).matches(&2u32));
/// ```
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot match an argument of type `{T}`",
    label = "this matcher does not apply to `{T}`",
    note = "the matcher's value must be comparable with the method's parameter type (`eq(\"k\")` for a `&str` or `String` parameter, `gt(3)` for a number)"
)]
pub trait Matcher<T: ?Sized>: Describe {
    /// Whether `arg` meets the expectation.
    fn matches(&self, arg: &T) -> bool;
}

/// Matches any argument: Python's `mock.ANY`. Written `_` inside
/// [`args!`](crate::args!) and [`assert_called!`](crate::assert_called!).
///
/// ```
/// use autospec::prelude::*;
///
/// #[autospec]
/// trait Store { fn put(&self, key: &str, value: Vec<u8>); }
/// let store = MockStore::default();
/// store.put("k", vec![1]);
/// store.put.assert_called_with(args!("k", ANY));
/// store.put.assert_called_with(args!("k", _));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Any;

/// The wildcard, as a constant: `args!("k", ANY)` reads as Python's
/// `call("k", ANY)`.
///
/// ```
/// use autospec::{Matcher, ANY};
/// assert!(ANY.matches(&"anything"));
/// ```
pub const ANY: Any = Any;

impl Describe for Any {
    fn describe(&self) -> String {
        "_".to_owned()
    }
}

impl<T: ?Sized> Matcher<T> for Any {
    fn matches(&self, _: &T) -> bool {
        true
    }
}

/// Matches any argument; the function form of [`ANY`].
///
/// ```
/// use autospec::{any, Matcher};
/// assert!(any().matches(&42));
/// ```
pub fn any() -> Any {
    Any
}

/// Equality (or inequality) with a value: [`eq`], [`ne`], and every plain
/// value inside [`args!`](crate::args!).
///
/// ```
/// use autospec::{eq, Describe, Matcher};
/// assert_eq!(eq("k").describe(), r#""k""#);
/// assert!(eq("k").matches(&String::from("k")));
/// ```
#[derive(Clone)]
pub struct Equals<V> {
    value: V,
    text: String,
    equal: bool,
}

impl<V> Equals<V> {
    /// A value inside `args!`, rendered by the macro (its `Debug`, else its
    /// type name).
    #[doc(hidden)]
    pub fn __value(value: V, text: String) -> Self {
        Equals {
            value,
            text,
            equal: true,
        }
    }
}

impl<V> Describe for Equals<V> {
    fn describe(&self) -> String {
        if self.equal {
            self.text.clone()
        } else {
            format!("!= {}", self.text)
        }
    }
}

impl<T: ?Sized + PartialEq<V>, V> Matcher<T> for Equals<V> {
    fn matches(&self, arg: &T) -> bool {
        (*arg == self.value) == self.equal
    }
}

/// Matches an argument equal to `value` (what a plain value in
/// [`args!`](crate::args!) does already); useful inside [`not`], [`and`]
/// and [`or`].
///
/// ```
/// use autospec::{eq, Matcher};
/// assert!(eq("k").matches(&String::from("k")));
/// ```
pub fn eq<V: Debug>(value: V) -> Equals<V> {
    let text = format!("{value:?}");
    Equals {
        value,
        text,
        equal: true,
    }
}

/// Matches an argument not equal to `value`.
///
/// ```
/// use autospec::{ne, Matcher};
/// assert!(ne(0).matches(&3));
/// assert!(!ne(0).matches(&0));
/// ```
pub fn ne<V: Debug>(value: V) -> Equals<V> {
    Equals {
        equal: false,
        ..eq(value)
    }
}

/// An ordering comparison with a value: [`lt`], [`le`], [`gt`], [`ge`].
///
/// ```
/// use autospec::{le, Describe, Matcher};
/// assert_eq!(le(3).describe(), "<= 3");
/// assert!(le(3).matches(&3u8));
/// ```
#[derive(Clone)]
pub struct Compare<V> {
    value: V,
    op: Op,
}

#[derive(Clone, Copy)]
enum Op {
    Lt,
    Le,
    Gt,
    Ge,
}

impl<V: Debug> Describe for Compare<V> {
    fn describe(&self) -> String {
        let op = match self.op {
            Op::Lt => "<",
            Op::Le => "<=",
            Op::Gt => ">",
            Op::Ge => ">=",
        };
        format!("{op} {:?}", self.value)
    }
}

impl<T: ?Sized + PartialOrd<V>, V: Debug> Matcher<T> for Compare<V> {
    fn matches(&self, arg: &T) -> bool {
        match self.op {
            Op::Lt => *arg < self.value,
            Op::Le => *arg <= self.value,
            Op::Gt => *arg > self.value,
            Op::Ge => *arg >= self.value,
        }
    }
}

/// Matches an argument less than `value`.
///
/// ```
/// use autospec::{lt, Matcher};
/// assert!(lt(3).matches(&2));
/// ```
pub fn lt<V: Debug>(value: V) -> Compare<V> {
    Compare { value, op: Op::Lt }
}

/// Matches an argument less than or equal to `value`.
///
/// ```
/// use autospec::{le, Matcher};
/// assert!(le(3).matches(&3));
/// ```
pub fn le<V: Debug>(value: V) -> Compare<V> {
    Compare { value, op: Op::Le }
}

/// Matches an argument greater than `value`.
///
/// ```
/// use autospec::{gt, Matcher};
/// assert!(gt(3).matches(&4u64));
/// ```
pub fn gt<V: Debug>(value: V) -> Compare<V> {
    Compare { value, op: Op::Gt }
}

/// Matches an argument greater than or equal to `value`.
///
/// ```
/// use autospec::{ge, Matcher};
/// assert!(ge(3.5).matches(&3.5));
/// ```
pub fn ge<V: Debug>(value: V) -> Compare<V> {
    Compare { value, op: Op::Ge }
}

/// A collection that [`contains`] can look into: strings (a substring or a
/// `char`), `Vec`, `VecDeque`, arrays, slices, `Option` and the std sets
/// (an element), the std maps (a key).
///
/// ```
/// use autospec::Collection;
/// assert!(String::from("hello").holds(&"ell"));
/// assert!(vec![1, 2].holds(&2));
/// ```
#[diagnostic::on_unimplemented(
    message = "`contains` does not apply to a `{Self}` argument holding `{V}`",
    label = "`{Self}` is not a collection of `{V}`",
    note = "`contains` looks into strings (a substring or char), Vec, VecDeque, arrays, slices, Option, the std sets and maps (a key)"
)]
pub trait Collection<V: ?Sized> {
    /// Whether `item` is in the collection.
    fn holds(&self, item: &V) -> bool;
}

impl<V: AsRef<str> + ?Sized> Collection<V> for String {
    fn holds(&self, item: &V) -> bool {
        self.as_str().contains(item.as_ref())
    }
}

impl<V: AsRef<str> + ?Sized> Collection<V> for str {
    fn holds(&self, item: &V) -> bool {
        self.contains(item.as_ref())
    }
}

impl<T: PartialEq<V>, V> Collection<V> for Vec<T> {
    fn holds(&self, item: &V) -> bool {
        self.iter().any(|element| *element == *item)
    }
}

impl<T: PartialEq<V>, V> Collection<V> for [T] {
    fn holds(&self, item: &V) -> bool {
        self.iter().any(|element| *element == *item)
    }
}

impl<T: PartialEq<V>, V, const N: usize> Collection<V> for [T; N] {
    fn holds(&self, item: &V) -> bool {
        self.iter().any(|element| *element == *item)
    }
}

impl<T: PartialEq<V>, V> Collection<V> for VecDeque<T> {
    fn holds(&self, item: &V) -> bool {
        self.iter().any(|element| *element == *item)
    }
}

impl<T: PartialEq<V>, V> Collection<V> for Option<T> {
    fn holds(&self, item: &V) -> bool {
        self.as_ref().is_some_and(|element| *element == *item)
    }
}

impl<T: Eq + Hash, S: BuildHasher> Collection<T> for HashSet<T, S> {
    fn holds(&self, item: &T) -> bool {
        self.contains(item)
    }
}

impl<T: Ord> Collection<T> for BTreeSet<T> {
    fn holds(&self, item: &T) -> bool {
        self.contains(item)
    }
}

impl<K: Eq + Hash, W, S: BuildHasher> Collection<K> for HashMap<K, W, S> {
    fn holds(&self, item: &K) -> bool {
        self.contains_key(item)
    }
}

impl<K: Ord, W> Collection<K> for BTreeMap<K, W> {
    fn holds(&self, item: &K) -> bool {
        self.contains_key(item)
    }
}

/// Matches a collection that holds `item`; see [`contains`].
///
/// ```
/// use autospec::{contains, Describe};
/// assert_eq!(contains(3).describe(), "contains 3");
/// ```
#[derive(Clone)]
pub struct Contains<V> {
    item: V,
}

impl<V: Debug> Describe for Contains<V> {
    fn describe(&self) -> String {
        format!("contains {:?}", self.item)
    }
}

impl<T: ?Sized + Collection<V>, V: Debug> Matcher<T> for Contains<V> {
    fn matches(&self, arg: &T) -> bool {
        arg.holds(&self.item)
    }
}

/// Matches a string holding a substring (or a `char`), or a collection
/// holding an element (a key, for maps); see [`Collection`].
///
/// ```
/// use autospec::{contains, Matcher};
/// assert!(contains("ell").matches(&String::from("hello")));
/// assert!(contains(3).matches(&vec![1, 2, 3]));
/// ```
pub fn contains<V: Debug>(item: V) -> Contains<V> {
    Contains { item }
}

/// A sequence with a start and an end, for [`starts_with`] and
/// [`ends_with`]: strings, `Vec`, slices and paths.
///
/// ```
/// use autospec::Sequence;
/// assert!(String::from("hello").starts(&"he"));
/// assert!(vec![1, 2, 3].ends(&[2, 3]));
/// ```
#[diagnostic::on_unimplemented(
    message = "`starts_with`/`ends_with` do not apply to a `{Self}` argument with `{V}`",
    label = "`{Self}` has no start or end comparable with `{V}`",
    note = "they apply to strings, Vec, slices and paths"
)]
pub trait Sequence<V: ?Sized> {
    /// Whether the sequence starts with `prefix`.
    fn starts(&self, prefix: &V) -> bool;
    /// Whether the sequence ends with `suffix`.
    fn ends(&self, suffix: &V) -> bool;
}

impl<V: AsRef<str> + ?Sized> Sequence<V> for String {
    fn starts(&self, prefix: &V) -> bool {
        self.as_str().starts_with(prefix.as_ref())
    }
    fn ends(&self, suffix: &V) -> bool {
        self.as_str().ends_with(suffix.as_ref())
    }
}

impl<V: AsRef<str> + ?Sized> Sequence<V> for str {
    fn starts(&self, prefix: &V) -> bool {
        self.starts_with(prefix.as_ref())
    }
    fn ends(&self, suffix: &V) -> bool {
        self.ends_with(suffix.as_ref())
    }
}

impl<T: PartialEq, V: AsRef<[T]> + ?Sized> Sequence<V> for Vec<T> {
    fn starts(&self, prefix: &V) -> bool {
        self.starts_with(prefix.as_ref())
    }
    fn ends(&self, suffix: &V) -> bool {
        self.ends_with(suffix.as_ref())
    }
}

impl<T: PartialEq, V: AsRef<[T]> + ?Sized> Sequence<V> for [T] {
    fn starts(&self, prefix: &V) -> bool {
        self.starts_with(prefix.as_ref())
    }
    fn ends(&self, suffix: &V) -> bool {
        self.ends_with(suffix.as_ref())
    }
}

impl<V: AsRef<Path> + ?Sized> Sequence<V> for PathBuf {
    fn starts(&self, prefix: &V) -> bool {
        self.starts_with(prefix)
    }
    fn ends(&self, suffix: &V) -> bool {
        self.ends_with(suffix)
    }
}

/// Matches a sequence by its start or its end; see [`starts_with`] and
/// [`ends_with`].
///
/// ```
/// use autospec::{ends_with, Describe};
/// assert_eq!(ends_with(".rs").describe(), r#"ends with ".rs""#);
/// ```
#[derive(Clone)]
pub struct Affix<V> {
    affix: V,
    start: bool,
}

impl<V: Debug> Describe for Affix<V> {
    fn describe(&self) -> String {
        let side = if self.start { "starts" } else { "ends" };
        format!("{side} with {:?}", self.affix)
    }
}

impl<T: ?Sized + Sequence<V>, V: Debug> Matcher<T> for Affix<V> {
    fn matches(&self, arg: &T) -> bool {
        if self.start {
            arg.starts(&self.affix)
        } else {
            arg.ends(&self.affix)
        }
    }
}

/// Matches a string, `Vec`, slice or path that starts with `prefix`.
///
/// ```
/// use autospec::{starts_with, Matcher};
/// assert!(starts_with("/api").matches(&String::from("/api/users")));
/// ```
pub fn starts_with<V: Debug>(prefix: V) -> Affix<V> {
    Affix {
        affix: prefix,
        start: true,
    }
}

/// Matches a string, `Vec`, slice or path that ends with `suffix`.
///
/// ```
/// use autospec::{ends_with, Matcher};
/// assert!(ends_with(".json").matches(&String::from("a.json")));
/// ```
pub fn ends_with<V: Debug>(suffix: V) -> Affix<V> {
    Affix {
        affix: suffix,
        start: false,
    }
}

/// Matches the arguments a closure accepts; see [`pred`].
///
/// ```
/// use autospec::{pred, Matcher};
/// assert!(pred(|n: &u32| n % 2 == 0).matches(&4));
/// ```
#[derive(Clone)]
pub struct Pred<F> {
    test: F,
    text: String,
}

impl<F> Pred<F> {
    /// A closure inside `args!`, shown as its source text.
    #[doc(hidden)]
    pub fn __source(test: F, source: &str) -> Self {
        Pred {
            test,
            text: source.to_owned(),
        }
    }
}

impl<F> Describe for Pred<F> {
    fn describe(&self) -> String {
        self.text.clone()
    }
}

impl<T: ?Sized, F: Fn(&T) -> bool> Matcher<T> for Pred<F> {
    fn matches(&self, arg: &T) -> bool {
        (self.test)(arg)
    }
}

/// Matches the arguments for which the closure returns `true`. Inside
/// [`args!`](crate::args!) a closure is a predicate already (and failure
/// messages show its source); `pred` names it elsewhere, e.g. inside
/// [`not`].
///
/// ```
/// use autospec::{pred, Matcher};
/// let short = pred(|s: &String| s.len() < 4);
/// assert!(short.matches(&"abc".to_string()));
/// ```
pub fn pred<T: ?Sized, F: Fn(&T) -> bool>(test: F) -> Pred<F> {
    Pred {
        test,
        text: "a predicate".to_owned(),
    }
}

/// Matches what the inner matcher does not; see [`not`].
///
/// ```
/// use autospec::{eq, not, Describe};
/// assert_eq!(not(eq(1)).describe(), "not 1");
/// ```
#[derive(Clone)]
pub struct Not<M>(M);

impl<M: Describe> Describe for Not<M> {
    fn describe(&self) -> String {
        format!("not {}", self.0.describe())
    }
}

impl<T: ?Sized, M: Matcher<T>> Matcher<T> for Not<M> {
    fn matches(&self, arg: &T) -> bool {
        !self.0.matches(arg)
    }
}

/// Matches what `matcher` does not.
///
/// ```
/// use autospec::{contains, not, Matcher};
/// assert!(not(contains("x")).matches(&String::from("abc")));
/// ```
pub fn not<M: Describe>(matcher: M) -> Not<M> {
    Not(matcher)
}

/// Both, or either, of two matchers; see [`and`] and [`or`].
///
/// ```
/// use autospec::{and, ge, lt, Describe};
/// assert_eq!(and(ge(1), lt(5)).describe(), "(>= 1 and < 5)");
/// ```
#[derive(Clone)]
pub struct Both<M, N> {
    first: M,
    second: N,
    all: bool,
}

impl<M: Describe, N: Describe> Describe for Both<M, N> {
    fn describe(&self) -> String {
        let word = if self.all { "and" } else { "or" };
        format!(
            "({} {word} {})",
            self.first.describe(),
            self.second.describe()
        )
    }
}

impl<T: ?Sized, M: Matcher<T>, N: Matcher<T>> Matcher<T> for Both<M, N> {
    fn matches(&self, arg: &T) -> bool {
        if self.all {
            self.first.matches(arg) && self.second.matches(arg)
        } else {
            self.first.matches(arg) || self.second.matches(arg)
        }
    }
}

/// Matches what both matchers match.
///
/// ```
/// use autospec::{and, gt, lt, Matcher};
/// assert!(and(gt(1), lt(5)).matches(&3));
/// ```
pub fn and<M: Describe, N: Describe>(first: M, second: N) -> Both<M, N> {
    Both {
        first,
        second,
        all: true,
    }
}

/// Matches what either matcher matches.
///
/// ```
/// use autospec::{eq, or, Matcher};
/// assert!(or(eq("a"), eq("b")).matches(&"b"));
/// ```
pub fn or<M: Describe, N: Describe>(first: M, second: N) -> Both<M, N> {
    Both {
        first,
        second,
        all: false,
    }
}

/// Picks, at the call site of `args!`, whether a value is a matcher (it
/// implements [`Describe`]) or a value to compare with `==`: an inherent
/// method whose bound holds wins over the one reached through `Deref`.
#[doc(hidden)]
pub struct Probe<'a, T>(pub &'a T, ValueProbe);

#[doc(hidden)]
pub struct ValueProbe;

/// The kind [`Probe`] found: a matcher, kept as it is.
#[doc(hidden)]
pub struct IsMatcher;

/// The kind [`Probe`] found: a value, compared with `==`.
#[doc(hidden)]
pub struct IsValue;

impl<'a, T> Probe<'a, T> {
    #[doc(hidden)]
    pub fn new(value: &'a T) -> Self {
        Probe(value, ValueProbe)
    }
}

impl<T: Describe> Probe<'_, T> {
    #[doc(hidden)]
    pub fn kind(&self) -> IsMatcher {
        IsMatcher
    }
}

impl<T> std::ops::Deref for Probe<'_, T> {
    type Target = ValueProbe;
    fn deref(&self) -> &ValueProbe {
        &self.1
    }
}

// `self` only steers method lookup.
#[allow(clippy::unused_self)]
impl ValueProbe {
    #[doc(hidden)]
    pub fn kind(&self) -> IsValue {
        IsValue
    }
}

// `self` only steers method lookup.
#[allow(clippy::unused_self)]
impl IsMatcher {
    #[doc(hidden)]
    pub fn wrap<M: Describe>(self, matcher: M, _: impl FnOnce(&M) -> String) -> M {
        matcher
    }
}

// `self` only steers method lookup.
#[allow(clippy::unused_self)]
impl IsValue {
    #[doc(hidden)]
    pub fn wrap<V>(self, value: V, text: impl FnOnce(&V) -> String) -> Equals<V> {
        let text = text(&value);
        Equals::__value(value, text)
    }
}
