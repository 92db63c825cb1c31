//! Matching a journaled argument tuple: a plain tuple compares each
//! element with `==`; `args!(..)` and `assert_called!` may put matchers in
//! any position.

use crate::core::for_each_arity;
use crate::core::method::calls::Entry;
use std::fmt;

/// What the assertions and `when` accept as the expected arguments of a
/// call whose journal entry is the tuple `A`.
///
/// Implemented by plain tuples, whose elements are compared with the
/// journaled elements by `PartialEq` (`("k",)` matches a journaled
/// `(String,)`), and by [`Args`], which [`args!`](crate::args!) builds
/// and which may hold matchers. A wrong arity or an element of a type that
/// cannot be compared with the parameter does not compile.
///
/// ```
/// use autospec::{args, gt, ArgsMatch};
///
/// let journaled = (String::from("k"), 7u32);
/// assert!(("k", 7).matches_args(&journaled));
/// assert!(args!("k", gt(5)).matches_args(&journaled));
/// assert!(!args!(_, gt(7)).matches_args(&journaled));
/// ```
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be the expected arguments of a call journaled as `{A}`",
    label = "expected a tuple with one element per parameter, each comparable with the journaled `{A}`",
    note = "write one element per parameter (a 1-tuple needs its comma: `(\"k\",)`), or `args!(..)` to use matchers such as `_`"
)]
pub trait ArgsMatch<A> {
    /// Whether the journaled arguments `args` meet the expectation.
    fn matches_args(&self, args: &A) -> bool {
        self.__check(args, &mut Check::quiet())
    }

    #[doc(hidden)]
    fn __check(&self, args: &A, check: &mut Check) -> bool;

    #[doc(hidden)]
    fn __describe(&self) -> Expected;

    /// The check on a journaled tuple given by pointer, for failure
    /// messages; `None`: explain by comparing `Debug` texts (plain values).
    #[doc(hidden)]
    fn __erased(&self) -> Option<&ErasedCheck<'_>> {
        None
    }

    /// Whether one journaled call meets the expectation: its tuple, or,
    /// for a method whose arguments are journaled as text (one is not
    /// `Clone`), its text (see [`texts_match`]).
    #[doc(hidden)]
    fn __matches(&self, entry: Entry<'_, A>) -> bool {
        match entry {
            Entry::Value(args) => self.matches_args(args),
            Entry::Text(texts) => texts_match(&self.__describe(), texts),
        }
    }
}

/// Whether arguments journaled as text meet an expectation: each expected
/// element's text must be the argument's (`Debug`), and `_` matches any
/// argument. A matcher that needs the value (`gt`, `pred`, a guard) cannot
/// check a text and matches nothing.
pub(crate) fn texts_match(expected: &Expected, texts: &[String]) -> bool {
    expected.guard.is_none()
        && expected.args.len() == texts.len()
        && expected
            .args
            .iter()
            .zip(texts)
            .all(|(want, got)| want == "_" || want == got)
}

/// [`Args`]' check of one call's journaled tuple, given by pointer, so
/// that code explaining a failure is compiled once, not per method.
#[doc(hidden)]
pub type ErasedCheck<'m> = dyn Fn(*const (), &mut Check) -> bool + Send + Sync + 'm;

impl<A, E: ArgsMatch<A> + ?Sized> ArgsMatch<A> for &E {
    fn matches_args(&self, args: &A) -> bool {
        (**self).matches_args(args)
    }

    fn __matches(&self, entry: Entry<'_, A>) -> bool {
        (**self).__matches(entry)
    }

    fn __check(&self, args: &A, check: &mut Check) -> bool {
        (**self).__check(args, check)
    }

    fn __describe(&self) -> Expected {
        (**self).__describe()
    }

    fn __erased(&self) -> Option<&ErasedCheck<'_>> {
        (**self).__erased()
    }
}

/// The expected call's arguments and guard, as messages show them.
#[doc(hidden)]
pub struct Expected {
    pub(crate) args: Vec<String>,
    pub(crate) guard: Option<String>,
}

impl Expected {
    /// Expected values, without a guard.
    pub(crate) fn values(args: Vec<String>) -> Self {
        Expected { args, guard: None }
    }
}

/// Collects which arguments of one call failed to match, when a failure
/// message needs to say so; otherwise stops at the first mismatch.
#[doc(hidden)]
pub struct Check {
    explain: bool,
    misses: Vec<Miss>,
}

/// One argument (or the guard, `index: None`) that did not match.
#[doc(hidden)]
pub struct Miss {
    pub(crate) index: Option<usize>,
    pub(crate) expected: String,
}

impl Check {
    pub(crate) fn quiet() -> Self {
        Check {
            explain: false,
            misses: Vec::new(),
        }
    }

    pub(crate) fn explaining() -> Self {
        Check {
            explain: true,
            misses: Vec::new(),
        }
    }

    pub(crate) fn into_misses(self) -> Vec<Miss> {
        self.misses
    }

    /// Whether the checks so far passed (a quiet check stops at the first
    /// failure; an explaining one runs every check to collect them all).
    #[doc(hidden)]
    pub fn __go_on(&self) -> bool {
        self.explain || self.misses.is_empty()
    }

