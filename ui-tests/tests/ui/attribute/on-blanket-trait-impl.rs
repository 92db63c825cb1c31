// A blanket impl has no type to name the mock after; the mock of every
// implementer comes from the trait.
use autospec::prelude::*;

pub trait Store {
    fn get(&self) -> u8;
}

#[autospec]
impl<T: Clone> Store for T {
    fn get(&self) -> u8 {
        1
    }
}

fn main() {}
