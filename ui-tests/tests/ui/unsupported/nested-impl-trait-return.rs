use autospec::prelude::*;

#[autospec]
pub trait Store {
    fn keys(&self) -> Option<impl Iterator<Item = u8>>;
}

fn main() {}
