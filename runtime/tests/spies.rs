//! Spies: `MockStore::wrapping(real)` hands unconfigured calls to a real
//! implementation and journals them; `calls_real()` and `calls_default()`.
#![allow(missing_docs)]

use autospec::prelude::*;
use std::collections::BTreeMap;

mod support;
use support::panic_message;

#[autospec(spy)]
pub trait Store {
    fn get(&self, key: &str) -> Option<u32>;
    fn put(&mut self, key: String, value: u32);
    fn size(&self) -> usize;
    fn name(&self) -> &str;
    fn find(&self, key: &str) -> Option<&u32>;
    fn keys(&self) -> impl Iterator<Item = String>;
    fn greet(&self, who: &str) -> String {
        format!("{} greets {who}", self.name())
    }
    fn describe(&mut self) -> String {
        self.put("described".to_owned(), 1);
        format!("{} keys", self.size())
    }
    fn typed<T: Default + 'static>(&self) -> T;
    fn open() -> u32;
}

struct Memory {
    map: BTreeMap<String, u32>,
    label: String,
}

impl Default for Memory {
    fn default() -> Self {
        Memory {
            map: BTreeMap::new(),
            label: "memory".to_owned(),
        }
    }
}

impl Store for Memory {
    fn get(&self, key: &str) -> Option<u32> {
        self.map.get(key).copied()
    }
    fn put(&mut self, key: String, value: u32) {
        self.map.insert(key, value);
    }
    fn size(&self) -> usize {
        self.map.len()
    }
    fn name(&self) -> &str {
        &self.label
    }
    fn find(&self, key: &str) -> Option<&u32> {
        self.map.get(key)
    }
    fn keys(&self) -> impl Iterator<Item = String> {
        self.map.keys().cloned()
    }
    fn greet(&self, who: &str) -> String {
        format!("real hello, {who}")
    }
    fn typed<T: Default + 'static>(&self) -> T {
        T::default()
    }
    fn open() -> u32 {
        7
    }
}

fn memory(pairs: &[(&str, u32)]) -> Memory {
    Memory {
        map: pairs.iter().map(|(k, v)| ((*k).to_owned(), *v)).collect(),
        ..Memory::default()
    }
}

#[test]
fn wrapping_forwards_unconfigured_calls_and_journals_them() {
    let store = MockStore::wrapping(memory(&[("a", 1)]));
    assert_eq!(store.get("a"), Some(1));
    assert_eq!(store.get("b"), None);
    assert_eq!(store.size(), 1);
    assert_eq!(
        store.mock_calls(),
        [call!(get("a")), call!(get("b")), call!(size())]
    );
    assert_eq!(store.get.call_args(), Some(("b".to_owned(),)));
    assert_eq!(
        store.get.call_args_list(),
        [("a".to_owned(),), ("b".to_owned(),)]
    );
    store.get.assert_called_with(("b",));
}

#[test]
fn a_configured_method_wins_over_the_real() {
    let store = MockStore::wrapping(memory(&[("a", 1)]));
    store.get.returns(Some(42));
    assert_eq!(store.get("a"), Some(42));
    store
        .get
        .returns_with(|key| Some(u32::try_from(key.len()).unwrap()));
    assert_eq!(store.get("abc"), Some(3));
    store.get.when(("z",)).returns(Some(26));
    assert_eq!(store.get("z"), Some(26));
    // Other methods still reach the real.
    assert_eq!(store.size(), 1);
    assert_eq!(store.get.call_count(), 3);
}

#[test]
fn returns_once_answers_once_then_the_real_answers_again() {
    let store = MockStore::wrapping(memory(&[("a", 1)]));
    store.get.returns_once(Some(9));
    store.get.returns_each([Some(8), None]);
    let got: Vec<_> = (0..4).map(|_| store.get("a")).collect();
    assert_eq!(got, [Some(9), Some(8), None, Some(1)]);
}

#[test]
fn calls_real_after_returns_forwards_again() {
    let store = MockStore::wrapping(memory(&[("a", 1)]));
    store.get.returns(None);
    store.get.returns_once(Some(5));
    store.get.calls_real();
    assert_eq!(store.get("a"), Some(1));
    store.get.panics("boom");
    store.get.calls_real();
    assert_eq!(store.get("a"), Some(1));
    assert_eq!(store.get.call_count(), 2);
}

#[test]
fn calls_real_keeps_when_rules() {
    let store = MockStore::wrapping(memory(&[("a", 1)]));
    store.get.when(("b",)).returns(Some(2));
    store.get.returns(None);
    store.get.calls_real();
    assert_eq!(store.get("a"), Some(1));
    assert_eq!(store.get("b"), Some(2));
}

