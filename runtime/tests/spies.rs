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
