use autospec::prelude::*;

#[autospec]
pub enum Answer {
    Yes,
    No,
}

fn main() {}
