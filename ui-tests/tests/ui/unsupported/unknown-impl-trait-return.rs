use autospec::prelude::*;

#[autospec]
pub trait Factory {
    fn make(&self) -> impl Clone;
}

fn main() {}
