use autospec::prelude::*;
use std::borrow::Cow;

#[autospec]
pub trait Names {
    fn name<'a>(&self, key: &'a str) -> Cow<'a, str>;
}

fn main() {}
