//! The shapes of issue #16, round two: `impl Trait` returns of every kind,
//! `#[autospec]` on trait impls, one mock for several traits, answers that
//! borrow from the call, methods without `self` on types with lifetimes,
//! `#[async_trait]` in `mock!`, generic associated types, and signatures
//! that name private types. Each test configures a mock, calls it, and
//! asserts on what it answered and journaled.

use autospec::prelude::*;
use std::borrow::Cow;
use std::fmt::{Debug, Display};
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};

/// Polls a future that is ready at once, as a mock's futures are.
fn ready<F: Future>(future: F) -> F::Output {
    let waker = std::task::Waker::noop();
    let mut context = Context::from_waker(waker);
    match std::pin::pin!(future).poll(&mut context) {
        Poll::Ready(output) => output,
        Poll::Pending => panic!("a mock's future is ready at once"),
    }
}

mod impl_trait_returns {
    use super::*;
    use futures_core::Stream;

    #[autospec(impl Clone + PartialEq = String)]
    pub trait Report {
        fn title(&self) -> impl Display;
        fn detail(&self, verbose: bool) -> impl Debug + Send;
        fn lines(&self) -> Option<impl Iterator<Item = String>>;
        fn events(&self) -> impl Stream<Item = u8> + Send;
        fn key(&self) -> impl Clone + PartialEq;
    }

    /// A stream of the bytes it holds, last first.
    struct Bytes(Vec<u8>);

    impl Stream for Bytes {
        type Item = u8;
        fn poll_next(mut self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<Option<u8>> {
            Poll::Ready(self.0.pop())
        }
    }

    fn next_event(stream: &mut (impl Stream<Item = u8> + Unpin)) -> Option<u8> {
        let waker = std::task::Waker::noop();
        let mut context = Context::from_waker(waker);
        match Pin::new(stream).poll_next(&mut context) {
            Poll::Ready(item) => item,
            Poll::Pending => None,
        }
    }

    #[test]
    fn boxed_trait_objects_answer_impl_display_debug_and_stream() {
        let report = MockReport::default();
        report.title.returns_with(|| Box::new(42));
        report
            .detail
            .returns_with(|verbose| Box::new(if verbose { "long" } else { "short" }));
        report.events.returns_with(|| Box::pin(Bytes(vec![2, 1])));

        assert_eq!(report.title().to_string(), "42");
        assert_eq!(format!("{:?}", report.detail(true)), r#""long""#);
        let mut events = report.events();
        assert_eq!(next_event(&mut events), Some(1));
        assert_eq!(next_event(&mut events), Some(2));

        report.detail.assert_called_once_with((true,));
        assert_eq!(
            report.mock_calls(),
            [call!(title()), call!(detail(true)), call!(events())]
        );
    }

    #[test]
    fn a_value_answer_is_boxed_once_per_call() {
        let report = MockReport::default();
        report
            .title
            .returns_each([Box::new("a") as Box<dyn Display + Send>, Box::new(2)]);
        assert_eq!(report.title().to_string(), "a");
        assert_eq!(report.title().to_string(), "2");
        assert_eq!(report.title.call_count(), 2);
    }

    #[test]
    fn an_impl_trait_nested_in_the_return_type_is_boxed() {
        let report = MockReport::default();
        assert!(report.lines().is_none()); // Option's default
        report
            .lines
            .returns_with(|| Some(Box::new(vec!["x".to_owned()].into_iter())));
        assert_eq!(
            report.lines().map(Iterator::collect::<Vec<_>>),
            Some(vec!["x".to_owned()])
        );
    }

    #[test]
    fn the_attribute_names_the_type_of_other_impl_traits() {
        let report = MockReport::default();
        report.key.returns("k".to_owned());
        let key = report.key();
        assert!(key.clone() == key);
        report.key.assert_called_once();
    }

    /// A trait from elsewhere, restated in `mock!` with the type that
    /// answers its `impl Trait` return.
    pub trait Shape {
        fn area(&self) -> impl Display;
    }

    autospec::mock! {
        pub MockShape: Shape {
            fn area(&self) -> f64;
        }
    }

    fn describe(shape: &impl Shape) -> String {
        format!("area {}", shape.area())
    }

    #[test]
    fn mock_restates_an_impl_trait_return_as_the_type_that_answers_it() {
        let shape = MockShape::default();
        shape.area.returns(2.5);
        assert_eq!(describe(&shape), "area 2.5");
        shape.area.assert_called_once();
    }

    pub struct Greeter {
        salutation: &'static str,
    }

    #[autospec]
    impl Greeter {
        pub fn greeting(&self, name: &str) -> impl Display {
            format!("{} {name}", self.salutation)
        }
    }

    #[test]
    fn an_impl_blocks_impl_trait_return_is_boxed_too() {
        let greeter = MockGreeter::default();
        greeter
            .greeting
            .returns_with(|name| Box::new(name.to_uppercase()));
        assert_eq!(greeter.greeting("ana").to_string(), "ANA");
        greeter.greeting.assert_called_once_with(("ana",));
        let real = Greeter {
            salutation: "hello",
        };
        assert_eq!(real.greeting("bo").to_string(), "hello bo");
    }

    /// A patch answers instead of the body, so with the body's type.
    #[autospec(impl Iterator<Item = u32> = std::ops::Range<u32>)]
    pub fn numbers(count: u32) -> impl Iterator<Item = u32> {
        0..count
    }

    #[test]
    fn a_patched_functions_impl_trait_return_is_answered_with_the_named_type() {
        {
            let patch = patch!(numbers);
            patch.returns_with(|count| 10..10 + count);
            assert_eq!(numbers(2).collect::<Vec<_>>(), [10, 11]);
            patch.assert_called_once_with((2,));
        }
        {
            let patch = patch!(numbers);
            patch.calls_original();
            assert_eq!(numbers(2).collect::<Vec<_>>(), [0, 1]);
            patch.assert_called_once_with((2,));
        }
        assert_eq!(numbers(3).count(), 3);
    }
}

mod trait_impls {
    use super::*;

