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
//! # A short tour
//!
//! - Every method is a public field of the same name, a [`Method`]: configure
//!   its answers ([`returns`](Method::returns), `returns_with`,
//!   [`returns_once`](Method::returns_once), [`panics`](Method::panics)) and
//!   read its journal ([`call_args_list`](Method::call_args_list),
//!   [`assert_called_with`](Method::assert_called_with), ...).
//! - The mock-level API lives on the [`Mock`] trait:
//!   [`mock_calls`](Mock::mock_calls), [`reset_mock`](Mock::reset_mock),
//!   [`reset_answers`](Mock::reset_answers), [`verify`](Mock::verify),
//!   [`seal`](Mock::seal), [`is_sealed`](Mock::is_sealed),
//!   [`strict`](Mock::strict), [`set_wait_timeout`](Mock::set_wait_timeout),
//!   [`wait_timeout`](Mock::wait_timeout),
//!   [`journal_calls`](Mock::journal_calls) and
//!   [`mock_name`](Mock::mock_name). `MockTrait::new()` (the same as
//!   `default()`) and `MockTrait::strict()` need no import, unless the
//!   mocked item has a function of that name.
//! - Mocks are handles: `Clone` shares the journal and the answers, so a test
//!   can give a mock away as `Box<dyn Trait>` or
//!   `Arc<dyn Trait + Send + Sync>` and still assert on it. Code on other
//!   threads is waited for with
//!   [`wait_until_called`](Method::wait_until_called) and its siblings.
//! - Async methods return an [`Answer`] future, which journals the await:
//!   [`await_count`](Method::await_count),
//!   [`assert_awaited_with`](Method::assert_awaited_with), ...
//! - Methods without `self` and constructors live on the mock's class,
//!   [`MockTrait::class()`](Class) (per thread) or
//!   [`class_shared()`](ClassShared::class_shared) (every thread). On an
//!   inherent `impl` block, `#[autospec]` mocks the type itself, and
//!   [`#[double]`](double) swaps the mock in where the code under test
//!   imports the type.
//! - [`mock!`] mocks a trait from std or another crate, and [`mock_fn!`] a
//!   bare closure signature.
//! - `#[autospec]` on a free function adds a hook that [`patch!`] and
//!   [`patch_shared!`] replace until the guard drops.
//!
//! # The guide
//!
//! The [guide] explains every feature with examples, all of them compiled
//! and run as tests. In reading order:
//!
//! 1. [Getting started](guide::getting_started): the `Cargo.toml` setup,
//!    from a trait to a passing test, what the attribute generates.
//! 2. [Answers: what a call returns](guide::answers)
//! 3. [The journal and assertions](guide::journal_and_assertions)
//! 4. [Matchers, `args!` and `assert_called!`](guide::matchers)
//! 5. [Generics, async, lifetimes and foreign traits](guide::signatures)
//! 6. [Async methods and the await journal](guide::async_methods)
//! 7. [Threads and waits](guide::threads_and_waits)
//! 8. [Constructors, the class and callables](guide::constructors)
//! 9. [Magic, files and dynamic mocks](guide::magic)
//! 10. [Patching functions](guide::patching)
//! 11. [Spies and partial mocks](guide::spies)
//! 12. [Cookbook](guide::cookbook)
//! 13. [FAQ](guide::faq)
//! 14. [Performance](guide::performance)
//! 15. [For Python users](guide::for_python_users)
//! 16. [Migrating from mockall](guide::migrating_from_mockall)
//!
//! The runnable examples are in `examples/`: `quickstart`, `async_service`,
//! `worker_threads`, `class_handle` and `patch_function`
//! (`cargo run --example quickstart` from the crate's source).
//!
//! # Minimum Rust version
//!
//! Rust 1.86, for trait upcasting, which the journal of generic methods
//! uses; CI builds both crates, and a crate that uses their mocks, with it.

#![deny(missing_docs)]

// Three layers, imports pointing down (ARCHITECTURE.md): the core (the call
// sequence, the journal, answers, `Method`), the features built on it, and
// this facade: the public names, the exported macros, the prelude and
// `__private`, what generated code names.
mod core;
mod features;

#[doc(hidden)]
#[path = "private.rs"]
pub mod __private;

