use autospec::prelude::*;

#[autospec]
pub trait Store {
    fn get(&self) -> u8;
    fn __autospec_core(&self) -> u8;
}

fn main() {}
