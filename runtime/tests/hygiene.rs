//! Generated code compiles warning-free under strict lints, in modules that
//! shadow prelude names or have no prelude at all, because it names
//! everything by absolute path.
//!
//! Clippy runs over this file in CI (`cargo clippy --workspace --all-targets
//! -- -D warnings`), so the crate-level lints below, nursery included, are
//! checked against the generated code too.
#![deny(
    warnings,
    missing_docs,
    unused,
    clippy::all,
    clippy::pedantic,
    clippy::nursery
)]

/// A module whose own items shadow the names generated code could reach for.
pub mod shadowed {
    #![allow(dead_code, clippy::upper_case_acronyms)]
    use autospec::autospec;

    /// Shadows `Option`.
    pub struct Option;
    /// Shadows `Result`.
    pub struct Result;
    /// Shadows `Box`.
    pub struct Box;
    /// Shadows `String`.
    pub struct String;
    /// Shadows `Vec`.
    pub struct Vec;
    /// Shadows `Default`.
    pub trait Default {}
    /// Shadows `Clone`.
    pub trait Clone {}
    /// Shadows `Send`.
    pub trait Send {}
    /// Shadows `Fn`.
    pub trait Fn {}
    /// Shadows the runtime's `Method`.
    pub struct Method;
    /// Shadows the runtime's `Call`.
    pub struct Call;
    /// Shadows `Mock`.
    pub struct Mock;
    /// Shadows the `core` crate name.
    pub mod core {}
    /// Shadows the `std` crate name.
    pub mod std {}

    /// A trait whose signatures use the real types through full paths.
    #[autospec]
    pub trait Store {
        /// Looks a key up.
        fn get(&self, key: &str) -> ::std::option::Option<::std::string::String>;
        /// Stores a value.
        ///
        /// # Errors
        /// A code when the store is full.
        fn put(
            &mut self,
            key: ::std::string::String,
            value: &[u8],
        ) -> ::std::result::Result<(), u8>;
        /// Lends a name.
        fn name(&self) -> &str;
        /// Takes an optional borrow.
        fn maybe(&self, value: ::std::option::Option<&u32>);
    }
}

/// A module without the implicit prelude.
pub mod bare {
    #![no_implicit_prelude]

    /// A trait mocked where nothing is imported implicitly.
    #[::autospec::autospec]
    pub trait Clock {
        /// Now, in seconds.
        fn now(&self) -> u64;
        /// Sleeps.
        fn sleep(&self, seconds: u64, reason: &str);
    }
}

/// No prelude, and every name generated code could reach for is taken by a
/// user item, the runtime's own names and both crate names included.
pub mod bare_and_shadowed {
    #![no_implicit_prelude]
    #![allow(dead_code)]

    /// Shadows the runtime's `Method`.
    pub struct Method;
    /// Shadows the runtime's `Call`.
    pub struct Call;
    /// Shadows the runtime's `Mock`.
    pub struct Mock;
    /// Shadows `Option`.
    pub struct Option;
    /// Shadows `Result`.
    pub struct Result;
    /// Shadows `Box`.
    pub struct Box;
    /// Shadows `Vec`.
    pub struct Vec;
    /// Shadows `String`.
    pub struct String;
    /// Shadows `Default`.
    pub trait Default {}
    /// Shadows the `std` crate name.
    pub mod std {}
    /// Shadows the `core` crate name.
    pub mod core {}
    /// Shadows the `autospec` crate name.
    pub mod autospec {}

    /// A trait with borrowed, optional and fallible signatures.
    #[::autospec::autospec]
    pub trait Inventory {
        /// Counts one item.
        fn count(&self, sku: &str) -> ::std::option::Option<u32>;
        /// Restocks.
        ///
        /// # Errors
        /// The rejected quantity.
        fn restock(
            &mut self,
            sku: ::std::string::String,
            lots: &[u32],
        ) -> ::std::result::Result<(), u32>;
        /// Lends the warehouse name.
        fn warehouse(&self) -> &str;
        /// Takes an optional borrow.
        fn audit(&self, note: ::std::option::Option<&str>);
    }
}