    /// Whether no check failed.
    #[doc(hidden)]
    pub fn __passed(&self) -> bool {
        self.misses.is_empty()
    }

    /// Records the outcome of a test on argument `index` (`None`: on the
    /// whole call), with the expectation's text if it failed. Not generic,
    /// so that it is compiled once.
    #[doc(hidden)]
    pub fn __test(
        &mut self,
        index: Option<usize>,
        ok: bool,
        expected: &dyn Fn() -> String,
    ) -> bool {
        if !ok {
            let expected = if self.explain {
                expected()
            } else {
                String::new()
            };
            self.misses.push(Miss { index, expected });
        }
        ok
    }
}

/// Expected arguments that may hold matchers, built by
/// [`args!`](crate::args!) (or by [`assert_called!`](crate::assert_called!)
/// from a call written out).
///
/// It borrows what its values borrow (`'m`); [`Method::when`](crate::Method::when)
/// keeps it, so there it must own its values.
///
/// ```
/// use autospec::{args, contains, ArgsMatch};
///
/// let expected = args!(contains("ell"), _);
/// assert!(expected.matches_args(&(String::from("hello"), 1u8)));
/// assert_eq!(format!("{expected:?}"), r#"(contains "ell", _)"#);
/// ```
pub struct Args<'m, A> {
    /// Checks a journaled `A`, given by pointer (erased, so that failure
    /// messages need no code per method).
    check: Box<ErasedCheck<'m>>,
    texts: Vec<String>,
    guard: Option<String>,
    typed: std::marker::PhantomData<fn(&A)>,
}

impl<'m, A> Args<'m, A> {
    /// Expected arguments from the texts that show them (one per
    /// argument) and a check of the journaled tuple: what
    /// [`args!`](crate::args!) builds, checking each argument with its
    /// matcher, and recording in the `Check` which ones failed so that a
    /// failure message can name them. A check written by hand may record
    /// nothing: its message then shows the expected call as a whole.
    ///
    /// `Args` borrows what the check borrows (`'m`); a rule of
    /// [`Method::when`](crate::Method::when) keeps it, so there the check
    /// must own what it compares with (write `args!(key.clone())`, not
    /// `args!(&key[..])`).
    ///
    /// ```
    /// use autospec::{Args, ArgsMatch};
    ///
    /// let even = Args::new(vec!["an even number".to_owned()], |&(n,): &(u32,), _| n % 2 == 0);
    /// assert!(even.matches_args(&(4,)));
    /// assert!(!even.matches_args(&(3,)));
    /// assert_eq!(format!("{even:?}"), "(an even number)");
    /// ```
    pub fn new(
        texts: Vec<String>,
        check: impl Fn(&A, &mut Check) -> bool + Send + Sync + 'm,
    ) -> Self {
        Self::written(check, texts, None)
    }

    /// From a check of a journaled `A` (written out by `assert_called!`).
    pub(crate) fn written(
        check: impl Fn(&A, &mut Check) -> bool + Send + Sync + 'm,
        texts: Vec<String>,
        guard: Option<String>,
    ) -> Self {
        Args {
            check: Box::new(move |journaled: *const (), outcome: &mut Check| {
                // SAFETY: `Args<A>` is only ever given, through `__check`
                // and `__erased`, pointers to a live `A` of the method it
                // is checked against (`ArgsMatch<A>` ties the types).
                check(unsafe { &*journaled.cast::<A>() }, outcome)
            }),
            texts,
            guard,
            typed: std::marker::PhantomData,
        }
    }
}

impl<A> ArgsMatch<A> for Args<'_, A> {
    fn __check(&self, args: &A, check: &mut Check) -> bool {
        (self.check)(std::ptr::from_ref(args).cast(), check)
    }

    fn __erased(&self) -> Option<&ErasedCheck<'_>> {
        Some(&*self.check)
    }

    fn __describe(&self) -> Expected {
        Expected {
            args: self.texts.clone(),
            guard: self.guard.clone(),
        }
    }
}

impl<A> fmt::Debug for Args<'_, A> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "({})", self.texts.join(", "))?;
        if let Some(guard) = &self.guard {
            write!(f, " if {guard}")?;
        }
        Ok(())
    }
}

/// `ArgsMatch` for plain tuples, of one arity each.
macro_rules! tuple_impls {
    ($( ( $($a:ident $e:ident $i:tt),* ) )*) => {$(
        impl<$($a: PartialEq<$e>, $e: fmt::Debug,)*> ArgsMatch<($($a,)*)> for ($($e,)*) {
            #[allow(unused_variables)]
            fn matches_args(&self, args: &($($a,)*)) -> bool {
                true $(&& args.$i == self.$i)*
            }

            #[allow(unused_variables)]
            fn __check(&self, args: &($($a,)*), check: &mut Check) -> bool {
                $(
                    let ok = args.$i == self.$i;
                    if !check.__test(Some($i), ok, &|| $crate::core::render::debug_text(&self.$i))
                        && !check.__go_on()
                    {
                        return false;
                    }
                )*
                check.__passed()
            }

            fn __describe(&self) -> Expected {
                Expected::values($crate::core::render::debug_texts(&[$(&self.$i),*]))
            }
        }
    )*};
}

for_each_arity!(tuple_impls);
