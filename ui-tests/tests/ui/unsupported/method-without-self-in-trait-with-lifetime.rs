use autospec::prelude::*;

#[autospec]
pub trait Parser<'a> {
    fn version() -> u32;
    fn parse(&self, text: &'a str) -> u32;
}

fn main() {}
