//! Real-world traits, restated in our own words from the public APIs of std
//! and popular crates, written the way users write them, each mocked and
//! driven through a trait object the way code under test would hold it.
//!
//! A trait that needs a feature the macro lacks goes in a `#[cfg(any())]
//! mod pending_<name>` block (cfg-stripped, never expanded) with a line
//! naming the missing feature, until the feature lands; do not bend the
//! trait to today's limits.
// The traits restate signatures, not their documentation.
// Restated traits keep methods that no test calls.
#![allow(missing_docs, dead_code, clippy::missing_errors_doc)]

mod support;

use autospec::prelude::*;
use std::collections::HashMap;
use std::fmt;
use std::io;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

// ---- std::io -------------------------------------------------------------

#[autospec]
pub trait Read {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize>;
    fn read_to_end(&mut self, buf: &mut Vec<u8>) -> io::Result<usize>;
    fn read_to_string(&mut self, buf: &mut String) -> io::Result<usize>;
}

#[test]
fn read_fills_the_callers_buffer() {
    let reader = MockRead::default();
    reader.read.returns_with(|buf| {
        buf[..2].copy_from_slice(b"hi");
        Ok(2)
    });
    let mut boxed: Box<dyn Read> = Box::new(reader.clone());
    let mut buf = [0u8; 4];
    assert_eq!(boxed.read(&mut buf).ok(), Some(2));
    assert_eq!(&buf, b"hi\0\0");
    reader.read.assert_called_once_with(([0u8; 4],));
}

#[autospec]
pub trait Write {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize>;
    fn flush(&mut self) -> io::Result<()>;
    fn write_all(&mut self, mut buf: &[u8]) -> io::Result<()> {
        while !buf.is_empty() {
            let n = self.write(buf)?;
            buf = &buf[n..];
        }
        Ok(())
    }
}

#[test]
fn write_all_is_mocked_too_and_errors_are_answers() {
    let writer = MockWrite::default();
    writer
        .write_all
        .returns_with(|_| Err(io::Error::new(io::ErrorKind::BrokenPipe, "gone")));
    let mut sink: Box<dyn Write> = Box::new(writer.clone());
    let error = sink.write_all(b"abc").expect_err("configured to fail");
    assert_eq!(error.kind(), io::ErrorKind::BrokenPipe);
    writer.write_all.assert_called_once_with((b"abc",));
    writer.write.assert_not_called();
}

#[autospec]
pub trait Seek {
    fn seek(&mut self, pos: io::SeekFrom) -> io::Result<u64>;
    fn stream_position(&mut self) -> io::Result<u64>;
}

#[test]
fn seek_journals_the_seek_from() {
    let file = MockSeek::default();
    file.seek.returns_with(|pos| match pos {
        io::SeekFrom::Start(at) => Ok(at),
        _ => Ok(0),
    });
    let seeker: &mut dyn Seek = &mut file.clone();
    assert_eq!(seeker.seek(io::SeekFrom::Start(7)).ok(), Some(7));
    seeker.seek(io::SeekFrom::End(-1)).ok();
    file.seek
        .assert_has_calls([(io::SeekFrom::Start(7),), (io::SeekFrom::End(-1),)]);
}

// A supertrait that is another user trait (`Read`) is implemented for the
// mock by the test.
mod buf_read {
    use super::*;

    impl Read for MockBufRead {
        fn read(&mut self, _: &mut [u8]) -> io::Result<usize> {
            Ok(0)
        }
        fn read_to_end(&mut self, _: &mut Vec<u8>) -> io::Result<usize> {
            Ok(0)
        }
        fn read_to_string(&mut self, _: &mut String) -> io::Result<usize> {
            Ok(0)
        }
    }

    #[autospec]
    pub trait BufRead: Read {
        fn fill_buf(&mut self) -> io::Result<&[u8]>;
        fn consume(&mut self, amt: usize);
        fn read_line(&mut self, buf: &mut String) -> io::Result<usize>;
    }

    #[test]
    fn fill_buf_lends_the_configured_bytes() {
        let reader = MockBufRead::default();
        reader.fill_buf.returns_with(|| Ok(b"line\n".to_vec()));
        let mut boxed: Box<dyn BufRead> = Box::new(reader.clone());
        assert_eq!(boxed.fill_buf().ok(), Some(&b"line\n"[..]));
        boxed.consume(5);
        reader.consume.assert_called_once_with((5,));
    }
}

// ---- iterators, hashing, formatting ----------------------------------------

mod iterator {
    use super::*;

    #[autospec]
    pub trait Iterator {
        type Item;
        fn next(&mut self) -> Option<Self::Item>;
        fn size_hint(&self) -> (usize, Option<usize>) {
            (0, None)
        }
    }

