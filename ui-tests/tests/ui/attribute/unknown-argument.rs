use autospec::prelude::*;

#[autospec(foo)]
pub trait Store {
    fn get(&self, key: &str) -> Option<String>;
}

fn main() {}