    pub trait Store {
        type Key;
        const LIMIT: usize = 8;
        fn get(&self, key: Self::Key) -> Option<u32>;
        fn describe(&self) -> String {
            "a store".to_owned()
        }
    }

    pub trait Audit {
        fn record(&mut self, event: &str);
    }

    pub struct Disk;

    #[autospec]
    impl Store for Disk {
        type Key = String;
        fn get(&self, key: String) -> Option<u32> {
            key.parse().ok()
        }
    }

    #[autospec(part = 2)]
    impl Audit for Disk {
        fn record(&mut self, _event: &str) {}
    }

    fn lookup(store: &impl Store<Key = String>, key: &str) -> Option<u32> {
        store.get(key.to_owned())
    }

    #[test]
    fn the_mock_of_a_trait_impl_implements_the_trait() {
        let disk = MockDisk::default();
        disk.get.returns(Some(7));
        assert_eq!(lookup(&disk, "k"), Some(7));
        assert_eq!(disk.describe(), "a store"); // the trait's own default
        assert_eq!(<MockDisk as Store>::LIMIT, 8);
        disk.get.assert_called_once_with(("k",));
        assert_eq!(lookup(&Disk, "12"), Some(12)); // the impl stays as it was
        Disk.record("real");
    }

    #[test]
    fn a_further_trait_impl_joins_the_mock_with_part() {
        let mut disk = MockDisk::default();
        disk.record("opened");
        let _ = Store::get(&disk, "k".to_owned());
        disk.record.assert_called_once_with(("opened",));
        assert_eq!(
            disk.mock_calls(),
            [call!(record("opened")), call!(get("k"))]
        );
    }

    pub trait Codec<T> {
        fn encode(&self, value: T) -> Vec<u8>;
    }

    pub struct Json<T>(std::marker::PhantomData<T>);

    #[autospec(spy)]
    impl<T: Debug + Clone + Send + 'static> Codec<T> for Json<T> {
        fn encode(&self, value: T) -> Vec<u8> {
            format!("{value:?}").into_bytes()
        }
    }