    #[test]
    fn next_answers_in_order() {
        let items = MockIterator::<u32>::default();
        items.next.returns_each([Some(1), Some(2), None]);
        let mut boxed: Box<dyn Iterator<Item = u32>> = Box::new(items.clone());
        assert_eq!(
            (boxed.next(), boxed.next(), boxed.next()),
            (Some(1), Some(2), None)
        );
        assert_eq!(items.next.call_count(), 3);
    }
}

// `Self::Item` comes from the supertrait `Iterator`, which the test implements.
mod double_ended_iterator {
    use super::*;

    impl Iterator for MockDoubleEndedIterator {
        type Item = u8;
        fn next(&mut self) -> Option<u8> {
            None
        }
    }

    #[autospec]
    pub trait DoubleEndedIterator: Iterator {
        fn next_back(&mut self) -> Option<Self::Item>;
    }

    #[test]
    fn next_back_is_journaled() {
        let items = MockDoubleEndedIterator::default();
        items.next_back.returns(Some(9));
        let mut boxed: Box<dyn DoubleEndedIterator<Item = u8>> = Box::new(items.clone());
        assert_eq!(boxed.next_back(), Some(9));
        items.next_back.assert_called_once();
    }
}

#[autospec]
pub trait Hasher {
    fn finish(&self) -> u64;
    fn write(&mut self, bytes: &[u8]);
    fn write_u8(&mut self, i: u8);
    fn write_u64(&mut self, i: u64);
}

#[test]
fn hasher_records_what_was_fed_to_it() {
    let hasher = MockHasher::default();
    hasher.finish.returns(0xfeed);
    let mut boxed: Box<dyn Hasher> = Box::new(hasher.clone());
    boxed.write(b"key");
    boxed.write_u8(0xff);
    assert_eq!(boxed.finish(), 0xfeed);
    assert_eq!(
        hasher.mock_calls(),
        [call!(write(b"key")), call!(write_u8(255)), call!(finish())]
    );
}

#[autospec]
pub trait FmtWrite {
    fn write_str(&mut self, s: &str) -> fmt::Result;
    fn write_char(&mut self, c: char) -> fmt::Result;
}

#[test]
fn fmt_write_can_refuse_output() {
    let out = MockFmtWrite::default();
    out.write_str.returns(Ok(()));
    out.write_char.returns(Err(fmt::Error));
    let mut boxed: Box<dyn FmtWrite> = Box::new(out.clone());
    assert_eq!(boxed.write_str("ab"), Ok(()));
    assert_eq!(boxed.write_char('c'), Err(fmt::Error));
    out.write_str.assert_called_once_with(("ab",));
    out.write_char.assert_called_once_with(('c',));
}

mod build_hasher {
    use super::*;

    #[autospec]
    pub trait BuildHasher {
        type Hasher: Hasher;
        fn build_hasher(&self) -> Self::Hasher;
    }

    #[test]
    fn build_hasher_is_called() {
        let build = MockBuildHasher::<MockHasher>::default();
        // The mock is generic over `Hasher`, so no default is known for it.
        build.build_hasher.returns_with(MockHasher::default);
        let _ = build.build_hasher();
        build.build_hasher.assert_called_once();
    }
}

// `Debug` comes with every mock; `Display` is implemented by the test.
mod error {
    use super::*;

    impl fmt::Display for MockError {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("mock error")
        }
    }

    #[autospec]
    pub trait Error: fmt::Debug + fmt::Display {
        fn source(&self) -> Option<&(dyn Error + 'static)> {
            None
        }
        fn description(&self) -> &str;
    }

    #[test]
    fn description_is_lent() {
        let error = MockError::default();
        error.description.returns("boom".to_owned());
        let boxed: Box<dyn Error> = Box::new(error.clone());
        assert_eq!(boxed.description(), "boom");
        assert!(boxed.source().is_none());
    }
}

// ---- services and clients --------------------------------------------------

// Associated types become parameters of the mock; `Context<'_>` keeps a
// borrow and is journaled as text.
mod service {
    use super::*;
    use std::future::Future;
    use std::task::{Context, Poll};