/// Every other form the macro takes, with no prelude and shadowed names,
/// under the same lints.
pub mod bare_forms {
    #![no_implicit_prelude]
    #![allow(dead_code)]

    /// Shadows `Option`.
    pub struct Option;
    /// Shadows `Result`.
    pub struct Result;
    /// Shadows `Box`.
    pub struct Box;
    /// Shadows `String`.
    pub struct String;
    /// Shadows the `std` crate name.
    pub mod std {}
    /// Shadows the `core` crate name.
    pub mod core {}

    /// Generic, async, impl-Trait and associated items.
    #[::autospec::autospec]
    pub trait Service {
        /// An associated type.
        type Reply: ::std::clone::Clone;
        /// A generic method.
        fn decode<T: ::std::str::FromStr + ::std::marker::Send + ::std::marker::Sync + 'static>(
            &self,
            text: &str,
        ) -> ::std::option::Option<T>;
        /// An async method.
        fn later(&self, id: u32) -> impl ::std::future::Future<Output = u32> + ::std::marker::Send;
        /// `impl Trait` in and out.
        fn names(
            &self,
            prefix: impl ::std::convert::AsRef<str>,
        ) -> impl ::std::iter::Iterator<Item = u8>;
        /// Without `self`.
        fn version() -> u32
        where
            Self: ::std::marker::Sized;
        /// A callable spec.
        fn call(&self, request: u32) -> Self::Reply;
    }

    /// A real type.
    #[derive(::std::default::Default)]
    pub struct Client;

    #[::autospec::autospec]
    impl Client {
        /// Builds one.
        #[must_use]
        pub const fn new() -> Self {
            Self
        }
        /// Sends.
        #[must_use]
        pub const fn send(&self, byte: u8) -> u8 {
            byte
        }
    }

    /// A real type with hooked methods.
    pub struct Account;

    #[::autospec::autospec(patchable)]
    impl Account {
        /// The balance.
        #[must_use]
        pub fn balance(&self) -> u64 {
            ::std::hint::black_box(1)
        }

        /// Not hooked: a `const fn` cannot consult a patch.
        #[must_use]
        pub const fn limit() -> u64 {
            10
        }
    }

    /// A hooked function.
    #[::autospec::autospec]
    #[must_use]
    pub fn fetch(url: &str) -> ::std::string::String {
        ::std::borrow::ToOwned::to_owned(url)
    }
}

/// Bodies on one line, as rustfmt leaves short ones only when told: their
/// braces are not the tail of the generated body, or `unused_braces` would
/// warn in the user's crate.
#[rustfmt::skip]
pub mod one_line {
    /// A hooked function.
    #[autospec::autospec]
    #[must_use]
    pub fn seven() -> u32 { 7 }

    /// A real type with a hooked method.
    pub struct Meter;

    #[autospec::autospec(patchable)]
    impl Meter {
        /// A reading.
        #[must_use]
        pub fn read(&self) -> u32 { 3 }
    }
}

#[test]
fn every_form_compiles_without_a_prelude() {
    use bare_forms::Service as _;
    let service = bare_forms::MockService::<u8>::default();
    service.call.returns(7);
    assert_eq!((service.as_fn())(1), 7);
    service.decode.of::<u16>().returns(Some(3));
    assert_eq!(service.decode::<u16>("x"), Some(3));
    let class = bare_forms::MockClient::class();
    class.instance().send.returns(9);
    assert_eq!(bare_forms::MockClient::new().send(1), 9);
    let balance = autospec::patch!(bare_forms::Account::balance);
    balance.returns(5);
    assert_eq!(bare_forms::Account.balance(), 5);
    let fetch = autospec::patch!(bare_forms::fetch);
    fetch.returns("mocked".to_owned());
    assert_eq!(bare_forms::fetch("u"), "mocked");
}

