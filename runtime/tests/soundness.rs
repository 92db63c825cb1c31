//! Thread-safety and the `unsafe` the runtime rests on, exercised the way
//! user code reaches it. `.ci/run` runs this file under Miri and
//! `AddressSanitizer` when the nightly toolchain has them.
//!
//! - A mock is `Send + Sync` whenever its argument types are `Send`,
//!   whatever its return types (issue #15: `Result<T, Box<dyn Error>>`
//!   made mocks `!Send`). Answers kept as values must be `Send`; answers of
//!   other types come from closures and are journaled as text.
//! - The future of an async method holds nothing of the journal's types
//!   (only the method's untyped part, to journal the await), so it is
//!   `Send` wherever its answer is: dropping or completing it on another
//!   thread never touches an argument kept on the mock's thread.
//! - Values lent out by reference stay where they are while the mock lives.
#![allow(missing_docs, clippy::missing_errors_doc)]

use autospec::prelude::*;
use std::error::Error;
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::sync::Arc;
use std::thread;

mod support;
use support::block_on as ready;

fn send_sync<T: Send + Sync>(_: &T) {}

#[autospec]
pub trait Loader: Send + Sync {
    fn load(&self, path: &str) -> Result<Vec<u8>, Box<dyn Error>>;
    fn handle(&self) -> Rc<u32>;
    fn raw(&self, len: usize) -> *const u8;
    fn shared(&self) -> &Rc<String>;
}

#[test]
fn a_mock_is_send_and_sync_whatever_its_return_types() {
    let loader = MockLoader::default();
    send_sync(&loader);
    send_sync(&loader.load);
    loader
        .load
        .returns_with(|path| Err(format!("{path}: missing").into()));
    let shared: Arc<dyn Loader> = Arc::new(loader.clone());
    let worker = thread::spawn(move || shared.load("a.txt").map_err(|e| e.to_string()));
    assert_eq!(worker.join().unwrap(), Err("a.txt: missing".to_owned()));
    loader.load.assert_called_once_with(("a.txt",));
}

#[test]
fn answers_that_are_not_send_are_journaled_as_text() {
    let loader = MockLoader::default();
    loader.load.returns_with(|path| match path {
        "ok" => Ok(vec![1]),
        _ => Err("no such file".into()),
    });
    loader.handle.returns_with(|| Rc::new(7));
    assert_eq!(loader.load("ok").unwrap(), [1]);
    assert!(loader.load("gone").is_err());
    assert_eq!(*loader.handle(), 7);
    assert_eq!(
        format!("{:#?}", loader.mock_calls()),
        "[\n    load(\"ok\") -> Ok([1]),\n    load(\"gone\") -> Err(\"no such file\"),\n    handle() -> 7,\n]"
    );
}

#[test]
fn raw_pointers_are_answered_and_never_read() {
    let loader = MockLoader::default();
    let bytes = [1u8, 2, 3];
    // The pointer's address is the answer; the mock never reads through it.
    let address = bytes.as_ptr() as usize;
    loader.raw.returns_with(move |_| address as *const u8);
    assert_eq!(loader.raw(3), bytes.as_ptr());
    assert!(loader.raw.called());
}

#[test]
fn a_value_that_is_not_send_is_still_lent_by_reference() {
    let loader = MockLoader::default();
    loader.shared.returns_with(|| Rc::new("one".to_owned()));
    let first = loader.shared();
    let firsts: Vec<&Rc<String>> = (0..50).map(|_| loader.shared()).collect();
    assert_eq!(first.as_str(), "one");
    assert!(firsts.iter().all(|lent| lent.as_str() == "one"));
    assert_eq!(loader.shared.call_count(), 51);
}

#[autospec]
pub trait Cache {
    fn name(&self, id: u32) -> &str;
}

#[test]
fn lent_values_keep_their_address_while_the_mock_grows() {
    let cache = MockCache::default();
    cache.name.returns_with(|id| format!("n{id}"));
    let lent: Vec<&str> = (0..200).map(|id| cache.name(id)).collect();
    cache.name.returns("fixed".to_owned());
    cache.name.reset();
    for (id, name) in lent.iter().enumerate() {
        assert_eq!(*name, format!("n{id}"));
    }
    assert_eq!(cache.name(0), "fixed");
}

