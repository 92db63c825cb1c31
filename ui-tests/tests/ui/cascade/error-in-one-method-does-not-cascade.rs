// One unsupported method must produce one error: the test code below, which
// uses the mock's other methods as if the trait were fine, must not add
// errors of its own. The macro emits the trait and the error but no mock;
// rustc then suppresses the "cannot find `MockStore`" errors that follow.
use autospec::prelude::*;

#[autospec]
pub trait Store {
    fn get(&self, key: &str) -> Option<String>;
    fn get_mut(&mut self, key: &str) -> Result<&mut String, String>;
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
