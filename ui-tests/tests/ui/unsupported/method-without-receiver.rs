use autospec::prelude::*;

#[autospec]
pub trait Store {
    fn open(path: &str) -> Option<String>;
}

fn main() {}