pub use crate::core::address::Address;
pub use crate::core::answer::Answer;
/// Traits that name what autospec needs of your types.
///
/// They are implemented for every type that qualifies, never by hand; they
/// exist so that a type that does not qualify gets an error message that
/// says why autospec needs it and what to write instead.
pub mod bounds {
    pub use crate::core::bounds::*;
    pub use crate::features::class::{Patch, SharedPatch};
    pub use crate::features::generic::NameTheInstantiation;
    pub use crate::features::matchers::assert::WrittenCall;
    pub use crate::features::mockall_names::FromMockall;
    pub use crate::features::order::PatchGuard;
    pub use crate::features::part::{MissingPart, PartBlock};
    pub use crate::features::patch::{NoPatchHook, NotPatchable, PatchableMethod};
    pub use crate::features::spy::SpyAttribute;
    pub use crate::features::waits::WaitTimeout;
}
pub use crate::core::call::Call;
pub use crate::core::method::read::Times;
pub use crate::core::method::statics::ReturnsStatic;
pub use crate::core::method::AnswerSequence;
pub use crate::core::method::Method;
pub use crate::core::mock::Mock;
pub use crate::core::mock_core::{
    default_wait_timeout, set_default_wait_timeout, DEFAULT_WAIT_TIMEOUT,
};
pub use crate::core::opaque::Opaque;
pub use crate::features::class::{unpatch_all, Class, ClassShared, SharedClass};
pub use crate::features::dynamic;
pub use crate::features::file::{FileOp, MockFile};
pub use crate::features::generic::Generic;
pub use crate::features::magic;
pub use crate::features::matchers::args::{Args, ArgsMatch};
pub use crate::features::matchers::matcher::{
    and, any, contains, ends_with, eq, ge, gt, le, lt, ne, not, or, pred, starts_with, Affix, Any,
    Both, Collection, Compare, Contains, Describe, Equals, Matcher, Not, Pred, Sequence, ANY,
};
pub use crate::features::matchers::when::When;
pub use crate::features::typed_arg::TypedArg;

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
/// `mock! { crate = my_autospec; pub MockReader: .. }`. Further traits the
/// mock implements follow as `impl Trait { items }` blocks, and
/// `#[async_trait]` goes before the mock's name (or before a block's
/// `impl`), with its methods restated as `async fn`: see the guide's
/// chapter on [signatures](crate::guide::signatures#foreign-traits).
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
/// A module or function of another crate (`use std::fs;`, `use
/// std::env::var;`), and a type of `std`, `core` or `alloc` (`use
/// std::time::SystemTime;`), is imported from the doubles that
/// [`doubles!`] made at the crate root instead: `use
/// crate::doubles::std::fs;`. `#[double(path)]` takes every name from the
/// doubles at `path` (`#[autospec::double(crate::doubles)] use
/// chrono::Utc;`).
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

/// Restates functions of other crates (std included) as *doubles*:
/// functions of the same signature that call the real one, unless a test
/// patches them with [`patch!`]. Invoked once at the crate root, it makes
/// the module `doubles`, which mirrors each restated module
/// (`doubles::std::fs` for `std::fs`): the restated functions are doubles,
/// and every other item of the real module passes through. Code under
/// test imports the double instead of the real module with
/// [`#[double]`](double): `#[cfg_attr(test, autospec::double)] use
/// std::fs;`, and calls `fs::read(..)` as before.
///
/// Each `mod path { .. }` block restates, as in an `extern` block:
/// functions (`fn read<P: AsRef<Path>>(path: P) -> io::Result<Vec<u8>>;`),
/// a type's associated functions and consts (`impl SystemTime { fn
/// now() -> SystemTime; }`, which makes a stand-in `SystemTime` whose
/// `now` returns the real type), and `use` items for the signatures, which
/// are read as inside the real module. A signature that does not match
/// the real function does not compile. A renamed runtime is given first:
/// `doubles! { crate = my_autospec; mod .. }`.
///
/// ```
/// autospec::doubles! {
///     mod std::env {
///         fn var<K: AsRef<std::ffi::OsStr>>(key: K) -> Result<String, VarError>;
///     }
/// }
///
/// mod config {
///     // In a crate: #[cfg_attr(test, autospec::double)]
///     #[autospec::double]
///     use std::env;
///
///     pub fn log_level() -> String {
///         env::var("LOG_LEVEL").unwrap_or_else(|_| "info".to_owned())
///     }
/// }
///
/// fn main() {
///     let var = autospec::patch!(doubles::std::env::var);
///     var.returns(Ok("debug".to_owned()));
///     assert_eq!(config::log_level(), "debug");
///     var.assert_called_once_with(("LOG_LEVEL",));
///
///     let _ = std::env::var("PATH"); // written with the full path: not the double
///     var.assert_called_once();
/// }
/// ```
pub use autospec_macros::doubles;

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
///
/// A function without `#[autospec]`, or a method whose impl block has no
/// `#[autospec(patchable)]`, does not compile, with an error saying what
/// to add ([`bounds::Patch`], [`bounds::PatchableMethod`]).
#[macro_export]
macro_rules! patch {
    ($($path:tt)*) => {
        $crate::__private::patch_impl!($crate; $($path)*)
    };
}

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
#[macro_export]
macro_rules! patch_shared {
    ($($path:tt)*) => {
        $crate::__private::patch_shared_impl!($crate; $($path)*)
    };
}