#[autospec]
#[allow(async_fn_in_trait)]
pub trait Job {
    fn run(
        &self,
        #[autospec(skip)] shared: Rc<u32>,
        label: &str,
    ) -> Pin<Box<dyn Future<Output = u32> + Send + 'static>>;
    fn start(&self, label: String) -> impl Future<Output = String> + Send;
    async fn finish(&self, code: u8) -> u8;
}

#[test]
fn a_send_future_crosses_threads_when_its_arguments_are_journaled_as_text() {
    let rc = Rc::new(5u32);
    let job = MockJob::default();
    job.run.returns(9);
    let future = job.run(Rc::clone(&rc), "nightly");
    drop(job.clone());
    let worker = thread::spawn(move || ready(future));
    let _also_here = Rc::clone(&rc);
    assert_eq!(worker.join().unwrap(), 9);
    assert_eq!(Rc::strong_count(&rc), 2);
    job.run.assert_awaited_once();
    job.run.assert_called_once_with(args!(_, "nightly"));
}

#[test]
fn futures_of_send_arguments_are_send_and_journal_the_await_on_any_thread() {
    let job = MockJob::default();
    job.start.returns_with(|label| format!("{label}: started"));
    job.finish.returns(3);
    let start = job.start("a".to_owned());
    let finish = job.finish(1);
    let done = thread::scope(|scope| scope.spawn(move || (ready(start), ready(finish))).join());
    assert_eq!(done.unwrap(), ("a: started".to_owned(), 3));
    job.start.assert_awaited_once_with(("a",));
    job.finish.assert_awaited_once_with((1,));
}

#[test]
fn a_future_outliving_every_mock_handle_completes_without_the_journal() {
    let job = MockJob::default();
    let future = job.run(Rc::new(1), "last");
    drop(job);
    // The journal went with the last handle; the future still completes.
    assert_eq!(ready(future), 0);
}

/// Issue #15's reproducer, now sound by construction: the journal keeps
/// `Rc` arguments on the mock's thread while the futures cross threads.
#[autospec]
pub trait Sender {
    fn run(&self, n: Rc<u32>) -> Pin<Box<dyn Future<Output = u32> + Send + 'static>>;
    fn start(&self, n: Rc<u32>) -> impl Future<Output = u32> + Send + 'static;
}

#[test]
fn send_futures_of_arguments_that_are_not_send_cross_threads_without_touching_them() {
    let rc = Rc::new(5u32);
    let sender = MockSender::default();
    sender.run.returns(2);
    sender.start.returns(3);
    let run = sender.run(Rc::clone(&rc));
    let start = sender.start(Rc::clone(&rc));
    let dropped = sender.run(Rc::clone(&rc));
    // The mock's journal holds three shares of `rc`, on this thread only.
    let worker = thread::spawn(move || {
        drop(dropped);
        ready(run) + ready(start)
    });
    for _ in 0..100 {
        drop(Rc::clone(&rc));
    }
    assert_eq!(worker.join().unwrap(), 5);
    assert_eq!(Rc::strong_count(&rc), 4);
    sender.run.assert_awaited_once();
    sender.start.assert_awaited_once_with((Rc::new(5),));
    drop(sender);
    assert_eq!(Rc::strong_count(&rc), 1);
}

#[autospec]
pub trait Local {
    fn put(&self, value: Rc<u32>) -> u32;
}

#[test]
fn a_mock_of_arguments_that_are_not_send_works_on_its_thread() {
    let local = MockLocal::default();
    local.put.returns(1);
    let value = Rc::new(3);
    assert_eq!(local.put(Rc::clone(&value)), 1);
    // The journal holds a clone until the mock goes away.
    assert_eq!(Rc::strong_count(&value), 2);
    drop(local);
    assert_eq!(Rc::strong_count(&value), 1);
}
