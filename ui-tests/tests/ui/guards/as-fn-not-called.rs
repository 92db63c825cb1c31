// `as_fn()` makes a closure; dropping it unused does nothing.
#![deny(unused_must_use)]
use autospec::prelude::*;

#[autospec]
pub trait Handler {
    fn call(&self, event: u32) -> bool;
}

fn main() {
    let handler = MockHandler::default();
    handler.as_fn();
}
