use autospec::prelude::*;

#[autospec]
pub trait Factory {
    fn make<T: Default>(&self) -> T;
}

fn main() {}
