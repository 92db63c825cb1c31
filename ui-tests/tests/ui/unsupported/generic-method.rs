use autospec::prelude::*;

#[autospec]
pub trait Store {
    fn get<K: AsRef<str>>(&self, key: K) -> Option<String>;
}

fn main() {}