    #[test]
    fn a_generic_trait_impl_gives_a_generic_mock_that_can_spy() {
        let codec = MockJson::<u8>::default();
        codec.encode.returns(vec![1]);
        assert_eq!(codec.encode(3), [1]);

        let spy = MockJson::wrapping(Json::<u8>(std::marker::PhantomData));
        assert_eq!(spy.encode(12), b"12");
        spy.encode.assert_called_once_with((12,));
    }
}

mod several_traits {
    use super::*;

    pub trait Named {
        fn name(&self) -> String;
    }

    #[autospec(impl Named { fn name(&self) -> String; })]
    pub trait Service: Named + Clone + Debug + Send + Sync {
        fn run(&self, job: u32) -> bool;
    }

    fn start(service: &impl Service) -> String {
        let ok = service.run(1);
        format!("{} {}", service.name(), ok)
    }

    #[test]
    fn a_user_supertrait_restated_in_the_attribute_is_mocked_too() {
        let service = MockService::default();
        service.name.returns("svc".to_owned());
        service.run.returns(true);
        assert_eq!(start(&service.clone()), "svc true");
        service.name.assert_called_once();
        assert_eq!(service.mock_calls(), [call!(run(1)), call!(name())]);
    }

    #[autospec(impl Iterator { type Item = u8; fn next(&mut self) -> Option<u8>; })]
    pub trait Backwards: Iterator {
        fn next_back(&mut self) -> Option<Self::Item>;
    }

    #[test]
    fn a_restated_supertrait_gives_its_associated_types() {
        let mut items = MockBackwards::default();
        items.next.returns_each([Some(1), None]);
        items.next_back.returns(Some(9));
        assert_eq!(items.next_back(), Some(9));
        assert_eq!(items.by_ref().collect::<Vec<_>>(), [1]);
        assert_eq!(items.next.call_count(), 2);
    }

    autospec::mock! {
        pub MockPipe: std::io::Read {
            fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize>;
        }
        impl std::io::Write {
            fn write(&mut self, buf: &[u8]) -> std::io::Result<usize>;
            fn flush(&mut self) -> std::io::Result<()>;
        }
    }

    #[test]
    fn mock_takes_several_traits_with_one_journal() {
        use std::io::{Read, Write};
        let mut pipe = MockPipe::default();
        pipe.read.returns_with(|buf| {
            buf[0] = b'r';
            Ok(1)
        });
        pipe.write.returns_with(|buf| Ok(buf.len()));
        pipe.flush.returns_with(|| Ok(()));

        pipe.write_all(b"hi").unwrap();
        pipe.flush().unwrap();
        let mut byte = [0u8; 1];
        pipe.read_exact(&mut byte).unwrap();

        assert_eq!(&byte, b"r");
        pipe.write.assert_called_once_with((b"hi",));
        assert_eq!(
            pipe.mock_calls(),
            [call!(write(b"hi")), call!(flush()), call!(read([0u8]))]
        );
    }
}

mod borrowed_returns {
    use super::*;

    #[derive(Debug, Clone, PartialEq)]
    pub struct Token<'a> {
        pub text: &'a str,
    }