/// A generic trait with a where clause, under the same lints.
#[autospec::autospec]
pub trait Repo<T>
where
    T: ::std::clone::Clone + ::std::fmt::Debug + ::std::marker::Send + 'static,
{
    /// Fetches one.
    fn fetch(&self, id: u64) -> ::std::option::Option<T>;
}

/// A trait with no methods still gets a mock.
#[autospec::autospec]
pub trait Marker {}

#[test]
fn shadowed_names_do_not_leak_into_generated_code() {
    use autospec::Mock as _;
    use shadowed::Store as _;
    let mut store = shadowed::MockStore::default();
    store.get.returns(Some("v".to_owned()));
    store.name.returns("n".to_owned());
    assert_eq!(store.get("k").as_deref(), Some("v"));
    store.put.returns(Ok(()));
    assert_eq!(store.put("k".to_owned(), b"x"), Ok(()));
    assert_eq!(store.name(), "n");
    store.maybe(Some(&1));
    store.put.assert_called_once_with(("k", b"x"));
    assert_eq!(store.mock_calls().len(), 4);
}

#[test]
fn no_implicit_prelude_module_mocks_work() {
    use bare::Clock as _;
    let clock = bare::MockClock::default();
    clock.now.returns(5);
    assert_eq!(clock.now(), 5);
    clock.sleep(1, "nap");
    clock.sleep.assert_called_once_with((1, "nap"));
}

#[test]
fn generic_and_empty_traits_compile_under_strict_lints() {
    use autospec::Mock as _;
    let repo = MockRepo::<u8>::default();
    repo.fetch.returns(Some(3));
    assert_eq!(Repo::fetch(&repo, 1), Some(3));
    let marker = MockMarker::default();
    assert!(marker.mock_calls().is_empty());
    assert_eq!(format!("{marker:?}"), "MockMarker { calls: [] }");
}

/// A facade that re-exports the runtime under another name, as a crate that
/// renames its dependency (`my_autospec = { package = "autospec" }`) would.
pub mod facade {
    pub use ::autospec as my_autospec;
}

/// A trait mocked through the facade path.
#[autospec::autospec(crate = crate::facade::my_autospec)]
pub trait Renamed {
    /// One method.
    fn ping(&self) -> u8;
}

#[test]
fn crate_argument_reaches_the_runtime_through_another_path() {
    use autospec::Mock as _;
    let renamed = MockRenamed::default();
    renamed.ping.returns(2);
    assert_eq!(Renamed::ping(&renamed), 2);
    assert_eq!(renamed.mock_calls().len(), 1);
}

#[test]
fn no_prelude_and_shadowed_names_together() {
    use autospec::Mock as _;
    use bare_and_shadowed::Inventory as _;
    let mut inventory = bare_and_shadowed::MockInventory::default();
    inventory.count.returns(Some(4));
    inventory.restock.returns(Err(2));
    inventory.warehouse.returns("north".to_owned());
    assert_eq!(inventory.count("a"), Some(4));
    assert_eq!(inventory.restock("a".to_owned(), &[1, 2]), Err(2));
    assert_eq!(inventory.warehouse(), "north");
    inventory.audit(Some("ok"));
    inventory
        .audit
        .assert_called_once_with((Some("ok".to_owned()),));
    assert_eq!(
        inventory.mock_calls(),
        [
            autospec::call!(count("a")),
            autospec::call!(restock("a", [1, 2])),
            autospec::call!(warehouse()),
            autospec::call!(audit(Some("ok"))),
        ]
    );
}

/// Matchers and `assert_called!` expand to absolute paths too.
pub mod bare_matchers {
    #![no_implicit_prelude]

    /// Shadows `std`.
    pub mod std {}
    /// Shadows `core`.
    pub mod core {}

    /// A mocked store.
    #[::autospec::autospec]
    pub trait Shelf {
        /// Puts one.
        fn put(&self, key: &str, value: ::std::vec::Vec<u8>);
        /// Finds one.
        fn find(&self, id: ::std::option::Option<u32>) -> bool;
    }

