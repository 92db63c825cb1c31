//! Trait shapes that random valid traits found breaking the macro (issue
//! #15's property test, `ui-tests/random-traits`): each one mocks, and the
//! mock works when configured, called and asserted on.
#![allow(
    missing_docs,
    async_fn_in_trait,
    clippy::missing_errors_doc,
    clippy::needless_lifetimes // the point: named lifetimes beside type parameters
)]

use autospec::prelude::*;
use std::error::Error;
use std::fmt::Debug;

mod support;
use support::block_on;

/// A method generic over a lifetime and a type: the mock spelled the
/// answer closure's `for<'a>` inside the method, where `'a` already was.
#[autospec]
pub trait Finder {
    fn find<'a, T: Clone + Debug + Send + Sync + 'static>(&self, s: &'a str, t: T) -> usize;
    fn pick<'a, 'b, T: Clone + 'static>(&self, a: &'a str, b: &'b str, t: T) -> &'a str;
}

#[test]
fn a_method_generic_over_a_lifetime_and_a_type_mocks() {
    let finder = MockFinder::default();
    finder
        .find
        .of::<u8>()
        .returns_with(|s, t| s.len() + usize::from(t));
    assert_eq!(finder.find("abc", 2u8), 5);
    assert_eq!(finder.find("abc", "other"), 0);
    finder.find.of::<u8>().assert_called_once_with(("abc", 2u8));
    finder.pick.of::<u32>().returns("picked".to_owned());
    assert_eq!(finder.pick("a", "b", 1u32), "picked");
}

/// Answers that are not `Send` in a `Send` trait, and in generic methods.
#[autospec]
pub trait Loader: Send + Sync {
    fn load(&self, path: &str) -> Result<Vec<u8>, Box<dyn Error>>;
    fn parse<T: Clone + Send + 'static>(&self, raw: &[u8]) -> Result<T, Box<dyn Error>>;
    fn cause(&self) -> Option<Box<dyn Error>>;
}

#[test]
fn answers_that_are_not_send_keep_the_mock_send_and_sync() {
    fn shared<T: Send + Sync + 'static>(value: T) -> T {
        value
    }
    let loader = shared(MockLoader::default());
    loader.load.returns_with(|_| Ok(vec![1]));
    loader
        .parse
        .of::<u16>()
        .returns_with(|raw| u16::try_from(raw.len()).map_err(Into::into));
    loader.cause.returns_with(|| Some("broken".into()));
    let handle = loader.clone();
    let outcome = std::thread::spawn(move || {
        (
            handle.load("a").map_err(|e| e.to_string()),
            handle.parse::<u16>(b"xyz").map_err(|e| e.to_string()),
            handle.cause().map(|e| e.to_string()),
        )
    })
    .join()
    .unwrap();
    assert_eq!(outcome, (Ok(vec![1]), Ok(3), Some("broken".to_owned())));
    loader.parse.of::<u16>().assert_called_once_with((b"xyz",));
}

/// A generic method lending a `Result<&T, E>`, plain and async: the kept
/// `Ok(value)` left its error type open (E0282).
#[autospec]
pub trait Registry {
    fn get<T: Clone + 'static>(&self, key: &str) -> Result<&T, String>;
    async fn fetch<T: Clone + 'static>(&self) -> Result<&T, String>;
    fn scoped<'a, T: Clone + 'static>(&self, key: &'a str) -> Result<&'a T, String>;
}

#[test]
fn a_generic_method_lending_a_result_mocks() {
    let registry = MockRegistry::default();
    registry.get.of::<u8>().returns(Ok(3));
    registry
        .fetch
        .of::<u8>()
        .returns_with(|| Err("gone".to_owned()));
    registry.scoped.of::<String>().returns(Ok("s".to_owned()));
    assert_eq!(registry.get::<u8>("k"), Ok(&3));
    assert_eq!(block_on(registry.fetch::<u8>()), Err("gone".to_owned()));
    assert_eq!(registry.scoped::<String>("k").map(String::as_str), Ok("s"));
    registry.get.of::<u8>().assert_called_once_with(("k",));
}

/// Methods named like the mock's own API and generated items: `class`
/// beside a method without `self` used to clash with the class type.
#[autospec]
pub trait Named {
    fn class(&self) -> u32;
    fn make() -> u32;
    fn magic(&self) -> u8;
    fn of(&self) -> u8;
    fn when(&self, at: u64) -> bool;
    fn returns(&self) -> u8;
    fn call_count(&self) -> usize;
    fn instance(&self) -> u8;
    fn part2(&self) -> u8;
    fn get(&self) -> u8;
    fn get_generic(&self) -> u8;
}

#[test]
fn methods_may_be_named_like_the_mock_s_api() {
    let named = MockNamed::default();
    named.class.returns(7);
    named.magic.returns(1);
    named.of.returns(2);
    named.when.returns(true);
    named.returns.returns(3);
    named.call_count.returns(4);
    named.get_generic.returns(5);
    assert_eq!(
        (
            named.class(),
            Named::magic(&named),
            Named::of(&named),
            named.when(9),
            Named::returns(&named),
            Named::call_count(&named),
            named.get_generic()
        ),
        (7, 1, 2, true, 3, 4, 5)
    );
    named.when.assert_called_once_with((9,));
    let class = MockNamed::class();
    class.make.returns(11);
    assert_eq!(MockNamed::make(), 11);
    class.make.assert_called_once();
}

/// Supertraits that demand `Send`, `Sync` or `'static` of the mock demand
/// them of its own parameters (associated types, trait parameters) too.
#[autospec]
pub trait Resolver: Send {
    type Item: Copy + PartialEq;
    fn cancel(&self, order: String, item: Self::Item);
}

#[autospec]
pub trait Service<T>: Send + Sync + 'static {
    type Item: std::hash::Hash + Eq;
    fn get(&self, key: Self::Item) -> T;
    fn flush(&mut self) -> impl std::future::Future<Output = bool> + Send;
}

