use autospec::prelude::*;

#[autospec(type Key = u32, type Key = u64)]
pub trait Store {
    type Key;
    fn first(&self) -> Option<Self::Key>;
}

fn main() {}
