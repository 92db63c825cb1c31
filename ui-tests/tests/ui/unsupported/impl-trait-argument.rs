use autospec::prelude::*;

#[autospec]
pub trait Store {
    fn get(&self, key: impl AsRef<str>) -> Option<String>;
}

fn main() {}
