// `name(..)` stands for the function of a `patch!` guard; a mock's method
// is written `mock.method(..)`.
use autospec::prelude::*;

#[autospec]
trait Store {
    fn get(&self, key: &str) -> Option<String>;
}

fn main() {
    let store = MockStore::default();
    store.get("k");
    assert_in_order!(store("k"));
}
