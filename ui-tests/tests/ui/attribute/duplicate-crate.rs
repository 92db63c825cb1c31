use autospec::prelude::*;

#[autospec(crate = ::autospec, crate = ::autospec)]
pub trait Store {
    fn len(&self) -> usize;
}

fn main() {}
