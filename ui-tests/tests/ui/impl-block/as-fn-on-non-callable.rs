// Only a mock whose spec has `call` is callable (Python's NonCallableMock).
pub struct Store;

#[autospec::autospec]
impl Store {
    pub fn get(&self, key: &str) -> Option<String> {
        let _ = key;
        None
    }
}

fn main() {
    let store = MockStore::default();
    let _f = store.as_fn();
}
