//! Typed, Python-style mocks for Rust.
//!
//! `#[autospec]` on a trait reads its signatures at compile time and emits
//! `MockTrait`, a mock that implements the trait. Tests arrange answers, act,
//! then assert on the journal of what was called — as with Python's
//! `unittest.mock.create_autospec()`, except that a wrong arity, a wrong
//! argument type or a misspelled assertion does not compile.
//!
//! ```
//! use autospec::prelude::*;
//!
//! #[autospec]
//! pub trait Store {
//!     fn get(&self, key: &str) -> Option<String>;
//!     fn put(&mut self, key: String, value: Vec<u8>);
//! }
//!
//! fn lookup(store: &dyn Store, key: &str) -> String {
//!     store.get(key).unwrap_or_default()
//! }
//!
//! let store = MockStore::default();          // Clone gives a handle to the same mock
//! store.get.returns(Some("v".into()));       // `store.get` is the child mock of `get`
//! assert_eq!(lookup(&store, "k"), "v");
//! store.get.assert_called_once_with(("k",)); // typed: `((1u32,))` would not compile
//! store.put.assert_not_called();
//! assert_eq!(store.mock_calls(), [call!(get("k"))]);
//! ```
//!
//! - Every method is a public field of the same name, a [`Method`]: configure
//!   its answers ([`returns`](Method::returns), `returns_with`,
//!   [`returns_once`](Method::returns_once), [`panics`](Method::panics)) and
//!   read its journal ([`call_args_list`](Method::call_args_list),
//!   [`assert_called_with`](Method::assert_called_with), ...).
//! - The mock-level API ([`mock_calls`](Mock::mock_calls),
//!   [`reset_mock`](Mock::reset_mock), [`seal`](Mock::seal),
//!   [`strict`](Mock::strict)) lives on the [`Mock`] trait.
//! - Mocks are handles: `Clone` shares the journal and the answers, so a test
//!   can give a mock away as `Box<dyn Trait>` and still assert on it.
//!
//! The guide in the repository's `docs/` folder covers each topic in depth.

#![deny(missing_docs)]

mod answers;
mod args;
mod calls;
mod journal;
mod method;
mod mock;
mod report;

#[doc(hidden)]
#[path = "private.rs"]
pub mod __private;

pub use args::{ArgsDebug, ArgsEq};
pub use calls::Call;
pub use method::Method;
pub use mock::Mock;

/// Emits a typed mock of a trait.
///
/// See the [crate documentation](crate) for the whole tour.
///
/// ```
/// use autospec::prelude::*;
///
/// #[autospec]
/// trait Greeter {
///     fn greet(&self, name: &str) -> String;
/// }
///
/// let greeter = MockGreeter::default();
/// greeter.greet.returns_with(|name| format!("hello {name}"));
/// assert_eq!(greeter.greet("ana"), "hello ana");
/// ```
pub use autospec_macros::autospec;

/// `use autospec::prelude::*;` brings the attribute, the `call!` macro and
/// the [`Mock`] trait into scope.
///
/// ```
/// use autospec::prelude::*;
///
/// #[autospec]
/// trait Ping { fn ping(&self); }
///
/// let ping = MockPing::default();
/// ping.ping();
/// assert_eq!(ping.mock_calls(), [call!(ping())]);
/// ```
pub mod prelude {
    pub use crate::{autospec, call, Call, Mock};
}

// The README and the guide in `docs/` are compiled and run as doctests, so
// that no example in them can rot. The items exist only under `cfg(doctest)`:
// other builds, `cargo package` included, never read these files.
#[cfg(doctest)]
#[doc = include_str!("../../README.md")]
pub struct Readme;
#[cfg(doctest)]
#[doc = include_str!("../../docs/getting-started.md")]
pub struct GuideGettingStarted;
#[cfg(doctest)]
#[doc = include_str!("../../docs/answers.md")]
pub struct GuideAnswers;
#[cfg(doctest)]
#[doc = include_str!("../../docs/journal-and-assertions.md")]
pub struct GuideJournalAndAssertions;
#[cfg(doctest)]
#[doc = include_str!("../../docs/faq.md")]
pub struct GuideFaq;
#[cfg(doctest)]
#[doc = include_str!("../../docs/performance.md")]
pub struct GuidePerformance;
