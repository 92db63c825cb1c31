// `type X = ..` in the attribute must name one of the trait's associated
// types; a typo would otherwise make the mock silently generic.
use autospec::prelude::*;

#[autospec(type Itme = u32)]
pub trait Source {
    type Item;
    fn next_item(&mut self) -> Option<Self::Item>;
}

fn main() {}
