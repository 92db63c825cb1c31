//! Matchers, `args!`, `assert_called!`, `when` rules and the messages that
//! name the mismatching argument.

mod support;

use autospec::prelude::*;
use support::panic_message;

#[autospec]
trait Store {
    fn get(&self, key: &str) -> Option<String>;
    fn put(&self, key: &str, value: Vec<u8>);
    fn find(&self, id: Option<u32>) -> bool;
    fn count(&self, n: u64) -> u64;
}

#[test]
fn args_accepts_values_wildcards_matchers_and_closures() {
    let store = MockStore::default();
    store.put("user:1", vec![1, 2, 3, 4]);
    store.put.assert_called_with(args!("user:1", _));
    store.put.assert_called_with(args!(ANY, [1, 2, 3, 4]));
    store
        .put
        .assert_called_with(args!(starts_with("user:"), contains(3)));
    store
        .put
        .assert_called_with(args!(ends_with(":1"), |v: &Vec<u8>| v.len() == 4));
    store
        .put
        .assert_called_with(args!(not(eq("admin")), b"\x01\x02\x03\x04"));
    store.put.assert_called_with(args!(
        or(eq("a"), eq("user:1")),
        and(contains(1), not(contains(9)))
    ));
    store
        .put
        .assert_called_with(args!(ne("x"), pred(|v: &Vec<u8>| v[0] == 1)));
}

#[test]
fn ordering_matchers_compare_with_the_journaled_number() {
    let store = MockStore::default();
    for n in [1, 5, 7, 2] {
        store.count(n);
    }
    assert_eq!(store.count.calls_matching(args!(gt(4))), 2);
    assert_eq!(store.count.calls_matching(args!(ge(5))), 2);
    assert_eq!(store.count.calls_matching(args!(lt(2))), 1);
    assert_eq!(store.count.calls_matching(args!(le(2))), 2);
    assert_eq!(store.count.calls_matching((7,)), 1);
    assert_eq!(store.count.calls_matching(args!(_)), 4);
}

#[test]
fn a_mismatching_matcher_fails() {
    let store = MockStore::default();
    store.put("k", vec![1]);
    for expected in [
        args!("q", _),
        args!(_, contains(2)),
        args!(_, |v: &Vec<u8>| v.is_empty()),
    ] {
        assert!(panic_message(|| store.put.assert_called_with(&expected))
            .contains("expected call not found"));
    }
}

#[test]
fn assert_called_takes_guards_bindings_closures_and_patterns() {
    let store = MockStore::default();
    store.put("k", vec![1, 2, 3, 4]);
    store.find(Some(7));
    assert_called!(store.put("k", _));
    assert_called!(store.put(_, v) if v.len() > 3);
    assert_called!(store.put(key, v) if key.len() == 1 && v[0] == 1);
    assert_called!(store.put(|key| key.starts_with('k'), contains(4)));
    assert_called!(store.find(matches_pattern!(Some(n) if *n > 2)));
    assert_called!(store.find(Some(7)));
    let wanted = String::from("k");
    assert_called!(store.put(wanted.as_str(), _));
}

#[test]
fn assert_called_fails_naming_the_argument_and_closest_calls_first() {
    let store = MockStore::default();
    store.put("q", vec![]);
    store.put("k", vec![1, 2]);
    let message = panic_message(|| assert_called!(store.put("k", v) if v.len() > 3));
    assert_eq!(
        message,
        r#"MockStore.put: expected call not found.
Expected: put("k", v) if v.len() > 3 (at any position)
Calls (2), closest first:
  put("k", [1, 2])
    arg 1 (value): expected v.len() > 3, got [1, 2]
  put("q", [])
    arg 0 (key): expected "k", got "q"
    arg 1 (value): expected v.len() > 3, got []"#
    );
}

#[test]
fn assert_called_with_names_each_mismatching_argument_of_the_last_call() {
    let store = MockStore::default();
    store.put("q", vec![9]);
    let message = panic_message(|| store.put.assert_called_with(args!("k", contains(1))));
    assert_eq!(
        message,
        r#"MockStore.put: expected call not found.
Expected: put("k", contains 1)
  Actual: put("q", [9])
          arg 0 (key): expected "k", got "q"
          arg 1 (value): expected contains 1, got [9]
Calls (1): [put("q", [9])]"#
    );
    let message = panic_message(|| store.put.assert_called_with(("q", [1])));
    assert!(
        message.contains("arg 1 (value): expected [1], got [9]"),
        "{message}"
    );
}

