use autospec::prelude::*;

#[autospec]
pub trait Store {
    fn get(&self, key: &str) -> u32;
}

fn main() {
    let store = MockStore::default();
    let key = String::from("k");
    // A rule outlives this scope, so it must own what it compares with.
    store.get.when(args!(&key[..])).returns(1);
}
