use autospec::prelude::*;

// A generic associated type cannot be a parameter of the mock; the
// attribute gives it a type.
#[autospec]
pub trait Lending {
    type Item<'a>
    where
        Self: 'a;
    fn count(&self) -> usize;
}

fn main() {}
