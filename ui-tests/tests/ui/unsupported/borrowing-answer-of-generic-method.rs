use autospec::prelude::*;
use std::borrow::Cow;

// A generic method keeps its answers per type, which cannot borrow from a call.
#[autospec]
pub trait Names {
    fn name<'a, T: 'static>(&self, key: &'a str) -> Cow<'a, str>;
}

fn main() {}