/// `use autospec::prelude::*;` brings the attribute, the `call!`, `patch!`
/// and `patch_shared!` macros, the [`Mock`] trait, [`ClassShared`] (for
/// `MockX::class_shared()`) and [`ReturnsStatic`] (for `returns_static(&CONFIG)`)
/// into scope.
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
    pub use crate::{
        and, any, args, assert_called, assert_in_order, autospec, call, contains, ends_with, eq,
        ge, gt, le, lt, ne, not, or, patch, patch_shared, pred, starts_with, Call, ClassShared,
        Mock, ReturnsStatic, ANY,
    };
}

/// Expected arguments that may hold matchers, for
/// [`assert_called_with`](Method::assert_called_with),
/// [`assert_any_call`](Method::assert_any_call),
/// [`assert_has_calls`](Method::assert_has_calls),
/// [`calls_matching`](Method::calls_matching), [`when`](Method::when) and
/// the await assertions: `args!("k", _, gt(3))`.
///
/// Each argument is, by its form:
/// - `_` (or [`ANY`]): any value;
/// - a closure, `|v: &Vec<u8>| v.len() > 3`: a predicate of the journaled
///   argument (`&String` for a `&str` parameter); failure messages show its
///   source. Here the closure needs its parameter's type, which
///   [`assert_called!`] knows without it;
/// - a matcher, a value whose type implements [`Describe`]: [`eq`],
///   [`ne`], [`lt`], [`le`], [`gt`], [`ge`], [`contains`],
///   [`starts_with`], [`ends_with`], [`pred`], [`not`], [`and`], [`or`],
///   or one of your own;
/// - anything else: a value compared with the journaled argument by `==`,
///   as in a plain tuple (`"k"` matches a `String`, `b"ab"` a `Vec<u8>`).
///
/// The arity and every argument's type are checked at compile time against
/// the method's parameters.
///
/// ```
/// use autospec::prelude::*;
///
/// #[autospec]
/// trait Store { fn put(&self, key: &str, value: Vec<u8>); }
///
/// let store = MockStore::default();
/// store.put("user:1", vec![1, 2, 3, 4]);
/// store.put.assert_called_with(args!(starts_with("user:"), _));
/// store.put.assert_called_with(args!(_, |v: &Vec<u8>| v.len() > 3));
/// store.put.assert_any_call(args!(not(eq("admin")), contains(4)));
/// assert_eq!(store.put.calls_matching(args!("user:1", b"\x01\x02\x03\x04")), 1);
/// ```
#[macro_export]
macro_rules! args {
    ($($args:tt)*) => {
        $crate::__private::args_impl!($crate; $($args)*)
    };
}

/// Asserts that some call matched a call written out, with matchers and
/// an optional guard: `assert_called!(store.put("k", _))`,
/// `assert_called!(store.put(_, v) if v.len() > 3)`.
///
/// The arguments take the forms of [`args!`]; in addition, because the
/// macro knows the method, closures need no parameter types,
/// `matches_pattern!(Some(n) if *n > 2)` matches a pattern, and with an
/// `if` guard a bare name that the guard uses binds that argument (a
/// reference to the journaled value), as in a `match` arm. The failure
/// message lists the calls closest first, naming each argument that did
/// not match. A patched function's call is written with its guard as the
/// function: `assert_called!(fetch("/a"))`.
///
/// ```
/// use autospec::prelude::*;
///
/// #[autospec]
/// trait Store {
///     fn put(&self, key: &str, value: Vec<u8>);
///     fn find(&self, id: Option<u32>) -> bool;
/// }
///
/// let store = MockStore::default();
/// store.put("k", vec![1, 2, 3, 4]);
/// store.find(Some(7));
/// assert_called!(store.put("k", _));
/// assert_called!(store.put(_, v) if v.len() > 3);
/// assert_called!(store.put(|key| key.starts_with('k'), contains(4)));
/// assert_called!(store.find(matches_pattern!(Some(n) if *n > 2)));
/// ```
#[macro_export]
macro_rules! assert_called {
    ($($call:tt)*) => {
        $crate::__private::assert_called_impl!($crate; $($call)*)
    };
}

