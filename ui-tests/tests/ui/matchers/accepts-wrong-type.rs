// `accepts` takes the forms of the method's arguments.
use autospec::prelude::*;

#[autospec]
pub trait Store {
    fn get(&self, key: &str) -> Option<String>;
}

fn main() {
    let store = MockStore::default();
    store.get.accepts((1u8,));
}
