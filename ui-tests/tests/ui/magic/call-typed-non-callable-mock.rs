//! A mock of a spec without `call` is Python's NonCallableMock: it cannot
//! be called, and has no `as_fn()` to turn it into a closure.
use autospec::autospec;

#[autospec(magic(Display))]
trait Store {
    fn get(&self, key: &str) -> u8;
}

fn main() {
    let store = MockStore::default();
    store("k");
}