#[test]
fn mut_self_state_stays_in_the_real_across_calls() {
    let mut store = MockStore::wrapping(Memory::default());
    store.put("a".to_owned(), 1);
    store.put("b".to_owned(), 2);
    assert_eq!(store.size(), 2);
    assert_eq!(store.get("b"), Some(2));
    // A clone is a handle to the same spy, and so to the same real.
    let mut handle = store.clone();
    handle.put("c".to_owned(), 3);
    assert_eq!(store.size(), 3);
    store.put.assert_has_calls([("a", 1), ("b", 2), ("c", 3)]);
}

#[test]
fn borrowed_returns_are_forwarded_as_owned_copies() {
    let store = MockStore::wrapping(memory(&[("a", 1)]));
    assert_eq!(store.name(), "memory");
    assert_eq!(store.find("a"), Some(&1));
    assert_eq!(store.find("b"), None);
    let keys: Vec<String> = store.keys().collect();
    assert_eq!(keys, ["a"]);
    store.name.returns("mocked".to_owned());
    assert_eq!(store.name(), "mocked");
}

#[test]
fn a_spy_forwards_to_the_real_override_of_a_default_method() {
    let store = MockStore::wrapping(Memory::default());
    assert_eq!(store.greet("ann"), "real hello, ann");
    store.greet.assert_called_once_with(("ann",));
}

#[test]
fn methods_that_cannot_be_forwarded_keep_the_default() {
    let store = MockStore::wrapping(Memory::default());
    // Generic per instantiation: answered by `of::<T>()`, else the default.
    assert_eq!(store.typed::<u8>(), 0);
    // Static: answered by the class, not by the real.
    let _class = MockStore::class();
    assert_eq!(<MockStore as Store>::open(), 0);
}

#[test]
fn sealed_spies_still_forward() {
    let store = MockStore::wrapping(memory(&[("a", 1)]));
    store.seal();
    assert_eq!(store.get("a"), Some(1));
}

#[test]
fn calls_default_runs_the_default_body_which_calls_the_mock() {
    let store = MockStore::default();
    store.name.returns("mock".to_owned());
    store.greet.calls_default();
    assert_eq!(store.greet("bob"), "mock greets bob");
    // The default body's own call is journaled too, after the outer one.
    assert_eq!(store.mock_calls(), [call!(greet("bob")), call!(name())]);
    store.greet.assert_called_once_with(("bob",));
}

#[test]
fn calls_default_works_for_mut_self_methods() {
    let mut store = MockStore::default();
    store.size.returns(3);
    store.describe.calls_default();
    assert_eq!(store.describe(), "3 keys");
    assert_eq!(
        store.mock_calls(),
        [call!(describe()), call!(put("described", 1)), call!(size())]
    );
}

#[test]
fn calls_default_is_a_standing_answer() {
    let store = MockStore::default();
    store.greet.calls_default();
    store.greet.returns_once("once".to_owned());
    store.greet.when(("x",)).returns("ruled".to_owned());
    assert_eq!(store.greet("a"), "once");
    assert_eq!(store.greet("x"), "ruled");
    assert_eq!(store.greet("b"), " greets b");
    store.greet.returns("standing".to_owned());
    assert_eq!(store.greet("c"), "standing");
    store.greet.calls_default();
    assert_eq!(store.greet("d"), " greets d");
}

#[test]
fn calls_default_on_a_spy_runs_the_body_against_the_spy() {
    let store = MockStore::wrapping(Memory::default());
    store.greet.calls_default();
    assert_eq!(store.greet("eve"), "memory greets eve");
    assert_eq!(store.mock_calls(), [call!(greet("eve")), call!(name())]);
    store.greet.calls_real();
    assert_eq!(store.greet("eve"), "real hello, eve");
}

#[test]
fn calls_real_on_a_plain_mock_panics_naming_the_fix() {
    let store = MockStore::default();
    let message = panic_message(|| store.get.calls_real());
    assert_eq!(
        message,
        "MockStore.get.calls_real(): MockStore has no real implementation to call; \
         make the mock with `MockStore::wrapping(real)` (the trait needs `#[autospec(spy)]`)."
    );
}

#[test]
fn calls_real_on_a_method_a_spy_cannot_forward_panics() {
    let store = MockStore::wrapping(Memory::default());
    let message = panic_message(|| store.typed.of::<u8>().calls_real());
    assert!(
        message.starts_with(
            "MockStore.typed.calls_real(): `MockStore::wrapping(real)` cannot forward `typed`"
        ),
        "{message}"
    );
}

