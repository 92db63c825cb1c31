// A trait impl is the real implementation; the mock comes from the trait.
use autospec::prelude::*;

pub trait Store {
    fn get(&self) -> u8;
}

pub struct Real;

#[autospec]
impl Store for Real {
    fn get(&self) -> u8 {
        1
    }
}

fn main() {}
