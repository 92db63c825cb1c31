use autospec::prelude::*;
use std::cell::Cell;

#[autospec]
pub trait Counter {
    fn current(&self) -> &'static Cell<u32>;
}

fn main() {
    let counter = MockCounter::default();
    let shared: &'static Cell<u32> = Box::leak(Box::new(Cell::new(0)));
    counter.current.returns_static(shared);
}
