// A mistake in the attribute's arguments must produce one error: the mock
// should still exist, so that the test code below adds no errors of its own.
use autospec::prelude::*;

#[autospec(foo)]
pub trait Store {
    fn get(&self, key: &str) -> Option<String>;
}

fn main() {
    let store = MockStore::default();
    store.get.returns(Some("v".into()));
    assert_eq!(store.get("k"), Some("v".into()));
    store.get.assert_called_once_with(("k",));
}
