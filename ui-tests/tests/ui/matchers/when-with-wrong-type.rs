// A `when` rule compares with the method's arguments.
use autospec::prelude::*;

#[autospec]
pub trait Store {
    fn get(&self, key: &str) -> Option<String>;
}

fn main() {
    let store = MockStore::default();
    store.get.when((1u8,)).returns(None);
}