/// Asserts that calls of one or several mocks happened in this order
/// (Python's `attach_mock` manager): `assert_in_order!(store.get("k"),
/// cache.put("k", _))`. Each call is written as in [`assert_called!`];
/// other calls may come before, between and after them. The call of a
/// patched function is written with its guard as the function,
/// `fetch("/a")`, and a class's as a mock's, `class.connect("/a")`. Every journaled
/// call carries a number of one process-wide sequence, so calls of
/// different mocks compare.
///
/// ```
/// use autospec::prelude::*;
///
/// #[autospec]
/// trait Store { fn get(&self, key: &str) -> Option<String>; }
/// #[autospec]
/// trait Cache { fn put(&self, key: &str, value: String); }
///
/// let (store, cache) = (MockStore::default(), MockCache::default());
/// store.get.returns(Some("v".into()));
/// let value = store.get("k").unwrap();
/// cache.put("k", value);
/// assert_in_order!(store.get("k"), cache.put("k", _));
/// ```
#[macro_export]
macro_rules! assert_in_order {
    ($($calls:tt)*) => {
        $crate::__private::assert_in_order_impl!($crate; $($calls)*)
    };
}

/// The calls of several mocks merged into one journal, in the order they
/// happened, each named after its mock's variable: compare with
/// `call!(store.get("k"))` (Python's `manager.mock_calls`). The guards of
/// [`patch!`] and [`patch_shared!`], and classes ([`Class`]), go beside
/// mocks; a patched function's calls are named after its guard alone,
/// `call!(fetch("/a"))`.
///
/// ```
/// use autospec::prelude::*;
///
/// #[autospec]
/// trait Store { fn get(&self, key: &str) -> Option<String>; }
/// #[autospec]
/// trait Cache { fn put(&self, key: &str, value: String); }
///
/// let (store, cache) = (MockStore::default(), MockCache::default());
/// store.get("k");
/// cache.put("k", "v".into());
/// assert_eq!(
///     autospec::merged_calls!(store, cache),
///     [call!(store.get("k")), call!(cache.put("k", "v"))]
/// );
/// ```
#[macro_export]
macro_rules! merged_calls {
    ($($mock:expr),+ $(,)?) => {
        $crate::__private::merged_calls(&[
            $((::core::stringify!($mock), &$mock as &dyn $crate::Mock)),+
        ])
    };
}

/// Builds a [`Call`] for comparison with [`Mock::mock_calls`](crate::Mock::mock_calls).
///
/// The form is the call as written in code: `call!(method(arg, ..))`, or
/// `call!(method::<Type>(arg, ..))` for one instantiation of a generic
/// method, or a dotted path: `call!(store.get("k"))` for the calls of
/// [`merged_calls!`](crate::merged_calls!), `call!(magic.display.fmt())`
/// for a [magic trait](crate::magic), and `call!(db.get("k"))` for a
/// [dynamic mock](crate::dynamic)'s children. Each
/// argument is rendered with `Debug`, exactly as the journal renders the
/// recorded arguments, so `"k"` matches a journaled `String::from("k")`.
///
/// ```
/// use autospec::prelude::*;
///
/// #[autospec]
/// trait Store {
///     fn get(&self, key: &str) -> Option<String>;
///     fn put(&self, key: String, value: Vec<u8>);
/// }
///
/// let store = MockStore::default();
/// store.get("a");
/// store.put("a".into(), vec![1, 2]);
/// assert_eq!(store.mock_calls(), [call!(get("a")), call!(put("a", [1, 2]))]);
/// ```
#[macro_export]
macro_rules! call {
    ($method:ident :: < $($ty:ty),+ $(,)? > ( $($arg:expr),* $(,)? )) => {
        $crate::Call::new(
            ::std::format!(
                "{}::<{}>",
                ::core::stringify!($method),
                <[::std::string::String]>::join(&[$($crate::__private::type_name::<$ty>()),+], ", "),
            ),
            ::std::vec![$($crate::__private::Render::new(&$arg).render()),*],
        )
    };
    ($first:ident $(. $rest:ident)+ ( $($arg:expr),* $(,)? )) => {
        $crate::Call::new(
            ::core::concat!(::core::stringify!($first) $(, ".", ::core::stringify!($rest))+),
            ::std::vec![$($crate::__private::Render::new(&$arg).render()),*],
        )
    };
    ($method:ident ( $($arg:expr),* $(,)? )) => {
        $crate::Call::new(
            ::core::stringify!($method),
            ::std::vec![$($crate::__private::Render::new(&$arg).render()),*],
        )
    };
}

