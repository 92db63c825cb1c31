//! Std traits on mocks: Python's `MagicMock`.
//!
//! `#[autospec(magic(Display, PartialEq, Iterator<Item = u32>, ..))]` makes
//! the mock implement those std traits as well as the mocked one. The mock
//! then has a field `magic` with one field per trait, named after the trait
//! in snake case (`magic.display`, `magic.partial_eq`, `magic.add_assign`),
//! which holds one child mock per trait method, named after the method:
//! `mock.magic.display.fmt`, `mock.magic.iterator.next`. Two traits with a
//! method of the same name (`Display::fmt` and `Debug::fmt`, `Read::read`
//! and a `read` of your own trait) never meet: each lives under its trait.
//!
//! Each child mock is a [`Method`], configured and asserted on like any
//! other, and journaled in the mock's `mock_calls()` as
//! `call!(magic.display.fmt())`. Unconfigured, it answers as a `MagicMock`
//! would (an empty iterator, equality by identity, the mock's name for
//! `Display`; each type below says what), and these defaults hold on a
//! sealed mock too: they are the magic mock's configuration, not
//! `Default::default()`. They also answer once one-shot answers
//! (`returns_once`, `returns_each`) are used up, where a plain method
//! would panic: the magic default is the standing answer.
//!
//! The types here (`MagicDisplay` for `Display`, and so on) are what the
//! `magic` field holds; the generated code
//! does only the glue, so a trait you do not ask for costs nothing.
//!
//! ```
//! use autospec::prelude::*;
//!
//! #[autospec(magic(Display, PartialEq, Iterator<Item = u32>))]
//! trait Cursor {
//!     fn rewind(&self);
//! }
//!
//! let cursor = MockCursor::default();
//! assert_eq!(cursor.to_string(), "MockCursor"); // the mock's name
//! assert!(cursor == cursor.clone()); // one mock, two handles
//! assert!(cursor != MockCursor::default());
//! cursor.magic.iterator.yields([1, 2, 3]);
//! assert_eq!(cursor.clone().sum::<u32>(), 6);
//! cursor.magic.display.fmt.returns("cursor #1".into());
//! assert_eq!(cursor.to_string(), "cursor #1");
//! assert_eq!(cursor.magic.iterator.next.call_count(), 4);
//! ```

// Arguments are taken by value to be journaled, as in `method.rs`.
#![allow(clippy::needless_pass_by_value)]

use crate::method::{AnyMethod, Method};
use crate::mock::{Mock, MockCore};
use std::borrow::Borrow;
use std::cmp::Ordering;
use std::fmt::{self, Debug};
use std::io;
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

/// The child mock of `Read::read`: journals the length of the buffer it was
/// given; its `returns_with` closure fills the buffer.
///
/// ```
/// use autospec::prelude::*;
/// use std::io::Read;
///
/// #[autospec(magic(Read))]
/// trait Source {}
///
/// let mut source = MockSource::default();
/// source.magic.read.read.returns_with(|buf| {
///     buf[..2].copy_from_slice(b"hi");
///     Ok(2)
/// });
/// let mut two = [0; 2];
/// source.read_exact(&mut two).unwrap();
/// assert_eq!(&two, b"hi");
/// source.magic.read.read.assert_called_once_with((2,));
/// ```
pub type ReadBuf =
    Method<(usize,), io::Result<usize>, dyn Fn(&mut [u8]) -> io::Result<usize> + Send + Sync>;

// The signature is the one `Method::__new` takes for `()` arguments.
#[allow(clippy::trivially_copy_pass_by_ref)]
pub(crate) fn render_none(_: &()) -> Vec<String> {
    Vec::new()
}

pub(crate) fn render_one<T: Debug>(args: &(T,)) -> Vec<String> {
    vec![crate::__private::debug_text(&args.0)]
}

fn no_args<R>(core: &Arc<MockCore>, name: &str, default: fn() -> Option<R>) -> NoArgs<R> {
    Method::__new(core, name, "", render_none, default, None)
}

fn one_arg<T: Debug, R>(
    core: &Arc<MockCore>,
    name: &str,
    default: fn() -> Option<R>,
) -> OneArg<T, R> {
    Method::__new(core, name, "", render_one::<T>, default, None)
}

