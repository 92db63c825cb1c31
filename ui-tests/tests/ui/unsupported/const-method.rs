use autospec::prelude::*;

#[autospec]
pub trait Limits {
    const fn max(&self) -> u32;
}

fn main() {}