    #[autospec]
    pub trait Service<Request> {
        type Response;
        type Error;
        type Future: Future<Output = Result<Self::Response, Self::Error>>;
        fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), Self::Error>>;
        fn call(&mut self, req: Request) -> Self::Future;
    }

    #[test]
    fn call_is_journaled() {
        type Answer = std::future::Ready<Result<usize, String>>;
        let service = MockService::<String, usize, String, Answer>::default();
        service.poll_ready.returns(Poll::Ready(Ok(())));
        service
            .call
            .returns_with(|req| std::future::ready(Ok(req.len())));
        let mut handle = service.clone();
        let waker = support::noop_waker();
        let mut cx = Context::from_waker(&waker);
        assert_eq!(handle.poll_ready(&mut cx), Poll::Ready(Ok(())));
        assert_eq!(support::block_on(handle.call("ping".to_owned())), Ok(4));
        // `Request` is not known to be `Clone`: its type name is journaled.
        service.call.assert_called_once_with(("String",));
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Request {
    pub method: String,
    pub url: String,
    pub body: Vec<u8>,
}

#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Response {
    pub status: u16,
    pub body: Vec<u8>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum HttpError {
    Timeout,
    Status(u16),
}

/// A blocking service, the shape of a tower `Service` without the futures.
#[autospec]
pub trait Handler: Send + Sync {
    fn handle(&self, req: Request) -> Response;
}

#[test]
fn handler_answers_from_the_request() {
    let handler = MockHandler::default();
    handler.handle.returns_with(|req| Response {
        status: if req.url == "/" { 200 } else { 404 },
        body: Vec::new(),
    });
    let shared: std::sync::Arc<dyn Handler> = std::sync::Arc::new(handler.clone());
    let get = |url: &str| Request {
        method: "GET".into(),
        url: url.into(),
        body: Vec::new(),
    };
    assert_eq!(shared.handle(get("/")).status, 200);
    assert_eq!(shared.handle(get("/x")).status, 404);
    handler.handle.assert_called_with((get("/x"),));
}

#[autospec]
pub trait HttpClient {
    fn get(&self, url: &str) -> Result<Response, HttpError>;
    fn post(
        &self,
        url: &str,
        body: &[u8],
        headers: &[(String, String)],
    ) -> Result<Response, HttpError>;
    fn send(&self, req: Request) -> Result<Response, HttpError>;
}

#[test]
fn http_client_errors_and_headers_are_journaled() {
    let client = MockHttpClient::default();
    client
        .get
        .returns_each([Err(HttpError::Timeout), Ok(Response::default())]);
    client.post.returns(Err(HttpError::Status(503)));
    let boxed: Box<dyn HttpClient> = Box::new(client.clone());
    assert_eq!(boxed.get("/a"), Err(HttpError::Timeout));
    assert_eq!(boxed.get("/a"), Ok(Response::default()));
    let headers = [("accept".to_owned(), "json".to_owned())];
    assert_eq!(
        boxed.post("/b", b"{}", &headers),
        Err(HttpError::Status(503))
    );
    client
        .post
        .assert_called_once_with(("/b", b"{}", headers.to_vec()));
    client.send.assert_not_called();
}

mod async_http_client {
    use super::*;

    #[autospec]
    pub trait AsyncHttpClient {
        async fn get(&self, url: &str) -> Result<Response, HttpError>;
    }

    #[test]
    fn get_is_awaited() {
        let client = MockAsyncHttpClient::default();
        client.get.returns(Ok(Response::default()));
        let pending = client.get("/");
        // Journaled when called, before it is awaited.
        client.get.assert_called_once_with(("/",));
        assert_eq!(support::block_on(pending), Ok(Response::default()));
    }
}

// A generic return needs `T: 'static` to be configured per type, as the
// macro's error says; the body's `B` is journaled by its Debug text.
mod typed_client {
    use super::*;

    #[autospec]
    pub trait TypedClient {
        fn get_as<T: std::str::FromStr + 'static>(&self, url: &str) -> Result<T, HttpError>;
        fn post_debug<B: fmt::Debug + ?Sized>(&self, url: &str, body: &B) -> Result<(), HttpError>;
    }

    #[test]
    fn get_as_is_journaled() {
        let client = MockTypedClient::default();
        client.get_as.of::<u32>().returns(Ok(7));
        client.post_debug.returns(Err(HttpError::Timeout));
        assert_eq!(client.get_as::<u32>("/n"), Ok(7));
        assert_eq!(client.post_debug("/p", &[1, 2]), Err(HttpError::Timeout));
        client.get_as.of::<u32>().assert_called_once_with(("/n",));
        client.post_debug.assert_called_once_with(("/p", "[1, 2]"));
    }
}

/// The boxed-future form that `#[async_trait]` expands to.
#[autospec]
pub trait Fetch {
    fn fetch(
        &self,
        url: String,
    ) -> std::pin::Pin<Box<dyn std::future::Future<Output = Result<Vec<u8>, HttpError>> + Send>>;
}

#[test]
fn fetch_returns_a_boxed_future() {
    let fetch = MockFetch::default();
    // The answer is the future's output; the mock boxes a ready future.
    fetch.fetch.returns_with(|url| Ok(url.into_bytes()));
    let boxed: Box<dyn Fetch> = Box::new(fetch.clone());
    let future = boxed.fetch("u".to_owned());
    fetch.fetch.assert_called_once_with(("u",));
    assert_eq!(support::block_on(future).ok(), Some(b"u".to_vec()));
}

// ---- repositories, stores, caches ------------------------------------------

#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct User {
    pub id: u64,
    pub name: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RepoError {
    NotFound,
    Conflict(String),
}

#[autospec]
pub trait UserRepository {
    fn find_by_id(&self, id: u64) -> Option<User>;
    fn find_by_name(&self, name: &str) -> Vec<User>;
    fn save(&mut self, user: &User) -> Result<(), RepoError>;
    fn delete(&mut self, id: u64) -> Result<bool, RepoError>;
    fn list(&self, offset: usize, limit: usize) -> Vec<User>;
}

#[test]
fn repository_saves_and_finds() {
    let repo = MockUserRepository::default();
    let ana = User {
        id: 1,
        name: "ana".into(),
    };
    repo.find_by_id.returns(Some(ana.clone()));
    repo.save.returns(Err(RepoError::Conflict("dup".into())));
    let mut boxed: Box<dyn UserRepository> = Box::new(repo.clone());
    assert_eq!(boxed.find_by_id(1), Some(ana.clone()));
    assert_eq!(boxed.save(&ana), Err(RepoError::Conflict("dup".into())));
    repo.save.assert_called_once_with((ana,));
    assert!(boxed.list(0, 10).is_empty());
    repo.list.assert_called_once_with((0, 10));
}

#[autospec]
pub trait Repository<T, Id>
where
    T: Clone + fmt::Debug + Send + Sync + 'static,
    Id: Clone + fmt::Debug + PartialEq + Send + Sync + 'static,
{
    fn get(&self, id: Id) -> Option<T>;
    fn insert(&mut self, item: T) -> Id;
    fn count(&self) -> usize;
}

#[test]
fn generic_repository_is_mocked_per_type() {
    let repo = MockRepository::<User, u64>::default();
    repo.insert.returns_each([10, 11]);
    let mut boxed: Box<dyn Repository<User, u64>> = Box::new(repo.clone());
    assert_eq!(boxed.insert(User::default()), 10);
    assert_eq!(boxed.insert(User::default()), 11);
    assert_eq!(boxed.get(10), None);
    repo.get.assert_called_once_with((10,));
    assert_eq!(repo.insert.call_count(), 2);
}

#[autospec]
pub trait KeyValueStore: Send + Sync {
    fn get(&self, key: &[u8]) -> Option<Vec<u8>>;
    fn set(&self, key: &[u8], value: &[u8]);
    fn delete(&self, key: &[u8]) -> bool;
    fn scan_prefix(&self, prefix: &[u8]) -> Vec<(Vec<u8>, Vec<u8>)>;
}

#[test]
fn key_value_store_journals_bytes() {
    let kv = MockKeyValueStore::default();
    kv.get
        .returns_with(|key| (key == b"a").then(|| b"1".to_vec()));
    let shared: std::sync::Arc<dyn KeyValueStore> = std::sync::Arc::new(kv.clone());
    shared.set(b"a", b"1");
    assert_eq!(shared.get(b"a"), Some(b"1".to_vec()));
    assert_eq!(shared.get(b"b"), None);
    kv.set.assert_called_once_with((b"a", b"1"));
    kv.get.assert_has_calls([(b"a",), (b"b",)]);
}

#[autospec]
pub trait Cache<K, V>
where
    K: Clone + fmt::Debug + Send + Sync + 'static,
    V: Clone + fmt::Debug + Send + Sync + 'static,
{
    fn get(&self, key: &K) -> Option<V>;
    fn insert(&self, key: K, value: V, ttl: Option<Duration>);
    fn invalidate(&self, key: &K);
}

#[test]
fn cache_misses_then_inserts() {
    let cache = MockCache::<String, u32>::default();
    let boxed: Box<dyn Cache<String, u32>> = Box::new(cache.clone());
    assert_eq!(boxed.get(&"k".to_owned()), None);
    boxed.insert("k".to_owned(), 3, Some(Duration::from_secs(60)));
    cache
        .insert
        .assert_called_once_with(("k", 3, Some(Duration::from_secs(60))));
    cache.invalidate.assert_not_called();
}

// `K: Borrow<Q>` lookups, as `HashMap::get` has: `Q` is journaled as text.
mod borrowing_cache {
    use super::*;
    use std::borrow::Borrow;
    use std::hash::Hash;

    #[autospec]
    pub trait BorrowingCache<K: Hash + Eq, V> {
        fn get<Q>(&self, key: &Q) -> Option<V>
        where
            K: Borrow<Q>,
            Q: Hash + Eq + ?Sized;
    }

    #[test]
    fn get_by_borrowed_key() {
        let cache = MockBorrowingCache::<String, u8>::default();
        cache.get.returns(Some(1));
        assert_eq!(cache.get("k"), Some(1));
        cache.get.assert_called_once_with(("str",));
    }
}

#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Int(i64),
    Text(String),
    Null,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DbError(pub String);

#[autospec]
pub trait Connection {
    fn execute(&mut self, sql: &str, params: &[Value]) -> Result<u64, DbError>;
    fn query(&mut self, sql: &str, params: &[Value]) -> Result<Vec<Vec<Value>>, DbError>;
    fn begin(&mut self) -> Result<(), DbError>;
    fn commit(&mut self) -> Result<(), DbError>;
    fn rollback(&mut self) -> Result<(), DbError>;
    fn close(self: Box<Self>);
}

#[test]
fn connection_rolls_back_on_error() {
    let conn = MockConnection::default();
    conn.begin.returns(Ok(()));
    conn.execute.returns(Err(DbError("constraint".into())));
    conn.rollback.returns(Ok(()));
    let mut boxed: Box<dyn Connection> = Box::new(conn.clone());
    boxed.begin().expect("begins");
    let params = [Value::Int(1), Value::Null];
    if boxed.execute("INSERT", &params).is_err() {
        boxed.rollback().expect("rolls back");
    }
    boxed.close();
    conn.execute
        .assert_called_once_with(("INSERT", params.to_vec()));
    assert_eq!(
        conn.mock_calls(),
        [
            call!(begin()),
            call!(execute("INSERT", [Value::Int(1), Value::Null])),
            call!(rollback()),
            call!(close()),
        ]
    );
    conn.commit.assert_not_called();
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StorageError(pub String);

/// An S3-style object store.
#[autospec]
pub trait ObjectStore {
    fn put_object(
        &self,
        bucket: &str,
        key: &str,
        body: Vec<u8>,
        content_type: Option<&str>,
    ) -> Result<String, StorageError>;
    fn get_object(&self, bucket: &str, key: &str) -> Result<Vec<u8>, StorageError>;
    fn list_objects(&self, bucket: &str, prefix: Option<&str>)
        -> Result<Vec<String>, StorageError>;
}

#[test]
fn object_store_journals_optional_borrows() {
    let store = MockObjectStore::default();
    store.put_object.returns(Ok("etag-1".into()));
    let boxed: Box<dyn ObjectStore> = Box::new(store.clone());
    assert_eq!(
        boxed.put_object("b", "k", b"x".to_vec(), Some("text/plain")),
        Ok("etag-1".to_owned())
    );
    store.put_object.assert_called_once_with((
        "b",
        "k",
        b"x".to_vec(),
        Some("text/plain".to_owned()),
    ));
}

// ---- time, randomness, environment, files -----------------------------------

#[autospec]
pub trait Clock: Send + Sync {
    fn now(&self) -> SystemTime;
    fn sleep(&self, duration: Duration);
}

#[test]
fn clock_is_frozen_by_the_test() {
    let clock = MockClock::default();
    let noon = UNIX_EPOCH + Duration::from_secs(43_200);
    clock.now.returns(noon);
    let shared: std::sync::Arc<dyn Clock> = std::sync::Arc::new(clock.clone());
    assert_eq!(shared.now(), noon);
    shared.sleep(Duration::from_millis(5));
    clock
        .sleep
        .assert_called_once_with((Duration::from_millis(5),));
}

// Methods without `self` are answered by the mock's class.
mod static_clock {
    use super::*;

    #[autospec]
    pub trait StaticClock {
        fn now() -> SystemTime;
    }

    #[test]
    fn now_is_configured_per_class() {
        let class = MockStaticClock::class();
        class.now.returns(UNIX_EPOCH);
        assert_eq!(MockStaticClock::now(), UNIX_EPOCH);
        class.now.assert_called_once();
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RandError;

/// The shape of rand's `RngCore`.
#[autospec]
pub trait RngCore {
    fn next_u32(&mut self) -> u32;
    fn next_u64(&mut self) -> u64;
    fn fill_bytes(&mut self, dest: &mut [u8]);
    fn try_fill_bytes(&mut self, dest: &mut [u8]) -> Result<(), RandError>;
}

#[test]
fn rng_is_scripted() {
    let rng = MockRngCore::default();
    rng.next_u32.returns_each([4, 4, 4]);
    rng.fill_bytes.returns_with(|dest| dest.fill(7));
    let mut boxed: Box<dyn RngCore> = Box::new(rng.clone());
    assert_eq!(boxed.next_u32(), 4);
    let mut buf = [0u8; 3];
    boxed.fill_bytes(&mut buf);
    assert_eq!(buf, [7, 7, 7]);
    rng.fill_bytes.assert_called_once_with(([0u8; 3],));
}

#[autospec]
pub trait Environment {
    fn var(&self, key: &str) -> Result<String, std::env::VarError>;
    fn current_dir(&self) -> io::Result<PathBuf>;
}

#[test]
fn environment_variables_can_be_missing() {
    let env = MockEnvironment::default();
    env.var.returns_with(|key| match key {
        "HOME" => Ok("/home/ana".into()),
        _ => Err(std::env::VarError::NotPresent),
    });
    let boxed: Box<dyn Environment> = Box::new(env.clone());
    assert_eq!(boxed.var("HOME"), Ok("/home/ana".to_owned()));
    assert_eq!(boxed.var("NOPE"), Err(std::env::VarError::NotPresent));
    env.var.assert_any_call(("NOPE",));
}

#[autospec]
pub trait FileSystem {
    fn read_to_string(&self, path: &Path) -> io::Result<String>;
    fn write(&self, path: &Path, contents: &[u8]) -> io::Result<()>;
    fn exists(&self, path: &Path) -> bool;
    fn read_dir(&self, path: &Path) -> io::Result<Vec<PathBuf>>;
}

#[test]
fn file_system_journals_paths_owned() {
    let fs = MockFileSystem::default();
    fs.exists.returns(true);
    fs.read_to_string
        .returns_with(|path| Ok(path.display().to_string()));
    let boxed: Box<dyn FileSystem> = Box::new(fs.clone());
    let path = Path::new("/etc/app.toml");
    assert!(boxed.exists(path));
    assert_eq!(
        boxed.read_to_string(path).ok().as_deref(),
        Some("/etc/app.toml")
    );
    fs.exists
        .assert_called_once_with((PathBuf::from("/etc/app.toml"),));
    fs.write.assert_not_called();
}

// Constructors are answered by the class too.
mod config_source {
    use super::*;

    #[autospec]
    pub trait ConfigSource: Sized {
        fn from_env() -> Result<Self, String>;
        fn get(&self, key: &str) -> Option<String>;
    }

    #[test]
    fn from_env_is_recorded_at_class_level() {
        let class = MockConfigSource::class();
        class
            .from_env
            .returns_with(|| Ok(MockConfigSource::default()));
        let source = MockConfigSource::from_env().expect("configured");
        source.get.returns(Some("on".into()));
        assert_eq!(source.get("feature"), Some("on".into()));
        class.from_env.assert_called_once();
    }
}

// ---- logging, metrics, messaging -------------------------------------------

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Level {
    Error,
    Warn,
    Info,
}

#[autospec]
pub trait Logger: Send + Sync {
    fn enabled(&self, level: Level) -> bool;
    fn log(&self, level: Level, target: &str, message: &str);
    fn flush(&self);
}

#[test]
fn logger_sees_enabled_levels_only() {
    let logger = MockLogger::default();
    logger.enabled.returns_with(|level| level != Level::Info);
    let shared: std::sync::Arc<dyn Logger> = std::sync::Arc::new(logger.clone());
    for (level, message) in [(Level::Info, "hi"), (Level::Warn, "careful")] {
        if shared.enabled(level) {
            shared.log(level, "app", message);
        }
    }
    logger
        .log
        .assert_called_once_with((Level::Warn, "app", "careful"));
    assert_eq!(logger.enabled.call_count(), 2);
}

// Arguments that keep a borrow (`Record<'_>`) are journaled as Debug text.
mod log {
    use super::*;

    #[derive(Clone, Debug, PartialEq)]
    pub struct Metadata<'a> {
        pub level: Level,
        pub target: &'a str,
    }

    #[derive(Clone, Debug, PartialEq)]
    pub struct Record<'a> {
        pub metadata: Metadata<'a>,
        pub args: &'a str,
    }

    #[autospec]
    pub trait Log: Send + Sync {
        fn enabled(&self, metadata: &Metadata<'_>) -> bool;
        fn log(&self, record: &Record<'_>);
        fn flush(&self);
    }

    #[test]
    fn log_records_are_journaled() {
        let log = MockLog::default();
        let metadata = Metadata {
            level: Level::Info,
            target: "app",
        };
        log.log(&Record {
            metadata: metadata.clone(),
            args: "hi",
        });
        log.log.assert_called_once_with((
            r#"Record { metadata: Metadata { level: Info, target: "app" }, args: "hi" }"#,
        ));
    }
}

#[autospec]
pub trait Metrics: Send + Sync {
    fn incr(&self, key: &str, value: i64);
    fn gauge(&self, key: &str, value: f64);
    fn timing(&self, key: &str, elapsed: Duration);
}

#[test]
fn metrics_are_counted() {
    let metrics = MockMetrics::default();
    let shared: std::sync::Arc<dyn Metrics> = std::sync::Arc::new(metrics.clone());
    shared.incr("requests", 1);
    shared.gauge("load", 0.5);
    shared.incr("requests", 1);
    metrics
        .incr
        .assert_has_calls([("requests", 1), ("requests", 1)]);
    metrics.gauge.assert_called_once_with(("load", 0.5));
    metrics.timing.assert_not_called();
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PublishError;

#[autospec]
pub trait Publisher {
    fn publish(
        &self,
        topic: &str,
        payload: Vec<u8>,
        headers: HashMap<String, String>,
    ) -> Result<u64, PublishError>;
}

#[test]
fn publisher_gets_headers_as_a_map() {
    let publisher = MockPublisher::default();
    publisher.publish.returns_each([Ok(1), Err(PublishError)]);
    let boxed: Box<dyn Publisher> = Box::new(publisher.clone());
    let headers = HashMap::from([("id".to_owned(), "7".to_owned())]);
    assert_eq!(
        boxed.publish("orders", b"{}".to_vec(), headers.clone()),
        Ok(1)
    );
    assert_eq!(
        boxed.publish("orders", Vec::new(), HashMap::new()),
        Err(PublishError)
    );
    publisher
        .publish
        .assert_any_call(("orders", b"{}".to_vec(), headers));
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SendError(pub String);

#[autospec]
pub trait Mailer {
    fn send(&self, to: &str, subject: &str, body: &str) -> Result<String, SendError>;
}

#[test]
fn mailer_failures_reach_the_caller() {
    let mailer = MockMailer::default();
    mailer.send.returns(Err(SendError("quota".into())));
    let boxed: Box<dyn Mailer> = Box::new(mailer.clone());
    assert_eq!(
        boxed.send("ana@example.com", "hi", "body"),
        Err(SendError("quota".into()))
    );
    mailer
        .send
        .assert_called_once_with(("ana@example.com", "hi", "body"));
}

mod event_sink {
    use super::*;

    #[autospec]
    pub trait EventSink {
        fn emit(&self, name: impl Into<String>, fields: impl IntoIterator<Item = (String, String)>);
    }

    #[test]
    fn emit_is_journaled() {
        let sink = MockEventSink::default();
        sink.emit("started", [("k".to_owned(), "v".to_owned())]);
        sink.emit
            .assert_called_once_with(("started", [("k".to_owned(), "v".to_owned())]));
    }
}

mod event_source {
    use super::*;

    #[autospec]
    pub trait EventSource {
        fn events(&self) -> impl Iterator<Item = String> + '_;
    }

    #[test]
    fn events_are_iterated() {
        let source = MockEventSource::default();
        assert_eq!(source.events().count(), 0);
        source.events.returns(vec!["a".into()]);
        assert_eq!(source.events().collect::<Vec<_>>(), ["a"]);
    }
}

// ---- payments, auth, features, templates ------------------------------------

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Currency {
    Eur,
    Usd,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PaymentError {
    Declined,
    Network,
}

#[autospec]
pub trait PaymentGateway {
    fn charge(
        &self,
        customer: &str,
        amount_cents: u64,
        currency: Currency,
    ) -> Result<String, PaymentError>;
    fn refund(&self, charge_id: &str, amount_cents: Option<u64>) -> Result<(), PaymentError>;
}

#[test]
fn payment_gateway_declines() {
    let gateway = MockPaymentGateway::default();
    gateway
        .charge
        .returns_each([Err(PaymentError::Network), Ok("ch_1".into())]);
    let boxed: Box<dyn PaymentGateway> = Box::new(gateway.clone());
    assert_eq!(
        boxed.charge("cus", 500, Currency::Eur),
        Err(PaymentError::Network)
    );
    assert_eq!(
        boxed.charge("cus", 500, Currency::Eur),
        Ok("ch_1".to_owned())
    );
    gateway
        .charge
        .assert_called_with(("cus", 500, Currency::Eur));
    gateway.refund.assert_not_called();
}

#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Claims {
    pub subject: String,
    pub expires: u64,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AuthError {
    Expired,
    BadSignature,
}

#[autospec]
pub trait TokenVerifier: Send + Sync {
    fn verify(&self, token: &str) -> Result<Claims, AuthError>;
}

#[test]
fn token_verifier_rejects() {
    let verifier = MockTokenVerifier::default();
    verifier.verify.returns(Err(AuthError::Expired));
    let boxed: Box<dyn TokenVerifier> = Box::new(verifier.clone());
    assert_eq!(boxed.verify("t0k3n"), Err(AuthError::Expired));
    verifier.verify.assert_called_once_with(("t0k3n",));
}

#[autospec]
pub trait FeatureFlags {
    fn is_enabled(&self, flag: &str, user: Option<&User>) -> bool;
}

#[test]
fn feature_flags_see_the_user() {
    let flags = MockFeatureFlags::default();
    flags.is_enabled.returns(true);
    let boxed: Box<dyn FeatureFlags> = Box::new(flags.clone());
    let ana = User {
        id: 1,
        name: "ana".into(),
    };
    assert!(boxed.is_enabled("beta", Some(&ana)));
    assert!(boxed.is_enabled("beta", None));
    flags
        .is_enabled
        .assert_has_calls([("beta", Some(ana)), ("beta", None)]);
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RenderError(pub String);

#[autospec]
pub trait TemplateEngine {
    fn render(&self, name: &str, context: &HashMap<String, String>) -> Result<String, RenderError>;
}

#[test]
fn template_engine_gets_the_context() {
    let engine = MockTemplateEngine::default();
    engine
        .render
        .returns_with(|name, context| Ok(format!("{name}:{}", context.len())));
    let boxed: Box<dyn TemplateEngine> = Box::new(engine.clone());
    let context = HashMap::from([("user".to_owned(), "ana".to_owned())]);
    assert_eq!(boxed.render("home", &context), Ok("home:1".to_owned()));
    engine.render.assert_called_once_with(("home", context));
}

#[autospec]
pub trait IdGenerator {
    fn next_id(&mut self) -> u128;
}

#[test]
fn id_generator_is_scripted() {
    let ids = MockIdGenerator::default();
    ids.next_id.returns_each([1, 2]);
    let mut boxed: Box<dyn IdGenerator> = Box::new(ids.clone());
    assert_eq!((boxed.next_id(), boxed.next_id()), (1, 2));
    ids.next_id.assert_called();
}

// A borrowed trait object is journaled as text and reaches the answer.
mod middleware {
    use super::*;

    #[autospec]
    pub trait Middleware: Send + Sync {
        fn handle(&self, req: Request, next: &dyn Handler) -> Response;
    }

    #[test]
    fn middleware_is_called_with_the_next_handler() {
        let middleware = MockMiddleware::default();
        middleware.handle.returns_with(|req, next| next.handle(req));
        let next = MockHandler::default();
        next.handle.returns(Response {
            status: 204,
            body: Vec::new(),
        });
        assert_eq!(middleware.handle(Request::default(), &next).status, 204);
        next.handle.assert_called_once_with((Request::default(),));
        middleware.handle.assert_called_once();
    }
}

// ---- serialization ----------------------------------------------------------

// Associated types, a generic method and `self`-consuming methods.
mod serializer {
    use super::*;

    pub trait Serialize {
        fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error>;
    }

    pub struct Flag;

    impl Serialize for Flag {
        fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            serializer.serialize_bool(true)
        }
    }

    #[autospec]
    pub trait Serializer: Sized {
        type Ok;
        type Error: std::error::Error;
        fn serialize_bool(self, v: bool) -> Result<Self::Ok, Self::Error>;
        fn serialize_str(self, v: &str) -> Result<Self::Ok, Self::Error>;
        fn serialize_some<T: ?Sized + Serialize>(self, value: &T) -> Result<Self::Ok, Self::Error>;
        fn serialize_none(self) -> Result<Self::Ok, Self::Error>;
    }

    #[test]
    fn serialize_bool_is_journaled() {
        let serializer = MockSerializer::<(), fmt::Error>::default();
        serializer.serialize_bool.returns(Ok(()));
        serializer.serialize_some.returns(Err(fmt::Error));
        assert_eq!(serializer.clone().serialize_bool(true), Ok(()));
        assert_eq!(serializer.clone().serialize_some(&Flag), Err(fmt::Error));
        serializer.serialize_bool.assert_called_once_with((true,));
        // `T` is not `'static`: the argument is journaled by its type name.
        serializer.serialize_some.assert_called_once_with(("Flag",));
    }
}

/// What a serializer-like sink looks like once written without associated
/// types: an encoder that appends to its own buffer.
#[autospec]
pub trait Encoder {
    fn encode_bool(&mut self, v: bool);
    fn encode_str(&mut self, v: &str);
    fn encode_bytes(&mut self, v: &[u8]);
    fn finish(self: Box<Self>) -> Vec<u8>;
}

#[test]
fn encoder_finishes_with_the_bytes() {
    let encoder = MockEncoder::default();
    encoder.finish.returns(b"done".to_vec());
    let mut boxed: Box<dyn Encoder> = Box::new(encoder.clone());
    boxed.encode_bool(true);
    boxed.encode_str("x");
    assert_eq!(boxed.finish(), b"done".to_vec());
    assert_eq!(
        encoder.mock_calls(),
        [
            call!(encode_bool(true)),
            call!(encode_str("x")),
            call!(finish())
        ]
    );
}