/// No answer but the magic default (which the call sites give).
fn none<R>() -> Option<R> {
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
    pub fn __apply(&self) -> R {
        self.__call((), |answer| answer())
    }

    /// A call answered from the configuration, else by the magic default.
    #[doc(hidden)]
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
    pub fn __apply(&self, arg: T) -> R {
        self.__call((arg.clone(),), |answer| answer(arg))
    }

    /// A call answered from the configuration, else by the magic default.
    #[doc(hidden)]
    pub fn __apply_or(&self, arg: T, fallback: impl FnOnce() -> R) -> R {
        if self.__has_answer() {
            self.__call((arg.clone(),), |answer| answer(arg))
        } else {
            self.__record((arg,));
            fallback()
        }
    }
}

impl ReadBuf {
    /// Answers every later call with the closure's result; the closure
    /// receives the buffer to fill and returns how much it filled.
    ///
    /// ```
    /// use autospec::prelude::*;
    /// use std::io::Read;
    ///
    /// #[autospec(magic(Read))]
    /// trait Source {}
    ///
    /// let mut source = MockSource::default();
    /// source.magic.read.read.returns_with(|buf| {
    ///     buf.fill(b'z');
    ///     Ok(buf.len())
    /// });
    /// let mut three = [0; 3];
    /// assert_eq!(source.read(&mut three).unwrap(), 3);
    /// assert_eq!(&three, b"zzz");
    /// ```
    pub fn returns_with(
        &self,
        answer: impl Fn(&mut [u8]) -> io::Result<usize> + Send + Sync + 'static,
    ) {
        self.__returns_with(Box::new(answer));
    }

