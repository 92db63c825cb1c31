use autospec::prelude::*;

#[autospec]
pub trait Store {
    const CAPACITY: usize;
    fn len(&self) -> usize;
}

fn main() {}
