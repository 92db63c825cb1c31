use autospec::prelude::*;

#[autospec]
pub trait Parser<'a> {
    fn get<T: Default + 'static>(&self, text: &'a str) -> T;
}

fn main() {}
