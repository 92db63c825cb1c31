// A `when` rule or a sequence given no answer configures nothing.
#![deny(unused_must_use)]
use autospec::prelude::*;

#[autospec]
pub trait Store {
    fn get(&self, key: &str) -> Option<String>;
}

fn main() {
    let store = MockStore::default();
    store.get.when(("k",));
    store.get.sequence();
}
