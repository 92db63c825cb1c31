//! Items that generated code names through `::autospec::__private`.
//!
//! Nothing here is part of the public API or covered by semver. The two
//! `*Of` helpers pick a behaviour from a concrete type at the generated call
//! site without trait imports: an inherent method whose impl block carries the
//! bound wins when the bound holds, otherwise method lookup falls through
//! `Deref` to an unbounded inherent method of the same name.

use crate::holders::{SendFn, Sent};
use std::fmt::Debug;
use std::marker::PhantomData;
use std::ops::Deref;

pub use crate::args::{Args, Check};
pub use crate::bounds::SendArgument;
pub use crate::class::{HasClass, Patch};
pub use crate::generic::Generic;
pub use crate::magic::Part as MagicPart;
pub use crate::matchers::{Any, Describe, Pred, Probe};
pub use crate::method::{send_answer, AnyMethod, Method};
pub use crate::mock::MockCore;
pub use crate::opaque::Opaque;
pub use crate::order::{merged_calls, InOrder};
pub use crate::part::{NoPart, Part, RealPart};
pub use autospec_macros::{
    __args as args_impl, __assert_called as assert_called_impl,
    __assert_in_order as assert_in_order_impl,
};
pub use std::boxed::Box;
pub use std::sync::Arc;

/// Whether any patch (or class state) is installed, on any thread: one
/// relaxed atomic load, and not generic, so that a debug build's hook
/// calls one small function before the body runs (see `patched`).
#[inline]
pub fn patching() -> bool {
    crate::class::live()
}

/// The patch of a hooked function active on this thread (or for the whole
/// process), if any. The hook asks `patching()` first.
#[inline]
pub fn patched<P: Clone + 'static>() -> Option<P> {
    crate::class::installed()
}

/// The class state answering on this thread (see [`crate::Class`]).
pub fn class<C: Default + Clone + 'static>() -> C {
    crate::class::current()
}

/// The bound of `wrapping` on a mock whose trait lacks `#[autospec(spy)]`:
/// no type implements it, so a call fails to compile with this message.
#[diagnostic::on_unimplemented(
    message = "`wrapping(real)` exists on mocks of traits marked `#[autospec(spy)]`",
    label = "this mock's trait has no `spy` argument",
    note = "write `#[autospec(spy)]` on the trait; it is opt-in because type-checking the spy constructor costs compile time"
)]
pub trait SpyAttribute {
    /// Never called: no type implements this trait.
    fn __never<M>(self) -> M;
}

/// Runs a predicate written inside `assert_called!` on one argument; the
/// call gives the closure its parameter type.
pub fn call_pred<T: ?Sized>(arg: &T, test: impl FnOnce(&T) -> bool) -> bool {
    test(arg)
}

/// Keeps an answer alive for the rest of the program, for references that
/// do not borrow from the mock (`&'static str`, or an argument's lifetime).
pub fn leak<T: 'static>(value: T) -> &'static T {
    Box::leak(Box::new(value))
}

/// The `Ok` value of a kept `Result` that is known to be `Ok`.
pub fn kept_ok<T, E>(kept: &Result<T, E>) -> &T {
    match kept {
        Ok(value) => value,
        Err(_) => unreachable!("only `Ok` answers are kept"),
    }
}

/// Journals an argument by cloning it; the bound names the fix when the
/// argument's type is not `Clone`.
#[diagnostic::on_unimplemented(
    message = "autospec journals `{Self}` arguments by cloning them, and `{Self}` is not `Clone`",
    label = "not `Clone`, so the journal cannot keep a copy",
    note = "mark the parameter `#[autospec(skip)]` to journal it as text (its Debug, else its type name), or derive `Clone`"
)]
pub trait Keep {
    /// The copy the journal keeps.
    #[must_use]
    fn keep(&self) -> Self;
}

impl<T: Clone> Keep for T {
    fn keep(&self) -> Self {
        self.clone()
    }
}

/// Journals a borrowed argument (`&T`) as its owned form; the bound names
/// the fix when `T` has none.
#[diagnostic::on_unimplemented(
    message = "autospec journals `&{Self}` arguments as an owned copy, and `{Self}` is neither `Clone` nor `ToOwned`",
    label = "no owned form for the journal to keep",
    note = "mark the parameter `#[autospec(skip)]` to journal it as text (its Debug, else its type name), or derive `Clone`"
)]
pub trait KeepBorrowed {
    /// What the journal keeps.
    type Owned;
    /// The copy the journal keeps.
    fn keep(&self) -> Self::Owned;
}

