use autospec::prelude::*;

#[autospec]
pub trait Store {
    fn keys(&self) -> impl Iterator<Item = String>;
}

fn main() {}
