// A generic method whose type parameter is not `'static` has no per-type
// child mock; an `AsRef<str>` bound still lets the journal keep the argument
// as a `String`, and the answer closure receives the `&str`.
use autospec::prelude::*;

#[autospec]
pub trait Store {
    fn get<K: AsRef<str>>(&self, key: K) -> Option<String>;
}

fn main() {
    let store = MockStore::default();
    store.get.returns_with(|key| Some(key.to_uppercase()));
    assert_eq!(store.get("a"), Some("A".to_owned()));
    assert_eq!(store.get(String::from("b")), Some("B".to_owned()));
    store.get.assert_has_calls([("a",), ("b",)]);
}