    #[autospec]
    pub trait Lexer {
        fn word<'a>(&self, text: &'a str) -> Cow<'a, str>;
        fn first<'a>(&self, text: &'a str) -> Token<'a>;
        fn current(&self) -> Token<'_>;
        fn peek<'a>(&self, text: &'a str) -> &Token<'a>;
        fn split<'a>(&self, text: &'a str) -> Vec<&'a str>;
        fn find<'a>(&self, text: &'a str) -> Option<Token<'a>>;
        fn parse<'a, T: 'static>(&self, text: &'a str) -> Cow<'a, str>;
    }

    #[test]
    fn returns_with_builds_an_answer_that_borrows_from_the_arguments() {
        let lexer = MockLexer::default();
        lexer.word.returns_with(|text| Cow::Borrowed(&text[1..]));
        lexer.first.returns_with(|text| Token { text: &text[..1] });
        lexer.peek.returns_with(|text| Token { text });
        lexer.split.returns_with(|text| text.split(',').collect());
        lexer
            .find
            .returns_with(|text| text.find('b').map(|at| Token { text: &text[at..] }));

        let input = String::from("a,b");
        assert_eq!(lexer.word(&input), ",b");
        assert_eq!(lexer.first(&input), Token { text: "a" });
        assert_eq!(lexer.peek(&input).text, "a,b");
        assert_eq!(lexer.split(&input), ["a", "b"]);
        assert_eq!(lexer.find(&input), Some(Token { text: "b" }));

        lexer.word.assert_called_once_with(("a,b",));
        lexer.split.assert_called_once_with(("a,b",));
    }

    #[test]
    fn a_value_answer_borrows_for_static() {
        let lexer = MockLexer::default();
        lexer.word.returns(Cow::Borrowed("fixed"));
        lexer.current.returns(Token { text: "now" });
        lexer.peek.returns(Token { text: "kept" });
        lexer.find.returns_once(None);

        let input = String::from("x");
        assert_eq!(lexer.word(&input), "fixed");
        assert_eq!(lexer.current().text, "now");
        assert_eq!(lexer.peek(&input).text, "kept");
        assert_eq!(lexer.find(&input), None);
        assert_eq!(lexer.split(&input), Vec::<&str>::new()); // the default
        assert_eq!(lexer.mock_calls().len(), 5);
    }

    #[test]
    fn a_generic_method_answers_per_type_with_a_borrow_of_the_call() {
        let lexer = MockLexer::default();
        lexer
            .parse
            .of::<u8>()
            .returns_with(|text| Cow::Borrowed(&text[..1]));
        lexer.parse.of::<u16>().returns(Cow::Borrowed("kept"));
        let input = String::from("xyz");
        assert_eq!(lexer.parse::<u8>(&input), "x");
        assert_eq!(lexer.parse::<u16>(&input), "kept");
        assert_eq!(lexer.parse::<u32>(&input), ""); // Cow's default
        lexer.parse.of::<u8>().assert_called_once_with(("xyz",));
        assert_eq!(lexer.parse.call_count(), 3);
    }
}

mod lifetime_types {
    use super::*;

    pub struct Parser<'a> {
        text: &'a str,
    }

    #[autospec]
    impl<'a> Parser<'a> {
        pub fn new(text: &'a str) -> Self {
            Parser { text }
        }
        pub fn version() -> u32 {
            1
        }
        pub fn rest(&self, from: usize) -> &'a str {
            &self.text[from..]
        }
    }

    #[test]
    fn a_constructor_of_a_type_with_a_lifetime_is_answered_by_the_class() {
        let class = MockParser::class();
        let parser = class.instance();
        parser.rest.returns("configured".to_owned());
        class.version.returns(2);

        let text = String::from("abc");
        let built = MockParser::new(&text);
        assert_eq!(built.rest(1), "configured");
        assert_eq!(MockParser::version(), 2);

        class.new.assert_called_once_with(("abc",));
        parser.rest.assert_called_once_with((1,));
        assert_eq!(class.mock_calls(), [call!(new("abc")), call!(version())]);
    }

    #[test]
    fn a_constructors_closure_receives_the_borrowed_argument() {
        let class = MockParser::class();
        class.new.returns_with(|text| {
            let parser = MockParser::default();
            parser.rest.returns(text.to_uppercase());
            parser
        });
        let text = String::from("xy");
        assert_eq!(MockParser::new(&text).rest(0), "XY");
        assert_eq!(Parser::new(&text).rest(1), "y");
        assert_eq!(Parser::version(), 1);
    }

    #[autospec]
    pub trait Source<'a> {
        fn open(path: &'a str) -> Self
        where
            Self: Sized;
        fn read(&self, at: &'a str) -> Vec<&'a str>;
        fn get<T: Default + 'static>(&self, key: &'a str) -> T;
    }

    #[test]
    fn a_trait_with_a_lifetime_has_a_class_and_generic_methods() {
        let class = MockSource::class();
        class.instance().get.of::<u8>().returns(4);
        let key = String::from("k,v");
        let source = MockSource::open(&key);
        source.read.returns_with(|at| at.split(',').collect());
        assert_eq!(source.read(&key), ["k", "v"]);
        assert_eq!(source.get::<u8>(&key), 4);
        assert_eq!(source.get::<u16>(&key), 0);
        class.open.assert_called_once_with(("k,v",));
        source.get.of::<u8>().assert_called_once_with(("k,v",));
    }
}

