use autospec::prelude::*;

#[autospec]
pub const LIMIT: u32 = 10;

fn main() {}