impl<T: ?Sized + ToOwned> KeepBorrowed for T {
    type Owned = T::Owned;
    fn keep(&self) -> T::Owned {
        self.to_owned()
    }
}

/// Journals an argument as text.
pub fn opaque(text: String) -> Opaque {
    Opaque::new(text)
}

/// `std::any::type_name` without module paths, for a generic method's
/// instantiation (`get::<User>`).
pub fn type_name<T: ?Sized>() -> String {
    type_name_of::<T>()
}

use crate::mock::Mock;
use std::borrow::ToOwned;
use std::fmt;

/// Journals an `Option<&T>` (or `Option<&mut T>`) argument as `Option<T::Owned>`.
pub fn own_option<P>(value: &Option<P>) -> Option<<P::Target as ToOwned>::Owned>
where
    P: Deref,
    P::Target: ToOwned,
{
    value.as_ref().map(|inner| (**inner).to_owned())
}

/// The `Debug` of every mock: its name and its calls.
pub fn fmt_mock<M: Mock + ?Sized>(mock: &M, f: &mut fmt::Formatter<'_>) -> fmt::Result {
    f.debug_struct(mock.mock_name())
        .field("calls", &mock.mock_calls())
        .finish()
}

/// Renders a value with `Debug` when it has it, else as its type name.
pub struct Render<'a, T: ?Sized> {
    value: &'a T,
    fallback: ByName<T>,
}

/// The fallback of [`Render`]: the type name.
pub struct ByName<T: ?Sized>(PhantomData<fn() -> *const T>);

impl<'a, T: ?Sized> Render<'a, T> {
    /// Wraps the value to render.
    pub fn new(value: &'a T) -> Self {
        Render {
            value,
            fallback: ByName(PhantomData),
        }
    }
}

impl<T: ?Sized + Debug> Render<'_, T> {
    /// The value's `Debug` text.
    pub fn render(&self) -> String {
        debug_text(&self.value)
    }
}

impl<'a, T: Debug> Render<'a, T> {
    /// The value as `&dyn Debug`, for [`debug_texts`].
    pub fn as_debug(&self) -> &'a dyn Debug {
        self.value
    }
}

impl<T: ?Sized> Deref for Render<'_, T> {
    type Target = ByName<T>;
    fn deref(&self) -> &ByName<T> {
        &self.fallback
    }
}

impl<T: ?Sized> ByName<T> {
    /// The type's name, for values without `Debug`.
    pub fn render(&self) -> String {
        type_name_of::<T>()
    }

    /// Shows the type's name, for values without `Debug`.
    pub fn as_debug(&self) -> &dyn Debug {
        self
    }
}

impl<T: ?Sized> Debug for ByName<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&type_name_of::<T>())
    }
}

/// A value's `Debug` text, through `dyn` so that the formatting code is
/// compiled once rather than once per argument type. A `Debug` that panics
/// is caught and shown as such: journaling a call never changes what the
/// code under test sees.
pub fn debug_text(value: &dyn Debug) -> String {
    let text = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| format!("{value:?}")));
    text.unwrap_or_else(|panic| {
        let message = crate::journal::panic_message(&*panic);
        format!("<Debug panicked: {message}>")
    })
}

/// Each value's `Debug` text; the one loop for every tuple arity and type.
pub fn debug_texts(values: &[&dyn Debug]) -> Vec<String> {
    values.iter().map(|value| debug_text(value)).collect()
}

/// `std::any::type_name` without module paths: `Option<String>`, not
/// `core::option::Option<alloc::string::String>`.
pub(crate) fn type_name_of<T: ?Sized>() -> String {
    short_type_name(std::any::type_name::<T>())
}

/// The shortening of [`type_name_of`], compiled once rather than per type.
pub(crate) fn short_type_name(full: &str) -> String {
    let mut out = String::with_capacity(full.len());
    let mut segment_start = 0;
    for (i, ch) in full.char_indices() {
        if ch.is_alphanumeric() || ch == '_' || ch == ':' {
            continue;
        }
        push_last_segment(&mut out, &full[segment_start..i]);
        out.push(ch);
        segment_start = i + ch.len_utf8();
    }
    push_last_segment(&mut out, &full[segment_start..]);
    out
}