/// Associated types: the real must have the mock's.
#[autospec(spy, type Item = u32)]
pub trait Source {
    type Item;
    fn next(&mut self) -> Option<Self::Item>;
}

struct Countdown(u32);

impl Source for Countdown {
    type Item = u32;
    fn next(&mut self) -> Option<u32> {
        self.0 = self.0.checked_sub(1)?;
        Some(self.0)
    }
}

#[test]
fn traits_with_associated_types_forward_to_a_real_with_the_same_types() {
    let mut source = MockSource::wrapping(Countdown(2));
    assert_eq!(source.next(), Some(1));
    assert_eq!(source.next(), Some(0));
    assert_eq!(source.next(), None);
    assert_eq!(source.next.call_count(), 3);
}

/// An open associated type becomes a parameter of the mock.
#[autospec(spy)]
pub trait Open {
    type Out: Clone;
    fn make(&self) -> Self::Out;
}

struct Maker;

impl Open for Maker {
    type Out = &'static str;
    fn make(&self) -> &'static str {
        "made"
    }
}

#[test]
fn open_associated_types_are_taken_from_the_mock_type() {
    let open: MockOpen<&'static str> = MockOpen::wrapping(Maker);
    assert_eq!(open.make(), "made");
}

/// A spy can be shared with another thread.
#[test]
fn spies_are_send_and_sync() {
    let store = MockStore::wrapping(memory(&[("a", 1)]));
    let worker = store.clone();
    std::thread::spawn(move || assert_eq!(worker.get("a"), Some(1)))
        .join()
        .unwrap();
    store.get.assert_called_once();
}

/// Async methods: `wrapping(real)` forwards them too (Python's
/// `AsyncMock(wraps=real)`), holding the real until the call's future
/// completes.
mod async_spies {
    use super::support::{block_on, panic_message};
    use autospec::prelude::*;
    use std::collections::BTreeMap;
    use std::future::Future;
    use std::pin::Pin;

    #[autospec(spy)]
    pub trait Repo {
        async fn load(&self, key: &str) -> Option<String>;
        fn save(&mut self, key: String, value: String) -> impl Future<Output = bool> + Send;
        fn count(&self) -> Pin<Box<dyn Future<Output = usize> + Send + '_>>;
    }

    #[derive(Default)]
    pub struct Memory(BTreeMap<String, String>);

    impl Repo for Memory {
        async fn load(&self, key: &str) -> Option<String> {
            std::future::ready(self.0.get(key).cloned()).await
        }

        fn save(&mut self, key: String, value: String) -> impl Future<Output = bool> + Send {
            let fresh = self.0.insert(key, value).is_none();
            async move { fresh }
        }

        fn count(&self) -> Pin<Box<dyn Future<Output = usize> + Send + '_>> {
            Box::pin(async move { self.0.len() })
        }
    }

    #[test]
    fn async_methods_reach_the_real_and_journal_their_awaits() {
        let mut repo = MockRepo::wrapping(Memory::default());
        assert!(block_on(repo.save("a".into(), "1".into())));
        assert!(!block_on(repo.save("a".into(), "2".into())));
        assert_eq!(block_on(repo.load("a")), Some("2".to_owned()));
        assert_eq!(block_on(repo.count()), 1);
        repo.save.assert_has_awaits([("a", "1"), ("a", "2")]);
        repo.load.assert_awaited_once_with(("a",));
        assert_eq!(
            repo.mock_calls(),
            [
                call!(save("a", "1")),
                call!(save("a", "2")),
                call!(load("a")),
                call!(count())
            ]
        );
    }

    #[test]
    fn configured_answers_win_and_calls_real_goes_back() {
        let repo = MockRepo::wrapping(Memory(BTreeMap::from([("k".into(), "real".into())])));
        repo.load.returns_once(None);
        repo.count.returns(99);
        assert_eq!(block_on(repo.load("k")), None);
        assert_eq!(
            block_on(repo.load("k")),
            Some("real".to_owned()),
            "the one-shot is used up"
        );
        assert_eq!(block_on(repo.count()), 99);
        repo.count.calls_real();
        assert_eq!(block_on(repo.count()), 1);
    }

    #[test]
    fn a_plain_mock_has_no_real_for_its_async_methods() {
        let repo = MockRepo::default();
        let message = panic_message(|| repo.load.calls_real());
        assert!(
            message.contains("has no real implementation to call"),
            "{message}"
        );
    }

    /// The future of a `Send` method stays `Send`: a multi-threaded runtime
    /// may move it between its workers while it waits for the real.
    #[test]
    fn a_send_method_is_forwarded_on_a_multi_threaded_runtime() {
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .build()
            .unwrap();
        let repo = MockRepo::wrapping(Memory::default());
        let saved = runtime.block_on(async {
            let tasks: Vec<_> = (0..8)
                .map(|n| {
                    let mut repo = repo.clone();
                    tokio::spawn(async move { repo.save(format!("k{n}"), "v".into()).await })
                })
                .collect();
            let mut saved = 0;
            for task in tasks {
                saved += usize::from(task.await.unwrap());
            }
            saved
        });
        assert_eq!(saved, 8, "each call reached the one real, in turn");
        assert_eq!(block_on(repo.count()), 8);
        assert_eq!(repo.save.await_count(), 8);
    }

    #[autospec(spy)]
    #[async_trait::async_trait]
    pub trait Mailer: Send + Sync {
        async fn send(&self, to: &str, body: String) -> bool;
    }

    pub struct Outbox;

    #[async_trait::async_trait]
    impl Mailer for Outbox {
        async fn send(&self, to: &str, body: String) -> bool {
            !to.is_empty() && !body.is_empty()
        }
    }

    #[test]
    fn async_trait_methods_are_forwarded() {
        let mailer = MockMailer::wrapping(Outbox);
        assert!(block_on(mailer.send("ann", "hi".into())));
        assert!(!block_on(mailer.send("", "hi".into())));
        mailer.send.assert_has_awaits([("ann", "hi"), ("", "hi")]);
    }
}

