//! The exact text of every failure message: messages are part of the API.
#![allow(missing_docs)]

use autospec::prelude::*;

mod support;
use support::panic_message;

#[autospec]
pub trait Store {
    fn get(&self, key: &str) -> Option<String>;
    fn put(&self, key: &str, value: Vec<u8>);
    fn load(&self) -> std::fs::File;
}

fn store_with_calls(keys: &[&str]) -> MockStore {
    let store = MockStore::default();
    for key in keys {
        store.get(key);
    }
    store
}

#[test]
fn assert_called_with_shows_expected_actual_and_all_calls() {
    let store = store_with_calls(&["q", "r"]);
    let message = panic_message(|| store.get.assert_called_with(("k",)));
    assert_eq!(
        message,
        "MockStore.get: expected call not found.\n\
         Expected: get(\"k\")\n  Actual: get(\"r\")\n\
         \x20         arg 0 (key): expected \"k\", got \"r\"\n\
         Calls (2): [get(\"q\"), get(\"r\")]"
    );
}

#[test]
fn assert_called_with_on_an_uncalled_method() {
    let store = store_with_calls(&[]);
    let message = panic_message(|| store.get.assert_called_with(("k",)));
    assert_eq!(
        message,
        "MockStore.get: expected call not found.\nExpected: get(\"k\")\n  Actual: not called."
    );
}

#[test]
fn count_assertions_phrase_counts_alike() {
    let store = store_with_calls(&["a", "b"]);
    assert_eq!(
        panic_message(|| store.get.assert_called_once()),
        "MockStore.get: expected 1 call, got 2.\nCalls (2): [get(\"a\"), get(\"b\")]"
    );
    assert_eq!(
        panic_message(|| store.get.assert_not_called()),
        "MockStore.get: expected 0 calls, got 2.\nCalls (2): [get(\"a\"), get(\"b\")]"
    );
    assert_eq!(
        panic_message(|| store.put.assert_called()),
        "MockStore.put: expected at least 1 call, got 0."
    );
    assert_eq!(
        panic_message(|| store.put.assert_called_once()),
        "MockStore.put: expected 1 call, got 0."
    );
}

#[test]
fn assert_called_times_names_both_counts_and_the_calls() {
    let store = store_with_calls(&["a", "b"]);
    store.get.assert_called_times(2);
    store.get.assert_called_times(1..=2);
    assert_eq!(
        panic_message(|| store.get.assert_called_times(3)),
        "MockStore.get: expected 3 calls, got 2.\nCalls (2): [get(\"a\"), get(\"b\")]"
    );
    assert_eq!(
        panic_message(|| store.get.assert_called_times(3..)),
        "MockStore.get: expected at least 3 calls, got 2.\nCalls (2): [get(\"a\"), get(\"b\")]"
    );
    assert_eq!(
        panic_message(|| store.get.assert_called_times(..2)),
        "MockStore.get: expected at most 1 call, got 2.\nCalls (2): [get(\"a\"), get(\"b\")]"
    );
    assert_eq!(
        panic_message(|| store.put.assert_called_times(1..3)),
        "MockStore.put: expected 1 to 2 calls, got 0."
    );
}

#[test]
fn assert_called_once_with_reports_the_count_first() {
    let store = store_with_calls(&["k", "k"]);
    assert_eq!(
        panic_message(|| store.get.assert_called_once_with(("k",))),
        "MockStore.get: expected 1 call, got 2.\nExpected: get(\"k\")\nCalls (2): [get(\"k\"), get(\"k\")]"
    );
    let once = store_with_calls(&["q"]);
    assert_eq!(
        panic_message(|| once.get.assert_called_once_with(("k",))),
        "MockStore.get: expected call not found.\nExpected: get(\"k\")\n  Actual: get(\"q\")\n\
         \x20         arg 0 (key): expected \"k\", got \"q\"\nCalls (1): [get(\"q\")]"
    );
}

