// One unsupported method must produce one error: the test code below, which
// uses the mock's other methods as if the trait were fine, must not add
// errors of its own. `get_mut` keeps the trait dyn compatible, so every
// error after the first comes from the stub mock, not from the trait.
//
// The committed .stderr records what happens today: the stub `MockStore` has
// no fields and implements neither `Store` nor `Mock`, so every use below
// adds an error. Once the stub is complete, the snapshot shrinks to the first
// error; regenerate it then.
use autospec::prelude::*;

#[autospec]
pub trait Store {
    fn get(&self, key: &str) -> Option<String>;
    fn get_mut(&mut self, key: &str) -> &mut String;
    fn put(&mut self, key: String, value: Vec<u8>);
}

fn lookup(store: &dyn Store, key: &str) -> Option<String> {
    store.get(key)
}

fn main() {
    let mut store = MockStore::default();
    store.get.returns(Some("v".into()));
    assert_eq!(lookup(&store, "k"), Some("v".into()));
    store.put("k".into(), vec![1]);
    store.get.assert_called_once_with(("k",));
    store.put.assert_called_with(("k", vec![1u8]));
    assert_eq!(store.mock_calls().len(), 2);
}
