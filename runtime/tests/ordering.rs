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
        "[\n    store.get(\"k\") -> Some(\"v\"),\n    cache.put(\"k\", \"v\"),\n    cache.evict(\"k\"),\n]"
    );
}

/// Functions the code under test calls directly, patched below.
mod net {
    #[autospec::autospec]
    pub fn fetch(url: &str) -> String {
        format!("real {url}")
    }

    #[autospec::autospec]
    pub fn parse<T: std::str::FromStr + Default + 'static>(text: &str) -> T {
        text.parse().unwrap_or_default()
    }

    pub struct Client;

    #[autospec::autospec]
    impl Client {
        pub fn connect(url: &str) -> Self {
            let _ = url;
            Client
        }
        #[allow(clippy::unused_self)]
        pub fn close(&self) {}
    }
}

/// Fetches, caches, and fetches again through a client it connects.
fn mirror(cache: &dyn Cache, url: &str) -> u32 {
    let body = net::fetch(url);
    cache.put(url, body);
    let client = net::MockClient::connect(url);
    client.close();
    net::parse::<u32>(&net::fetch("/count"))
}

/// Python: a manager `Mock()` with `attach_mock(fetch_patch, "fetch")` and
/// `attach_mock(cache, "cache")`: one `mock_calls` across patches, mocks and
/// a class, and order assertions over all of them.
#[test]
fn patches_classes_and_mocks_share_one_journal_in_call_order() {
    let fetch = patch!(net::fetch);
    fetch.returns_each(["<html>".into(), "7".into()]);
    let parse = patch!(net::parse);
    parse.calls_original();
    let class = net::MockClient::class();
    let cache = MockCache::default();

    assert_eq!(mirror(&cache, "/a"), 7);

    assert_eq!(
        autospec::merged_calls!(fetch, cache, class, parse),
        [
            call!(fetch("/a")),
            call!(cache.put("/a", "<html>")),
            call!(class.connect("/a")),
            call!(fetch("/count")),
            Call::new("parse::<u32>", vec!["\"7\"".into()]),
        ]
    );
    assert_in_order!(
        fetch("/a"),
        cache.put("/a", _),
        class.connect(_),
        fetch("/count")
    );
    assert_in_order!(cache.put(_, _), parse::<u32>("7"));
    assert_called!(fetch(|url| url.starts_with('/')));
    class.instance().close.assert_called_once();
    net::Client::connect("/real").close(); // the real type is untouched
}

#[test]
fn an_order_failure_names_the_patched_function() {
    let fetch = patch!(net::fetch);
    let cache = MockCache::default();
    cache.put("k", "v".into());
    net::fetch("/b");
    let message = panic_message(|| assert_in_order!(fetch("/b"), cache.put("k", _)));
    assert_eq!(
        message,
        "calls not in the expected order: step 2 has no matching call after step 1.\n\
         Expected order:\n  1. patch.fetch(\"/b\")\n  2. MockCache.put(\"k\", _)\n\
         Calls, in order (2):\n  MockCache.put(\"k\", \"v\")\n  patch.fetch(\"/b\")"
    );
}