mod async_trait_in_mock {
    use super::*;

    /// A trait from a crate the test cannot annotate.
    #[async_trait::async_trait]
    pub trait Mailer: Send + Sync {
        async fn send(&self, to: &str, body: String) -> bool;
    }

    autospec::mock! {
        #[async_trait::async_trait]
        pub MockMailer: Mailer {
            async fn send(&self, to: &str, body: String) -> bool;
        }
    }

    #[test]
    fn a_restated_async_trait_is_answered_with_the_output() {
        let mailer = MockMailer::default();
        mailer.send.returns(true);
        let shared: std::sync::Arc<dyn Mailer> = std::sync::Arc::new(mailer.clone());
        let pending = shared.send("ana", "hi".to_owned());
        mailer.send.assert_not_called(); // journaled when first polled
        assert!(ready(pending));
        mailer.send.assert_called_once_with(("ana", "hi"));
    }
}

mod generic_associated_types {
    use super::*;

    pub trait Lending {
        type Item<'a>
        where
            Self: 'a;
        fn next(&mut self) -> Option<Self::Item<'_>>;
    }

    autospec::mock! {
        pub MockLending: Lending {
            type Item<'a> = &'a str where Self: 'a;
            fn next(&mut self) -> Option<Self::Item<'_>>;
        }
    }

    fn count<L: for<'a> Lending<Item<'a> = &'a str>>(lending: &mut L) -> usize {
        let mut total = 0;
        while let Some(item) = lending.next() {
            total += item.len();
        }
        total
    }

    #[test]
    fn mock_restates_a_generic_associated_type_with_a_concrete_type() {
        let mut lending = MockLending::default();
        lending.next.returns_each([Some("ab"), Some("c"), None]);
        assert_eq!(count(&mut lending), 3);
        assert_eq!(lending.next.call_count(), 3);
    }

    #[autospec(type View<'v> = &'v [u8])]
    pub trait Buffer {
        type View<'v>
        where
            Self: 'v;
        fn view(&self, at: usize) -> Self::View<'_>;
    }

    #[test]
    fn the_attribute_gives_a_generic_associated_type() {
        let buffer = MockBuffer::default();
        buffer.view.returns(&[1, 2][..]);
        assert_eq!(buffer.view(0), [1, 2]);
        buffer.view.assert_called_once_with((0,));
    }
}

mod private_types {
    use autospec::prelude::*;

    trait Private {
        fn value(&self) -> u8;
    }

    impl Private for u8 {
        fn value(&self) -> u8 {
            *self
        }
    }

    pub struct Holder {
        inner: u8,
    }

    // The real method only warns that `Private` is more private than it.
    #[autospec]
    #[allow(private_interfaces)]
    impl Holder {
        pub fn inner(&self) -> &dyn Private {
            &self.inner
        }
    }

    #[test]
    fn a_public_method_returning_a_private_trait_object_mocks() {
        let holder = MockHolder::default();
        holder.inner.returns_with(|| Box::new(5u8));
        assert_eq!(holder.inner().value(), 5);
        holder.inner.assert_called_once();
        let _ = Holder { inner: 1 }.inner().value();
    }
}