fn push_last_segment(out: &mut String, path: &str) {
    out.push_str(path.rsplit("::").next().unwrap_or(path));
}

/// Locks a spy's real implementation for one call (a panic in an earlier
/// call does not poison it for later ones).
pub fn lock<T: ?Sized>(real: &std::sync::Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    crate::method::lock(real)
}

/// Picks `ToOwned::to_owned` to keep what a spy's real implementation
/// lends (`&T`), when `T` has an owned form.
pub struct OwnedOf<'a, T: ?Sized>(&'a T, NotOwned<T>);

/// The fallback of [`OwnedOf`]: `T` has no owned form.
pub struct NotOwned<T: ?Sized>(PhantomData<fn() -> *const T>);

impl<'a, T: ?Sized> OwnedOf<'a, T> {
    /// The selector for one lent value.
    pub fn new(value: &'a T) -> Self {
        OwnedOf(value, NotOwned(PhantomData))
    }
}

impl<T: ?Sized + ToOwned> OwnedOf<'_, T> {
    /// The value's owned copy.
    pub fn get(&self) -> T::Owned {
        self.0.to_owned()
    }
}

impl<T: ?Sized> Deref for OwnedOf<'_, T> {
    type Target = NotOwned<T>;
    fn deref(&self) -> &NotOwned<T> {
        &self.1
    }
}

impl<T: ?Sized> NotOwned<T> {
    /// Panics: the mock cannot keep a copy of what the real implementation lent.
    pub fn get<O>(&self) -> O {
        panic!(
            "autospec: the real implementation lent a `&{}`, and a spy keeps its own copy of \
             each answer, but `{0}` is not `Clone`; configure this method's answer instead",
            type_name_of::<T>()
        )
    }
}

/// Picks `Default::default` as the unconfigured answer when `R` has it.
pub struct DefaultOf<R>(NoDefault<R>);

/// The fallback of [`DefaultOf`]: no default answer.
pub struct NoDefault<R>(PhantomData<fn() -> R>);

impl<R> DefaultOf<R> {
    /// The selector for return type `R`.
    #[allow(clippy::new_without_default)]
    pub fn new() -> Self {
        DefaultOf(NoDefault(PhantomData))
    }
}

impl<R: Default> DefaultOf<R> {
    /// `Some(R::default())`.
    pub fn get(&self) -> fn() -> Option<R> {
        || Some(R::default())
    }
}

impl<R> Deref for DefaultOf<R> {
    type Target = NoDefault<R>;
    fn deref(&self) -> &NoDefault<R> {
        &self.0
    }
}

impl<R> NoDefault<R> {
    /// Always `None`: the return type has no `Default`.
    pub fn get(&self) -> fn() -> Option<R> {
        || None
    }
}

/// Picks, for return type `R`, how the journal keeps returned values and
/// whether the method may keep `R` values at all. The levels, tried in
/// order: `Clone + Debug + Send` (a clone, shown when a snapshot is taken),
/// `Debug + Send` and `Debug` (the text, made when the call returns),
/// `Send` (nothing journaled), nothing. Values are only kept where `R` is
/// `Send`, so that a mock that threads share holds nothing that is not.
pub struct ShownOf<R>(ShownAsText<R>);

/// Level two of [`ShownOf`]: `R: Debug + Send`.
pub struct ShownAsText<R>(KeptUnshown<R>);

/// Level three of [`ShownOf`]: `R: Send`.
pub struct KeptUnshown<R>(TextOnly<R>);

/// Level four of [`ShownOf`]: `R: Debug`, not `Send`.
pub struct TextOnly<R>(NotShown<R>);

/// The last level of [`ShownOf`]: neither `Debug` nor `Send`.
pub struct NotShown<R>(PhantomData<fn() -> R>);

/// How a method's journal keeps what its calls returned, and how it keeps
/// values it lends out (see [`ShownOf`]).
pub struct Shown<R> {
    journal: Journaled<R>,
    send: Option<SendFn<R>>,
}

enum Journaled<R> {
    /// A clone, shown by `Debug` when asked for.
    Clone(fn(&R) -> Sent<R>, fn(&R) -> String),
    /// The `Debug` text, made when the call returns.
    Text(fn(&R) -> String),
    Nothing,
}

