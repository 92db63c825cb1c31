//! Untyped mocks for code that is itself dynamic: Python's `Mock`,
//! `MagicMock`, `NonCallableMock` and `NonCallableMagicMock`.
//!
//! Typed mocks (`#[autospec]`) are the default in Rust; these are for code
//! that looks attributes up by name at run time (a plugin host, a scripting
//! bridge, a table of handlers) or for sketching a test before the trait
//! exists. Attributes are created on first access and are the same child
//! afterwards; calls take a list of `Debug + Any` values ([`args!`](crate::args!))
//! and answer a [`Value`]; every call lands in the root's `mock_calls()`
//! under its dotted name.
//!
//! ```
//! use autospec::dyn_args;
//! use autospec::dynamic::Mock;
//!
//! let db = Mock::new("db");
//! db.attr("get").returns(5u32);
//! assert_eq!(db.attr("get").call(dyn_args!["k", 3]).get::<u32>(), 5);
//! db.attr("cache").attr("clear").call(dyn_args![]);
//! db.attr("get").assert_called_once_with(("k", 3));
//! assert_eq!(
//!     db.mock_calls(),
//!     [autospec::call!(get("k", 3)), autospec::call!(cache.clear())]
//! );
//! ```
//!
//! The names are Python's; `Mock` here is not the [`Mock`](crate::Mock)
//! trait of typed mocks, so import this module's types by path
//! (`autospec::dynamic::Mock`) or rename them.

// The dynamic mocks (public as `autospec::dynamic`): `value.rs` (`Args`,
// `Value`), `node.rs` (the tree of attributes, each a `DynMethod`),
// `mock.rs` (`Mock`, `NonCallableMock`) and `magic.rs` (`MagicMock`,
// `NonCallableMagicMock`). May use: the core, and the matchers feature
// (expected arguments compare with `Args`).

mod magic;
mod mock;
mod node;
mod value;

pub use magic::{MagicMock, NonCallableMagicMock};
pub use mock::{Mock, NonCallableMock};
pub use node::DynMethod;
pub use value::{Args, Value};
