//! The README's example: mock a trait, hand the mock to the code under test,
//! then assert on what happened and print the journal.

use autospec::prelude::*;

/// A key-value store the application reads through.
#[autospec]
pub trait Store {
    /// The value stored under `key`, if any.
    fn get(&self, key: &str) -> Option<String>;
    /// Stores `value` under `key`.
    fn put(&mut self, key: String, value: Vec<u8>);
}

/// The code under test: a cache that asks the store only on a miss.
struct Cache {
    store: Box<dyn Store>,
    hits: std::collections::HashMap<String, String>,
}

impl Cache {
    fn lookup(&mut self, key: &str) -> Option<String> {
        if let Some(hit) = self.hits.get(key) {
            return Some(hit.clone());
        }
        let value = self.store.get(key)?;
        self.hits.insert(key.to_owned(), value.clone());
        Some(value)
    }
}

fn main() {
    // Arrange: a mock whose `get` answers "v".
    let store = MockStore::default();
    store.get.returns(Some("v".into()));

    // Act: the cache owns a handle to the same mock.
    let mut cache = Cache {
        store: Box::new(store.clone()),
        hits: std::collections::HashMap::new(),
    };
    assert_eq!(cache.lookup("k"), Some("v".into()));
    assert_eq!(cache.lookup("k"), Some("v".into()));

    // Assert: the second lookup was a hit, so the store saw one call.
    store.get.assert_called_once_with(("k",));
    println!("passed: store.get.assert_called_once_with((\"k\",))");
    store.put.assert_not_called();
    println!("passed: store.put.assert_not_called()");
    assert_eq!(store.mock_calls(), [call!(get("k"))]);
    println!("passed: store.mock_calls() == [call!(get(\"k\"))]");

    println!("\njournal: {:?}", store.mock_calls());
    println!("mock:    {store:?}");

    // A failing assertion explains itself: this one fails on purpose.
    println!("\nand now an assertion that fails on purpose, to show its message:");
    std::panic::set_hook(Box::new(|_| {})); // keep the demo's output clean
    let failure = std::panic::catch_unwind(|| store.get.assert_called_with(("q",)));
    drop(std::panic::take_hook());
    let message = failure.unwrap_err();
    println!(
        "store.get.assert_called_with((\"q\",)) fails with:\n{}",
        message.downcast_ref::<String>().unwrap()
    );
}
