//! Expansion: turns a validated model into the mock. Cannot fail: every
//! function here returns tokens, never an error (validation came first).
//!
//! Everything generated names the runtime through `#krate::__private` and
//! std through `::core`/`::std`, so it never depends on the user's imports.
//! Private generated names start with `__autospec_`.
//!
//! One module per generated item kind, each a function of the mock being
//! expanded ([`mock::Mock`]):
//! - `trait_mock`: a whole mock, of a trait or an impl block, in order;
//! - `mock_struct`: the mock struct with `Default`, `Clone`, `Debug`, `Mock`;
//! - `child`, `generic`: each method's child mock, and a generic
//!   method's per-instantiation children;
//! - `class`: the class of the methods without `self`;
//! - `callable`: `as_fn()`;
//! - `trait_impl`: the mocked methods (the trait impl);
//! - `spy`: `wrapping(real)` and `calls_default()`;
//! - `magic`: the std traits of `magic(..)`;
//! - `parts`: further impl blocks, `part = N`;
//! - `patch`, `patch_macro`: patch hooks, and `patch!`;
//! - `mock_macro`, `mock_fn`: `mock!` and `mock_fn!`;
//! - `doubles`: the module of `doubles!`, around hooked functions.
//!
//! Below them: `mock` (what every item needs), `glue` (one method's types
//! and expressions), `rewrite` (type rewrites).

mod callable;
mod child;
mod class;
mod doubles;
mod generic;
mod glue;
mod instance;
mod lending;
mod magic;
mod mock;
mod mock_fn;
mod mock_macro;
mod mock_struct;
mod parts;
mod patch;
mod patch_macro;
mod rewrite;
mod spy;
mod trait_impl;
mod trait_mock;

pub(crate) use doubles::doubles;
pub(crate) use mock_fn::mock_fn;
pub(crate) use mock_macro::mock_macro;
pub(crate) use parts::part;
pub(crate) use patch::{patchable_fn, patchable_impl};
pub(crate) use patch_macro::patch_macro;
pub(crate) use trait_mock::{impl_mock, trait_impl_mock, trait_mock, user_trait};
