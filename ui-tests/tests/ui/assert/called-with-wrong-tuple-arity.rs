use autospec::prelude::*;

#[autospec]
pub trait Store {
    fn put(&mut self, key: String, value: Vec<u8>);
}

fn main() {
    let mut store = MockStore::default();
    store.put("k".to_owned(), vec![1]);
    store.put.assert_called_with(("k",));
}