    /// Every matcher form, under the crate's lints.
    pub fn exercise() {
        use Shelf as _;
        let shelf = <MockShelf as ::core::default::Default>::default();
        shelf.put("k", ::std::vec![1, 2, 3, 4]);
        shelf.find(::std::option::Option::Some(3));
        shelf
            .put
            .assert_called_with(::autospec::args!("k", ::autospec::contains(2)));
        shelf
            .put
            .assert_any_call(::autospec::args!(_, |v: &::std::vec::Vec<u8>| v.len() > 3));
        ::autospec::assert_called!(shelf.put(_, v) if v.len() > 3);
        ::autospec::assert_called!(shelf.put(|key| key.len() == 1, _));
        ::autospec::assert_called!(shelf.find(matches_pattern!(::std::option::Option::Some(_))));
        shelf
            .find
            .when(::autospec::args!(::autospec::gt(
                ::std::option::Option::Some(5)
            )))
            .returns(true);
        let _ = shelf.find(::std::option::Option::Some(9));
    }
}

/// `magic(..)`: every std trait it can add, with no prelude and with the
/// traits' own names, `Self` and the crate names shadowed.
pub mod bare_magic {
    #![no_implicit_prelude]
    #![allow(dead_code)]

    /// Shadows `Display`.
    pub trait Display {}
    /// Shadows `PartialEq`.
    pub trait PartialEq {}
    /// Shadows `Iterator`.
    pub trait Iterator {}
    /// Shadows `Drop`.
    pub struct Drop;
    /// Shadows `Read`.
    pub struct Read;
    /// Shadows `Option`.
    pub struct Option;
    /// Shadows `Vec`.
    pub struct Vec;
    /// Shadows `Default`.
    pub trait Default {}
    /// Shadows `Clone`.
    pub trait Clone {}
    /// Shadows the `std` crate name.
    pub mod std {}
    /// Shadows the `core` crate name.
    pub mod core {}

    /// Every magic trait but `IntoIterator` (an iterator is one already).
    #[::autospec::autospec(magic(
        Display,
        PartialEq,
        Eq,
        PartialOrd,
        Hash,
        Iterator<Item = u32>,
        Index<usize, Output = u8>,
        Add<i64>,
        Sub<i64, Output = i64>,
        Mul<u8>,
        Div<u8>,
        Rem<u8>,
        BitAnd<u8>,
        BitOr<u8>,
        BitXor<u8>,
        Shl<u8>,
        Shr<u8>,
        Neg,
        Not<Output = bool>,
        AddAssign<i64>,
        SubAssign<i64>,
        MulAssign<i64>,
        DivAssign<i64>,
        RemAssign<i64>,
        BitAndAssign<i64>,
        BitOrAssign<i64>,
        BitXorAssign<i64>,
        ShlAssign<i64>,
        ShrAssign<i64>,
        Read,
        Write,
        BufRead,
        Seek,
        Drop,
        AsRef<str>,
        From<u8>,
    ))]
    pub trait Everything {
        /// A method of its own, named like `Iterator::next`.
        fn next(&self) -> u32;
    }

    /// The other iterator trait, on a generic trait.
    #[::autospec::autospec(magic(IntoIterator<Item = T>, Display))]
    pub trait Collection<
        T: ::std::clone::Clone + ::std::marker::Send + ::std::marker::Sync + 'static,
    >
    {
        /// How many there are.
        fn size(&self) -> usize;
    }
}

#[test]
fn matchers_compile_without_a_prelude() {
    bare_matchers::exercise();
    let shelf = bare_matchers::MockShelf::default();
    assert_eq!(shelf.put.calls_matching(autospec::args!(_, _)), 0);
}

