// Only a mock with methods without `self` has a class.
use autospec::prelude::*;

#[autospec]
pub trait Store {
    fn get(&self, key: &str) -> Option<String>;
}

fn main() {
    let _class = MockStore::class();
}
