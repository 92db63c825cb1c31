// `wrapping` exists only on mocks of traits marked `#[autospec(spy)]`.
// `wrapping(real)` needs a real implementation of the mocked trait.
use autospec::prelude::*;

#[autospec]
pub trait Store {
    fn get(&self, key: &str) -> Option<String>;
}

struct NotAStore;

fn main() {
    let _store = MockStore::wrapping(NotAStore);
}
