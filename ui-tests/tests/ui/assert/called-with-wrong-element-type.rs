use autospec::prelude::*;

#[autospec]
pub trait Store {
    fn get(&self, key: &str) -> Option<String>;
}

fn main() {
    let store = MockStore::default();
    let _ = store.get("k");
    store.get.assert_called_with((1u32,));
}