#[test]
fn assert_any_call_lists_what_was_seen() {
    let store = store_with_calls(&["a", "b"]);
    assert_eq!(
        panic_message(|| store.get.assert_any_call(("z",))),
        "MockStore.get: expected call not found.\nExpected: get(\"z\") (at any position)\n\
         Calls (2), closest first:\n\
         \x20 get(\"b\")\n    arg 0 (key): expected \"z\", got \"b\"\n\
         \x20 get(\"a\")\n    arg 0 (key): expected \"z\", got \"a\""
    );
}

#[test]
fn assert_has_calls_in_order_and_any_order() {
    let store = store_with_calls(&["a", "b", "c"]);
    store.get.assert_has_calls([("b",), ("c",)]);
    store.get.assert_has_calls(Vec::<(&str,)>::new());
    assert_eq!(
        panic_message(|| store.get.assert_has_calls([("c",), ("b",)])),
        "MockStore.get: expected calls not found in order.\n\
         Expected: [get(\"c\"), get(\"b\")]\n  Actual: [get(\"a\"), get(\"b\"), get(\"c\")]"
    );
    assert_eq!(
        panic_message(|| store.get.assert_has_calls([("a",), ("c",)])),
        "MockStore.get: expected calls not found in order.\n\
         Expected: [get(\"a\"), get(\"c\")]\n  Actual: [get(\"a\"), get(\"b\"), get(\"c\")]"
    );
    store.get.assert_has_calls_any_order([("c",), ("a",)]);
    assert_eq!(
        panic_message(|| store.get.assert_has_calls_any_order([("a",), ("a",), ("d",)])),
        "MockStore.get: expected calls not found.\n\
         Expected (any order): [get(\"a\"), get(\"a\"), get(\"d\")]\n Missing: [get(\"a\"), get(\"d\")]\n\
         \x20 Actual: [get(\"a\"), get(\"b\"), get(\"c\")]"
    );
}

#[test]
fn byte_arguments_render_as_lists() {
    let store = MockStore::default();
    store.put("k", vec![1, 2]);
    assert_eq!(
        panic_message(|| store.put.assert_called_with(("k", [3u8]))),
        "MockStore.put: expected call not found.\nExpected: put(\"k\", [3])\n  Actual: put(\"k\", [1, 2])\n\
         \x20         arg 1 (value): expected [3], got [1, 2]\n\
         Calls (1): [put(\"k\", [1, 2])]"
    );
}

#[test]
fn sealed_mock_names_mock_method_arguments_and_fix() {
    let store = MockStore::strict();
    assert_eq!(
        panic_message(|| {
            store.get("k");
        }),
        "MockStore.get(\"k\"): the mock is sealed and this method has no answer.\n\
         Configure one with .get.returns(..), .get.returns_with(..) or .get.returns_once(..)."
    );
    store.get.assert_called_once_with(("k",));
}

#[test]
fn return_type_without_default_names_the_type() {
    let store = MockStore::default();
    assert_eq!(
        panic_message(|| {
            store.load();
        }),
        "MockStore.load(): no answer is configured and the mock knows no default for `File`.\n\
         Configure one with .load.returns(..), .load.returns_with(..) or .load.returns_once(..)."
    );
}

/// A generic trait: its mock's code names `V`, not `u32`.
#[autospec]
pub trait Slot<V: Clone + std::fmt::Debug + Send + 'static> {
    /// The value.
    fn value(&self) -> V;
}

#[test]
fn a_type_parameter_has_no_default_even_where_its_type_has_one() {
    let slot = MockSlot::<u32>::default();
    assert_eq!(
        panic_message(|| {
            slot.value();
        }),
        "MockSlot.value(): no answer is configured and the mock knows no default for `u32`.\n\
         Configure one with .value.returns(..), .value.returns_with(..) or .value.returns_once(..)."
    );
    slot.value.returns(3);
    assert_eq!(slot.value(), 3);
}

#[test]
fn exhausted_one_shot_answers_panic_instead_of_defaulting() {
    let store = MockStore::default();
    store
        .get
        .returns_each([Some("1".to_string()), Some("2".to_string())]);
    assert_eq!(store.get("a").as_deref(), Some("1"));
    assert_eq!(store.get("b").as_deref(), Some("2"));
    assert_eq!(
        panic_message(|| {
            store.get("c");
        }),
        "MockStore.get(\"c\"): its 2 one-shot answers (returns_once, returns_each, sequence) are used up and no standing answer follows them.\n\
         Queue more, or say what follows them: .get.returns(..) or .get.returns_with(..), or .then_default() at the end of a sequence to get the default."
    );
}