#[test]
fn magic_traits_work_without_a_prelude() {
    use autospec::Mock as _;
    let everything = bare_magic::MockEverything::default();
    assert_eq!(everything.to_string(), "MockEverything");
    assert_eq!(everything, everything.clone());
    everything.next.returns(7);
    assert_eq!(bare_magic::Everything::next(&everything), 7);
    assert_eq!(Iterator::next(&mut everything.clone()), None);
    let collection = bare_magic::MockCollection::<u8>::default();
    collection.magic.into_iterator.into_iter.returns(vec![1, 2]);
    assert_eq!((&collection).into_iter().sum::<u8>(), 3);
    let names: Vec<String> = everything
        .mock_calls()
        .iter()
        .map(|call| call.method().to_owned())
        .collect();
    assert_eq!(
        names,
        [
            "magic.display.fmt",
            "magic.partial_eq.eq",
            "magic.drop.drop", // the clone compared with
            "next",
            "magic.iterator.next",
            "magic.drop.drop", // the clone iterated
        ]
    );
}

/// Spies: `wrapping(real)` and `calls_default()` with no prelude and
/// shadowed names, under the crate's lints.
pub mod bare_spies {
    #![no_implicit_prelude]

    /// Shadows `Option`.
    pub struct Option;
    /// Shadows `String`.
    pub struct String;
    /// Shadows `Box`.
    pub struct Box;
    /// Shadows `Arc`.
    pub struct Arc;
    /// Shadows `Mutex`.
    pub struct Mutex;
    /// Shadows the `std` crate name.
    pub mod std {}
    /// Shadows the `core` crate name.
    pub mod core {}

    /// A trait with every kind of answer a spy forwards, and a default body.
    #[::autospec::autospec(spy, type Item = u8)]
    pub trait Ledger {
        /// An associated type.
        type Item;
        /// Borrowed in, owned out.
        fn get(&self, key: &str) -> ::std::option::Option<u32>;
        /// Mutates.
        fn add(&mut self, amount: u32);
        /// Lends.
        fn name(&self) -> &str;
        /// Lends inside an option.
        fn first(&self) -> ::std::option::Option<&u32>;
        /// Iterates.
        fn items(&self) -> impl ::std::iter::Iterator<Item = Self::Item>;
        /// A default body that calls another method.
        #[must_use]
        fn title(&self) -> ::std::string::String {
            ::std::format!("ledger {}", self.name())
        }
    }

    /// A real ledger.
    #[derive(::std::default::Default)]
    pub struct Book {
        total: u32,
    }

    impl Ledger for Book {
        type Item = u8;
        fn get(&self, _: &str) -> ::std::option::Option<u32> {
            ::std::option::Option::Some(self.total)
        }
        fn add(&mut self, amount: u32) {
            self.total += amount;
        }
        fn name(&self) -> &'static str {
            "book"
        }
        fn first(&self) -> ::std::option::Option<&u32> {
            ::std::option::Option::Some(&self.total)
        }
        fn items(&self) -> impl ::std::iter::Iterator<Item = u8> {
            ::std::iter::once(1)
        }
    }

    /// Exercises the spy API.
    #[must_use]
    pub fn exercise() -> ::std::string::String {
        let mut ledger = MockLedger::wrapping(<Book as ::std::default::Default>::default());
        ledger.add(2);
        ledger.get.returns(::std::option::Option::Some(1));
        ledger.get.calls_real();
        ledger.title.calls_default();
        let _ = (ledger.first(), ledger.items(), ledger.get("k"));
        ledger.title()
    }
}

#[test]
fn spies_compile_without_a_prelude() {
    assert_eq!(bare_spies::exercise(), "ledger book");
}

autospec::doubles! {
    /// The functions of `std::env` that `bare_foreign` calls.
    mod std::env {
        fn var<K: ::core::convert::AsRef<::std::ffi::OsStr>>(
            key: K,
        ) -> ::core::result::Result<::std::string::String, VarError>;
    }

    mod std::time {
        impl SystemTime {
            fn now() -> SystemTime;
            const UNIX_EPOCH: SystemTime;
        }
    }
}

