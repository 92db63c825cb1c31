//! Every signature shape real traits have: each trait is mocked, configured,
//! called through the trait and asserted on.

// Public traits with `async fn` warn (auto-trait bounds); these are the user's own.
#![allow(missing_docs, async_fn_in_trait)]
// The traits are written as users write them, not to pedantic standards.
#![allow(
    clippy::missing_errors_doc,
    clippy::elidable_lifetime_names,
    clippy::cast_possible_truncation,
    clippy::needless_lifetimes,
    clippy::items_after_statements,
    clippy::return_self_not_must_use
)]

mod support;

use autospec::prelude::*;
use autospec::Opaque;
use std::fmt::Debug;
use std::sync::Arc;
use support::{block_on, panic_message};

// ---------------------------------------------------------------- generics

/// A stand-in for serde's `DeserializeOwned`.
pub trait Decode: Sized {
    fn decode(text: &str) -> Option<Self>;
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct User {
    name: String,
}

impl Decode for User {
    fn decode(text: &str) -> Option<Self> {
        Some(User { name: text.into() })
    }
}

impl Decode for u32 {
    fn decode(text: &str) -> Option<Self> {
        text.parse().ok()
    }
}

#[autospec]
pub trait Repository {
    fn get<T: Decode + 'static>(&self, key: &str) -> T;
    fn put<T: Debug + 'static>(&self, key: &str, value: T);
    fn each<F: Fn(u32)>(&self, f: F);
    fn visit<F>(&self, f: F)
    where
        F: FnMut(&str);
    fn count_as<T: Into<String>>(&self, name: T) -> usize;
    fn make<T>(&self) -> T
    where
        T: Default + 'static;
}

#[test]
fn generic_methods_have_a_child_mock_per_instantiation() {
    let repo = MockRepository::default();
    repo.get.of::<User>().returns(User { name: "ana".into() });
    repo.get.of::<u32>().returns_with(|key| key.len() as u32);
    assert_eq!(repo.get::<User>("u1"), User { name: "ana".into() });
    assert_eq!(repo.get::<u32>("four"), 4);
    repo.get.of::<User>().assert_called_once_with(("u1",));
    repo.get.of::<u32>().assert_called_once_with(("four",));
    assert_eq!(repo.get.call_count(), 2);
    assert_eq!(
        repo.mock_calls(),
        [call!(get::<User>("u1")), call!(get::<u32>("four"))]
    );
}

#[test]
fn an_unconfigured_instantiation_panics_with_the_fix_and_is_journaled() {
    let repo = MockRepository::default();
    let message = panic_message(|| {
        repo.get::<User>("k");
    });
    assert_eq!(
        message,
        "MockRepository.get::<User>(\"k\"): no answer is configured for this instantiation.\n\
         Configure one with .get.of::<User>().returns(..) or .returns_with(..)."
    );
    // The call made before the test asked for `of::<User>()` is handed to it.
    repo.get.of::<User>().assert_called_once_with(("k",));
}

#[test]
fn generic_arguments_journaled_before_their_instantiation_are_kept_typed() {
    let repo = MockRepository::default();
    repo.put("a", 7u8);
    repo.put("b", vec!["x"]);
    repo.put.of::<u8>().assert_called_once_with(("a", 7u8));
    let (key, value) = repo.put.of::<Vec<&str>>().call_args().unwrap();
    assert_eq!((key.as_str(), value.text()), ("b", "[\"x\"]"));
    assert_eq!(value.value(), Some(vec!["x"]));
    assert_eq!(
        repo.mock_calls(),
        [
            call!(put::<u8>("a", Opaque::new("7"))),
            call!(put::<Vec<&str>>("b", Opaque::new("[\"x\"]")))
        ]
    );
}

#[test]
fn generic_callbacks_reach_the_answer_closure() {
    let repo = MockRepository::default();
    repo.each.returns_with(|f| {
        f(1);
        f(2);
    });
    repo.visit.returns_with(|f| f("seen"));
    let mut total = 0;
    let sum = std::sync::Mutex::new(0);
    repo.each(|n| *sum.lock().unwrap() += n);
    repo.visit(|s| total += s.len());
    assert_eq!(*sum.lock().unwrap(), 3);
    assert_eq!(total, 4);
    repo.each.assert_called_once();
    let (callback,) = repo.each.call_args().unwrap();
    assert!(callback.text().starts_with("dyn Fn(u32)"), "{callback:?}");
}

#[test]
fn into_arguments_are_converted_once() {
    let repo = MockRepository::default();
    repo.count_as.returns_with(|name| name.len());
    assert_eq!(repo.count_as("abc"), 3);
    assert_eq!(repo.count_as(String::from("de")), 2);
    repo.count_as.assert_has_calls([("abc",), ("de",)]);
}

#[test]
fn generic_returns_default_where_the_bound_says_so() {
    let repo = MockRepository::default();
    assert_eq!(repo.make::<u64>(), 0);
    repo.make.of::<String>().returns("made".into());
    assert_eq!(repo.make::<String>(), "made");
    assert_eq!(repo.make.of::<u64>().call_count(), 1);
}

#[autospec]
pub trait Chunks {
    fn chunk<const N: usize>(&self, data: [u8; N]) -> usize;
}

#[test]
fn const_generic_methods_are_keyed_by_their_value() {
    let chunks = MockChunks::default();
    chunks.chunk.of::<2>().returns(20);
    chunks
        .chunk
        .of::<3>()
        .returns_with(|data| data.iter().map(|b| usize::from(*b)).sum());
    assert_eq!(chunks.chunk([1, 2]), 20);
    assert_eq!(chunks.chunk([1, 2, 3]), 6);
    chunks
        .chunk
        .of::<3>()
        .assert_called_once_with(("[1, 2, 3]",));
}

// ------------------------------------------------------- impl Trait arguments

#[autospec]
pub trait Files {
    fn open(&self, path: impl AsRef<std::path::Path>) -> bool;
    fn title(&self, name: impl AsRef<str>) -> String;
    fn apply(&self, f: impl Fn(u32) -> u32) -> u32;
    fn feed(&self, bytes: impl Iterator<Item = u8>) -> usize;
    fn rename(&self, to: impl Into<String>);
    fn log(&self, message: &impl std::fmt::Display);
    fn each_line(&self, f: &mut impl FnMut(&str));
}

#[test]
fn impl_trait_arguments_are_journaled_by_what_they_give() {
    let files = MockFiles::default();
    files.open.returns_with(|path| path.extension().is_some());
    files.title.returns_with(str::to_uppercase);
    files.apply.returns_with(|f| f(10) + 1);
    files.feed.returns_with(|bytes| bytes.len());
    assert!(files.open("a.txt"));
    assert!(!files.open(std::path::PathBuf::from("dir")));
    assert_eq!(files.title(String::from("hi")), "HI");
    assert_eq!(files.apply(|x| x * 2), 21);
    assert_eq!(files.feed([1u8, 2, 3].into_iter()), 3);
    files.rename("new");
    files.log(&42);
    files
        .open
        .assert_any_call((std::path::PathBuf::from("a.txt"),));
    files.title.assert_called_with(("hi",));
    files.feed.assert_called_with((vec![1, 2, 3],));
    files.rename.assert_called_with(("new",));
    files.log.assert_called_with(("i32",));
}

#[test]
fn mutable_callbacks_can_be_driven_by_the_answer() {
    let files = MockFiles::default();
    files.each_line.returns_with(|f| {
        f("one");
        f("two");
    });
    let mut lines = Vec::new();
    files.each_line(&mut |line| lines.push(line.to_owned()));
    assert_eq!(lines, ["one", "two"]);
}

// --------------------------------------------------------- impl Trait returns

#[autospec]
pub trait Numbers {
    fn ids(&self) -> impl Iterator<Item = u32>;
    fn backwards(&self) -> impl DoubleEndedIterator<Item = u8>;
    fn adder(&self, by: u32) -> impl Fn(u32) -> u32;
}

#[test]
fn impl_iterator_returns_are_answered_with_a_vec() {
    let numbers = MockNumbers::default();
    assert_eq!(numbers.ids().count(), 0);
    numbers.ids.returns(vec![1, 2, 3]);
    assert_eq!(numbers.ids().collect::<Vec<_>>(), [1, 2, 3]);
    numbers.backwards.returns(vec![1, 2]);
    assert_eq!(numbers.backwards().rev().collect::<Vec<_>>(), [2, 1]);
    assert_eq!(numbers.ids.call_count(), 2);
}

#[test]
fn impl_fn_returns_are_answered_with_a_boxed_closure() {
    let numbers = MockNumbers::default();
    numbers.adder.returns_with(|by| Box::new(move |x| x + by));
    let add = numbers.adder(5);
    assert_eq!(add(1), 6);
    numbers.adder.assert_called_once_with((5,));
}

// ----------------------------------------------------- associated items

#[autospec]
pub trait Source {
    type Item;
    fn next_item(&mut self) -> Option<Self::Item>;
    fn peek(&self) -> Option<&Self::Item>;
}

#[test]
fn associated_types_become_parameters_of_the_mock() {
    let mut source = MockSource::<String>::default();
    source.next_item.returns_each([Some("a".to_string()), None]);
    source.peek.returns(Some("p".to_string()));
    assert_eq!(source.next_item(), Some("a".to_string()));
    assert_eq!(source.next_item(), None);
    assert_eq!(source.peek().map(String::as_str), Some("p"));
}

#[autospec(type Item = u32)]
pub trait Counter {
    type Item: Copy + Debug;
    fn next_value(&mut self) -> Self::Item;
    fn add(&mut self, by: Self::Item) -> Self::Item;
}

#[test]
fn associated_types_can_be_fixed_by_the_attribute() {
    let mut counter = MockCounter::default();
    counter.next_value.returns_each([1, 2]);
    counter.add.returns_with(|by| by * 10);
    assert_eq!((counter.next_value(), counter.next_value()), (1, 2));
    assert_eq!(counter.add(3), 30);
    counter.add.assert_called_once_with((3,));
}

#[autospec(const MAX: usize = 3)]
pub trait Limits {
    const MAX: usize;
    const NAME: &'static str = "limits";
    fn check(&self, n: usize) -> bool;
}

#[autospec]
pub trait Capacity {
    const SLOTS: usize;
    fn used(&self) -> usize;
}

#[test]
fn associated_consts_are_fixed_by_the_attribute_or_a_parameter() {
    fn within<L: Limits>(limits: &L, n: usize) -> bool {
        n <= L::MAX && limits.check(n)
    }
    let limits = MockLimits::default();
    limits.check.returns(true);
    assert!(within(&limits, 3));
    assert!(!within(&limits, 4));
    assert_eq!(MockLimits::NAME, "limits");
    limits.check.assert_called_once_with((3,));
    assert_eq!(<MockCapacity<8> as Capacity>::SLOTS, 8);
    let capacity = MockCapacity::<8>::default();
    capacity.used.returns(2);
    assert_eq!(capacity.used(), 2);
}

#[autospec]
pub trait Job {
    type Error: Debug;
    fn run(&self, input: &str) -> Result<u32, Self::Error>;
}

#[test]
fn associated_error_types_work_in_results() {
    let job = MockJob::<String>::default();
    job.run.returns(Err("boom".into()));
    assert_eq!(job.run("x"), Err("boom".to_string()));
    job.run.assert_called_once_with(("x",));
}

// ------------------------------------------------------------------ async

#[autospec]
pub trait Fetcher {
    async fn fetch(&self, url: &str) -> String;
    async fn ping(&self);
    async fn status(&self, code: u16) -> Result<u16, String>;
    fn later(&self, id: u32) -> impl std::future::Future<Output = u32> + Send;
    fn boxed(&self) -> std::pin::Pin<Box<dyn std::future::Future<Output = u8> + Send + '_>>;
}

#[test]
fn async_methods_answer_with_the_output_and_journal_at_call_time() {
    let fetcher = MockFetcher::default();
    fetcher.fetch.returns_with(|url| format!("body of {url}"));
    fetcher.later.returns(7);
    fetcher.boxed.returns(1);
    fetcher.status.returns_with(|code| {
        if code < 400 {
            Ok(code)
        } else {
            Err("bad".into())
        }
    });
    let pending = fetcher.fetch("a");
    // Journaled when called, before the future is awaited.
    fetcher.fetch.assert_called_once_with(("a",));
    assert_eq!(block_on(pending), "body of a");
    block_on(fetcher.ping());
    assert_eq!(block_on(fetcher.status(200)), Ok(200));
    assert_eq!(block_on(fetcher.later(1)), 7);
    assert_eq!(block_on(fetcher.boxed()), 1);
    assert_eq!(
        fetcher.mock_calls(),
        [
            call!(fetch("a")),
            call!(ping()),
            call!(status(200)),
            call!(later(1)),
            call!(boxed())
        ]
    );
}

#[test]
fn futures_are_send_when_their_output_is() {
    fn assert_send<T: Send>(value: T) -> T {
        value
    }
    let fetcher = MockFetcher::default();
    fetcher.fetch.returns("x".into());
    // The future borrows the mock, as `async fn` futures do.
    let future = assert_send(fetcher.fetch("u"));
    let output = std::thread::scope(|scope| scope.spawn(move || block_on(future)).join().unwrap());
    assert_eq!(output, "x");
}

#[autospec]
#[async_trait::async_trait]
pub trait Mailer: Send + Sync {
    async fn send(&self, to: &str, body: String) -> bool;
}

#[async_trait::async_trait]
#[autospec]
pub trait Queue: Send + Sync {
    async fn push(&self, item: u32) -> usize;
}

#[test]
fn async_trait_works_in_either_attribute_order() {
    let mailer = MockMailer::default();
    mailer.send.returns(true);
    let shared: Arc<dyn Mailer> = Arc::new(mailer.clone());
    assert!(block_on(shared.send("ana", "hi".into())));
    mailer.send.assert_called_once_with(("ana", "hi"));

    let queue = MockQueue::default();
    queue.push.returns_each([1, 2]);
    let boxed: Box<dyn Queue> = Box::new(queue.clone());
    assert_eq!(block_on(boxed.push(10)), 1);
    assert_eq!(block_on(boxed.push(11)), 2);
    queue.push.assert_has_calls([(10,), (11,)]);
}

// ------------------------------------------------------- static methods

#[autospec]
pub trait Connection {
    fn open(url: &str) -> Self
    where
        Self: Sized;
    fn try_open(url: &str) -> Result<Self, String>
    where
        Self: Sized;
    fn default_port() -> u16
    where
        Self: Sized;
    fn send(&self, bytes: &[u8]) -> usize;
}

#[test]
fn static_methods_are_recorded_on_the_class() {
    let class = MockConnection::class();
    class.default_port.returns(5432);
    class
        .try_open
        .returns_with(|url| Err(format!("refused: {url}")));
    assert_eq!(MockConnection::default_port(), 5432);
    assert!(MockConnection::try_open("x").is_err());
    let connection = MockConnection::open("db://local");
    connection.send.returns(4);
    assert_eq!(connection.send(b"ping"), 4);
    class.open.assert_called_once_with(("db://local",));
    assert_eq!(
        class.mock_calls(),
        [
            call!(default_port()),
            call!(try_open("x")),
            call!(open("db://local"))
        ]
    );
}

#[test]
fn class_state_is_per_guard_and_per_thread() {
    {
        let class = MockConnection::class();
        class.default_port.returns(1);
        let other_thread = std::thread::spawn(MockConnection::default_port);
        assert_eq!(
            other_thread.join().unwrap(),
            0,
            "other threads see a fresh class"
        );
        assert_eq!(MockConnection::default_port(), 1);
    }
    // The guard dropped: calls get a fresh class again.
    assert_eq!(MockConnection::default_port(), 0);
    let outer = MockConnection::class();
    outer.default_port.returns(2);
    {
        let inner = MockConnection::class();
        inner.default_port.returns(3);
        assert_eq!(MockConnection::default_port(), 3);
    }
    assert_eq!(MockConnection::default_port(), 2);
    outer.default_port.assert_called_once();
}

// ------------------------------------------------------------ lifetimes

#[derive(Debug)]
pub struct Request<'a> {
    pub path: &'a str,
}

