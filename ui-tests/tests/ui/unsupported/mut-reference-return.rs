use autospec::prelude::*;

#[autospec]
pub trait Store {
    fn get_mut(&mut self, key: &str) -> &mut String;
}

fn main() {}
