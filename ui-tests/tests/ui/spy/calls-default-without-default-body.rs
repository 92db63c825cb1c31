// `calls_default()` exists only for methods with a default body: `get` has none.
use autospec::prelude::*;

#[autospec]
pub trait Store {
    fn get(&self, key: &str) -> Option<String>;
    fn greet(&self) -> String {
        String::from("hi")
    }
}

fn main() {
    let store = MockStore::default();
    store.greet.calls_default();
    store.get.calls_default();
}