#[autospec]
pub trait Router {
    fn first<'a>(&self, xs: &'a [u8]) -> &'a u8;
    fn route<'a>(&self, request: Request<'a>) -> u32;
    fn find(&self, key: &str) -> Option<&str>;
    fn lookup(&self, id: u32) -> Result<&String, String>;
    fn describe(&self, value: &dyn Debug) -> String;
    fn run(&self, job: Box<dyn Fn(u32) -> u32 + Send>) -> u32;
    fn fill(&self, buf: &mut [u8]) -> usize;
    fn pick<'a, 'b>(&self, a: &'a str, b: &'b str) -> &'a str;
    fn maybe(&self, key: Option<&str>) -> bool;
    fn words(&self, text: &[&str]) -> usize;
}

#[test]
fn arguments_that_borrow_are_journaled_as_text_and_passed_through() {
    let router = MockRouter::default();
    router
        .route
        .returns_with(|request| request.path.len() as u32);
    router.describe.returns_with(|value| format!("{value:?}!"));
    router.run.returns_with(|job| job(20));
    router.words.returns_with(|words| words.len());
    assert_eq!(router.route(Request { path: "/abc" }), 4);
    assert_eq!(router.describe(&(1, 2)), "(1, 2)!");
    assert_eq!(router.run(Box::new(|x| x + 1)), 21);
    assert_eq!(router.words(&["a", "b"]), 2);
    router
        .route
        .assert_called_once_with((r#"Request { path: "/abc" }"#,));
    router.describe.assert_called_once_with(("(1, 2)",));
    router.words.assert_called_once_with((r#"["a", "b"]"#,));
    let (job,) = router.run.call_args().unwrap();
    assert!(job.text().starts_with("Box<dyn Fn(u32)"), "{job:?}");
}

#[test]
fn borrowed_returns_are_lent_or_kept() {
    let router = MockRouter::default();
    router.first.returns(9);
    router
        .find
        .returns_with(|key| (key == "k").then(|| "v".to_string()));
    router
        .lookup
        .returns_each([Ok("one".to_string()), Err("missing".to_string())]);
    router.pick.returns_with(|a, _| a.to_uppercase());
    assert_eq!(*router.first(&[1, 2]), 9);
    assert_eq!(router.find("k"), Some("v"));
    assert_eq!(router.find("x"), None);
    assert_eq!(router.lookup(1).map(String::as_str), Ok("one"));
    assert_eq!(router.lookup(2), Err("missing".to_string()));
    assert_eq!(router.pick("a", "b"), "A");
    router.first.assert_called_once_with(([1, 2],));
}

#[test]
fn out_parameters_are_filled_by_the_answer() {
    let router = MockRouter::default();
    router.fill.returns_with(|buf| {
        buf[..2].copy_from_slice(b"hi");
        2
    });
    let mut buf = [0u8; 4];
    assert_eq!(router.fill(&mut buf), 2);
    assert_eq!(&buf, b"hi\0\0");
    // The journal keeps the buffer as it was passed in.
    router.fill.assert_called_once_with((vec![0u8; 4],));
    assert!(!router.maybe(None));
    router.maybe.assert_called_once_with((None::<String>,));
}

#[autospec]
pub trait Tokens<'a> {
    fn split(&self, text: &'a str) -> Vec<&'a str>;
}

#[test]
fn trait_lifetimes_are_carried_by_the_mock() {
    let tokens = MockTokens::default();
    tokens.split.returns_with(|text| text.split(' ').collect());
    assert_eq!(tokens.split("a b"), ["a", "b"]);
    tokens.split.assert_called_once_with(("a b",));
}

// ----------------------------------------------------------- supertraits

#[autospec]
pub trait Named: Send + Sync + Debug + Clone {
    fn name(&self) -> String;
}

pub trait Base {
    fn id(&self) -> u32;
}

#[autospec]
pub trait Child: Base {
    fn label(&self) -> String;
}

/// A supertrait that is another user trait is implemented by the test,
/// here delegating to a child mock of its own.
impl Base for MockChild {
    fn id(&self) -> u32 {
        7
    }
}

#[test]
fn supertraits_are_satisfied_by_the_mock_or_by_the_user() {
    fn describe(named: &impl Named) -> String {
        format!("{:?}/{}", named.clone().name(), named.name())
    }
    let named = MockNamed::default();
    named.name.returns("n".into());
    assert_eq!(describe(&named), "\"n\"/n");
    named.name.assert_called();

    fn show(child: &dyn Child) -> String {
        format!("{}:{}", child.id(), child.label())
    }
    let child = MockChild::default();
    child.label.returns("c".into());
    assert_eq!(show(&child), "7:c");
}

// ---------------------------------------------------------- foreign traits

autospec::mock! {
    pub MockReader: std::io::Read {
        fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize>;
    }
}

autospec::mock! {
    pub MockWriter: std::io::Write {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize>;
        fn flush(&mut self) -> std::io::Result<()>;
    }
}

autospec::mock! {
    pub MockBufReader: std::io::BufRead {
        fn fill_buf(&mut self) -> std::io::Result<&[u8]>;
        fn consume(&mut self, amount: usize);
    }
}

impl std::io::Read for MockBufReader {
    fn read(&mut self, _: &mut [u8]) -> std::io::Result<usize> {
        Ok(0)
    }
}

autospec::mock! {
    pub MockSeeker: std::io::Seek {
        fn seek(&mut self, position: std::io::SeekFrom) -> std::io::Result<u64>;
    }
}

autospec::mock! {
    pub MockIds: Iterator {
        type Item = u32;
        fn next(&mut self) -> Option<u32>;
    }
}

autospec::mock! {
    pub MockHasher: std::hash::Hasher {
        fn finish(&self) -> u64;
        fn write(&mut self, bytes: &[u8]);
    }
}

autospec::mock! {
    pub MockText: std::fmt::Write {
        fn write_str(&mut self, s: &str) -> std::fmt::Result;
    }
}

autospec::mock! {
    pub MockStream: futures_core::Stream {
        type Item = u8;
        fn poll_next(
            self: std::pin::Pin<&mut Self>,
            cx: &mut std::task::Context<'_>,
        ) -> std::task::Poll<Option<u8>>;
    }
}

#[test]
fn std_io_traits_are_mocked_from_their_restated_methods() {
    use std::io::{BufRead, Read, Seek, Write};
    let mut reader = MockReader::default();
    reader.read.returns_with(|buf| {
        buf[0] = b'x';
        Ok(1)
    });
    let mut byte = [0u8; 1];
    reader.read_exact(&mut byte).unwrap();
    assert_eq!(byte, *b"x");

    let mut writer = MockWriter::default();
    writer.write.returns_with(|buf| Ok(buf.len()));
    write!(writer, "hi {}", 1).unwrap();
    let written: Vec<u8> = writer
        .write
        .call_args_list()
        .into_iter()
        .flat_map(|(chunk,)| chunk)
        .collect();
    assert_eq!(written, b"hi 1");

    let mut lines = MockBufReader::default();
    lines
        .fill_buf
        .returns_each([Ok(b"ab\n".to_vec()), Ok(Vec::new())]);
    let mut line = String::new();
    lines.read_line(&mut line).unwrap();
    assert_eq!(line, "ab\n");
    lines.consume.assert_called_with((3,));

    let mut seeker = MockSeeker::default();
    seeker.seek.returns_once(Ok(10));
    assert_eq!(seeker.stream_position().unwrap(), 10);
    seeker
        .seek
        .assert_called_once_with((std::io::SeekFrom::Current(0),));
}

#[test]
fn iterator_hasher_and_fmt_write_are_mocked_too() {
    use std::fmt::Write as _;
    use std::hash::Hasher;
    let mut ids = MockIds::default();
    ids.next.returns_each([Some(1), Some(2), None]);
    assert_eq!(ids.by_ref().collect::<Vec<_>>(), [1, 2]);

    let mut hasher = MockHasher::default();
    hasher.finish.returns(99);
    hasher.write_u8(5);
    assert_eq!(hasher.finish(), 99);
    hasher.write.assert_called_once_with(([5u8],));

    let mut text = MockText::default();
    text.write_str.returns(Ok(()));
    write!(text, "{}-{}", 1, 2).unwrap();
    let pieces: Vec<String> = text
        .write_str
        .call_args_list()
        .into_iter()
        .map(|(piece,)| piece)
        .collect();
    assert_eq!(pieces.concat(), "1-2");
}

#[test]
fn a_trait_from_a_dependency_with_a_pinned_receiver() {
    use futures_core::Stream;
    let mut stream = MockStream::default();
    stream.poll_next.returns_each([
        std::task::Poll::Ready(Some(4)),
        std::task::Poll::Ready(None),
    ]);
    let waker = support::noop_waker();
    let mut context = std::task::Context::from_waker(&waker);
    let mut pinned = std::pin::Pin::new(&mut stream);
    assert_eq!(
        pinned.as_mut().poll_next(&mut context),
        std::task::Poll::Ready(Some(4))
    );
    assert_eq!(
        pinned.as_mut().poll_next(&mut context),
        std::task::Poll::Ready(None)
    );
    assert_eq!(stream.poll_next.call_count(), 2);
}

// ------------------------------------------------------------ services

#[autospec(type Response = String, type Error = String, type Future = std::pin::Pin<Box<dyn std::future::Future<Output = Result<String, String>> + Send>>)]
pub trait Service<Request> {
    type Response;
    type Error;
    type Future: std::future::Future<Output = Result<Self::Response, Self::Error>>;
    fn ready(&self) -> bool;
    fn call(&mut self, request: Request) -> Self::Future;
}

#[test]
fn a_tower_style_service_with_an_associated_future() {
    let mut service = MockService::<u32>::default();
    service.ready.returns(true);
    service
        .call
        .returns_with(|request| Box::pin(std::future::ready(Ok(format!("r{request}")))));
    assert!(service.ready());
    assert_eq!(block_on(service.call(5)), Ok("r5".to_string()));
    // `Request` is not known to be `Clone`: journaled as text, here its type name.
    service.call.assert_called_once_with(("u32",));
}

// ------------------------------------------------------- object safety

#[autospec]
pub trait Clock: Send + Sync {
    fn now(&self) -> u64;
}

#[test]
fn mocks_work_as_every_kind_of_trait_object() {
    let clock = MockClock::default();
    clock.now.returns(5);
    let boxed: Box<dyn Clock> = Box::new(clock.clone());
    let shared: Arc<dyn Clock + Send + Sync> = Arc::new(clock.clone());
    let borrowed: &dyn Clock = &clock;
    let from_thread = std::thread::spawn(move || shared.now()).join().unwrap();
    assert_eq!(boxed.now() + borrowed.now() + from_thread, 15);
    assert_eq!(clock.now.call_count(), 3);
}

// ------------------------------------------------------------ the rest

pub struct Socket;

#[autospec]
pub trait Odds {
    /// # Safety
    /// None needed; the trait says it is unsafe.
    unsafe fn raw(&self, pointer: usize) -> u8;
    #[must_use]
    fn important(&self) -> u32;
    #[deprecated = "use important"]
    fn old(&self) -> u32;
    #[cfg(any())]
    fn never_compiled(&self, x: NotAType);
    fn merge(&self, other: Self) -> Self
    where
        Self: Sized;
    fn r#type(&self, r#in: u8) -> u8;
    fn patterns(&self, (a, b): (u8, u8), _: u32, mut x: u32) -> u32 {
        x += u32::from(a) + u32::from(b);
        x
    }
    fn save(&self, #[autospec(skip)] file: std::fs::File, socket: &Socket) -> bool;
    fn consume(self: Box<Self>, value: u32) -> u32;
}

impl Clone for Socket {
    fn clone(&self) -> Self {
        Socket
    }
}

#[test]
#[allow(deprecated)]
fn unsafe_attributes_self_raw_names_and_patterns() {
    let odds = MockOdds::default();
    odds.raw.returns(1);
    odds.important.returns(2);
    odds.old.returns(3);
    odds.r#type.returns_with(|x| x + 1);
    odds.patterns
        .returns_with(|(a, b), c, x| u32::from(a) + u32::from(b) + c + x);
    // SAFETY: the mock dereferences nothing.
    assert_eq!(unsafe { odds.raw(0) }, 1);
    assert_eq!(odds.important() + odds.old(), 5);
    assert_eq!(odds.r#type(1), 2);
    assert_eq!(odds.patterns((1, 2), 3, 4), 10);
    let other = MockOdds::default();
    odds.merge.returns(other.clone());
    let merged = odds.merge(other.clone());
    merged.important.returns(40);
    assert_eq!(other.important(), 40, "merge answered the same shared mock");
    assert_eq!(odds.r#type.call_args(), Some((1,)));
    let boxed = Box::new(odds.clone());
    odds.consume.returns(8);
    assert_eq!(boxed.consume(1), 8);
    odds.consume.assert_called_once_with((1,));
}

#[test]
fn skipped_arguments_are_journaled_as_text() {
    let odds = MockOdds::default();
    odds.save.returns(true);
    let file = std::fs::File::open(std::env::current_exe().unwrap()).unwrap();
    assert!(odds.save(file, &Socket));
    let (file, _socket) = odds.save.call_args().expect("called once");
    // `File` has `Debug`, so its text is that rendering.
    assert!(file.text().starts_with("File {"), "{file:?}");
}

#[autospec]
pub trait Repo<T: Clone + Debug + PartialEq + Send + 'static> {
    fn store(&self, item: T) -> usize;
    fn load(&self, id: usize) -> Option<T>;
}

#[test]
fn generic_traits_are_mocked_per_type() {
    let repo = MockRepo::<String>::default();
    repo.load.returns(Some("x".into()));
    assert_eq!(repo.store("a".into()), 0);
    assert_eq!(repo.load(1), Some("x".into()));
    repo.store.assert_called_once_with(("a",));
}
