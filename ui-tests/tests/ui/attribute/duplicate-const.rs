use autospec::prelude::*;

#[autospec(const LIMIT: usize = 1, const LIMIT: usize = 2)]
pub trait Store {
    const LIMIT: usize;
    fn len(&self) -> usize;
}

fn main() {}
