// `assert_called!` checks each argument against the parameter's type.
use autospec::prelude::*;

#[autospec]
pub trait Store {
    fn get(&self, key: &str) -> Option<String>;
}

fn main() {
    let store = MockStore::default();
    let _ = store.get("k");
    assert_called!(store.get(1u8));
}