#[test]
fn arguments_without_debug_render_as_their_type_name() {
    pub struct Secret(#[allow(dead_code)] u8);
    #[autospec]
    pub trait Vault {
        fn keep(&self, secret: Secret);
    }
    impl Clone for Secret {
        fn clone(&self) -> Self {
            Secret(self.0)
        }
    }
    let vault = MockVault::default();
    vault.keep(Secret(1));
    assert_eq!(vault.mock_calls(), [call!(keep(Secret(1)))]);
    assert_eq!(vault.mock_calls()[0].args(), ["Secret"]);
    assert_eq!(
        panic_message(|| vault.keep.assert_not_called()),
        "MockVault.keep: expected 0 calls, got 1.\nCalls (1): [keep(Secret)]"
    );
}

#[test]
fn debug_of_a_mock_shows_name_and_calls() {
    let store = store_with_calls(&["a"]);
    store.put("b", vec![]);
    assert_eq!(
        format!("{store:?}"),
        "MockStore { calls: [get(\"a\") -> None, put(\"b\", [])] }"
    );
    assert_eq!(
        format!("{:?}", store.get),
        "Method { name: \"MockStore.get\", calls: [get(\"a\") -> None] }"
    );
}

#[test]
fn exhaustion_counts_the_latest_batch_of_one_shot_answers() {
    let store = MockStore::default();
    store.get.returns_once(None);
    store.get("a");
    store.get.returns_each([None, None]);
    store.get("b");
    store.get("c");
    let message = panic_message(|| {
        store.get("d");
    });
    assert!(
        message.starts_with("MockStore.get(\"d\"): its 2 one-shot answers"),
        "{message}"
    );
}

#[test]
fn a_single_used_up_one_shot_answer_is_reported_in_the_singular() {
    #[autospec]
    trait Dice {
        fn roll(&self) -> Result<u8, String>;
    }
    let dice = MockDice::default();
    dice.roll.returns_once(Ok(6));
    dice.roll().ok();
    assert_eq!(
        support::panic_message(|| {
            dice.roll().ok();
        }),
        "MockDice.roll(): its 1 one-shot answer (returns_once, returns_each, sequence) is used up and no standing answer follows it.\n\
         Queue more, or say what follows it: .roll.returns(..) or .roll.returns_with(..), or .then_default() at the end of a sequence to get the default."
    );
}

#[test]
fn verify_names_every_method_with_unused_one_shot_answers() {
    #[autospec]
    trait Store {
        fn get(&self, key: &str) -> Option<String>;
        fn put(&self, key: &str);
        fn count<T: 'static>(&self) -> usize;
    }
    let store = MockStore::default();
    store
        .get
        .returns_each([Some("a".into()), Some("b".into()), None]);
    store.put.returns_once(());
    store.count.of::<u8>().returns_once(1);
    store.get("x");
    store.put("y");
    assert_eq!(
        support::panic_message(|| store.verify()),
        "MockStore: configured answers were never used (returns_once, returns_each, sequence):\n  \
         MockStore.get: 2 one-shot answers never used\n  \
         MockStore.count::<u8>: 1 one-shot answer never used"
    );
    store.get("x");
    store.get("x");
    store.count::<u8>();
    store.verify();
}

#[test]
fn calls_that_are_not_journaled_are_still_counted() {
    #[autospec]
    trait Sink {
        fn push(&self, sample: u32);
    }
    let sink = MockSink::default();
    sink.push(1);
    sink.push.journal_calls(false);
    sink.push(2);
    sink.push.journal_calls(true);
    sink.push(3);
    assert_eq!(sink.push.call_count(), 3);
    assert_eq!(sink.push.call_args_list(), [(1,), (3,)]);
    sink.push.reset();
    assert_eq!(sink.push.call_count(), 0);
}
