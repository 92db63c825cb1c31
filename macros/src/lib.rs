//! The procedural macros of autospec: `#[autospec]`, `#[double]`, `mock!`,
//! `mock_fn!`, `patch!`, `patch_shared!` and `doubles!`. Depend on the `autospec` crate,
//! which re-exports them together with the runtime the generated code needs.
//!
//! Each macro runs `pipeline`: `attr`/`input` parse, `model` builds a
//! small model that keeps the user's syntax, `validate` reports every
//! problem at once, `expand` emits the mock and cannot fail (see the
//! repository's ARCHITECTURE.md).
//!
//! Every macro here emits code that names the runtime through
//! `::autospec::__private` (or the path given with `crate = ..`), so the
//! macros only work together with the `autospec` crate; their
//! documentation, with examples, is there.

#![deny(missing_docs)]

mod attr;
mod double;
mod expand;
mod input;
mod matching;
mod model;
mod pipeline;
mod queries;
#[cfg(test)]
mod robustness;
#[cfg(test)]
mod snapshots;
mod validate;
mod walk;

use proc_macro::TokenStream;

/// Emits a typed mock of the trait it is placed on. See the `autospec` crate.
#[proc_macro_attribute]
pub fn autospec(args: TokenStream, item: TokenStream) -> TokenStream {
    pipeline::autospec(args.into(), item.into()).into()
}

/// On a `use` item, imports each named type's mock under the type's name:
/// `#[cfg_attr(test, autospec::double)] use crate::net::Client;` imports
/// `MockClient as Client` in test builds. See the `autospec` crate.
#[proc_macro_attribute]
pub fn double(args: TokenStream, item: TokenStream) -> TokenStream {
    double::double(args.into(), item.into()).into()
}

/// `patch!(..)`, after the runtime's wrapper put `$crate;` first: replaces
/// a function or method that has a patch hook, on this thread, until the
/// returned guard drops. See the `autospec` crate.
#[doc(hidden)]
#[proc_macro]
pub fn __patch(input: TokenStream) -> TokenStream {
    pipeline::patch(input.into(), false).into()
}

/// The module `doubles`: functions of other crates restated, each
/// calling the real one unless a test patches it. See the `autospec` crate.
#[proc_macro]
pub fn doubles(input: TokenStream) -> TokenStream {
    pipeline::doubles(input.into()).into()
}

/// `patch_shared!(..)`, after the runtime's wrapper put `$crate;` first:
/// `patch!` for every thread. See the `autospec` crate.
#[doc(hidden)]
#[proc_macro]
pub fn __patch_shared(input: TokenStream) -> TokenStream {
    pipeline::patch(input.into(), true).into()
}

/// Emits a callable mock of a closure signature, `mock_fn!(|&str, u32| -> bool)`.
/// See the `autospec` crate.
#[proc_macro]
pub fn mock_fn(input: TokenStream) -> TokenStream {
    pipeline::mock_fn(input.into()).into()
}

/// Emits a typed mock of a trait defined elsewhere, from its restated
/// methods. See the `autospec` crate.
#[proc_macro]
pub fn mock(input: TokenStream) -> TokenStream {
    pipeline::mock(input.into()).into()
}

/// `args!(..)`, after the runtime's wrapper put `$crate;` first. See the
/// `autospec` crate.
#[doc(hidden)]
#[proc_macro]
pub fn __args(input: TokenStream) -> TokenStream {
    matching::args(input.into()).into()
}

/// `assert_called!(..)`, after the runtime's wrapper put `$crate;` first.
/// See the `autospec` crate.
#[doc(hidden)]
#[proc_macro]
pub fn __assert_called(input: TokenStream) -> TokenStream {
    matching::assert_called(input.into()).into()
}

/// `assert_in_order!(..)`, after the runtime's wrapper put `$crate;`
/// first. See the `autospec` crate.
#[doc(hidden)]
#[proc_macro]
pub fn __assert_in_order(input: TokenStream) -> TokenStream {
    matching::assert_in_order(input.into()).into()
}
