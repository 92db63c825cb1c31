// `returns_static` is for methods that return `&'static T`.
use autospec::prelude::*;

#[autospec]
pub trait Store {
    fn get(&self, key: &str) -> Option<String>;
}

fn main() {
    let store = MockStore::default();
    store.get.returns_static(&None);
}
