use autospec::prelude::*;

#[autospec]
pub struct Store {
    pub items: Vec<String>,
}

fn main() {}