    /// `Read::read`: the configured answer, else `Ok(0)` (end of input).
    #[doc(hidden)]
    pub fn __read(&self, buf: &mut [u8]) -> io::Result<usize> {
        if self.__has_answer() {
            self.__call((buf.len(),), |answer| answer(buf))
        } else {
            self.__record((buf.len(),));
            Ok(0)
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

    fn new(core: &MockCore) -> Self {
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
macro_rules! magic_trait {
    ($(#[$meta:meta])* $name:ident<$($g:ident),*> {
        $($(#[$field_meta:meta])* $field:ident: $ty:ty,)*
    }) => {
        $(#[$meta])*
        pub struct $name<$($g),*> {
            $($(#[$field_meta])* pub $field: $ty,)*
        }

        impl<$($g),*> Clone for $name<$($g),*> {
            fn clone(&self) -> Self {
                $name { $($field: Clone::clone(&self.$field),)* }
            }
        }

        impl<$($g),*> Part for $name<$($g),*> {
            fn __push<'a>(&'a self, methods: &mut Vec<&'a dyn AnyMethod>) {
                $(methods.push(&self.$field);)*
            }
        }
    };
}

magic_trait! {
    /// `magic(Display)`: `to_string()` and `{}` answer with the mock's name
    /// (`MockPoint`), or the configured `String`.
    ///
    /// ```
    /// use autospec::prelude::*;
    ///
    /// #[autospec(magic(Display))]
    /// trait Point {}
    ///
    /// let point = MockPoint::default();
    /// assert_eq!(format!("<{point}>"), "<MockPoint>");
    /// point.magic.display.fmt.returns("(1, 2)".into());
    /// assert_eq!(point.to_string(), "(1, 2)");
    /// assert_eq!(point.magic.display.fmt.call_count(), 2);
    /// ```
    MagicDisplay<> {
        /// `Display::fmt`: the text to show.
        fmt: NoArgs<String>,
    }
}

impl MagicDisplay {
    #[doc(hidden)]
    pub fn __new(core: &Arc<MockCore>) -> Self {
        MagicDisplay {
            fmt: no_args(core, "magic.display.fmt", none),
        }
    }

    #[doc(hidden)]
    pub fn __fmt(&self, name: &str, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(&self.fmt.__apply_or(|| name.to_owned()))
    }
}

magic_trait! {
    /// `magic(PartialEq)` (and `Eq`, which adds nothing to configure):
    /// equality by identity, as Python's `MagicMock.__eq__`: two handles of
    /// one mock are equal, two mocks are not; or the configured `bool`. The
    /// other mock is journaled as a [`MockRef`].
    ///
    /// ```
    /// use autospec::prelude::*;
    ///
    /// #[autospec(magic(PartialEq, Eq))]
    /// trait Session {}
    ///
    /// let (a, b) = (MockSession::default(), MockSession::default());
    /// assert!(a == a.clone() && a != b);
    /// a.magic.partial_eq.eq.returns(true);
    /// assert!(a == b);
    /// a.magic.partial_eq.eq.assert_called_with((b.clone(),));
    /// ```
    MagicPartialEq<> {
        /// `PartialEq::eq`, with the other mock.
        eq: OneArg<MockRef, bool>,
    }
}

impl MagicPartialEq {
    #[doc(hidden)]
    pub fn __new(core: &Arc<MockCore>) -> Self {
        MagicPartialEq {
            eq: one_arg(core, "magic.partial_eq.eq", none),
        }
    }

    #[doc(hidden)]
    pub fn __eq(&self, this: &MockCore, other: &MockCore) -> bool {
        let identical = this.id() == other.id();
        self.eq.__apply_or(MockRef::new(other), || identical)
    }
}

magic_trait! {
    /// `magic(PartialOrd)`: `partial_cmp` answers `None` (mocks are not
    /// ordered, so `<` and `>` are false), or the configured `Option<Ordering>`.
    ///
    /// ```
    /// use autospec::prelude::*;
    /// use std::cmp::Ordering;
    ///
    /// #[autospec(magic(PartialEq, PartialOrd))]
    /// trait Version {}
    ///
    /// let (a, b) = (MockVersion::default(), MockVersion::default());
    /// assert_eq!(a.partial_cmp(&b), None);
    /// assert!(!(a < b) && !(a > b));
    /// a.magic.partial_ord.partial_cmp.returns(Some(Ordering::Less));
    /// assert!(a < b);
    /// ```
    MagicPartialOrd<> {
        /// `PartialOrd::partial_cmp`, with the other mock.
        partial_cmp: OneArg<MockRef, Option<Ordering>>,
    }
}

impl MagicPartialOrd {
    #[doc(hidden)]
    pub fn __new(core: &Arc<MockCore>) -> Self {
        MagicPartialOrd {
            partial_cmp: one_arg(core, "magic.partial_ord.partial_cmp", none),
        }
    }

    #[doc(hidden)]
    pub fn __partial_cmp(&self, other: &MockCore) -> Option<Ordering> {
        self.partial_cmp.__apply_or(MockRef::new(other), || None)
    }
}

magic_trait! {
    /// `magic(Hash)`: hashes the mock's identity (consistent with
    /// `magic(PartialEq)`), or the configured `u64`, which is written to
    /// the hasher. Clippy's `mutable_key_type` warns about a set of mocks,
    /// which mutate inside; their identity, and so their hash, never
    /// changes, so `#[allow(clippy::mutable_key_type)]` there.
    ///
    /// ```
    /// use autospec::prelude::*;
    /// use std::collections::HashSet;
    ///
    /// #[autospec(magic(PartialEq, Eq, Hash))]
    /// trait Key {}
    ///
    /// let key = MockKey::default();
    /// let set: HashSet<MockKey> = [key.clone(), key.clone(), MockKey::default()].into();
    /// assert_eq!(set.len(), 2);
    /// assert!(set.contains(&key));
    /// key.magic.hash.hash.assert_called();
    /// ```
    MagicHash<> {
        /// `Hash::hash`: the value to hash.
        hash: NoArgs<u64>,
    }
}

impl MagicHash {
    #[doc(hidden)]
    pub fn __new(core: &Arc<MockCore>) -> Self {
        MagicHash {
            hash: no_args(core, "magic.hash.hash", none),
        }
    }

    #[doc(hidden)]
    pub fn __hash(&self, this: &MockCore) -> u64 {
        self.hash.__apply_or(|| this.id())
    }
}

magic_trait! {
    /// `magic(Iterator<Item = T>)`: iterates over nothing (`next` answers
    /// `None`), or over what `next` is configured with. The mock is a
    /// handle, so iterate over a clone to keep one for the assertions.
    ///
    /// ```
    /// use autospec::prelude::*;
    ///
    /// #[autospec(magic(Iterator<Item = u32>))]
    /// trait Ids {}
    ///
    /// let ids = MockIds::default();
    /// assert_eq!(ids.clone().count(), 0);
    /// ids.magic.iterator.next.returns_each([Some(7), Some(8), None]);
    /// assert_eq!(ids.clone().collect::<Vec<_>>(), [7, 8]);
    /// ```
    MagicIterator<T> {
        /// `Iterator::next`.
        next: NoArgs<Option<T>>,
    }
}

impl<T: Send> MagicIterator<T> {
    #[doc(hidden)]
    pub fn __new(core: &Arc<MockCore>) -> Self {
        MagicIterator {
            next: no_args(core, "magic.iterator.next", none),
        }
    }

    #[doc(hidden)]
    pub fn __next(&self) -> Option<T> {
        self.next.__apply_or(|| None)
    }

    /// Makes the mock yield these items, then `None` for ever after
    /// (Python's `mock.__iter__.return_value = iter([..])`).
    ///
    /// ```
    /// use autospec::prelude::*;
    ///
    /// #[autospec(magic(Iterator<Item = &'static str>))]
    /// trait Words {}
    ///
    /// let words = MockWords::default();
    /// words.magic.iterator.yields(["a", "b"]);
    /// assert_eq!(words.clone().collect::<String>(), "ab");
    /// assert_eq!(words.clone().next(), None);
    /// ```
    pub fn yields(&self, items: impl std::iter::IntoIterator<Item = T>) {
        self.next.returns_each(items.into_iter().map(Some));
        self.next.returns_with(|| None);
    }
}

magic_trait! {
    /// `magic(IntoIterator<Item = T>)`: the mock (and a reference to it) turns
    /// into an empty iterator, or into the configured `Vec<T>`'s items.
    ///
    /// ```
    /// use autospec::prelude::*;
    ///
    /// #[autospec(magic(IntoIterator<Item = String>))]
    /// trait Names {}
    ///
    /// let names = MockNames::default();
    /// assert_eq!((&names).into_iter().count(), 0);
    /// names.magic.into_iterator.into_iter.returns(vec!["ana".into(), "bo".into()]);
    /// let mut seen = Vec::new();
    /// for name in &names {
    ///     seen.push(name);
    /// }
    /// assert_eq!(seen, ["ana", "bo"]);
    /// ```
    MagicIntoIterator<T> {
        /// `IntoIterator::into_iter`: the items.
        into_iter: NoArgs<Vec<T>>,
    }
}

impl<T> MagicIntoIterator<T> {
    #[doc(hidden)]
    pub fn __new(core: &Arc<MockCore>) -> Self {
        MagicIntoIterator {
            into_iter: no_args(core, "magic.into_iterator.into_iter", none),
        }
    }

    #[doc(hidden)]
    pub fn __into_iter(&self) -> std::vec::IntoIter<T> {
        self.into_iter.__apply_or(Vec::new).into_iter()
    }
}

magic_trait! {
    /// `magic(Index<Idx, Output = O>)`: `mock[idx]` answers `O::default()`
    /// where `O` has one, or the configured `O`, which the mock keeps and
    /// lends out. Indices are journaled (`Idx: Clone + Debug`).
    ///
    /// ```
    /// use autospec::prelude::*;
    ///
    /// #[autospec(magic(Index<&'static str, Output = u32>))]
    /// trait Table {}
    ///
    /// let table = MockTable::default();
    /// assert_eq!(table["missing"], 0);
    /// table.magic.index.index.returns_with(|key| u32::from(key == "a"));
    /// assert_eq!((table["a"], table["b"]), (1, 0));
    /// table.magic.index.index.assert_called_with(("b",));
    /// ```
    MagicIndex<Idx, O> {
        /// `Index::index`, with the index.
        index: OneArg<Idx, O>,
    }
}

impl<Idx: Debug, O> MagicIndex<Idx, O> {
    #[doc(hidden)]
    pub fn __new(core: &Arc<MockCore>, default: fn() -> Option<O>) -> Self {
        MagicIndex {
            index: one_arg(core, "magic.index.index", default),
        }
    }
}

impl<Idx: Clone, O> MagicIndex<Idx, O> {
    #[doc(hidden)]
    pub fn __index(&self, idx: Idx) -> &O {
        self.index.__call_ref((idx.clone(),), |answer| answer(idx))
    }
}

/// The arithmetic and bit operators: `Add<Rhs>` and friends.
macro_rules! binary_ops {
    ($($name:ident $trait:ident $field:ident $key:literal $op:tt;)*) => {$(
        magic_trait! {
            #[doc = concat!(
                "`magic(", stringify!($trait), "<Rhs>)` or `magic(", stringify!($trait),
                "<Rhs, Output = O>)`: `mock ", stringify!($op), " rhs` journals `rhs` \
                (`Rhs: Clone + Debug`) and answers the configured `O`. Without \
                `Output`, `O` is the mock and the default answer is the mock \
                itself (Python's `MagicMock` answers a mock too); with it, \
                `O::default()` where `O` has one.\n\n\
                ```\n\
                use autospec::magic::MockRef;\n\
                use autospec::prelude::*;\n\n\
                #[autospec(magic(", stringify!($trait), "<i64>))]\n\
                trait Amount {}\n\n\
                let amount = MockAmount::default();\n\
                let result = amount.clone() ", stringify!($op), " 5; // the same mock\n\
                assert_eq!(MockRef::of(&result), MockRef::of(&amount));\n\
                amount.magic.", $key, ".", stringify!($field), ".assert_called_once_with((5,));\n\
                ```"
            )]
            $name<Rhs, O> {
                #[doc = concat!("`", stringify!($trait), "::", stringify!($field), "`, with the right-hand side.")]
                $field: OneArg<Rhs, O>,
            }
        }

        impl<Rhs: Debug, O> $name<Rhs, O> {
            #[doc(hidden)]
            pub fn __new(core: &Arc<MockCore>, default: fn() -> Option<O>) -> Self {
                $name {
                    $field: one_arg(core, concat!("magic.", $key, ".", stringify!($field)), default),
                }
            }
        }
    )*};
}

binary_ops! {
    MagicAdd Add add "add" +;
    MagicSub Sub sub "sub" -;
    MagicMul Mul mul "mul" *;
    MagicDiv Div div "div" /;
    MagicRem Rem rem "rem" %;
    MagicBitAnd BitAnd bitand "bit_and" &;
    MagicBitOr BitOr bitor "bit_or" |;
    MagicBitXor BitXor bitxor "bit_xor" ^;
    MagicShl Shl shl "shl" <<;
    MagicShr Shr shr "shr" >>;
}

/// The compound assignment operators: `AddAssign<Rhs>` and friends.
macro_rules! assign_ops {
    ($($name:ident $trait:ident $field:ident $key:literal $op:tt;)*) => {$(
        magic_trait! {
            #[doc = concat!(
                "`magic(", stringify!($trait), "<Rhs>)`: `mock ", stringify!($op),
                " rhs` journals `rhs` (`Rhs: Clone + Debug`); a `returns_with` \
                closure can act on it.\n\n\
                ```\n\
                use autospec::prelude::*;\n\n\
                #[autospec(magic(", stringify!($trait), "<i64>))]\n\
                trait Total {}\n\n\
                let mut total = MockTotal::default();\n\
                total ", stringify!($op), " 3;\n\
                total.magic.", $key, ".", stringify!($field), ".assert_called_once_with((3,));\n\
                ```"
            )]
            $name<Rhs> {
                #[doc = concat!("`", stringify!($trait), "::", stringify!($field), "`, with the right-hand side.")]
                $field: OneArg<Rhs, ()>,
            }
        }

        impl<Rhs: Debug> $name<Rhs> {
            #[doc(hidden)]
            pub fn __new(core: &Arc<MockCore>) -> Self {
                $name {
                    $field: one_arg(core, concat!("magic.", $key, ".", stringify!($field)), none),
                }
            }
        }
    )*};
}

assign_ops! {
    MagicAddAssign AddAssign add_assign "add_assign" +=;
    MagicSubAssign SubAssign sub_assign "sub_assign" -=;
    MagicMulAssign MulAssign mul_assign "mul_assign" *=;
    MagicDivAssign DivAssign div_assign "div_assign" /=;
    MagicRemAssign RemAssign rem_assign "rem_assign" %=;
    MagicBitAndAssign BitAndAssign bitand_assign "bit_and_assign" &=;
    MagicBitOrAssign BitOrAssign bitor_assign "bit_or_assign" |=;
    MagicBitXorAssign BitXorAssign bitxor_assign "bit_xor_assign" ^=;
    MagicShlAssign ShlAssign shl_assign "shl_assign" <<=;
    MagicShrAssign ShrAssign shr_assign "shr_assign" >>=;
}

/// The unary operators `Neg` and `Not`.
macro_rules! unary_ops {
    ($($name:ident $trait:ident $field:ident $op:tt;)*) => {$(
        magic_trait! {
            #[doc = concat!(
                "`magic(", stringify!($trait), ")` or `magic(", stringify!($trait),
                "<Output = O>)`: `", stringify!($op), "mock` answers the configured `O`. \
                Without `Output`, `O` is the mock and the default answer is the \
                mock itself; with it, `O::default()` where `O` has one.\n\n\
                ```\n\
                use autospec::prelude::*;\n\n\
                #[autospec(magic(", stringify!($trait), "<Output = i8>))]\n\
                trait Level {}\n\n\
                let level = MockLevel::default();\n\
                assert_eq!(", stringify!($op), "level.clone(), 0);\n\
                level.magic.", stringify!($field), ".", stringify!($field), ".returns(7);\n\
                assert_eq!(", stringify!($op), "level.clone(), 7);\n\
                ```"
            )]
            $name<O> {
                #[doc = concat!("`", stringify!($trait), "::", stringify!($field), "`.")]
                $field: NoArgs<O>,
            }
        }

        impl<O> $name<O> {
            #[doc(hidden)]
            pub fn __new(core: &Arc<MockCore>, default: fn() -> Option<O>) -> Self {
                $name {
                    $field: no_args(
                        core,
                        concat!("magic.", stringify!($field), ".", stringify!($field)),
                        default,
                    ),
                }
            }
        }
    )*};
}

unary_ops! {
    MagicNeg Neg neg -;
    MagicNot Not not !;
}

magic_trait! {
    /// `magic(Read)`: reads nothing (`Ok(0)`, the end of input), or what
    /// `read`'s `returns_with` closure puts in the buffer. For a reader with
    /// content, [`MockFile`](crate::MockFile) is usually simpler.
    ///
    /// ```
    /// use autospec::prelude::*;
    /// use std::io::Read;
    ///
    /// #[autospec(magic(Read))]
    /// trait Socket {}
    ///
    /// let mut socket = MockSocket::default();
    /// let mut text = String::new();
    /// assert_eq!(socket.read_to_string(&mut text).unwrap(), 0);
    /// socket.magic.read.read.returns_once(Err(std::io::ErrorKind::TimedOut.into()));
    /// assert!(socket.read(&mut [0; 4]).is_err());
    /// socket.magic.read.read.assert_called_with((4,));
    /// ```
    MagicRead<> {
        /// `Read::read`, journaled with the buffer's length.
        read: ReadBuf,
    }
}

impl MagicRead {
    #[doc(hidden)]
    pub fn __new(core: &Arc<MockCore>) -> Self {
        MagicRead {
            read: Method::__new(core, "magic.read.read", "", render_one, none, None),
        }
    }
}

magic_trait! {
    /// `magic(Write)`: every write is journaled with its bytes and accepted
    /// whole (`Ok(buf.len())`), flushes answer `Ok(())`; or the configured
    /// answers.
    ///
    /// ```
    /// use autospec::prelude::*;
    /// use std::io::Write;
    ///
    /// #[autospec(magic(Write))]
    /// trait Sink {}
    ///
    /// let mut sink = MockSink::default();
    /// write!(sink, "{}-{}", 1, 2).unwrap();
    /// sink.flush().unwrap();
    /// let chunks: Vec<u8> = sink.magic.write.write.call_args_list().into_iter().flat_map(|(chunk,)| chunk).collect();
    /// assert_eq!(chunks, b"1-2");
    /// sink.magic.write.flush.assert_called_once();
    /// ```
    MagicWrite<> {
        /// `Write::write`, journaled with the bytes.
        write: OneArg<Vec<u8>, io::Result<usize>>,
        /// `Write::flush`.
        flush: NoArgs<io::Result<()>>,
    }
}

impl MagicWrite {
    #[doc(hidden)]
    pub fn __new(core: &Arc<MockCore>) -> Self {
        MagicWrite {
            write: one_arg(core, "magic.write.write", none),
            flush: no_args(core, "magic.write.flush", none),
        }
    }

    #[doc(hidden)]
    pub fn __write(&self, buf: &[u8]) -> io::Result<usize> {
        let len = buf.len();
        self.write.__apply_or(buf.to_vec(), || Ok(len))
    }

    #[doc(hidden)]
    pub fn __flush(&self) -> io::Result<()> {
        self.flush.__apply_or(|| Ok(()))
    }
}

magic_trait! {
    /// `magic(BufRead)` (with `magic(Read)`, its supertrait): `fill_buf`
    /// answers an empty buffer (the end of input), or the configured bytes,
    /// which the mock keeps and lends out; `consume` is journaled.
    ///
    /// ```
    /// use autospec::prelude::*;
    /// use std::io::BufRead;
    ///
    /// #[autospec(magic(Read, BufRead))]
    /// trait Input {}
    ///
    /// let mut input = MockInput::default();
    /// input.magic.buf_read.fill_buf.returns_once(Ok(b"yes\n".to_vec()));
    /// let mut line = String::new();
    /// input.read_line(&mut line).unwrap();
    /// assert_eq!(line, "yes\n");
    /// input.magic.buf_read.consume.assert_called_once_with((4,));
    /// ```
    MagicBufRead<> {
        /// `BufRead::fill_buf`: the buffered bytes.
        fill_buf: NoArgs<io::Result<Vec<u8>>>,
        /// `BufRead::consume`, with the number of bytes used.
        consume: OneArg<usize, ()>,
    }
}

impl MagicBufRead {
    #[doc(hidden)]
    pub fn __new(core: &Arc<MockCore>) -> Self {
        MagicBufRead {
            fill_buf: no_args(core, "magic.buf_read.fill_buf", none),
            consume: one_arg(core, "magic.buf_read.consume", none),
        }
    }

    #[doc(hidden)]
    pub fn __fill_buf(&self) -> io::Result<&[u8]> {
        let bytes = self.fill_buf.__apply_or(|| Ok(Vec::new()))?;
        let kept: &Vec<u8> = crate::__private::kept_ok(self.fill_buf.__keep(Ok(bytes)));
        Ok(kept)
    }

    #[doc(hidden)]
    pub fn __consume(&self, amount: usize) {
        self.consume.__apply_or(amount, || ());
    }
}

magic_trait! {
    /// `magic(Seek)`: seeks are journaled with their `SeekFrom` and answer
    /// `Ok(0)`, or the configured position.
    ///
    /// ```
    /// use autospec::prelude::*;
    /// use std::io::{Seek, SeekFrom};
    ///
    /// #[autospec(magic(Seek))]
    /// trait Tape {}
    ///
    /// let mut tape = MockTape::default();
    /// tape.magic.seek.seek.returns_once(Ok(42));
    /// assert_eq!(tape.seek(SeekFrom::End(-8)).unwrap(), 42);
    /// assert_eq!(tape.stream_position().unwrap(), 0);
    /// tape.magic.seek.seek.assert_any_call((SeekFrom::End(-8),));
    /// ```
    MagicSeek<> {
        /// `Seek::seek`, with the position asked for.
        seek: OneArg<io::SeekFrom, io::Result<u64>>,
    }
}

impl MagicSeek {
    #[doc(hidden)]
    pub fn __new(core: &Arc<MockCore>) -> Self {
        MagicSeek {
            seek: one_arg(core, "magic.seek.seek", none),
        }
    }

    #[doc(hidden)]
    pub fn __seek(&self, pos: io::SeekFrom) -> io::Result<u64> {
        self.seek.__apply_or(pos, || Ok(0))
    }
}

magic_trait! {
    /// `magic(From<T>)`: `MockX::from(value)` (and `value.into()`) makes a
    /// fresh mock and journals `value` (`T: Clone + Debug`) in *its*
    /// `magic.from.from`, where the test finds it once the code under test
    /// hands the mock back.
    ///
    /// ```
    /// use autospec::prelude::*;
    ///
    /// #[autospec(magic(From<u16>))]
    /// trait Port {}
    ///
    /// let port: MockPort = 8080.into();
    /// port.magic.from.from.assert_called_once_with((8080,));
    /// ```
    MagicFrom<T> {
        /// `From::from`, with the value converted.
        from: OneArg<T, ()>,
    }
}

impl<T: Debug> MagicFrom<T> {
    #[doc(hidden)]
    pub fn __new(core: &Arc<MockCore>) -> Self {
        MagicFrom {
            from: one_arg(core, "magic.from.from", none),
        }
    }
}

/// `magic(AsRef<T>)`: `as_ref()` lends `T::Owned::default()` where there is
/// one (an empty path, an empty string), or the configured `T::Owned` (a
/// `PathBuf` for `AsRef<Path>`), which the mock keeps and lends out.
///
/// ```
/// use autospec::prelude::*;
/// use std::path::{Path, PathBuf};
///
/// #[autospec(magic(AsRef<Path>))]
/// trait Location {}
///
/// fn exists(path: impl AsRef<Path>) -> bool {
///     path.as_ref() == Path::new("/etc/hosts")
/// }
///
/// let location = MockLocation::default();
/// assert!(!exists(location.clone()));
/// location.magic.as_ref.as_ref.returns(PathBuf::from("/etc/hosts"));
/// assert!(exists(location.clone()));
/// ```
pub struct MagicAsRef<T: ?Sized + ToOwned> {
    /// `AsRef::as_ref`: the owned form of what it lends.
    pub as_ref: NoArgs<T::Owned>,
}

impl<T: ?Sized + ToOwned> Clone for MagicAsRef<T> {
    fn clone(&self) -> Self {
        MagicAsRef {
            as_ref: self.as_ref.clone(),
        }
    }
}

impl<T: ?Sized + ToOwned> Part for MagicAsRef<T> {
    fn __push<'a>(&'a self, methods: &mut Vec<&'a dyn AnyMethod>) {
        methods.push(&self.as_ref);
    }
}

impl<T: ?Sized + ToOwned> MagicAsRef<T> {
    #[doc(hidden)]
    pub fn __new(core: &Arc<MockCore>, default: fn() -> Option<T::Owned>) -> Self {
        MagicAsRef {
            as_ref: no_args(core, "magic.as_ref.as_ref", default),
        }
    }

