//! Items that generated code names through `::autospec::__private`.
//!
//! Nothing here is part of the public API or covered by semver. The facade:
//! it re-exports what generated code needs from the core and the features
//! (and nothing below it names this module), and holds the helpers only
//! generated code uses. The `*Of` helpers (`DefaultOf`, `OwnedOf` here,
//! `ShownOf` from the core) pick a behaviour from a concrete type at the
//! generated call site without trait imports: an inherent method whose impl
//! block carries the bound wins when the bound holds, otherwise method
//! lookup falls through `Deref` to an unbounded inherent method of the same
//! name.

use crate::core::render::type_name_of;
use std::borrow::ToOwned;
use std::fmt::Debug;
use std::marker::PhantomData;
use std::ops::Deref;

pub use crate::core::address::Address;
pub use crate::core::answer::PendingAnswer;
pub use crate::core::bounds::Restated;
pub use crate::core::holders::StaticRef;
pub use crate::core::journal::AnyMethod;
pub use crate::core::method::boxed::{BoxedAnswer, BoxedLater};
pub use crate::core::method::call::kept_ok;
pub use crate::core::method::calls::{gather, KeptOf};
pub use crate::core::method::statics::ReturnsStatic;
pub use crate::core::method::Method;
pub use crate::core::mock::fmt_mock;
pub use crate::core::mock_core::MockCore;
pub use crate::core::opaque::Opaque;
pub use crate::core::render::{debug_text, debug_texts};
pub use crate::core::shown::{
    KeptUnshown, NotShown, Shown, ShownAsText, ShownClone, ShownOf, TextOnly,
};
pub use crate::features::awaits::Awaiting;
pub use crate::features::class::{HasClass, Patch, SharedPatch};
pub use crate::features::generic::Generic;
pub use crate::features::magic::Part as MagicPart;
pub use crate::features::matchers::args::{Args, Check};
pub use crate::features::matchers::assert::{written_call, WrittenCall};
pub use crate::features::matchers::matcher::{Any, Describe, Matcher, Pred, Probe};
pub use crate::features::order::{merged_calls, InOrder, PatchGuard};
pub use crate::features::part::{MissingPart, Part, PartBlock};
pub use crate::features::specialized::Specialized;
pub use crate::features::spy::{DefaultOr, OnThread, Real, RealGuard};
pub use crate::features::typed_arg::{TypedArg, TypedTake};
pub use autospec_macros::{
    __args as args_impl, __assert_called as assert_called_impl,
    __assert_in_order as assert_in_order_impl, __patch as patch_impl,
    __patch_shared as patch_shared_impl,
};
pub use std::boxed::Box;
pub use std::sync::Arc;

/// Whether any patch (or class state) is installed, on any thread: one
/// relaxed atomic load, and not generic, so that a debug build's hook
/// calls one small function before the body runs (see `patched`).
#[inline]
pub fn patching() -> bool {
    crate::features::class::live()
}

/// The patch of a hooked function active on this thread (or for the whole
/// process), if any. The hook asks `patching()` first.
#[inline]
pub fn patched<P: Clone + 'static>() -> Option<P> {
    crate::features::class::installed()
}

/// The class state answering on this thread (see [`crate::Class`]).
pub fn class<C: Default + Clone + 'static>() -> C {
    crate::features::class::current()
}

pub use crate::features::spy::SpyAttribute;

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

/// Keeps an answer alive for the rest of the program and lends it mutably,
/// for `&mut` references that a mock cannot lend from a handle of its own
/// (from `&self`, of a generic method, without `self`): one per call.
pub fn leak_mut<'a, T: 'a>(value: T) -> &'a mut T {
    Box::leak(Box::new(value))
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

/// Journals an `Option<&T>` (or `Option<&mut T>`) argument as `Option<T::Owned>`.
pub fn own_option<P>(value: &Option<P>) -> Option<<P::Target as ToOwned>::Owned>
where
    P: Deref,
    P::Target: ToOwned,
{
    value.as_ref().map(|inner| (**inner).to_owned())
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
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&type_name_of::<T>())
    }
}

/// Locks a spy's real implementation for one call (a panic in an earlier
/// call does not poison it for later ones).
pub fn lock<T: ?Sized>(real: &std::sync::Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    crate::core::lock::lock(real)
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
