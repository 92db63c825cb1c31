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

mod answer;
mod answers;
mod args;
mod calls;
mod class;
pub mod dynamic;
mod file;
mod generic;
mod journal;
pub mod magic;
mod method;
mod mock;
mod opaque;
mod report;

#[doc(hidden)]
#[path = "private.rs"]
pub mod __private;

pub use answer::Answer;
pub use args::{ArgsDebug, ArgsEq};
pub use calls::Call;
pub use class::{Class, ClassShared, SharedClass};
pub use file::{FileOp, MockFile};
pub use generic::Generic;
pub use method::Method;
pub use mock::Mock;
pub use opaque::Opaque;

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

/// Emits a typed mock of a trait defined elsewhere (in std or another
/// crate), from its methods restated in the block.
///
/// The form is `mock! { vis MockName: path::to::Trait { items } }`. Restate
/// the methods to mock, exactly as the trait declares them, and give the
/// associated types and consts their values (`type Item = u32;`). Methods
/// you leave out keep the trait's provided bodies, so restating the
/// required methods is enough. A renamed runtime is given first:
/// `mock! { crate = my_autospec; pub MockReader: .. }`.
///
/// ```
/// use autospec::prelude::*;
/// use std::io::Read;
///
/// autospec::mock! {
///     pub MockReader: std::io::Read {
///         fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize>;
///     }
/// }
///
/// let mut reader = MockReader::default();
/// reader.read.returns_each([Ok(2), Ok(0)]);
/// let mut text = String::new();
/// reader.read_to_string(&mut text).unwrap_or_default();
/// assert_eq!(reader.read.call_count(), 2);
/// ```
pub use autospec_macros::mock;

/// A callable mock of a closure signature: `mock_fn!(|&str, u32| -> bool)`.
///
/// The value is a `MockFn` whose `call` field is the child mock (configure
/// and assert on it as on any method) and whose `as_fn()` is the closure to
/// hand to the code under test; every call of that closure lands in `call`.
/// Parameters may be named (`|key: &str|`) and may be references.
///
/// ```
/// use autospec::prelude::*;
///
/// fn notify_all(names: &[&str], notify: impl Fn(&str, u32) -> bool) -> usize {
///     names.iter().filter(|name| notify(name, 1)).count()
/// }
///
/// let on_event = autospec::mock_fn!(|&str, u32| -> bool);
/// on_event.call.returns_with(|name, _| name != "bob");
/// assert_eq!(notify_all(&["ana", "bob"], on_event.as_fn()), 1);
/// on_event.call.assert_has_calls([("ana", 1), ("bob", 1)]);
/// ```
pub use autospec_macros::mock_fn;

/// On a `use` item, imports each named type's mock under the type's own
/// name, so the code under test builds and calls the mock in test builds
/// without other changes: `#[cfg_attr(test, autospec::double)] use
/// crate::net::Client;` becomes `use crate::net::MockClient as Client;`.
/// Lists (`use net::{Client, Pool};`) and renames (`use net::Client as C;`)
/// work too.
///
/// ```
/// mod net {
///     pub struct Client;
///
///     #[autospec::autospec]
///     impl Client {
///         pub fn new(url: &str) -> Self {
///             let _ = url;
///             Client
///         }
///         pub fn fetch(&self, path: &str) -> String {
///             format!("real {path}")
///         }
///     }
/// }
///
/// mod service {
///     #[autospec::double]
///     use super::net::Client;
///
///     pub fn title(url: &str) -> String {
///         Client::new(url).fetch("/title")
///     }
/// }
///
/// fn main() {
///     let class = net::MockClient::class();
///     class.instance().fetch.returns("mocked".into());
///     assert_eq!(service::title("http://x"), "mocked");
///     class.new.assert_called_once_with(("http://x",));
///     class.instance().fetch.assert_called_once_with(("/title",));
/// }
/// ```
pub use autospec_macros::double;

/// Replaces a function that has `#[autospec]` on it (or a method of an
/// impl block with `#[autospec(patchable)]`: `patch!(Client::get)`), on
/// this thread, until the returned guard drops (Python's `patch`).
///
/// The guard dereferences to the function's child mock: configure its
/// answers and assert on its calls as on any mocked method. Calls on this
/// thread go to the mock; `calls_original()` makes unconfigured calls run
/// the real body, journaled. Patches nest (the innermost answers) and are
/// undone when their guard drops, also during a panic. Other threads keep
/// calling the original; [`patch_shared!`] replaces the function for every
/// thread. The hook exists only with `debug_assertions` (test and dev
/// builds): a release build compiles the function as written.
///
/// A path whose second-to-last segment starts with an uppercase letter
/// (`Client::get`, `net::Client::new`) names a method; any other path a
/// function. A patched method answers for every instance, and its
/// `returns_with` closure receives the instance first.
///
/// ```
/// mod net {
///     #[autospec::autospec]
///     pub fn fetch(url: &str) -> String {
///         format!("real body of {url}")
///     }
/// }
///
/// fn title(url: &str) -> String {
///     net::fetch(url).to_uppercase()
/// }
///
/// fn main() {
///     {
///         let fetch = autospec::patch!(net::fetch);
///         fetch.returns("mocked".into());
///         assert_eq!(title("a"), "MOCKED");
///         fetch.assert_called_once_with(("a",));
///     }
///     assert_eq!(title("a"), "REAL BODY OF A"); // the guard dropped
/// }
/// ```
pub use autospec_macros::patch;

/// [`patch!`] for every thread: threads the code under test spawns (tokio
/// workers included) see the patch too. Shared patches of one function are
/// taken in turn, so tests using them never interfere; a thread's own
/// [`patch!`] still wins on that thread.
///
/// ```
/// mod clock {
///     #[autospec::autospec]
///     pub fn now() -> u64 {
///         1_700_000_000
///     }
/// }
///
/// fn main() {
///     let now = autospec::patch_shared!(clock::now);
///     now.returns(42);
///     let seen = std::thread::spawn(clock::now).join().unwrap();
///     assert_eq!(seen, 42);
///     now.assert_called_once();
/// }
/// ```
pub use autospec_macros::patch_shared;

/// `use autospec::prelude::*;` brings the attribute, the `call!`, `patch!`
/// and `patch_shared!` macros, the [`Mock`] trait and [`ClassShared`] (for
/// `MockX::class_shared()`) into scope.
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
    pub use crate::{autospec, call, patch, patch_shared, Call, ClassShared, Mock};
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
#[doc = include_str!("../../docs/signatures.md")]
pub struct GuideSignatures;
#[cfg(doctest)]
#[doc = include_str!("../../docs/constructors.md")]
pub struct GuideConstructors;
#[cfg(doctest)]
#[doc = include_str!("../../docs/patching.md")]
pub struct GuidePatching;
#[cfg(doctest)]
#[doc = include_str!("../../docs/performance.md")]
pub struct GuidePerformance;
#[cfg(doctest)]
#[doc = include_str!("../../docs/magic.md")]
pub struct GuideMagic;