    #[doc(hidden)]
    pub fn __as_ref(&self) -> &T {
        self.as_ref.__call_ref((), |answer| answer()).borrow()
    }
}

/// `magic(Drop)`: every handle of the mock that drops journals a call of
/// `drop` (a `returns_with` closure runs then), and
/// [`assert_dropped`](MagicDrop::assert_dropped) checks that the handle it is
/// called on is the last one left.
///
/// Mocks are handles, so "dropped" cannot mean the mock is gone: the test
/// needs a handle to assert with. It means that every *other* handle was
/// dropped — the one given to the code under test, and its clones.
///
/// ```
/// use autospec::prelude::*;
///
/// #[autospec(magic(Drop))]
/// trait Connection {}
///
/// struct Pool {
///     conn: Option<Box<MockConnection>>,
/// }
///
/// let conn = MockConnection::default();
/// let mut pool = Pool { conn: Some(Box::new(conn.clone())) };
/// assert_eq!(conn.magic.drop.handles(), 2);
/// pool.conn = None; // the code under test releases its connection
/// conn.magic.drop.assert_dropped();
/// conn.magic.drop.drop.assert_called_once();
/// ```
pub struct MagicDrop {
    /// `Drop::drop`, once for each handle that drops.
    pub drop: NoArgs<()>,
    /// One clone per live handle of the mock.
    handles: Arc<()>,
    name: &'static str,
}

impl Clone for MagicDrop {
    fn clone(&self) -> Self {
        MagicDrop {
            drop: self.drop.clone(),
            handles: Arc::clone(&self.handles),
            name: self.name,
        }
    }
}

impl Part for MagicDrop {
    fn __push<'a>(&'a self, methods: &mut Vec<&'a dyn AnyMethod>) {
        methods.push(&self.drop);
    }
}

