use autospec::prelude::*;

#[autospec]
pub trait Factory {
    fn make<F: Fn(u32) -> u32 + 'static>(&self) -> F;
}

fn main() {}
