//! What every magic trait is made of: the child mocks of its methods
//! (`NoArgs`, `OneArg`, each a `Method`), how they answer with the magic
//! default, `MockRef` (the other mock of a comparison), and the
//! `magic_trait!` that declares a trait's struct of child mocks.

// Arguments are taken by value to be journaled, as in `core/method/`.
#![allow(clippy::needless_pass_by_value)]

use crate::core::journal::AnyMethod;
use crate::core::method::Method;
use crate::core::mock::Mock;
use crate::core::mock_core::MockCore;
use crate::core::render::{render_none, render_one};
use std::fmt::{self, Debug};
use std::sync::Arc;

/// The child mock of a magic method without arguments (`Display::fmt`,
/// `Iterator::next`); its `returns_with` closure takes no arguments.
///
/// ```
/// use autospec::prelude::*;
///
/// #[autospec(magic(Iterator<Item = char>))]
/// trait Letters {}
///
/// let mut letters = MockLetters::default();
/// let next: &autospec::magic::NoArgs<Option<char>> = &letters.magic.iterator.next;
/// next.returns_with(|| Some('a'));
/// assert_eq!(letters.next(), Some('a'));
/// ```
pub type NoArgs<R> = Method<(), R, dyn Fn() -> R + Send + Sync>;

/// The child mock of a magic method with one argument (`Add::add`,
/// `Index::index`), journaled as `(T,)`; its `returns_with` closure receives
/// the argument.
///
/// ```
/// use autospec::prelude::*;
///
/// #[autospec(magic(Add<i64, Output = i64>))]
/// trait Counter {}
///
/// let counter = MockCounter::default();
/// let add: &autospec::magic::OneArg<i64, i64> = &counter.magic.add.add;
/// add.returns_with(|rhs| rhs * 10);
/// assert_eq!(counter.clone() + 4, 40);
/// add.assert_called_once_with((4,));
/// ```
pub type OneArg<T, R> = Method<(T,), R, dyn Fn(T) -> R + Send + Sync>;

pub(super) fn no_args<R>(
    core: &Arc<MockCore>,
    name: &str,
    default: fn() -> Option<R>,
) -> NoArgs<R> {
    Method::__new(core, name, "", render_none, default, None)
}

pub(super) fn one_arg<T: Debug, R>(
    core: &Arc<MockCore>,
    name: &str,
    default: fn() -> Option<R>,
) -> OneArg<T, R> {
    Method::__new(core, name, "", render_one::<T>, default, None)
}

/// No answer but the magic default (which the call sites give).
pub(super) fn none<R>() -> Option<R> {
    None
}

impl<R> Method<(), R, dyn Fn() -> R + Send + Sync> {
    /// Answers every later call with the closure's result.
    ///
    /// ```
    /// use autospec::prelude::*;
    ///
    /// #[autospec(magic(Display))]
    /// trait Named {}
    ///
    /// let named = MockNamed::default();
    /// named.magic.display.fmt.returns_with(|| "computed".to_string());
    /// assert_eq!(named.to_string(), "computed");
    /// ```
    pub fn returns_with(&self, answer: impl Fn() -> R + Send + Sync + 'static) {
        self.__returns_with(Box::new(answer));
    }

    /// A call answered from the configuration, else by `default` of `__new`.
    #[doc(hidden)]
    #[track_caller]
    pub fn __apply(&self) -> R {
        self.__call((), |answer| answer())
    }

    /// A call answered from the configuration, else by the magic default.
    #[doc(hidden)]
    #[track_caller]
    pub fn __apply_or(&self, fallback: impl FnOnce() -> R) -> R {
        if self.__has_answer() {
            self.__call((), |answer| answer())
        } else {
            self.__record(());
            fallback()
        }
    }
}

impl<T, R> Method<(T,), R, dyn Fn(T) -> R + Send + Sync> {
    /// Answers every later call with the closure's result; the closure
    /// receives the call's argument.
    ///
    /// ```
    /// use autospec::prelude::*;
    ///
    /// #[autospec(magic(Index<usize, Output = String>))]
    /// trait Lines {}
    ///
    /// let lines = MockLines::default();
    /// lines.magic.index.index.returns_with(|n| format!("line {n}"));
    /// assert_eq!(lines[3], "line 3");
    /// ```
    pub fn returns_with(&self, answer: impl Fn(T) -> R + Send + Sync + 'static) {
        self.__returns_with(Box::new(answer));
    }
}

