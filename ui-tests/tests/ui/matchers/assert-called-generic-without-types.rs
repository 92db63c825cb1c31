// A generic method has one child mock per instantiation: a written call
// must name it with its type arguments.
use autospec::prelude::*;

#[autospec]
pub trait Bus {
    fn send<T: std::fmt::Debug + PartialEq + 'static>(&self, message: T);
}

fn main() {
    let bus = MockBus::default();
    bus.send(7u8);
    assert_called!(bus.send(7u8));
}
