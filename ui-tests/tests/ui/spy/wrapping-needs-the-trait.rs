// `wrapping(real)` needs a real implementation of the mocked trait.
use autospec::prelude::*;

#[autospec(spy)]
pub trait Store {
    fn get(&self, key: &str) -> Option<String>;
}

struct NotAStore;

fn main() {
    let _store = MockStore::wrapping(NotAStore);
}