impl<T: Clone, R> Method<(T,), R, dyn Fn(T) -> R + Send + Sync> {
    /// A call answered from the configuration, else by `default` of `__new`.
    #[doc(hidden)]
    #[track_caller]
    pub fn __apply(&self, arg: T) -> R {
        self.__call((arg.clone(),), |answer| answer(arg))
    }

    /// A call answered from the configuration, else by the magic default.
    #[doc(hidden)]
    #[track_caller]
    pub fn __apply_or(&self, arg: T, fallback: impl FnOnce() -> R) -> R {
        if self.__has_answer() {
            self.__call((arg.clone(),), |answer| answer(arg))
        } else {
            self.__record((arg,));
            fallback()
        }
    }
}

/// Which mock a magic method was called with (the `other` of
/// `PartialEq::eq` and `PartialOrd::partial_cmp`): its identity, shown as
/// its name. Compares equal to the mock it refers to, and to no other.
///
/// ```
/// use autospec::magic::MockRef;
/// use autospec::prelude::*;
///
/// #[autospec(magic(PartialEq))]
/// trait Token {}
///
/// let (a, b) = (MockToken::default(), MockToken::default());
/// assert!(a != b);
/// a.magic.partial_eq.eq.assert_called_once_with((b.clone(),));
/// assert_eq!(a.mock_calls(), [call!(magic.partial_eq.eq(MockRef::of(&b)))]);
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct MockRef {
    name: &'static str,
    id: u64,
}

impl MockRef {
    /// The identity of `mock` (shared by all its handles).
    ///
    /// ```
    /// use autospec::magic::MockRef;
    /// use autospec::prelude::*;
    ///
    /// #[autospec]
    /// trait Token {}
    ///
    /// let token = MockToken::default();
    /// assert_eq!(MockRef::of(&token), MockRef::of(&token.clone()));
    /// assert_ne!(MockRef::of(&token), MockRef::of(&MockToken::default()));
    /// ```
    pub fn of<M: Mock + ?Sized>(mock: &M) -> Self {
        Self::new(mock.__autospec_core())
    }

    #[inline]
    pub(super) fn new(core: &MockCore) -> Self {
        MockRef {
            name: core.name(),
            id: core.id(),
        }
    }

    /// The name of the mock, `MockToken`.
    ///
    /// ```
    /// use autospec::magic::MockRef;
    /// use autospec::prelude::*;
    ///
    /// #[autospec]
    /// trait Token {}
    ///
    /// assert_eq!(MockRef::of(&MockToken::default()).name(), "MockToken");
    /// ```
    #[inline]
    pub fn name(&self) -> &'static str {
        self.name
    }
}

/// A `MockRef` equals the mock it refers to, so that an expected argument
/// can be the mock itself: `eq.assert_called_with((other.clone(),))`.
impl<M: Mock> std::cmp::PartialEq<M> for MockRef {
    fn eq(&self, mock: &M) -> bool {
        self.id == mock.__autospec_core().id()
    }
}

/// Shows the mock's name.
impl Debug for MockRef {
    #[inline]
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name)
    }
}

/// The child mocks of one magic trait, for the mock-level API (`mock_calls`,
/// `reset_mock`, `verify`). Generated code calls it.
#[doc(hidden)]
pub trait Part {
    fn __push<'a>(&'a self, methods: &mut Vec<&'a dyn AnyMethod>);
}

/// A magic trait's struct of child mocks, with `Clone` (a handle) and `Part`.
/// Its functions are `#[inline]`, like all of the concrete mocks' code in
/// the runtime, so that only a crate that uses them generates their code
/// (and that of the `Method`s they hold), not the runtime's build.
macro_rules! magic_trait {
    ($(#[$meta:meta])* $name:ident<$($g:ident),*> {
        $($(#[$field_meta:meta])* $field:ident: $ty:ty,)*
    }) => {
        $(#[$meta])*
        pub struct $name<$($g),*> {
            $($(#[$field_meta])* pub $field: $ty,)*
        }

        impl<$($g),*> Clone for $name<$($g),*> {
            #[inline]
            fn clone(&self) -> Self {
                $name { $($field: Clone::clone(&self.$field),)* }
            }
        }

        impl<$($g),*> $crate::features::magic::child::Part for $name<$($g),*> {
            #[inline]
            fn __push<'a>(&'a self, methods: &mut Vec<&'a dyn $crate::core::journal::AnyMethod>) {
                $(methods.push(&self.$field);)*
            }
        }
    };
}

pub(super) use magic_trait;
