// `returns_with`'s closure takes the parameters as declared: `&str`.
use autospec::prelude::*;

#[autospec]
pub trait Store {
    fn get(&self, key: &str) -> Option<String>;
}

fn main() {
    let store = MockStore::default();
    store.get.returns_with(|key: String| Some(key));
}
