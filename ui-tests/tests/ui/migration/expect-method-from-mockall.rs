// mockall's `expect_get()` is the field `get` here.
use autospec::prelude::*;

#[autospec]
pub trait Store {
    fn get(&self, key: &str) -> Option<String>;
}

fn main() {
    let mut store = MockStore::default();
    store.expect_get().returning(|_| None);
}