/// Builds the [`Args`](crate::dynamic::Args) of a dynamic mock's call: `dyn_args!["k", 3]`. Each
/// value must be `Debug + Any + Send + Sync` (owned, or `&'static`).
///
/// ```
/// use autospec::dyn_args;
///
/// let args = dyn_args!["k", 3, vec![1u8]];
/// assert_eq!(args.get::<Vec<u8>>(2), Some(&vec![1]));
/// ```
#[macro_export]
macro_rules! dyn_args {
    ($($value:expr),* $(,)?) => {
        $crate::dynamic::Args::new()$(.with($value))*
    };
}

/// A pattern matcher, written inside [`assert_called!`]:
/// `assert_called!(store.find(matches_pattern!(Some(n) if *n > 2)))`.
/// It has no meaning on its own, since a pattern needs the argument's type.
///
/// ```compile_fail
/// let m = autospec::matches_pattern!(Some(3));
/// ```
#[macro_export]
macro_rules! matches_pattern {
    ($($pattern:tt)*) => {
        ::core::compile_error!("`matches_pattern!` is written inside `assert_called!(mock.method(..))`, which knows the argument's type")
    };
}

// The README is compiled and run as doctests, so that no example in it can
// rot; it is the crates.io page, not a page of these docs, so the item exists
// only under `cfg(doctest)`.
#[cfg(doctest)]
#[doc = include_str!("../../README.md")]
pub struct Readme;

// The guide, chapter by chapter.
//
// Each module is one chapter of the guide, in `guide/` (a link to the
// repository's `docs/`, so that the published crate carries the chapters);
// every Rust example in them runs as a doctest. They exist only for
// rustdoc (`cfg(doc)`, `cfg(doctest)`): a build of the crate reads none of
// them. `runtime/tests/guide_index.rs` checks that every chapter has a
// module here and that the lists of chapters agree.
#[cfg(any(doc, doctest))]
pub mod guide {
    #![doc = include_str!("../guide/README.md")]

    pub mod getting_started {
        #![doc = include_str!("../guide/getting-started.md")]
    }
    pub mod answers {
        #![doc = include_str!("../guide/answers.md")]
    }
    pub mod journal_and_assertions {
        #![doc = include_str!("../guide/journal-and-assertions.md")]
    }
    pub mod matchers {
        #![doc = include_str!("../guide/matchers.md")]
    }
    pub mod signatures {
        #![doc = include_str!("../guide/signatures.md")]
    }
    pub mod async_methods {
        #![doc = include_str!("../guide/async.md")]
    }
    pub mod threads_and_waits {
        #![doc = include_str!("../guide/threads-and-waits.md")]
    }
    pub mod constructors {
        #![doc = include_str!("../guide/constructors.md")]
    }
    pub mod magic {
        #![doc = include_str!("../guide/magic.md")]
    }
    pub mod patching {
        #![doc = include_str!("../guide/patching.md")]
    }
    pub mod spies {
        #![doc = include_str!("../guide/spies.md")]
    }
    pub mod cookbook {
        #![doc = include_str!("../guide/cookbook.md")]
    }
    pub mod faq {
        #![doc = include_str!("../guide/faq.md")]
    }
    pub mod performance {
        #![doc = include_str!("../guide/performance.md")]
    }
    pub mod for_python_users {
        #![doc = include_str!("../guide/for-python-users.md")]
    }
    pub mod migrating_from_mockall {
        #![doc = include_str!("../guide/migrating-from-mockall.md")]
    }
}
