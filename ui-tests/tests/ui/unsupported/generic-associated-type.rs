use autospec::prelude::*;

#[autospec]
pub trait Lending {
    type Item<'a>
    where
        Self: 'a;
    fn count(&self) -> usize;
}

fn main() {}