impl MagicDrop {
    #[doc(hidden)]
    pub fn __new(core: &Arc<MockCore>) -> Self {
        MagicDrop {
            drop: no_args(core, "magic.drop.drop", none),
            handles: Arc::new(()),
            name: core.name(),
        }
    }

    #[doc(hidden)]
    pub fn __drop(&self) {
        self.drop.__apply_or(|| ());
    }

    /// How many handles of the mock are alive, this one included.
    ///
    /// ```
    /// use autospec::prelude::*;
    ///
    /// #[autospec(magic(Drop))]
    /// trait Connection {}
    ///
    /// let conn = MockConnection::default();
    /// let other = conn.clone();
    /// assert_eq!(conn.magic.drop.handles(), 2);
    /// drop(other);
    /// assert_eq!(conn.magic.drop.handles(), 1);
    /// ```
    pub fn handles(&self) -> usize {
        Arc::strong_count(&self.handles)
    }

    /// Asserts that every other handle of the mock was dropped.
    ///
    /// ```should_panic
    /// use autospec::prelude::*;
    ///
    /// #[autospec(magic(Drop))]
    /// trait Connection {}
    ///
    /// let conn = MockConnection::default();
    /// let leaked = conn.clone();
    /// conn.magic.drop.assert_dropped(); // panics: 1 other handle is alive
    /// # drop(leaked);
    /// ```
    #[track_caller]
    pub fn assert_dropped(&self) {
        let others = self.handles() - 1;
        if others > 0 {
            let alive = if others == 1 {
                "1 other handle is".to_owned()
            } else {
                format!("{others} other handles are")
            };
            panic!(
                "{}: expected every other handle to be dropped, but {alive} still alive ({} dropped so far).",
                self.name,
                self.drop.call_count()
            );
        }
    }
}
