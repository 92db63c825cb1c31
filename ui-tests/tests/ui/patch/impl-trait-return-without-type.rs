use autospec::prelude::*;

// A patch answers instead of the body, so it answers with the body's type,
// which the attribute must name.
#[autospec]
pub fn numbers(n: u32) -> impl Iterator<Item = u32> {
    0..n
}

fn main() {}
