// `of::<T>()` picks an instantiation of a generic method; `get` has none.
use autospec::prelude::*;

#[autospec]
pub trait Store {
    fn get(&self, key: &str) -> Option<String>;
}

fn main() {
    let store = MockStore::default();
    store.get.of::<String>().returns(None);
}
