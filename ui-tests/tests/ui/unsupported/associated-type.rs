use autospec::prelude::*;

#[autospec]
pub trait Store {
    type Key;
    fn len(&self) -> usize;
}

fn main() {}