#[test]
fn a_pattern_mismatch_is_named() {
    let store = MockStore::default();
    store.find(None);
    let message = panic_message(|| assert_called!(store.find(matches_pattern!(Some(_)))));
    assert!(
        message.contains("arg 0 (id): expected matches Some(_), got None"),
        "{message}"
    );
}

#[test]
fn has_calls_and_any_order_accept_matchers() {
    let store = MockStore::default();
    for key in ["a", "b", "c"] {
        store.get(key);
    }
    store.get.assert_has_calls([args!(_), args!("c")]);
    store
        .get
        .assert_has_calls_any_order([args!("c"), args!(starts_with("a"))]);
    let message = panic_message(|| store.get.assert_has_calls([args!("c"), args!(_)]));
    assert_eq!(
        message,
        r#"MockStore.get: expected calls not found in order.
Expected: [get("c"), get(_)]
  Actual: [get("a"), get("b"), get("c")]"#
    );
}

#[test]
fn when_rules_answer_before_other_answers_newest_first() {
    let store = MockStore::default();
    store.get.returns(Some("default".into()));
    store
        .get
        .when(args!(starts_with("user:")))
        .returns(Some("user".into()));
    store.get.when(("user:root",)).returns(Some("root".into()));
    assert_eq!(store.get("user:ana"), Some("user".into()));
    assert_eq!(store.get("user:root"), Some("root".into()));
    assert_eq!(store.get("x"), Some("default".into()));
    // Every call is journaled, whichever rule answered.
    assert_eq!(store.get.call_count(), 3);
    store.get.assert_called_with(("x",));
}

#[test]
fn when_rules_with_queues_closures_and_panics() {
    let store = MockStore::default();
    store.count.when(args!(gt(100))).returns_with(|(n,)| n * 2);
    store.count.when((1,)).returns_each([10, 11]);
    store.count.when((13,)).panics("unlucky");
    assert_eq!(store.count(1), 10);
    assert_eq!(store.count(1), 11);
    assert_eq!(store.count(1), 0); // spent: the default
    assert_eq!(store.count(200), 400);
    assert_eq!(
        panic_message(|| {
            store.count(13);
        }),
        "unlucky"
    );
    assert_eq!(store.count.call_count(), 5);
}

#[test]
fn a_rule_closure_may_call_the_mock_s_other_methods() {
    let store = MockStore::default();
    let inner = store.clone();
    store
        .count
        .when((1,))
        .returns_with(move |_| u64::from(inner.find(Some(1))) + 1);
    store.find.returns(true);
    assert_eq!(store.count(1), 2);
    // Journaled before its answer runs, as every call is.
    assert_eq!(store.mock_calls(), [call!(count(1)), call!(find(Some(1)))]);
}

#[test]
fn unused_rule_answers_fail_verify() {
    let store = MockStore::default();
    store.count.when((1,)).returns_once(3);
    assert!(panic_message(|| store.verify()).contains("1 one-shot answer never used"));
    store.count(1);
    store.verify();
}

#[test]
fn await_assertions_accept_matchers() {
    #[autospec]
    trait Fetch {
        async fn fetch(&self, url: &str) -> u8;
    }
    let fetch = MockFetch::default();
    support::block_on(fetch.fetch("https://a"));
    fetch.fetch.assert_awaited_with(args!(starts_with("https")));
    fetch.fetch.assert_any_await(args!(_));
    fetch.fetch.assert_has_awaits([args!(contains("a"))]);
}

#[test]
fn the_journal_pretty_prints_one_call_per_line_with_what_it_returned() {
    #[derive(Debug)]
    struct Handle;
    #[autospec]
    trait Repo {
        fn get(&self, key: &str) -> Option<String>;
        fn put(&self, key: &str, value: Vec<u8>);
        fn open(&self) -> std::sync::Arc<Handle>;
        fn scores(&self) -> Vec<u32>;
    }
    let repo = MockRepo::default();
    repo.get.when(("a",)).returns(Some("v".into()));
    repo.scores.returns_with(|| vec![1, 2]);
    repo.get("a");
    repo.put("a", vec![1]);
    repo.get("b");
    repo.scores();
    repo.open.returns(std::sync::Arc::new(Handle));
    let _ = repo.open();
    assert_eq!(
        format!("{:#?}", repo.mock_calls()),
        r#"[
    get("a") -> Some("v"),
    put("a", [1]),
    get("b") -> None,
    scores() -> [1, 2],
    open() -> Handle,
]"#
    );
    // What a call returned is not part of comparing calls.
    assert_eq!(repo.mock_calls()[0], call!(get("a")));
    repo.reset_mock();
    repo.get("c");
    assert_eq!(format!("{:?}", repo.mock_calls()), r#"[get("c") -> None]"#);
}