#[test]
fn supertraits_bound_the_mock_s_own_parameters() {
    let resolver = MockResolver::<u8>::default();
    resolver.cancel("o".to_owned(), 3);
    resolver.cancel.assert_called_once_with(("o", 3));
    let mut service = MockService::<String, u32>::default();
    service.get.returns("v".to_owned());
    assert_eq!(service.get(1), "v");
    assert!(!block_on(service.flush()));
    let handle = service.clone();
    let got = std::thread::spawn(move || handle.get(2)).join().unwrap();
    assert_eq!(got, "v");
    assert_eq!(service.get.call_count(), 2);
}

/// Names that are not snake case (the trait allowed them), an `unsafe`
/// `call`, a `call` on a trait with a lifetime, and a default body
/// returning `impl Iterator`.
#[autospec(spy)]
pub trait Odd<'a> {
    #[allow(non_snake_case)]
    fn URL(&self) -> &'static str;
    /// # Safety
    /// None; the point is that the mock's `as_fn` must not call it.
    unsafe fn call(&self, n: u32) -> u32;
    fn items(&self) -> impl Iterator<Item = u32> {
        std::iter::empty()
    }
    fn text(&self, s: &'a str) -> String;
}

#[autospec]
pub trait Gateway<'a> {
    fn call(&mut self) -> Result<String, Box<dyn Error>>;
}

#[test]
fn unusual_names_unsafe_calls_and_default_iterators_mock() {
    let odd = MockOdd::default();
    odd.URL.returns("u".to_owned());
    odd.call.returns(4);
    odd.items.returns(vec![1, 2]);
    assert_eq!(odd.URL(), "u");
    // SAFETY: the mock's `call` has no preconditions.
    assert_eq!(unsafe { odd.call(1) }, 4);
    assert_eq!(odd.items().collect::<Vec<_>>(), [1, 2]);
    let mut gateway = MockGateway::default();
    gateway.call.returns_with(|| Ok("up".to_owned()));
    assert_eq!(gateway.call().unwrap(), "up");
}

/// A `call` method compiled out by `cfg`, and a `Send` future whose
/// arguments include an associated type: `as_fn` must follow the `cfg`,
/// and the mock's parameters must be `Send` where the future must be.
#[autospec]
pub trait Handler {
    type Item: Copy + PartialEq;
    fn list(
        &self,
        item: Self::Item,
    ) -> std::pin::Pin<Box<dyn std::future::Future<Output = u32> + Send + '_>>;
    #[cfg(any())]
    fn call(&self, name: i8) -> Box<dyn NotInScope>;
}

#[test]
fn cfg_out_call_and_send_futures_over_associated_types_mock() {
    let handler = MockHandler::<u8>::default();
    handler.list.returns(3);
    let future = handler.list(1);
    let done = std::thread::scope(|scope| scope.spawn(move || block_on(future)).join());
    assert_eq!(done.unwrap(), 3);
    handler.list.assert_awaited_once_with((1,));
}

mod without_the_prelude {
    /// `new()` and `strict()` work without importing `autospec::Mock`.
    #[autospec::autospec]
    pub trait Plain {
        fn get(&self) -> u8;
    }

    #[test]
    fn new_and_strict_need_no_import() {
        let plain = MockPlain::new();
        assert_eq!(Plain::get(&plain), 0);
        let strict = MockPlain::strict();
        let failed = std::panic::catch_unwind(|| Plain::get(&strict));
        assert!(failed.is_err());
    }
}

/// An associated type without a bound and a method returning `Self`: the
/// mock is generic over `Item`, which need not be `'static`, while the
/// journal's first choice for a mock answer wanted a `'static` mock type.
#[autospec]
pub trait Reopen {
    type Item;
    const LIMIT: usize;
    #[must_use]
    fn reopen(&self, path: String) -> Self;
}

#[test]
fn a_mock_generic_over_a_borrowed_associated_type_returns_itself() {
    let text = String::from("borrowed");
    let outer = MockReopen::<&str, 2>::default();
    let inner = MockReopen::<&str, 2>::default();
    outer.reopen.returns(inner.clone());
    let reopened = outer.reopen("/tmp/x".to_owned());
    reopened.reopen.returns(MockReopen::default());
    let _ = reopened.reopen(text.clone());
    outer.reopen.assert_called_once_with(("/tmp/x",));
    inner.reopen.assert_called_once_with(("borrowed",));
    assert_eq!(
        format!("{:?}", outer.mock_calls()),
        r#"[reopen("/tmp/x") -> MockReopen { calls: [reopen("borrowed") -> MockReopen { calls: [] }] }]"#
    );
}

/// Generic methods whose other arguments are not `Send`: the bound that
/// `of::<T>()` puts on the instantiation's journal named no parameter of
/// `of`, so rustc checked it where the mock was defined and refused the
/// whole mock.
#[autospec]
pub trait Cached {
    fn load<T: Default + 'static>(&self, key: std::rc::Rc<u32>) -> u16;
    fn warm<T: Default + 'static>(key: std::rc::Rc<u32>) -> u16;
}

#[test]
fn generic_methods_with_arguments_that_are_not_send_mock() {
    let cached = MockCached::default();
    assert_eq!(cached.load::<u8>(std::rc::Rc::new(7)), 0);
    assert_eq!(MockCached::warm::<u8>(std::rc::Rc::new(8)), 0);
    assert_eq!(format!("{:?}", cached.mock_calls()), "[load::<u8>(7)]");
}