/// Doubles, `#[double]`, `extern` blocks, async spies and async default
/// bodies, with no prelude and shadowed names, under the crate's lints.
pub mod bare_foreign {
    #![no_implicit_prelude]
    #![allow(dead_code, clippy::upper_case_acronyms)]

    /// Shadows `Option`.
    pub struct Option;
    /// Shadows `Result`.
    pub struct Result;
    /// Shadows `Box`.
    pub struct Box;
    /// Shadows the `core` crate name.
    pub mod core {}
    /// Shadows the `std` crate name.
    pub mod std {}

    #[::autospec::double]
    pub use ::std::env;
    #[::autospec::double]
    pub use ::std::time::SystemTime;

    /// Reads a variable through the double.
    #[must_use]
    pub fn level() -> ::std::string::String {
        env::var("LEVEL").unwrap_or_default()
    }

    /// Seconds since the epoch, through the stand-in.
    #[must_use]
    pub fn stamp() -> u64 {
        SystemTime::now()
            .duration_since(SystemTime::UNIX_EPOCH)
            .map_or(0, |since| since.as_secs())
    }

    #[::autospec::autospec]
    extern "C" {
        /// C's `abs`.
        pub fn abs(x: ::core::ffi::c_int) -> ::core::ffi::c_int;
    }

    /// An async trait with a default body, spied.
    #[::autospec::autospec(spy)]
    pub trait Feed {
        /// The next value.
        fn next(
            &self,
            topic: &str,
        ) -> impl ::core::future::Future<Output = ::core::option::Option<u32>> + ::core::marker::Send;
        /// The next value, doubled.
        fn doubled(
            &self,
            topic: &str,
        ) -> impl ::core::future::Future<Output = u32> + ::core::marker::Send {
            let next = self.next(topic);
            async move { next.await.map_or(0, |n| n * 2) }
        }
    }

    /// The real feed.
    pub struct Fixed;

    impl Feed for Fixed {
        async fn next(&self, topic: &str) -> ::core::option::Option<u32> {
            ::core::option::Option::Some(
                ::core::convert::TryFrom::try_from(topic.len()).unwrap_or(0),
            )
        }
    }

    /// Exercises the forms; `patches` holds the patches, taken outside
    /// (`patch!` carries a diagnostic attribute, which a module without
    /// the prelude cannot name).
    #[must_use]
    pub fn exercise() -> (::std::string::String, u64, i32) {
        // SAFETY: `abs` has no preconditions, and is patched here.
        let patched = unsafe { abs(-1) };
        (level(), stamp(), patched)
    }

    /// A spy whose default body runs.
    #[must_use]
    pub fn feed() -> MockFeed {
        let feed = MockFeed::wrapping(Fixed);
        feed.doubled.calls_default();
        feed
    }
}

#[test]
fn foreign_functions_and_async_spies_compile_without_a_prelude() {
    let var = autospec::patch!(bare_foreign::env::var);
    var.returns(Ok("3".to_owned()));
    let now = autospec::patch!(bare_foreign::SystemTime::now);
    now.returns(std::time::UNIX_EPOCH);
    let abs = autospec::patch!(bare_foreign::abs);
    abs.returns(5);
    assert_eq!(bare_foreign::exercise(), ("3".to_owned(), 0, 5));
    let feed = bare_foreign::feed();
    let waker = std::task::Waker::from(std::sync::Arc::new(Noop));
    let mut context = std::task::Context::from_waker(&waker);
    let future = bare_foreign::Feed::doubled(&feed, "abc");
    let doubled = std::future::Future::poll(std::pin::pin!(future), &mut context);
    assert_eq!(doubled, std::task::Poll::Ready(6));
}

/// A waker that does nothing.
struct Noop;

impl std::task::Wake for Noop {
    fn wake(self: std::sync::Arc<Self>) {}
}