/// `calls_default()` on async default methods: the trait's own body runs
/// against the mock, journaled as a call and, once it completes, an await.
mod async_defaults {
    use super::support::block_on;
    use autospec::prelude::*;
    use std::future::Future;
    use std::pin::Pin;

    #[autospec]
    pub trait Greeter {
        async fn name(&self) -> String;
        async fn greet(&self, who: &str) -> String {
            format!("{} greets {who}", self.name().await)
        }
        fn shout(&self, who: &str) -> impl Future<Output = String> + Send {
            let who = who.to_uppercase();
            async move { format!("HEY {who}") }
        }
        fn boxed(&self, n: usize) -> Pin<Box<dyn Future<Output = usize> + Send + '_>> {
            Box::pin(async move { n * 2 })
        }
    }

    #[test]
    fn the_default_bodies_run_against_the_mock() {
        let greeter = MockGreeter::default();
        greeter.name.returns("Ann".to_owned());
        greeter.greet.calls_default();
        greeter.shout.calls_default();
        greeter.boxed.calls_default();
        assert_eq!(block_on(greeter.greet("Bob")), "Ann greets Bob");
        assert_eq!(block_on(greeter.shout("bob")), "HEY BOB");
        assert_eq!(block_on(greeter.boxed(3)), 6);
        assert_eq!(
            greeter.mock_calls(),
            [
                call!(greet("Bob")),
                call!(name()),
                call!(shout("bob")),
                call!(boxed(3))
            ]
        );
        greeter.greet.assert_awaited_once_with(("Bob",));
        greeter.name.assert_awaited();
        assert_eq!(greeter.boxed.await_count(), 1);
    }

    #[test]
    fn answers_still_come_first_and_a_dropped_body_is_not_awaited() {
        let greeter = MockGreeter::default();
        greeter.greet.calls_default();
        greeter.greet.returns_once("scripted".to_owned());
        assert_eq!(block_on(greeter.greet("x")), "scripted");
        drop(greeter.greet("y")); // the body never ran
        greeter.greet.assert_called_with(("y",));
        greeter.greet.assert_awaited_once_with(("x",));
        greeter.greet.returns("standing".to_owned());
        assert_eq!(block_on(greeter.greet("z")), "standing");
    }

    /// A `Send` signature keeps a `Send` future when the body runs.
    #[test]
    fn the_future_of_a_send_method_stays_send() {
        fn assert_send<T: Send>(value: T) -> T {
            value
        }
        let greeter = MockGreeter::default();
        greeter.shout.calls_default();
        assert_eq!(block_on(assert_send(greeter.shout("a"))), "HEY A");
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .build()
            .unwrap();
        let shouted = runtime.block_on(async {
            let greeter = greeter.clone();
            tokio::spawn(async move { greeter.shout("b").await })
                .await
                .unwrap()
        });
        assert_eq!(shouted, "HEY B");
    }
}
