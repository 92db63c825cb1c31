use autospec::prelude::*;

#[autospec]
pub trait Finder {
    fn find(&self, id: Option<u32>) -> bool;
}

fn main() {
    let finder = MockFinder::default();
    finder.find(Some(1));
    finder.find.assert_called_with(args!(matches_pattern!(Some(_))));
}
