//! Order across mocks: one sequence over all mocks, `assert_in_order!` and
//! the merged journal of `merged_calls!`.

mod support;

use autospec::prelude::*;
use support::panic_message;

#[autospec]
trait Store {
    fn get(&self, key: &str) -> Option<String>;
}

#[autospec]
trait Cache {
    fn put(&self, key: &str, value: String);
    fn evict(&self, key: &str);
}

/// Reads through the cache: what the ordering assertions check.
fn read_through(store: &dyn Store, cache: &dyn Cache, key: &str) -> Option<String> {
    let value = store.get(key)?;
    cache.put(key, value.clone());
    Some(value)
}

#[test]
fn calls_of_several_mocks_are_checked_in_order() {
    let (store, cache) = (MockStore::default(), MockCache::default());
    store.get.returns(Some("v".into()));
    read_through(&store, &cache, "a");
    read_through(&store, &cache, "b");
    assert_in_order!(
        store.get("a"),
        cache.put("a", _),
        store.get("b"),
        cache.put("b", "v")
    );
    // Other calls may come between the steps.
    assert_in_order!(store.get("a"), cache.put("b", _));
    assert_in_order!(store.get(k) if k == "b", cache.put(_, v) if v == "v");
}

#[test]
fn a_step_out_of_order_fails_and_shows_the_merged_calls() {
    let (store, cache) = (MockStore::default(), MockCache::default());
    cache.evict("a");
    store.get("a");
    let message = panic_message(|| assert_in_order!(store.get("a"), cache.evict("a")));
    assert_eq!(
        message,
        r#"calls not in the expected order: step 2 has no matching call after step 1.
Expected order:
  1. MockStore.get("a")
  2. MockCache.evict("a")
Calls, in order (2):
  MockCache.evict("a")
  MockStore.get("a")"#
    );
    let message = panic_message(|| assert_in_order!(store.get("z")));
    assert!(
        message.starts_with("calls not in the expected order: step 1 has no matching call.\n"),
        "{message}"
    );
}

#[test]
fn the_merged_journal_names_each_mock() {
    let (store, cache) = (MockStore::default(), MockCache::default());
    store.get.returns(Some("v".into()));
    read_through(&store, &cache, "k");
    cache.evict("k");
    let merged = autospec::merged_calls!(store, cache);
    assert_eq!(
        merged,
        [
            call!(store.get("k")),
            call!(cache.put("k", "v")),
            call!(cache.evict("k"))
        ]
    );
    assert_eq!(
        format!("{merged:#?}"),
        "[\n    store.get(\"k\"),\n    cache.put(\"k\", \"v\"),\n    cache.evict(\"k\"),\n]"
    );
}
