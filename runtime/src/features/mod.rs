//! The features: what mocks can do beyond a call and its journal, each
//! built on the core.
//!
//! - `matchers/`: matchers, expected arguments (`ArgsMatch`, `args!`),
//!   the assertions that compare arguments, and `when(..)` rules;
//! - `waits.rs`: waiting for calls from other threads;
//! - `awaits.rs`: the await journal of async methods and its assertions;
//! - `spy.rs`: spies (`wrapping(real)`, `calls_default()`);
//! - `generic.rs`: `Generic`, one `Method` per instantiation, and
//!   `typed_arg.rs`: how an instantiation journals arguments of its type
//!   parameters; `specialized.rs`: the child mock of a method whose
//!   `where` clause bounds the mock's type parameters, kept like one;
//! - `class.rs`: the class of methods without `self`, and patches;
//!   `patch.rs`: what `patch!` finds for a path without a patch hook;
//! - `part.rs`: further impl blocks of one mocked type (`part = N`);
//! - `order.rs`: order across mocks (`assert_in_order!`, `merged_calls!`);
//! - `magic/`: std traits on mocks (`magic(..)`);
//! - `dynamic/`: untyped mocks (Python's `Mock`, `MagicMock`);
//! - `file.rs`: `MockFile`;
//! - `mockall_names.rs`: mockall's method names, each a compile error
//!   that names the autospec way.
//!
//! May use: the core, and another feature only where it builds on it,
//! without a cycle (waits, awaits, order, dynamic and typed arguments use
//! matchers). Never
//! the facade (`lib.rs`, `__private`). A feature gives `Method` its methods
//! in an inherent `impl` block of its own, so that the core need not know
//! it. `ui-tests/tests/imports.rs` checks this.

pub(crate) mod awaits;
pub(crate) mod class;
pub mod dynamic;
pub(crate) mod file;
pub(crate) mod generic;
pub mod magic;
pub(crate) mod matchers;
pub(crate) mod mockall_names;
pub(crate) mod order;
pub(crate) mod part;
pub(crate) mod patch;
pub(crate) mod specialized;
pub(crate) mod spy;
pub(crate) mod typed_arg;
pub(crate) mod waits;