/// Boxed iterators of borrowed items, the form of iterator returns older
/// than `impl Trait` in traits: a trait object is invariant in its item, so
/// the mock maps a kept `'static` iterator's items to the call's lifetime.
#[autospec]
pub trait Catalog {
    /// Names borrowed from `self`.
    fn names(&self) -> Box<dyn Iterator<Item = &String> + '_>;
    /// Ids borrowed from `self`, for other threads.
    fn ids(&self) -> Box<dyn Iterator<Item = &u32> + Send + '_>;
    /// Pairs borrowed from `self` and the tag.
    fn tagged<'a>(&'a self, tag: &'a str) -> Box<dyn Iterator<Item = (&'a str, u32)> + 'a>;
    /// Words of the text, from either end.
    fn words<'a>(&self, text: &'a str) -> Box<dyn DoubleEndedIterator<Item = &'a str> + 'a>;
    /// Ids, if there are any.
    fn maybe(&self) -> Option<Box<dyn Iterator<Item = &u32> + '_>>;
    /// The fields of the text.
    ///
    /// # Errors
    /// When the text does not parse.
    fn parsed<'a>(&self, text: &'a str) -> Result<Box<dyn Iterator<Item = &'a str> + 'a>, String>;
}

#[test]
fn boxed_iterators_of_borrowed_items_answer_from_values_and_closures() {
    static IDS: [u32; 2] = [4, 5];
    let catalog = MockCatalog::default();
    catalog.ids.returns_once(Box::new(IDS.iter()));
    catalog.names.returns_with(|| Box::new(std::iter::empty()));
    catalog
        .tagged
        .returns_with(|tag| Box::new([(tag, 1), (tag, 2)].into_iter()));
    catalog.words.returns_with(|text| Box::new(text.split(' ')));
    assert_eq!(catalog.ids().copied().collect::<Vec<_>>(), [4, 5]);
    assert_eq!(catalog.names().count(), 0);
    assert_eq!(
        catalog.tagged("t").collect::<Vec<_>>(),
        [("t", 1), ("t", 2)]
    );
    assert_eq!(
        catalog.words("a b c").rev().collect::<Vec<_>>(),
        ["c", "b", "a"]
    );
    catalog.words.assert_called_once_with(("a b c",));
    catalog.tagged.assert_called_once_with(("t",));
}

#[test]
fn boxed_iterators_inside_an_option_or_a_result_answer_too() {
    static IDS: [u32; 3] = [1, 2, 3];
    let catalog = MockCatalog::default();
    catalog.maybe.returns_with(|| Some(Box::new(IDS.iter())));
    catalog
        .parsed
        .returns_with(|text| Ok(Box::new(text.split(','))));
    assert_eq!(catalog.maybe().map(Iterator::count), Some(3));
    assert_eq!(catalog.parsed("a,b").map(Iterator::count), Ok(2));
    catalog.parsed.returns_with(|_| Err("bad".to_owned()));
    assert_eq!(catalog.parsed("x").err(), Some("bad".to_owned()));
    assert_eq!(catalog.parsed.call_count(), 2);
}

/// A domain trait whose associated type other traits' signatures project.
pub trait Entity {
    /// The key.
    type Id: Clone + Debug + PartialEq + Send + 'static;
}

/// A user, keyed by number.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct User;

impl Entity for User {
    type Id = u32;
}

/// `T::Id` of a trait's and of a method's type parameter: the generated
/// types' defaults do not resolve the shorthand, so the mock qualifies it.
#[autospec]
pub trait Repository<T: Entity + Clone + Send + 'static>
where
    T::Id: Send,
{
    /// The entity with this id.
    fn find(&self, id: T::Id) -> Option<T>;
    /// An entity of another kind.
    fn other<E: Entity + Clone + Send + 'static>(&self, id: E::Id) -> Option<E>;
}

#[test]
fn projections_of_type_parameters_mock() {
    let users = MockRepository::<User>::default();
    users.find.returns(Some(User));
    users.other.of::<User>().returns(None);
    assert_eq!(users.find(7), Some(User));
    assert_eq!(users.other::<User>(8), None);
    users.find.assert_called_once_with((7,));
    assert_eq!(users.other.of::<User>().call_count(), 1);
}
