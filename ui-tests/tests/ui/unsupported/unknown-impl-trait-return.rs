use autospec::prelude::*;

// No box of a trait object is `Clone`: the attribute names the type.
#[autospec]
pub trait Factory {
    fn make(&self) -> impl Clone;
}

fn main() {}