/// A returned value as the journal keeps it.
pub(crate) enum Returned<R> {
    Value(Sent<R>),
    Text(String),
}

impl<R> Shown<R> {
    /// What the journal keeps of `value`, if anything.
    pub(crate) fn keep(&self, value: &R) -> Option<Returned<R>> {
        match &self.journal {
            Journaled::Clone(clone, _) => Some(Returned::Value(clone(value))),
            Journaled::Text(show) => Some(Returned::Text(show(value))),
            Journaled::Nothing => None,
        }
    }

    /// The text of a kept value.
    pub(crate) fn show(&self, kept: &Returned<R>) -> String {
        match (kept, &self.journal) {
            (Returned::Value(value), Journaled::Clone(_, show)) => show(value.get()),
            (Returned::Text(text), _) => text.clone(),
            (Returned::Value(_), _) => String::new(),
        }
    }

    /// How to keep an `R` in a mock that threads share; `None` when `R` is
    /// not `Send`.
    pub(crate) fn send(&self) -> Option<SendFn<R>> {
        self.send
    }
}

impl<R> ShownOf<R> {
    /// The selector for return type `R`.
    #[allow(clippy::new_without_default)]
    pub fn new() -> Self {
        ShownOf(ShownAsText(KeptUnshown(TextOnly(NotShown(PhantomData)))))
    }
}

impl<R: Clone + Debug + Send> ShownOf<R> {
    /// A clone, shown by `Debug`; kept values are `Send`.
    pub fn get(&self) -> Option<Shown<R>> {
        Some(Shown {
            journal: Journaled::Clone(|value| Sent::new(value.clone()), |value| debug_text(value)),
            send: Some(Sent::new),
        })
    }
}

impl<R: Debug + Send> ShownAsText<R> {
    /// The `Debug` text; kept values are `Send`.
    pub fn get(&self) -> Option<Shown<R>> {
        Some(Shown {
            journal: Journaled::Text(|value| debug_text(value)),
            send: Some(Sent::new),
        })
    }
}

impl<R: Send> KeptUnshown<R> {
    /// Nothing journaled; kept values are `Send`.
    pub fn get(&self) -> Option<Shown<R>> {
        Some(Shown {
            journal: Journaled::Nothing,
            send: Some(Sent::new),
        })
    }
}

impl<R: Debug> TextOnly<R> {
    /// The `Debug` text; values are not kept.
    pub fn get(&self) -> Option<Shown<R>> {
        Some(Shown {
            journal: Journaled::Text(|value| debug_text(value)),
            send: None,
        })
    }
}

impl<R> NotShown<R> {
    /// Nothing: `R` is neither `Debug` nor `Send`.
    pub fn get(&self) -> Option<Shown<R>> {
        None
    }
}

impl<R> Deref for ShownOf<R> {
    type Target = ShownAsText<R>;
    fn deref(&self) -> &ShownAsText<R> {
        &self.0
    }
}

impl<R> Deref for ShownAsText<R> {
    type Target = KeptUnshown<R>;
    fn deref(&self) -> &KeptUnshown<R> {
        &self.0
    }
}

impl<R> Deref for KeptUnshown<R> {
    type Target = TextOnly<R>;
    fn deref(&self) -> &TextOnly<R> {
        &self.0
    }
}

impl<R> Deref for TextOnly<R> {
    type Target = NotShown<R>;
    fn deref(&self) -> &NotShown<R> {
        &self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Opaque;

    #[test]
    fn render_uses_debug_when_the_type_has_it() {
        assert_eq!(Render::new(&"k").render(), "\"k\"");
        assert_eq!(Render::new(&Some(3u8)).render(), "Some(3)");
    }

    #[test]
    fn render_falls_back_to_a_short_type_name() {
        assert_eq!(Render::new(&Opaque).render(), "Opaque");
        assert_eq!(Render::new(&vec![Opaque]).render(), "Vec<Opaque>");
    }

    #[test]
    fn as_debug_renders_alike() {
        assert_eq!(
            debug_texts(&[
                Render::new(&"k").as_debug(),
                Render::new(&Opaque).as_debug()
            ]),
            ["\"k\"", "Opaque"]
        );
    }

    #[test]
    fn default_of_picks_default_only_where_it_exists() {
        assert_eq!((DefaultOf::<u32>::new().get())(), Some(0));
        assert!((DefaultOf::<Opaque>::new().get())().is_none());
    }
}
