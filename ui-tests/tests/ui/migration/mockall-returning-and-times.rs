// mockall habits on a child mock: each names the autospec way.
use autospec::prelude::*;

#[autospec]
pub trait Store {
    fn get(&self, key: &str) -> Option<String>;
}

fn main() {
    let store = MockStore::default();
    store.get.returning(|_| None);
    store.get.times(1);
    store.get.once();
}