/// The round-two shapes, with no prelude and shadowed names.
///
/// Under the crate's lints: `impl Trait` returns answered by a box or a
/// named type, answers that borrow from the call, a generic associated
/// type, a restated supertrait, a trait impl, and a type with a lifetime
/// and a constructor.
pub mod round_two {
    #![no_implicit_prelude]
    #![allow(dead_code)]

    /// Shadows `Option`.
    pub struct Option;
    /// Shadows `Box`.
    pub struct Box;
    /// Shadows `Send`.
    pub trait Send {}
    /// Shadows the `core` crate name.
    pub mod core {}
    /// Shadows the `std` crate name.
    pub mod std {}

    /// A supertrait the attribute restates.
    pub trait Named {
        /// The name.
        fn name(&self) -> ::std::string::String;
    }

    /// Every round-two shape of a trait.
    #[::autospec::autospec(
        impl ::core::clone::Clone = u8,
        type View<'v> = &'v [u8],
        impl Named { fn name(&self) -> ::std::string::String; }
    )]
    pub trait Shapes: Named {
        /// A view into the buffer.
        type View<'v>
        where
            Self: 'v;
        /// Answered with a box.
        fn label(&self) -> impl ::core::fmt::Display;
        /// Answered with a box, nested.
        fn items(&self) -> ::core::option::Option<impl ::core::iter::Iterator<Item = u8>>;
        /// Answered with the named type.
        fn key(&self) -> impl ::core::clone::Clone;
        /// Borrows from the argument.
        fn word<'a>(&self, text: &'a str) -> ::std::borrow::Cow<'a, str>;
        /// Borrows from `self`.
        fn view(&self) -> Self::View<'_>;
        /// A boxed iterator of items borrowed from `self`.
        fn ids(&self) -> ::std::boxed::Box<dyn ::core::iter::Iterator<Item = &u32> + '_>;
        /// A boxed iterator of items borrowed from `self`, maybe.
        fn some_ids(
            &self,
        ) -> ::core::option::Option<::std::boxed::Box<dyn ::core::iter::Iterator<Item = &u32> + '_>>;
        /// A boxed iterator of items borrowed from the argument.
        fn words<'a>(
            &self,
            text: &'a str,
        ) -> ::std::boxed::Box<dyn ::core::iter::DoubleEndedIterator<Item = &'a str> + 'a>;
    }

    /// A trait implemented by `Disk`.
    pub trait Store {
        /// A value.
        fn get(&self, key: u32) -> u32;
    }

    /// The real store.
    pub struct Disk;

    #[::autospec::autospec]
    impl Store for Disk {
        fn get(&self, key: u32) -> u32 {
            key
        }
    }

    /// A type with a lifetime and a constructor.
    pub struct Parser<'a> {
        text: &'a str,
    }

    #[::autospec::autospec]
    impl<'a> Parser<'a> {
        /// Makes one.
        #[must_use]
        pub const fn new(text: &'a str) -> Self {
            Parser { text }
        }
        /// The text.
        #[must_use]
        pub const fn text(&self) -> &'a str {
            self.text
        }
    }
}

#[test]
fn round_two_shapes_compile_without_a_prelude() {
    use round_two::{MockDisk, MockParser, MockShapes, Named, Shapes, Store};
    let shapes = MockShapes::default();
    shapes.name.returns("n".to_owned());
    shapes
        .word
        .returns_with(|text| std::borrow::Cow::Borrowed(text));
    shapes.label.returns_with(|| Box::new(1));
    assert_eq!(shapes.name(), "n");
    assert_eq!(shapes.word("w"), "w");
    assert_eq!(shapes.label().to_string(), "1");
    assert_eq!(shapes.view(), [0u8; 0]);
    let disk = MockDisk::default();
    disk.get.returns(2);
    assert_eq!(disk.get(1), 2);
    let class = MockParser::class();
    class.instance().text.returns("t".to_owned());
    assert_eq!(MockParser::new("x").text(), "t");
    assert_eq!(round_two::Parser::new("y").text(), "y");
    assert_eq!(round_two::Disk.get(3), 3);
}
